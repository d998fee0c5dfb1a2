import { describe, expect, it } from 'vitest';
import { englishWordsOf, readLatinWords } from '../../src/normalize/latin-words.js';
import type { KanaLexicon } from '../../src/analyze/kana-words.js';
import { buildSoundIndex, corpusReadingOf } from '../../src/analyze/sound-index.js';

const english = englishWordsOf([
  ['超過勤務', 'overtime', 'overtime work'],
  ['ふるさと納税', 'hometown tax'],
  ['ワイン', 'wine'],
]);

/** readLatinWords over a corpus whose words are given by reading (katakana → word). */
function readerOver(words: Record<string, string>): (text: string) => string {
  const lexicon: KanaLexicon = new Map(
    Object.entries(words).map(([reading, text]) => [reading, [{ text, terms: [{ text, weak: false }] }]]),
  );
  const sounds = buildSoundIndex(lexicon);
  return (text) =>
    readLatinWords(
      text,
      english,
      () => false,
      (kana) => corpusReadingOf(kana, lexicon, sounds),
    );
}

describe('readLatinWords', () => {
  it('reads English words and phrases as the Japanese word of their group, the longest phrase first', () => {
    expect(readLatinWords('overtime 減った？', english)).toBe('超過勤務 減った？');
    expect(readLatinWords('overtime work の削減', english)).toBe('超過勤務 の削減');
    expect(readLatinWords('hometown tax ってなに', english)).toBe('ふるさと納税 ってなに');
  });

  it('reads romaji as hiragana, joining its words as Japanese is written, particles as particles', () => {
    expect(readLatinWords('furusato nouzei no jisseki wa?', english)).toBe('ふるさとのうぜいのじっせきは?');
    expect(readLatinWords('kosodate shien wo shiritai', english)).toBe('こそだてしえんをしりたい');
  });

  it('keeps a question word apart from a word before it that is no particle (shoukin ikura)', () => {
    expect(readLatinWords('contest no shoukin ikura?', english)).toBe('contest のしょうきん いくら?');
    expect(readLatinWords('senkyo wa itsu?', english)).toBe('せんきょはいつ?');
    expect(readLatinWords('shougakukin wa nannin ga moratta', english)).toBe('しょうがくきんはなんにんがもらった');
    // A counter typed apart from nan is one word with it (nan nin: なんにん), unlike itsu kaisai.
    expect(readLatinWords('member wa nan nin?', english)).toContain('なんにん?');
  });

  it('reads a lone e or o after a word read as Japanese as the particle へ or を, not after an English word', () => {
    expect(readLatinWords('mirai e no toushi', english)).toBe('みらいへのとうし');
    expect(readLatinWords('wine o pr suru', english)).toBe('ワインを pr する');
    expect(readLatinWords('vitamin e', english)).toBe('vitamin e');
  });

  it('reads a lone n after a word read as Japanese as the ん of 〜んです (natta n desu ka)', () => {
    expect(readLatinWords('itsu shichou ni natta n desu ka', english)).toBe('いつ しちょうになったんですか');
    expect(readLatinWords('plan n', english)).toBe('plan n');
  });

  it('reads a romaji word with its long vowels left out (iju, tetsudo, kyoiku) as the corpus word it sounds like', () => {
    const read = readerOver({
      イジュウ: '移住',
      テツドウ: '鉄道',
      キョウイク: '教育',
      ドウコウ: '動向',
      スポーツ: 'スポーツ',
      コウエン: '公園',
      コシ: '腰',
    });
    expect(read('iju shitai')).toBe('いじゅうしたい');
    expect(read('shinano tetsudo')).toBe('しなのてつどう');
    expect(read('kyoiku')).toBe('きょういく');
    // A long vowel spelled by a doubled vowel or left out of a katakana word is heard the same.
    expect(read('kooen')).toBe('こうえん');
    expect(read('supotsu')).toBe('すぽーつ');
    // Sounds are only added: こうし is not 腰.
    expect(read('koushi')).toBe('こうし');
    // Too short to guess at: doko stays どこ, though どうこう is a word.
    expect(read('doko')).toBe('どこ');
    expect(read('kodomo')).toBe('こども');
  });

  it('reads an n before y written by hand (bunya) as ん when only that reading is a word of the corpus', () => {
    const read = readerOver({ ブンヤ: '分野', コンニャク: 'こんにゃく' });
    expect(read('nan no bunya')).toBe('なんの ぶんや');
    // As an IME reads it when that is the corpus's word, or when neither is.
    expect(read('konnyaku')).toBe('こんにゃく');
    expect(read('kanya')).toBe('かにゃ');
  });

  it('reads 何 before y (nanyoubi) and 曜日 after n (kinyoubi) with ん, whatever the corpus holds', () => {
    const read = readerOver({});
    expect(read('gomi wa nanyoubi')).toBe('ごみはなんようび');
    expect(read('kinyoubi')).toBe('きんようび');
  });

  it('reads the phrase that goes on further where two overlap (komoro city | city hall), as a compound ends in its head', () => {
    const groups = englishWordsOf([
      ['小諸市', 'komoro city'],
      ['市役所', 'city hall'],
    ]);
    expect(readLatinWords('komoro city hall', groups)).toBe('こもろ市役所');
    expect(readLatinWords('komoro city', groups)).toBe('小諸市');
  });

  it('reads how much before a change (how much did overtime go down) as by how much, not a sum', () => {
    const groups = englishWordsOf([
      ['いくら', 'how much'],
      ['超過勤務', 'overtime'],
      ['削減', 'go down'],
    ]);
    expect(readLatinWords('how much did overtime go down', groups)).toBe('どれくらい超過勤務削減');
    expect(readLatinWords('how much is overtime', groups)).toBe('いくら超過勤務');
  });

  it('reads an English ordinal (5th, 2nd) as the place in Japanese (5番目)', () => {
    expect(readLatinWords('5th pillar', englishWordsOf([['柱', 'pillar']]))).toBe('5番目 柱');
    expect(readLatinWords('the 2nd one', english)).toContain('2番目');
  });

  it('reads made as まで, said in romaji far more often than the English word (itsu kara itsu made)', () => {
    expect(readLatinWords('itsu kara itsu made?', english)).toBe('いつから いつまで?');
  });

  it('drops English words that only join others (for, the, of), unless the corpus writes them', () => {
    const english = englishWordsOf([['新規就農者', 'new farmers']]);
    expect(readLatinWords('support for new farmers', english)).toBe('support 新規就農者');
    expect(readLatinWords('the city of komoro', english)).toBe('city こもろ');
    expect(readLatinWords('for', english, (w) => w === 'for')).toBe('for');
    expect(readLatinWords('is there a 移住 portal', english).trim()).toBe('移住 portal');
    expect(readLatinWords("the farmers' new farmers", english)).toBe('farmers 新規就農者');
    expect(readLatinWords('i want to know about new farmers', english)).toBe('新規就農者');
    // Nor do a verb of getting or finding, as, now and a contracted not (how much did it get as of…).
    expect(readLatinWords("how much did komoro get as of now, don't know", english).trim()).toBe('how much こもろ,');
    expect(readLatinWords('i don’t know', english).trim()).toBe('');
    // Nor do going, saying and things: read as romaji, go to do would be ごとど.
    expect(readLatinWords('where did the mayor go to do top sales', english)).toBe('where mayor top sales');
    expect(readLatinWords('the things the city said', english)).toBe('city');
  });

  it('looks an English phrase up with a hyphen as a space (high-altitude training)', () => {
    const training = englishWordsOf([['高地トレーニング', 'high altitude training']]);
    expect(readLatinWords('high-altitude training', training)).toBe('高地トレーニング');
  });

  it('reads long vowels marked as Hepburn marks them (shinkō, jūjitsu, dō)', () => {
    expect(readLatinWords('sports no shinkō', english)).toBe('sports のしんこう');
    expect(readLatinWords('jūjitsu shita', english)).toBe('じゅうじつした');
  });

  it('reads a hyphen after n as the end of a syllable, and after a vowel as a long vowel', () => {
    expect(readLatinWords('nan-bai ni natta', english)).toBe('なんばいになった');
    expect(readLatinWords('kan-i na', english)).toBe('かんいな');
    expect(readLatinWords('ra-men', english)).toBe('らーめん');
    // After a part of four letters or more, a hyphen joins two words.
    expect(readLatinWords('kenkou-zukuri keikaku', english)).toBe('けんこうずくりけいかく');
  });

  it('reads what before a noun as どんな (what wine), before a number or a time as what it was, and before a verb as 何 apart', () => {
    const asking = englishWordsOf([
      ['ワイン', 'wine'],
      ['何', 'what'],
    ]);
    expect(readLatinWords('what wine is there', asking)).toBe('どんなワイン');
    // Before a verb it asks what was done: 何 stays apart (何ワイン would count wines, 何市 cities).
    expect(readLatinWords('what is wine', asking)).toBe('何 ワイン');
    expect(readLatinWords('what did the city outsource', englishWordsOf([['市', 'city']]))).toBe('何 市 outsource');
    expect(readLatinWords('what year', asking)).toContain('何');
  });

  it('keeps a word after a romaji question word apart (itsu kaisai), but not a particle (itsu kara)', () => {
    expect(readLatinWords('itsu kaisai suru no', english)).toBe('いつ かいさいするの');
    expect(readLatinWords('itsu kara hajimatta no', english)).toBe('いつからはじまったの');
  });

  it("reads a staff phrase with a possessive (women's conference) as the question's words are read", () => {
    const conference = englishWordsOf([['女性会議', "women's conference"]]);
    expect(readLatinWords("women's conference みたいなの", conference)).toBe('女性会議 みたいなの');
    expect(readLatinWords('women conference', conference)).toBe('女性会議');
  });

  it('keeps the word after a question word and its particle apart: どこでもうし would read どこでも', () => {
    expect(readLatinWords('doko de moushikomeba ii', english)).toBe('どこで もうしこめばいい');
    expect(readLatinWords('nani ga moraeru no', english)).toBe('なにが もらえるの');
  });

  it('mixes English and romaji in one run, the romaji apart from the English word', () => {
    expect(readLatinWords('komoro no wine', english)).toBe('こもろのワイン');
    expect(readLatinWords('wine no iinkai', english)).toBe('ワインのいいんかい');
    expect(readLatinWords('wine fukugou shisetsu', english)).toBe('ワイン ふくごうしせつ');
  });

  it('glues a suffix typed after an English word (sports-ka, sports ka tte) to it, but not a question か', () => {
    const sports = englishWordsOf([['スポーツ', 'sports']]);
    expect(readLatinWords('sports-ka tte atarashiku dekita no?', sports)).toBe('スポーツかってあたらしくできたの?');
    expect(readLatinWords('sports ka tte dekita no?', sports)).toBe('スポーツかってできたの?');
    expect(readLatinWords('sports ka?', sports)).toBe('スポーツ か?');
  });

  it('glues a suffix typed after an English phrase (barrier free-ka) to the phrase', () => {
    const access = englishWordsOf([['バリアフリー', 'barrier free']]);
    expect(readLatinWords('eki no barrier free-ka tte owatta?', access)).toBe('えきのバリアフリーかっておわった?');
    // A hyphen in a phrase of the file is the phrase's own (barrier-free).
    expect(readLatinWords('barrier-free desu ka', englishWordsOf([['バリアフリー', 'barrier-free']]))).toBe(
      'バリアフリー ですか',
    );
  });

  it('leaves words the corpus writes in Latin letters, and words that are neither, as they are', () => {
    const isKnownWord = (w: string) => w === 'sns';
    expect(readLatinWords('sns で発信', english, isKnownWord)).toBe('sns で発信');
    expect(readLatinWords('tourism どう', english)).toBe('tourism どう');
    expect(readLatinWords('r3 の予定', english)).toBe('r3 の予定');
  });

  it('does not read as romaji an English word that only reads with small vowels (info: いんふぉ)', () => {
    expect(readLatinWords('移住の info', english)).toBe('移住の info');
  });
});
