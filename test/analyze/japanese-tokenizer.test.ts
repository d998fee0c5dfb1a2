/**
 * The compact kuromoji loader (src/analyze/japanese-tokenizer.ts) against kuromoji's own builder:
 * the same tokens, field for field, on every text of the corpus and on questions spread evenly over
 * the question sets (the development questions and every test/eval/*.jsonl), and the same
 * dictionary as the Viterbi search reads it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import kuromoji, { type IpadicFeatures } from 'kuromoji';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryText } from '../../src/corpus/entry-text.js';
import type { Corpus } from '../../src/corpus/entry.js';
import { bundledCorpusDir, readCorpus, readSudachiSynonyms } from '../../src/corpus/read-corpus.js';
import {
  createJapaneseTokenizer,
  dictionaryPath,
  loadKuromoji,
  type KuromojiTokenizer,
} from '../../src/analyze/japanese-tokenizer.js';
import { normalizeText } from '../../src/normalize/normalize.js';
import { parseEvalQuestions } from '../../src/cli/eval-score.js';

const root = path.resolve(import.meta.dirname, '../..');
const questionFiles = [
  path.join(root, '../shared/eval/dev-questions.jsonl'),
  ...readdirSync(path.join(root, 'test/eval'))
    .filter((name) => name.endsWith('.jsonl'))
    .map((name) => path.join(root, 'test/eval', name)),
];

function plainKuromoji(): Promise<KuromojiTokenizer> {
  return new Promise((resolve, reject) => {
    kuromoji
      .builder({ dicPath: dictionaryPath() })
      // kuromoji passes a null error on success, whatever @types/kuromoji says.
      .build((err: Error | null, tokenizer) => (err ? reject(err) : resolve(tokenizer)));
  });
}

function corpusTexts(corpus: Corpus, sudachiGroups: readonly (readonly string[])[]): string[] {
  const texts: string[] = [];
  for (const entry of corpus.entries)
    texts.push(entryText(entry), ...entry.keywords, ...entry.figures.map((f) => f.label));
  for (const group of [...corpus.synonyms, ...sudachiGroups]) texts.push(group.join('、'));
  return texts;
}

const questions = (file: string) => parseEvalQuestions(readFileSync(file, 'utf8')).map(({ q }) => q);

/**
 * How many questions are compared, taken at an even stride over all the sets: every set added would
 * otherwise lengthen the comparison (29,000 questions took 19 s alone and over 30 s on a busy machine),
 * and a few thousand already meet every script, ending and style the sets hold.
 */
const maxQuestions = 4000;

function spreadQuestions(): string[] {
  const all = [...new Set(questionFiles.flatMap(questions))];
  const stride = Math.max(1, Math.ceil(all.length / maxQuestions));
  return all.filter((_, i) => i % stride === 0);
}

/** What kuromoji's users can tell apart: every field of every token. */
const fields = (tokens: readonly IpadicFeatures[]) => tokens.map((t) => ({ ...t }));

interface Internals {
  token_info_dictionary: {
    target_map: Record<number, ArrayLike<number> | undefined>;
    getFeatures(id: string): string;
  };
  unknown_dictionary: {
    getFeatures(id: string): string;
    character_definition: {
      character_category_map: Uint8Array;
      invoke_definition_map: { lookup(name: string): number | null; getCharacterClass(id: number): unknown };
    };
  };
}
const internals = (tokenizer: KuromojiTokenizer) => tokenizer as unknown as Internals;

let plain: KuromojiTokenizer;
let compact: KuromojiTokenizer;
let texts: string[];
beforeAll(async () => {
  const [p, c, corpus, sudachi] = await Promise.all([
    plainKuromoji(),
    loadKuromoji(),
    readCorpus(bundledCorpusDir),
    readSudachiSynonyms(bundledCorpusDir),
  ]);
  plain = p;
  compact = c;
  const raw = [...corpusTexts(corpus, sudachi), ...spreadQuestions()];
  texts = [...new Set([...raw, ...raw.map(normalizeText)])];
}, 30_000);

