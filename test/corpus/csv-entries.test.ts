import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/corpus/corpus-problem.js';
import { csvColumns, entriesFromCsv, entriesToCsv, newEntryDefaults } from '../../src/corpus/csv-entries.js';
import { parseCsv, stringifyCsv } from '../../src/corpus/csv.js';
import type { Entry } from '../../src/corpus/entry.js';
import { bundledCorpusDir, readCorpus } from '../../src/corpus/read-corpus.js';

const furusato: Entry = {
  id: 'furusato-nozei-growth',
  pillar: 1,
  kind: 'highlight',
  title: 'ふるさと納税の寄付額が50.5倍に',
  body: '寄付額は3億4300万円になりました。',
  figures: [{ label: 'ふるさと納税の寄付額', before: 6790000, after: 343000000, unit: '円', period: '就任前→2020年1月現在' }],
  period: '2020年1月現在',
  keywords: ['寄付', '返礼品'],
  phrasings: [],
  source: { section: '1. 市役所の改革と健全財政「しせいを正す」— 囲み：ふるさと納税', line: 72 },
};

function fromCsv(text: string, existing: readonly Entry[] = []) {
  return entriesFromCsv(parseCsv(text), {
    file: 'staff.csv',
    existing: new Map(existing.map((e) => [e.id, e])),
    pillars: new Set([0, 1, 2, 3, 4, 5, 6]),
  });
}

function problemsOf(text: string, existing: readonly Entry[] = []): string[] {
  return fromCsv(text, existing).problems.map(formatProblem);
}

