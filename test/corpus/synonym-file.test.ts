import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError, formatProblem, type CorpusProblem } from '../../src/corpus/corpus-problem.js';
import { parseCorpus } from '../../src/corpus/parse-corpus.js';
import { bundledCorpusDir, readCorpusDir, readSudachiSynonyms } from '../../src/corpus/read-corpus.js';
import {
  formatSudachiSynonymsFile,
  parseEnglishFile,
  parseStaffSynonymFile,
  parseSynonymFile,
  SudachiSynonymsFile,
} from '../../src/corpus/synonym-file.js';
import { createEngine } from '../../src/bot/engine.js';
import { realTokenizer } from '../support/tokenizer.js';

const name = 'corpus/synonyms.yaml';

function parse(text: string): { groups: string[][] | undefined; problems: string[] } {
  const problems: CorpusProblem[] = [];
  const groups = parseSynonymFile({ name, text }, problems);
  return { groups, problems: problems.map(formatProblem) };
}

describe('parseEnglishFile', () => {
  const english = (text: string) => {
    const problems: CorpusProblem[] = [];
    const groups = parseEnglishFile({ name: 'corpus/synonyms.en.yaml', text }, problems);
    return { groups, problems: problems.map(formatProblem) };
  };

  it('reads the Japanese word first and English words after it, in lower case', () => {
    expect(english('groups:\n  - [超過勤務, Overtime, overtime work]\n')).toEqual({
      groups: [['超過勤務', 'overtime', 'overtime work']],
      problems: [],
    });
  });

  it('names a group that starts with an English word, and a word that is not English', () => {
    expect(english('groups:\n  - [overtime, 超過勤務]\n  - [ワイン, ワイン用ぶどう]\n').problems).toEqual([
      "corpus/synonyms.en.yaml:2 groups[0][0]: グループの最初には、コーパスで使う日本語の語を書いてください（例: [超過勤務, overtime]）。'overtime' になっています",
      "corpus/synonyms.en.yaml:2 groups[0][1]: '超過勤務' は英語の語ではありません: 半角の英字・数字・空白・ハイフンだけで書いてください",
      "corpus/synonyms.en.yaml:3 groups[1][1]: 'ワイン用ぶどう' は英語の語ではありません: 半角の英字・数字・空白・ハイフンだけで書いてください",
    ]);
  });

  it('reads the bundled file', async () => {
    expect((await readCorpusDir(bundledCorpusDir)).english.length).toBeGreaterThan(0);
  });
});

describe('notFromDictionary', () => {
  it('reads the words the dictionary groups leave out, normalised, beside the groups', () => {
    const text = 'notFromDictionary: [バス, ＰＲ]\ngroups:\n  - [残業, 超過勤務]\n';
    expect(parse(text)).toEqual({ groups: [['残業', '超過勤務']], problems: [] });
    expect(parseStaffSynonymFile({ name, text }, [])?.notFromDictionary).toEqual(['バス', 'pr']);
    expect(parseStaffSynonymFile({ name, text: 'groups: []\n' }, [])?.notFromDictionary).toEqual([]);
  });

  it('names a list that is no list of words, and the list in the English file', () => {
    expect(parse('notFromDictionary: バス\ngroups: []\n').problems).toHaveLength(1);
    const problems: CorpusProblem[] = [];
    parseEnglishFile({ name: 'corpus/synonyms.en.yaml', text: 'notFromDictionary: [バス]\ngroups: []\n' }, problems);
    expect(problems.map(formatProblem)).toEqual([
      'corpus/synonyms.en.yaml:1 notFromDictionary: notFromDictionary は英語の同義語ファイルには書けません: 日本語の同義語ファイル（synonyms.yaml）に書いてください',
    ]);
  });

  it('keeps a word out of the dictionary groups the engine searches with (お風呂 is no バス)', async () => {
    const [tokenize, corpus, dictionary] = await Promise.all([
      realTokenizer(),
      readCorpusDir(bundledCorpusDir),
      readSudachiSynonyms(bundledCorpusDir),
    ]);
    expect(corpus.notFromDictionary).toContain('バス');
    const synonymsOf = (engine: ReturnType<typeof createEngine>) =>
      engine.ask('お風呂はありますか').terms.flatMap((t) => (t.synonym ? [t.text] : []));
    expect(synonymsOf(createEngine(corpus, tokenize, dictionary))).not.toContain('バス');
    expect(synonymsOf(createEngine({ ...corpus, notFromDictionary: [] }, tokenize, dictionary))).toContain('バス');
  });
});

