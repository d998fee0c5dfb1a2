import { beforeAll, describe, expect, it } from 'vitest';
import { createJapaneseTokenizer, type Tokenize } from '../../src/analyze/japanese-tokenizer.js';

let tokenize: Tokenize;
beforeAll(async () => {
  tokenize = await createJapaneseTokenizer();
});

const words = (text: string) => tokenize(text).map((m) => `${m.surface}/${m.pos}`);

describe('a compound before って', () => {
  it('keeps its last kanji as the suffix it is, not a verb (協議会って: no 会う)', () => {
    expect(words('協議会って何')).toEqual(['協議/名詞', '会/名詞', 'って/助詞', '何/名詞']);
    expect(words('市長の政策集って')).toContain('集/名詞');
    expect(tokenize('推進係って').find((m) => m.surface === '係')).toMatchObject({ start: 2, reading: 'ガカリ' });
  });

  it('reads the kanji after a verb plain form as the noun it describes (専門にやる係って)', () => {
    expect(words('専門にやる係って、作ったの')).toContain('係/名詞');
    expect(words('人を集める会って何')).toContain('会/名詞');
    // A verb's te-form before it is a chain of verbs (持って帰って).
    expect(words('持って帰って')).toContain('帰っ/動詞');
  });

  it('reads the kanji after の as a noun of its own (専門の係って), a verb after を as a verb', () => {
    expect(words('専門の係って、できたの')).toContain('係/名詞');
    expect(words('役割を担って')).toContain('担っ/動詞');
  });

  it('reads an everyday verb after its object with を dropped as the verb (曲作って: 作る, not the suffix 作)', () => {
    expect(words('子どもが曲作って応募する')).toContain('作っ/動詞');
    expect(words('仮想の市民を10万人作って')).toContain('作っ/動詞');
  });

  it('reads a suffix and the kanji as the word they make (後援 / 会 / 報って: 会報)', () => {
    expect(words('この後援会報ってあのー')).toEqual([
      'この/連体詞',
      '後援/名詞',
      '会報/名詞',
      'って/助詞',
      'あのー/フィラー',
    ]);
  });

  it('leaves a verb after a particle or an adverb as a verb (友達に会って, 全部払って)', () => {
    expect(words('友達に会って話した')).toContain('会っ/動詞');
    expect(words('全部払って')).toContain('払っ/動詞');
  });
});