describe('entriesFromCsv', () => {
  it('makes a new entry of the four required columns, with the documented defaults', () => {
    const { rows, problems } = fromCsv('id,title,text,keywords\r\ngomi-days,ごみの収集日は？,燃えるごみは週2回です。,ごみ、収集日\r\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        entry: {
          id: 'gomi-days',
          pillar: newEntryDefaults.pillar,
          kind: 'faq',
          title: 'ごみの収集日は？',
          body: '燃えるごみは週2回です。',
          figures: [],
          keywords: ['ごみ', '収集日'],
          phrasings: [],
          source: { section: '職員による追加', line: 2 },
        },
      },
    ]);
  });

  it('reads a short title and a pledge’s results (なし: the report lists none), and keeps them when the file has no such column', () => {
    const { rows, problems } = fromCsv(
      'id,kind,title,短いタイトル,text,keywords,実績\r\n' +
        'tax,policy,財政の健全化と税収アップ,財政健全化,本文,税収,furusato-nozei-growth、naming-rights\r\n' +
        'food,policy,フードテーマパーク,,本文,食,なし\r\n' +
        'new,policy,新しい公約,,本文,公約,\r\n',
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.entry.shortTitle, r.entry.results])).toEqual([
      ['財政健全化', ['furusato-nozei-growth', 'naming-rights']],
      [undefined, []],
      [undefined, undefined],
    ]);
    const pledge: Entry = { ...furusato, kind: 'policy', shortTitle: '寄付50.5倍', results: ['naming-rights'] };
    const kept = fromCsv(`id,title,text,keywords\r\n${furusato.id},t,b,k\r\n`, [pledge]);
    expect(kept.rows[0]?.entry).toMatchObject({ shortTitle: '寄付50.5倍', results: ['naming-rights'] });
    const written = entriesToCsv([pledge, { ...pledge, id: 'none', results: [] }], 'out.csv').rows;
    expect(written.slice(1).map((r) => [r[csvColumns.indexOf('short_title')], r[csvColumns.indexOf('results')]])).toEqual([
      ['寄付50.5倍', 'naming-rights'],
      ['寄付50.5倍', 'なし'],
    ]);
  });

  it('locates a short title too wide for a button, and results on an entry that is not a pledge, at their column', () => {
    expect(problemsOf('id,title,short_title,text,keywords,results\r\na,t,健康長寿日本一こもろと高齢者福祉,b,k,x\r\n')).toEqual([
      expect.stringMatching(/^staff\.csv:2 short_title: ボタンに出す短いタイトルは全角12文字以内にしてください/u),
      expect.stringMatching(/^staff\.csv:2 results: results（公約の実績）は種類 policy（具体的政策）の項目にだけ書けます/u),
    ]);
  });

  it('reads everyday phrasings one per line of their cell, keeping their 、, and keeps the phrasings of an entry when the file has no such column', () => {
    const withPhrasings = { ...furusato, phrasings: ['よそに住む人が小諸を応援する寄付'] };
    const { rows } = fromCsv('id,title,text,keywords,よくある言い方\r\na,t,b,k,"返礼品、何がもらえる\n 寄付の伸び \n"\r\n');
    expect(rows[0]?.entry.phrasings).toEqual(['返礼品、何がもらえる', '寄付の伸び']);
    const kept = fromCsv(`id,title,text,keywords\r\n${furusato.id},t,b,k\r\n`, [withPhrasings]);
    expect(kept.rows[0]?.entry.phrasings).toEqual(withPhrasings.phrasings);
  });

  it('splits keywords on 、 , ， ; ； and line breaks, dropping blanks', () => {
    const { rows } = fromCsv('id,title,text,keywords\r\na,t,b,"ごみ、 収集日,資源;粗大ごみ；分別，カレンダー\n回収日、、"\r\n');
    expect(rows[0]?.entry.keywords).toEqual(['ごみ', '収集日', '資源', '粗大ごみ', '分別', 'カレンダー', '回収日']);
  });

  it('accepts Japanese header names and full-width digits', () => {
    const { rows, problems } = fromCsv('ＩＤ,タイトル,本文,キーワード,柱,種類,出典の節,出典の行\r\ngomi,ごみ,週2回,ごみ,３,policy,市報,12\r\n');
    expect(problems).toEqual([]);
    expect(rows[0]?.entry).toMatchObject({ id: 'gomi', pillar: 3, kind: 'policy', source: { section: '市報', line: 12 } });
  });

  it('updates an existing entry, keeping what the file has no column for and what it leaves empty', () => {
    const { rows } = fromCsv('id,title,text,keywords,pillar,kind\r\nfurusato-nozei-growth,新しい題,新しい本文,寄付,,\r\n', [furusato]);
    expect(rows[0]?.entry).toEqual({ ...furusato, title: '新しい題', body: '新しい本文', keywords: ['寄付'] });
  });

  it('clears the period and the figures of an entry when their cells are empty', () => {
    const { rows } = fromCsv('id,title,text,keywords,period,figures\r\nfurusato-nozei-growth,t,b,寄付,,\r\n', [furusato]);
    expect(rows[0]?.entry.period).toBeUndefined();
    expect(rows[0]?.entry.figures).toEqual([]);
  });

  it('reads figures from a JSON array in the figures cell', () => {
    const cell = JSON.stringify(furusato.figures).replaceAll('"', '""');
    const { rows } = fromCsv(`id,title,text,keywords,figures\r\nnew-one,t,b,k,"${cell}"\r\n`);
    expect(rows[0]?.entry.figures).toEqual(furusato.figures);
  });

  it('locates every problem of every row at its row number and column', () => {
    const text = [
      'id,title,本文,keywords,pillar,kind,figures,source_line',
      'ok-one,題,本文,k,1,,,',
      'Bad Id,題,本文,k,七,,,',
      'ok-two,,本文,k,2,policyy,"[{""label"":""寄付額"",""after"":""3億"",""unit"":""円"",""period"":""R2""}]",0',
      'ok-three,題,,k,,,[1,',
      'ok-one,題,本文,k,,,,',
      'ok-four,題,本文,k,,,,,extra',
      'ok-five,題,本文,k,,,,',
    ].join('\r\n');
    expect(problemsOf(text)).toEqual([
      "staff.csv:3 pillar: 0 から 6 までの数を書いてください（'七' になっています）",
      "staff.csv:3 id: 半角の英小文字・数字とハイフンで書いてください: furusato-nozei-growth など（'Bad Id' になっています）",
      "staff.csv:4 kind: 次のどれかを書いてください: intro, stance, pillar, principle, policy, highlight, achievement, facility, faq（'policyy' になっています）",
      "staff.csv:4 source_line: 1 以上の整数を書いてください（'0' になっています）",
      'staff.csv:4 title: 空にはできません',
      "staff.csv:4 figures[0].after: 数値を書いてください（'3億' は数値ではありません）",
      expect.stringMatching(/^staff\.csv:5 figures: 数値は \[\{"label".* のような JSON の配列で書いてください/),
      'staff.csv:5 本文: 空にはできません',
      "staff.csv:6 id: id 'ok-one' が重複しています（2 行目にもあります）",
      "staff.csv:7 9列目: 見出しのない列にセルがあります: 'extra'",
    ]);
  });

  it('counts rows as Excel does, even when a cell above holds line breaks', () => {
    expect(problemsOf('id,title,text,keywords\r\na,"二行の\n題",b,k\r\nb,t,b,k,x\r\n')).toEqual([
      "staff.csv:3 5列目: 見出しのない列にセルがあります: 'x'",
    ]);
  });

  it('reports a cell under an empty header cell instead of ignoring it', () => {
    expect(problemsOf('id,title,text,keywords,,\r\na,t,b,k,,memo\r\n')).toEqual([
      "staff.csv:2 6列目: 見出しのない列にセルがあります: 'memo'",
    ]);
  });

  it('reports a pillar that meta.yaml does not define', () => {
    const result = entriesFromCsv(parseCsv('id,title,text,keywords,pillar\r\na,t,b,k,5\r\n'), {
      file: 'staff.csv',
      existing: new Map(),
      pillars: new Set([0, 1]),
    });
    expect(result.problems.map(formatProblem)).toEqual(['staff.csv:2 pillar: 柱 5 は meta.yaml にありません']);
  });

  it('names unknown, repeated and missing columns on the header row', () => {
    expect(problemsOf('id,titel,text,本文\r\na,b,c,d\r\n')).toEqual([
      expect.stringMatching(/^staff\.csv:1 titel: 知らない列です: id, pillar/),
      'staff.csv:1 本文: 列 text が 2 回あります（1 回目は text）',
      expect.stringMatching(/^staff\.csv:1: 列 title（または タイトル、見出し）がありません/),
      expect.stringMatching(/^staff\.csv:1: 列 keywords（または キーワード）がありません/),
    ]);
  });

  it('skips blank rows, such as the empty lines Excel leaves at the end', () => {
    const { rows, problems } = fromCsv('id,title,text,keywords\r\n,,,\r\na,t,b,k\r\n,,,\r\n\r\n');
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([3]);
  });

  it('says an empty file needs a header row', () => {
    expect(problemsOf('')).toEqual([expect.stringMatching(/^staff\.csv: ファイルが空です: 1 行目に見出し（id,pillar,/)]);
  });
});