describe('parseSynonymFile', () => {
  it('calls a missing word missing', () => {
    expect(parse('groups:\n  - [残業, ~]\n').problems).toEqual(['corpus/synonyms.yaml:2 groups[0][1]: 語がありません']);
  });

  it('reads groups of words and normalises them', () => {
    const { groups, problems } = parse('# comment\ngroups:\n  - [残業, 超過勤務]\n  - - ＰＲ動画\n    - 宣伝動画\n');
    expect(problems).toEqual([]);
    expect(groups).toEqual([
      ['残業', '超過勤務'],
      ['pr動画', '宣伝動画'],
    ]);
  });

  it('accepts a file with no groups', () => {
    expect(parse('groups: []\n')).toEqual({ groups: [], problems: [] });
  });

  it('locates a group of one word, a word that is not text and an empty word at their lines', () => {
    const text = ['groups:', '  - [残業, 超過勤務]', '  - [シニア]', '  - [令和2年, 2020]', '  - [寄付, "  "]', '  - 移住'].join('\n');
    const { groups, problems } = parse(text);
    expect(groups).toBeUndefined();
    expect(problems).toEqual([
      'corpus/synonyms.yaml:3 groups[1]: 1 つのグループには 2 語以上が必要です',
      'corpus/synonyms.yaml:4 groups[2][1]: 語を書いてください: 2020 は "2020" のように引用符で囲んでください',
      'corpus/synonyms.yaml:5 groups[3][1]: 空にはできません',
      'corpus/synonyms.yaml:6 groups[4]: [残業, 超過勤務] のような語のリストを書いてください',
    ]);
  });

  it('reports a file without groups or with an unknown field', () => {
    expect(parse('group:\n  - [残業, 超過勤務]\n').problems).toEqual([
      'corpus/synonyms.yaml:1 groups: 必須です: リスト（[a, b] の形、または行頭に - を付けた行）を書いてください',
      'corpus/synonyms.yaml:1: 知らない項目です: group（書き間違いか、別の場所に書く項目ではありませんか）',
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    expect(parse('groups:\n  - [残業, 超過勤務\n').problems[0]).toMatch(/^corpus\/synonyms\.yaml:\d+: YAML の書き方に誤りがあります/);
  });

  it('reports a word written twice in a group, also when only its width differs', () => {
    const { problems } = parse('groups:\n  - [PR動画, 宣伝動画, ＰＲ動画]\n');
    expect(problems).toEqual(["corpus/synonyms.yaml:2 groups[0][2]: 「ＰＲ動画」は同じグループの「PR動画」（1 語目）と同じです"]);
  });

  it('reports a word in two groups, saying which line has the first one', () => {
    const text = ['groups:', '  - [残業, 超過勤務]', '  - [移住, 引っ越し]', '  - [時間外勤務,', '     残業]'].join('\n');
    expect(parse(text).problems).toEqual([
      'corpus/synonyms.yaml:5 groups[2][1]: 「残業」はすでに 2 行目のグループ（groups[0]）にあります。1 つの語は 1 つのグループにしか入れられません: 2 つのグループをまとめてください',
    ]);
  });
});

const meta = {
  name: 'corpus/meta.yaml',
  text: 'source:\n  title: 報告\n  asOf: 2020年1月時点\npillars:\n  - number: 1\n    name: 市役所の改革と健全財政\n    color: "#1E5AA8"\n',
};
const entries = {
  name: 'corpus/entries/01.yaml',
  text: 'entries:\n  - id: overtime\n    pillar: 1\n    kind: highlight\n    title: 超過勤務\n    body: 超過勤務が減りました。\n    source: { section: "1", line: 3 }\n',
};

describe('parseCorpus with a synonyms file', () => {
  it('gives the staff groups with the corpus, and none when there is no file', () => {
    expect(parseCorpus(meta, [entries], { name, text: 'groups:\n  - [残業, 超過勤務]\n' }).synonyms).toEqual([['残業', '超過勤務']]);
    expect(parseCorpus(meta, [entries]).synonyms).toEqual([]);
  });

  it('lists the problems of the synonyms file with the others', () => {
    const bad = { ...entries, text: entries.text.replace('pillar: 1', 'pillar: 4') };
    try {
      parseCorpus(meta, [bad], { name, text: 'groups:\n  - [残業]\n' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(CorpusError);
      expect((err as CorpusError).problems.map(formatProblem)).toEqual([
        'corpus/entries/01.yaml:2 pillar: 柱 4 は corpus/meta.yaml にありません',
        'corpus/synonyms.yaml:2 groups[0]: 1 つのグループには 2 語以上が必要です',
      ]);
    }
  });
});

describe('reading the synonym files of a corpus directory', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  async function corpusDir(files: Record<string, string>): Promise<string> {
    dir = await mkdtemp(path.join(tmpdir(), 'synonyms-'));
    await mkdir(path.join(dir, 'entries'));
    await writeFile(path.join(dir, 'meta.yaml'), meta.text);
    await writeFile(path.join(dir, 'entries', '01.yaml'), entries.text);
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
    return dir;
  }

  it('reads synonyms.yaml when the directory has one', async () => {
    const withFile = await corpusDir({ 'synonyms.yaml': 'groups:\n  - [残業, 時間外勤務, 超過勤務]\n' });
    expect((await readCorpusDir(withFile)).synonyms).toEqual([['残業', '時間外勤務', '超過勤務']]);
  });

  it('gives no staff groups and no Sudachi groups when the files are absent', async () => {
    const bare = await corpusDir({});
    expect((await readCorpusDir(bare)).synonyms).toEqual([]);
    expect(await readSudachiSynonyms(bare)).toEqual([]);
  });

  it('reads the Sudachi groups written by synonyms:build and refuses a file of another shape', async () => {
    const groups = [
      ['残業', '超過勤務'],
      ['寄付', '寄附'],
    ];
    const good = await corpusDir({ 'synonyms.sudachi.json': formatSudachiSynonymsFile('test', groups) });
    expect(await readSudachiSynonyms(good)).toEqual(groups);
    await writeFile(path.join(good, 'synonyms.sudachi.json'), '{"groups": [["残業"]]}');
    await expect(readSudachiSynonyms(good)).rejects.toThrow(/synonyms\.sudachi\.json.*npm run synonyms:build/s);
  });

  it('finds the bundled Sudachi groups', async () => {
    const groups = await readSudachiSynonyms(bundledCorpusDir);
    expect(groups.some((g) => g.includes('残業') && g.includes('超過勤務'))).toBe(true);
  });
});

describe('formatSudachiSynonymsFile', () => {
  it('writes one group per line, as JSON that reads back', () => {
    const text = formatSudachiSynonymsFile('sudachi 18', [['残業', '超過勤務'], ['寄付', '寄附']]);
    expect(text).toBe('{\n  "source": "sudachi 18",\n  "groups": [\n    ["残業","超過勤務"],\n    ["寄付","寄附"]\n  ]\n}\n');
    expect(SudachiSynonymsFile.parse(JSON.parse(text))).toEqual({ source: 'sudachi 18', groups: [['残業', '超過勤務'], ['寄付', '寄附']] });
    expect(JSON.parse(formatSudachiSynonymsFile('x', []))).toEqual({ source: 'x', groups: [] });
  });
});
