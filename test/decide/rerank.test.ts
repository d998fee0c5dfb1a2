import { describe, expect, it } from 'vitest';
import { titleNames } from '../../src/decide/rerank.js';
import { bundledEngine } from '../support/bot-server.js';

describe('titleNames', () => {
  it('tells a title naming the thing asked about from one naming a longer thing that starts with it', () => {
    expect(titleNames('こもろ未来プロジェクトの5つの柱', '未来プロジェクト')).toBe('itself');
    expect(titleNames('『こもろ未来プロジェクト』の約束は概ね着実に実行', '未来プロジェクト')).toBe('itself');
    // 教育編 of the project: a plan of its own, as a compound is a kind of its last word.
    expect(titleNames('小諸未来プロジェクト教育編の策定', '未来プロジェクト')).toBe('other');
    expect(titleNames('複合型施設の6つの機能', '機能')).toBe('itself');
    expect(titleNames('ふるさと納税の推進', '機能')).toBeUndefined();
  });
});

describe('an entry named after the thing asked', () => {
  it('comes first when the citizen names the thing with what it belongs to (市長の政策の柱っつうの)', async () => {
    const engine = await bundledEngine();
    const { decision } = engine.ask('市長の政策の柱っつうの、いくつあるだい？');
    expect(decision.hits[0]?.entry.id).toBe('five-pillars');
  });
});