describe('entriesToCsv', () => {
  it('writes the columns in their documented order, keywords joined by 、 and figures as JSON', () => {
    const { rows, problems } = entriesToCsv([furusato], 'out.csv');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      [
        'id',
        'pillar',
        'kind',
        'title',
        'short_title',
        'text',
        'keywords',
        'phrasings',
        'results',
        'period',
        'source_section',
        'source_line',
        'figures',
      ],
      [
        'furusato-nozei-growth',
        '1',
        'highlight',
        furusato.title,
        '',
        furusato.body,
        '寄付、返礼品',
        '',
        '',
        '2020年1月現在',
        furusato.source.section,
        '72',
        JSON.stringify(furusato.figures),
      ],
    ]);
    expect(rows[0]).toEqual([...csvColumns]);
  });

  it('refuses a keyword that import would split', () => {
    const { problems } = entriesToCsv([{ ...furusato, keywords: ['寄付、寄附'] }], 'out.csv');
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^out\.csv:2 keywords: 項目 'furusato-nozei-growth' のキーワード「寄付、寄附」には区切りの文字/)]);
  });

  it('gives rows that import back as the same entries, for the whole bundled corpus', async () => {
    const corpus = await readCorpus(bundledCorpusDir);
    const exported = entriesToCsv(corpus.entries, 'out.csv');
    expect(exported.problems).toEqual([]);
    const imported = fromCsv(stringifyCsv(exported.rows), corpus.entries);
    expect(imported.problems).toEqual([]);
    expect(imported.rows.map((r) => r.entry)).toEqual(corpus.entries);
    // Even as new entries: nothing is taken from the corpus.
    expect(fromCsv(stringifyCsv(exported.rows)).rows.map((r) => r.entry)).toEqual(corpus.entries);
  });
});
