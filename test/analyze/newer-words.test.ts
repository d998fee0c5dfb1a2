import { beforeAll, describe, expect, it } from 'vitest';
import { createJapaneseTokenizer, type Tokenize } from '../../src/analyze/japanese-tokenizer.js';

let tokenize: Tokenize;
beforeAll(async () => {
  tokenize = await createJapaneseTokenizer();
});

describe('words newer than the dictionary', () => {
  it('come out whole: 令和 is one era name, not 令 and 和', () => {
    const morphemes = tokenize('令和2年に完成');
    expect(morphemes[0]).toMatchObject({ surface: '令和', start: 0, reading: 'レイワ', pos: '名詞' });
    expect(morphemes[1]).toMatchObject({ surface: '2', start: 2 });
  });

  it('are not made of pieces of other words', () => {
    expect(tokenize('命令和解').map((m) => m.surface)).toEqual(['命令', '和解']);
    expect(tokenize('平和と令状').map((m) => m.surface)).not.toContain('令和');
  });
});
