import { beforeAll, describe, expect, it } from 'vitest';
import type { Tokenize } from '../../src/analyze/japanese-tokenizer.js';
import type { KanaLexicon } from '../../src/analyze/kana-words.js';
import { heardKatakana, misheardWords, textAsHeard, type SoundVocabulary } from '../../src/analyze/misheard-words.js';
import { looseKatakana, unvoiced, withoutLongVowels } from '../../src/analyze/kana-sounds.js';
import { buildSoundIndex } from '../../src/analyze/sound-index.js';
import { onReadings } from '../../src/analyze/kanji-on-readings.js';
import { normalizeText } from '../../src/normalize/normalize.js';
import { realTokenizer } from '../support/tokenizer.js';

const word = (text: string, ...terms: string[]) => ({
  text,
  terms: (terms.length > 0 ? terms : [text]).map((t) => ({ text: t, weak: false })),
});
/** A small corpus: its words by reading, and its text. */
const lexicon: KanaLexicon = new Map([
  ['シンダイ', [word('信大', '信')]],
  ['ブキョク', [word('部局')]],
  ['ジョウホウ', [word('情報')]],
  ['センター', [word('センター')]],
  ['ポータル', [word('ポータル')]],
  ['ベッド', [word('ベッド')]],
  ['チクマガワ', [word('千曲川')]],
  ['コウエンカイ', [word('後援会', '後援', '会')]],
  ['ジシン', [word('自身')]],
  ['インバウンド', [word('インバウンド')]],
  ['ノブヨ', [word('のぶよ')]],
  ['シミン', [word('市民')]],
  ['タイノウ', [word('滞納')]],
  ['トウシ', [word('投資')]],
  ['ジョセイ', [word('女性')]],
  ['ヤセイ', [word('野生')]],
  ['ホウカゴ', [word('放課後')]],
  ['キョウドウ', [word('共同'), word('協同')]],
  ['スポーツカ', [word('スポーツ課', 'スポーツ', '課')]],
  ['ミナオシ', [word('見直し')]],
  ['サシオサエ', [word('差し押さえ')]],
  ['ケントウカイ', [word('検討会', '検討', '会')]],
  ['ベンキョウカイ', [word('勉強会', '勉強', '会')]],
]);
const corpusText =
  '信大 こもろ情報部局 センター ポータル ベッド 千曲川 後援会 自身 インバウンド 公園 講演 市民 滞納 投資 女性 野生 放課後 共同 協同 スポーツ課 見直し 差し押さえ 見える 検討会 勉強会';

let tokenize: Tokenize;
let vocabulary: SoundVocabulary;
beforeAll(async () => {
  tokenize = await realTokenizer();
  vocabulary = {
    lexicon,
    sounds: buildSoundIndex(lexicon),
    inCorpus: (text) => corpusText.includes(text),
    readKanji: (kanji) =>
      tokenize(kanji)
        .map((m) => m.reading ?? '')
        .join('') || undefined,
    onReadings,
  };
});

/** What each stretch of a question is heard as: 信代 → 信大. */
const heard = (question: string) => {
  const normalized = normalizeText(question);
  return misheardWords(normalized, tokenize(normalized), vocabulary).map(
    (h) => `${h.written} → ${h.words.map((w) => w.text).join('/')}`,
  );
};