describe('the compact kuromoji loader', () => {
  it('tokenises every text of the corpus and questions of every style exactly as kuromoji does', () => {
    expect(texts.length).toBeGreaterThan(1000);
    const differing = texts.filter(
      (text) => JSON.stringify(fields(compact.tokenize(text))) !== JSON.stringify(fields(plain.tokenize(text))),
    );
    expect(differing).toEqual([]);
  });

  it('tokenises unknown words, other scripts, surrogate pairs and punctuation exactly as kuromoji does', () => {
    const edges = [
      '',
      ' ',
      'ｶﾀｶﾅ ＡＢＣ abc 123 １２３ 一二三',
      '𠮷野家で🍣を食べた。ΑΒΓ абв 한국어',
      'ロンドンフィルハーモニー管弦楽団のチケットを予約したい！？',
      '東京都千代田区丸の内1-1-1、小諸市役所。',
      '「」『』（）・…〜ー〃々',
      'すもももももももものうち',
      'x'.repeat(300),
    ];
    for (const text of edges) expect(fields(compact.tokenize(text)), text).toEqual(fields(plain.tokenize(text)));
  });

  it('fails on a lone surrogate as kuromoji does', () => {
    for (const text of ['東京\uD83D都', '東京\uDC00都']) {
      const want = (() => {
        try {
          return { tokens: fields(plain.tokenize(text)) };
        } catch (err) {
          return { threw: (err as Error).name };
        }
      })();
      const got = (() => {
        try {
          return { tokens: fields(compact.tokenize(text)) };
        } catch (err) {
          return { threw: (err as Error).name };
        }
      })();
      expect(got, JSON.stringify(text)).toEqual(want);
    }
  });

  it('gives every surface form of the dictionary the same entries, in the same order', () => {
    const expected = internals(plain).token_info_dictionary.target_map;
    const actual = internals(compact).token_info_dictionary.target_map;
    let checked = 0;
    const differing: number[] = [];
    for (const key of Object.keys(expected)) {
      const id = Number(key);
      const want = expected[id] ?? [];
      const got = actual[id];
      if (got?.length !== want.length || Array.from(got).some((v, i) => v !== Number(want[i]))) differing.push(id);
      checked++;
    }
    expect(checked).toBe(325_871);
    expect(differing).toEqual([]);
    // Ids kuromoji has no entries for stay absent, as in its object.
    const absent = Array.from({ length: 400_000 }, (_, id) => id).filter((id) => expected[id] === undefined);
    expect(absent.filter((id) => actual[id] !== undefined)).toEqual([]);
    expect(actual[-1]).toBeUndefined();
  });

  it("reads every dictionary entry's features as kuromoji does", () => {
    const read = (tokenizer: KuromojiTokenizer) => internals(tokenizer).token_info_dictionary;
    const ids = Object.values(internals(plain).token_info_dictionary.target_map).flatMap((ids) =>
      Array.from(ids ?? [], Number),
    );
    expect(ids.length).toBeGreaterThan(390_000);
    const differing = ids.filter((id) => read(compact).getFeatures(String(id)) !== read(plain).getFeatures(String(id)));
    expect(differing).toEqual([]);
    const unknown = (tokenizer: KuromojiTokenizer) => internals(tokenizer).unknown_dictionary;
    for (const id of [0, 10, 20, 100, 200]) {
      expect(unknown(compact).getFeatures(String(id))).toBe(unknown(plain).getFeatures(String(id)));
    }
  });

  it('classifies every character as kuromoji does', () => {
    const expected = internals(plain).unknown_dictionary.character_definition;
    const actual = internals(compact).unknown_dictionary.character_definition;
    expect(actual.character_category_map).toEqual(expected.character_category_map);
    const classIds = new Set([
      ...expected.character_category_map,
      expected.invoke_definition_map.lookup('DEFAULT') ?? -1,
    ]);
    for (const id of classIds) {
      expect(actual.invoke_definition_map.getCharacterClass(id)).toEqual(
        expected.invoke_definition_map.getCharacterClass(id),
      );
    }
  });

  it('gives the pipeline its morphemes: base forms, readings and offsets', async () => {
    const tokenize = await createJapaneseTokenizer();
    expect(tokenize('残業は減ったの？')).toEqual([
      { surface: '残業', start: 0, base: '残業', reading: 'ザンギョウ', pos: '名詞', posDetail: 'サ変接続' },
      { surface: 'は', start: 2, base: 'は', reading: 'ハ', pos: '助詞', posDetail: '係助詞' },
      { surface: '減っ', start: 3, base: '減る', reading: 'ヘッ', pos: '動詞', posDetail: '自立' },
      { surface: 'た', start: 5, base: 'た', reading: 'タ', pos: '助動詞', posDetail: '*' },
      { surface: 'の', start: 6, base: 'の', reading: 'ノ', pos: '助詞', posDetail: '終助詞' },
      { surface: '？', start: 7, base: '？', reading: '？', pos: '記号', posDetail: '一般' },
    ]);
  });

  it('places every morpheme where its surface stands, also after an unknown run of symbols (...。)', async () => {
    const tokenize = await createJapaneseTokenizer();
    // Voice input and NFKC write … as ...; kuromoji's own position moves on by one past 「...。」.
    const text = '結婚しなくて...。出会いの場は？';
    for (const m of tokenize(text)) expect(text.slice(m.start, m.start + m.surface.length)).toBe(m.surface);
  });

  it('names the directory when the dictionary cannot be read', async () => {
    await expect(createJapaneseTokenizer('/nonexistent/dict')).rejects.toThrow('/nonexistent/dict');
  });
});
