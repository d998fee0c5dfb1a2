import { describe, expect, it } from 'vitest';
import { lexiconWordOf, segmentKana, type KanaLexicon } from '../../src/analyze/kana-words.js';
import { buildSoundIndex } from '../../src/analyze/sound-index.js';

const word = (text: string, weak = false) => ({ text, terms: [{ text, weak }] });
const lexicon: KanaLexicon = new Map([
  ['シミン', [word('市民')]],
  ['キョウドウ', [word('きょうどう')]],
  ['キョウ', [word('きょう')]],
  ['ドウガ', [word('動画')]],
  ['ヒツヨウ', [word('必要')]],
  ['アシ', [word('足')]],
  ['シカ', [word('鹿')]],
  ['ハタケ', [word('畑')]],
  ['メザシ', [word('目指す', true)]],
  ['ジキ', [word('時期')]],
  ['ワクワク', [word('ワクワク')]],
  ['サン', [word('産')]],
  ['ザンギョウ', [word('残業')]],
  ['ハッキ', [word('発揮')]],
  ['タイノウ', [word('滞納')]],
  ['ハシ', [word('走る', true)]],
]);

/** The pieces as staff would read them: [word], plain function words, <neither>. */
const cut = (run: string) =>
  segmentKana(run, lexicon)
    .map((p) => (p.kind === 'word' ? `[${p.text}]` : p.kind === 'unknown' ? `<${p.text}>` : p.text))
    .join(' ');

describe('segmentKana', () => {
  it('cuts a sentence typed in hiragana into the corpus words, particles and endings', () => {
    expect(cut('しみんきょうどうがひつよう')).toBe('[しみん] [きょうどう] が [ひつよう]');
    expect(cut('めざしてたの')).toBe('[めざし] てた の');
  });

  it('reads ってる after a stem cut before its small っ as the ending, leaving no stray kana (はし・ってる・の)', () => {
    expect(cut('はしってるの')).toBe('[はし] ってる の');
    // After a noun it is no verb ending.
    expect(cut('しみんってるの')).not.toContain('ってる');
  });

  it('reads かんする and たいして (about) as function words, not as a word the corpus lacks', () => {
    expect(cut('きそくにかんする')).toBe('<きそく> に かんする');
  });

  it('keeps a word the corpus lacks whole, cut at the particles around it', () => {
    expect(cut('りんごはえらべる')).toBe('<りんご> は <えらべる>');
  });

  it('leaves the ん of 〜るんです out of a verb the corpus lacks (あがるんですか)', () => {
    expect(cut('できあがるんですか')).toContain('<あがる> ん');
  });

  it('reads everyday adverbs (はっきり) whole, and no word right after a stem an ending must follow (させ・たい)', () => {
    expect(cut('はっきりさせたいのです')).toBe('はっきり させ たい の です');
    const slips = buildSoundIndex(lexicon).byReadingWithoutLongVowels;
    const pieces = segmentKana('させたいのです', lexicon, false, slips);
    expect(pieces.filter((p) => p.kind === 'word')).toEqual([]);
  });

  it('reads the suffix 的 and the words it makes adverbs of (さいしゅうてきに) as naming no topic', () => {
    expect(cut('さいしゅうてきになんにん')).toBe('さいしゅう てきに なんにん');
    expect(cut('しみんてきな')).toBe('[しみん] てきな');
  });

  it('reads words that lead an example or a summary (たとえば, つまり) as naming no topic', () => {
    expect(cut('たとえばしみん')).toBe('たとえば [しみん]');
    expect(cut('つまりしみん')).toBe('つまり [しみん]');
  });

  it('never reads a noun followed by a verb ending (あした is no 足 + た)', () => {
    expect(cut('あした')).toBe('あした');
    expect(cut('あしが')).toBe('[あし] が');
  });

  it('reads a sound said twice as one adverb, not as two words (じきじき is no 時期 時期)', () => {
    expect(cut('じきじきに')).toBe('じきじき に');
    // Unless the corpus has the doubled word itself.
    expect(cut('わくわくする')).toBe('[わくわく] する');
    // A sound with a small kana said twice is most often a noun (きゅうきゅう: 救急), not an adverb.
    expect(cut('きゅうきゅうの')).toBe('<きゅうきゅう> の');
  });

  it('does not open a sentence with a particle (しか is 鹿 there, not the particle)', () => {
    expect(cut('しかがはたけを')).toBe('[しか] が [はたけ] を');
  });

  it('never cuts a sound in two (し・ゅっしんち) and reads さん after a name as an honorific, not 産', () => {
    expect(cut('しみんさんのしゅっしんち')).toBe('[しみん] さん の <しゅっしんち>');
  });
});

describe('segmentKana with a long vowel left out', () => {
  const heardLexicon: KanaLexicon = new Map([
    ['カンコウキョク', [word('観光局')]],
    ['ネーミングライツ', [word('ネーミングライツ')]],
    ['カコウ', [word('加工')]],
    ['ミン', [word('民')]],
  ]);
  const sounds = buildSoundIndex(heardLexicon);
  const heard = (run: string) =>
    segmentKana(run, heardLexicon, false, sounds.byReadingWithoutLongVowels)
      .map((p) => (p.kind === 'word' ? `[${p.words?.[0]?.text ?? ''}]` : p.kind === 'unknown' ? `<${p.text}>` : p.text))
      .join(' ');

  it('reads a word typed without its long vowel as the corpus word (かんこきょく, ねみんぐらいつ)', () => {
    expect(heard('かんこきょく')).toBe('[観光局]');
    expect(heard('ねみんぐらいつ')).toBe('[ネーミングライツ]');
  });

  it('reads a particle before a word as a particle, not as a word missing its long vowel (の残業: no ノー残業)', () => {
    const withPhrase: KanaLexicon = new Map([
      ['ノーザンギョウ', [word('ノー残業')]],
      ['ザンギョウ', [word('残業')]],
    ]);
    const index = buildSoundIndex(withPhrase);
    const pieces = segmentKana('のざんぎょう', withPhrase, true, index.byReadingWithoutLongVowels);
    expect(pieces.map((p) => p.words?.[0]?.text ?? p.text)).toEqual(['の', '残業']);
  });

  it('never reads a short piece so (かこ is no かこう) nor opens a word with a long-vowel mark', () => {
    expect(heard('かこ')).toBe('<かこ>');
    expect(heard('ねーみん')).not.toContain('[民]');
  });
});

describe('lexiconWordOf', () => {
  it('reads a katakana word the dictionary does not know as it is written', () => {
    const unknown = { surface: 'ネーミングライツ', start: 0, base: 'ネーミングライツ', reading: undefined };
    expect(lexiconWordOf({ ...unknown, pos: '名詞', posDetail: '固有名詞' })?.reading).toBe('ネーミングライツ');
  });
});
