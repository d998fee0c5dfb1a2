import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine.js';
import { contentTerms } from '../../src/search/search.js';
import { bundledEngine } from '../support/bot-server.js';

let engine: Engine;
beforeAll(async () => {
  engine = await bundledEngine();
});

const content = (q: string) => contentTerms(engine.ask(q).terms).map((t) => t.text);

describe('questionTerms on the bundled corpus', () => {
  it('reads a sentence typed in hiragana as the corpus writes its words', () => {
    expect(content('ぼうさいくんれんのじっせき')).toEqual(['防災', '訓練', '実績']);
  });

  it('leaves kana after a word to the dictionary when it reads it as grammar (でしょうか, できた)', () => {
    expect(content('駅は使いやすくなったのでしょうか')).not.toContain('しょう');
    expect(content('奨学金ができたと聞きました')).not.toContain('きた');
  });

  it('cuts hiragana after a katakana word into words too (スポーツ + しんこうのせいさく)', () => {
    expect(content('スポーツしんこうのせいさくは？')).toEqual(['スポーツ', '振興', '政策']);
  });

  it('takes nothing from kana words of no topic (けっこう, いま)', () => {
    expect(content('残業ってけっこう減った？')).toEqual(['残業']);
    expect(content('ふるさと市民っていま何人？')).toEqual(['市民', 'ふるさと']);
  });
});