describe('misheardWords', () => {
  it('reads a name the corpus never uses kanji by kanji, as voice input spells a word it does not know', () => {
    // The dictionary reads 信代 as the name ノブヨ; kanji by kanji it reads シンダイ, as 信大 does.
    expect(heard('信代と一緒にセミナーやった？')).toEqual(['信代 → 信大']);
    expect(heard('新大と農業をやってる')).toEqual(['新大 → 信大']);
  });

  it('hears kanji the dictionary cut into pieces, leaving the word of the corpus before them as written', () => {
    // 部曲っていう is cut 部・曲っ・て・いう; 情報 is the corpus's own word and stays.
    expect(heard('こもろ情報部曲っていうのを作る')).toEqual(['部曲 → 部局']);
  });

  it('hears kanji written for a katakana word, long-vowel mark and all', () => {
    expect(heard('ファミリーサポート千田ーって新しい施設に入るの')).toEqual(['千田ー → センター']);
  });

  it('hears a word spelled as the corpus spells it but for one kanji of the same sound', () => {
    // 側 and 川 both read ガワ at the end of チクマガワ.
    expect(heard('千曲側ワインバレー特区')).toEqual(['千曲側 → 千曲川']);
  });

  it('hears a word of two kanji typed with another kanji of the same on-reading (私民, 体納, 頭資)', () => {
    // The dictionary reads 私 alone as ワタシ and 体 as カラダ; their on-readings are those of 市 and 滞.
    expect(heard('ふるさと私民って何人')).toEqual(['私民 → 市民']);
    expect(heard('税金の体納は')).toEqual(['体納 → 滞納']);
    expect(heard('未来への頭資')).toEqual(['頭資 → 投資']);
    // 区 (ク) and 市 (シ) share no reading: 区民 is meant as written, and so is a name before さん.
    expect(heard('区民の声')).toEqual([]);
    expect(heard('私民さんに聞いた')).toEqual([]);
  });

  it('hears the word whose kanji reads exactly as the one typed before one that does only voicing aside', () => {
    // 生 reads セイ as 性 does; 女 (ジョ) and 野 (ショ) differ in voicing.
    expect(heard('審議会の女生の割合')).toEqual(['女生 → 女性']);
  });

  it('hears a stretch holding a word the dictionary knows as a word that keeps it (放課語: 放課後)', () => {
    expect(heard('放課語の預かり')).toEqual(['放課語 → 放課後']);
  });

  it('hears a word of three kanji whose slip of one kanji made a word the dictionary knows (検当会: 当会)', () => {
    // 当 reads トウ as 討 does, 教 キョウ as 強; the dictionary took 当会 and 教会 for words of their own.
    expect(heard('どこの検当会で話し合ってますか')).toEqual(['検当会 → 検討会']);
    expect(heard('なんの勉教会ですか')).toEqual(['勉教会 → 勉強会']);
    // 問 (モン) shares no reading with 討: 検問会 is meant as written.
    expect(heard('検問会はいつ')).toEqual([]);
  });

  it('of words that sound alike, puts first the one that keeps more of what was typed', () => {
    expect(heard('協動の取り組み')).toEqual(['協動 → 協同/共同']);
  });

  it('hears a katakana word and one kanji of the same on-reading as the corpus word (スポーツ化 → スポーツ課)', () => {
    expect(heard('なんかスポーツ化ってできたんですか')).toEqual(['スポーツ化 → スポーツ課']);
    // A longer compound (スポーツ化学), or one the corpus uses, is meant as written.
    expect(heard('スポーツ化学の研究')).toEqual([]);
  });

  it('hears a word with kana endings converted with other kanji of its sound (身直し → 見直し, 差し抑え → 差し押さえ)', () => {
    expect(heard('区の身直しはいつ？')).toEqual(['身直し → 見直し']);
    expect(heard('去年の差し抑えは何件')).toEqual(['差し抑え → 差し押さえ']);
    // A word with kana endings that the corpus writes so (見える) is meant as written.
    expect(heard('目に見える成果')).toEqual([]);
  });

  it('never takes a word the corpus uses for another that sounds the same', () => {
    // The corpus has 公園 and 講演: each is meant as written.
    expect(heard('公園の講演')).toEqual([]);
  });

  it('takes a word the dictionary knows, and a stretch holding one, as meant (講演会 is no 後援会, 自信 no 自身)', () => {
    expect(heard('講演会はいつ？')).toEqual([]);
    expect(heard('自信がない')).toEqual([]);
  });

  it('takes a name followed by an honorific for a person, not a word misheard', () => {
    expect(heard('信代さんに会いたい')).toEqual([]);
  });

  it('hears no word the corpus writes in hiragana: voice input does not spell those in kanji', () => {
    // The dictionary's reading of 信代, ノブヨ, is the corpus's のぶよ; the kanji's sounds are 信大's.
    expect(heard('信代のセミナー')).toEqual(['信代 → 信大']);
  });
});

describe('heardKatakana', () => {
  it('hears a katakana word the corpus never uses as one it does but for voicing or a long-vowel mark', () => {
    expect(heardKatakana('インバウント', vocabulary)?.words.map((w) => w.text)).toEqual(['インバウンド']);
    // Three kana are heard only as a word that lost its long vowel; a slip of voicing there is too often another word.
    expect(heardKatakana('ポタル', vocabulary)?.words.map((w) => w.text)).toEqual(['ポータル']);
    expect(heardKatakana('ベット', vocabulary)).toBeUndefined();
    expect(heardKatakana('センダー', vocabulary)?.words.map((w) => w.text)).toEqual(['センター']);
  });

  it('leaves a katakana word the corpus uses as it is', () => {
    expect(heardKatakana('センター', vocabulary)).toBeUndefined();
  });
});

describe('kana sounds', () => {
  it('ignores voicing, and long vowels as each kind of word spells them', () => {
    expect(unvoiced('ガダバパ')).toBe('カタハハ');
    expect(looseKatakana('センダー')).toBe(looseKatakana('センター'));
    expect(withoutLongVowels('カンコウキョク')).toBe('カンコキョク');
    expect(withoutLongVowels('ネーミング')).toBe('ネミング');
    expect(withoutLongVowels('セイサクシュウ')).toBe('セサクシュ');
    // A vowel said twice, as romaji spells a long one (supootsu), reads as the word with ー.
    expect(withoutLongVowels('スポオツ')).toBe(withoutLongVowels('スポーツ'));
    expect(withoutLongVowels('ケエキ')).toBe(withoutLongVowels('ケーキ'));
  });
});

describe('textAsHeard', () => {
  it("writes a word heard as the corpus's in its place, so that what is asked reads as meant", () => {
    const text = '差押え県数はどれくらい増えた';
    const heard = { start: 3, end: 5, heardAs: [word('件数')] };
    expect(textAsHeard(text, [{ start: 0, end: 3 }, heard])).toBe('差押え件数はどれくらい増えた');
  });

  it('leaves a word heard as one of another length, so that every offset still holds', () => {
    const text = '千田ーはどこ';
    expect(textAsHeard(text, [{ start: 0, end: 3, heardAs: [word('センター')] }])).toBe(text);
  });
});
