import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvLimits, parseCsv } from '../../src/corpus/csv.js';
import { bundledCorpusDir, readCorpus } from '../../src/corpus/read-corpus.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a script as npm run does, with plain node and tsx. */
function run(script: string, args: readonly string[]): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const corpusCli = (...args: string[]) => run('src/cli/commands/corpus.ts', args);

/** Every file under dir, by relative path. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), await readFile(file));
  }
  return files;
}

let work: string;
let corpusDir: string;
beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'corpus-csv-'));
  corpusDir = path.join(work, 'corpus');
  await cp(bundledCorpusDir, corpusDir, { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('npm run corpus -- import refuses what it cannot read safely', () => {
  it('refuses a Latin-1 file in Japanese, naming the line, and writes nothing', async () => {
    const before = await snapshot(corpusDir);
    const csv = path.join(work, 'latin1.csv');
    await writeFile(csv, Buffer.from('id,title,text,keywords\r\ncafe,Caf\u00e9,ok,x\r\n', 'latin1'));
    const result = await corpusCli('import', csv, '--corpus', corpusDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/latin1\.csv:2: .*UTF-8 としても Shift_JIS としても/);
    expect(await snapshot(corpusDir)).toEqual(before);
  });

  it('refuses a file larger than the cap before reading it', async () => {
    const csv = path.join(work, 'huge.csv');
    await writeFile(csv, 'id,title,text,keywords\r\n');
    await truncate(csv, csvLimits.maxBytes + 1); // sparse: no disk used
    const result = await corpusCli('import', csv, '--corpus', corpusDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('huge.csv: ファイルが大きすぎます');
    expect(result.stderr).toContain('10 MB まで');
  });
});

describe('npm run corpus -- import', () => {
  it('reports every invalid row with its row number and column, and writes nothing', async () => {
    const before = await snapshot(corpusDir);
    const csv = path.join(work, 'staff.csv');
    await writeFile(
      csv,
      [
        'id,title,text,keywords,pillar,figures',
        'gomi-days,ごみの収集日は？,燃えるごみは週2回です。,ごみ、収集日,,',
        'furusato-nozei-growth,ふるさと納税,寄付額が増えました。,寄付,七,',
        'Gomi Bags,指定袋,指定袋を使います。,ごみ,0,',
        'overtime-reduction,残業,減りました。,残業,1,"[{""label"":""超過勤務"",""after"":""3200時間"",""unit"":""時間"",""period"":""H30""}]"',
        '',
      ].join('\r\n'),
    );
    const result = await corpusCli('import', csv, '--corpus', corpusDir);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    // file:line 項目: 問題, the problem naming what was written.
    expect(lines).toContainEqual(expect.stringMatching(/staff\.csv:3 pillar: 0 から 6 までの数を書いてください（'七' になっています）$/));
    expect(lines).toContainEqual(expect.stringMatching(/staff\.csv:4 id: 半角の英小文字.*（'Gomi Bags' になっています）$/));
    expect(lines).toContainEqual(expect.stringMatching(/staff\.csv:5 figures\[0\]\.after: 数値を書いてください（'3200時間' は数値ではありません）$/));
    expect(lines.at(-1)).toBe('何も書き込んでいません: 問題 3 件');
    expect(await snapshot(corpusDir)).toEqual(before);
  });

  it('adds a new entry and updates an existing one from a Shift_JIS file; the corpus passes corpus:check and the other files are unchanged', async () => {
    const before = await snapshot(corpusDir);
    const csv = path.join(work, 'staff.csv');
    const text = [
      'ID,タイトル,本文,キーワード,柱',
      'gomi-days,ごみの収集日は？,"燃えるごみは週2回、\n地区ごとに曜日が決まっています。",ごみ、収集日；燃えるごみ,',
      'furusato-nozei-growth,ふるさと納税の寄付額が約50倍に,ふるさと納税の寄付額は3億4300万円になりました（①就任前は679万円）。,"ふるさと納税,寄付,返礼品",',
      '',
    ].join('\r\n');
    await writeFile(csv, iconv.encode(text, 'cp932'));

    const result = await corpusCli('import', csv, '--corpus', corpusDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/staff\.csv（Shift_JIS）: 追加 1 件、更新 1 件、変更なし 0 件/);

    const check = await run('src/cli/commands/corpus-check.ts', [corpusDir]);
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/^コーパスに問題はありません: 133 件/);

    const after = await snapshot(corpusDir);
    const changed = [...after.keys()].filter((name) => !before.get(name)?.equals(after.get(name) as Buffer));
    expect(changed.sort()).toEqual([path.join('entries', '01-shisei.yaml'), path.join('entries', '90-imported.yaml')]);

    const corpus = await readCorpus(corpusDir);
    const original = (await readCorpus(bundledCorpusDir)).entries.find((e) => e.id === 'furusato-nozei-growth');
    expect(corpus.entries.find((e) => e.id === 'furusato-nozei-growth')).toEqual({
      ...original,
      title: 'ふるさと納税の寄付額が約50倍に',
      body: 'ふるさと納税の寄付額は3億4300万円になりました（①就任前は679万円）。',
      keywords: ['ふるさと納税', '寄付', '返礼品'],
    });
    expect(corpus.entries.find((e) => e.id === 'gomi-days')).toMatchObject({
      pillar: 0,
      kind: 'faq',
      body: '燃えるごみは週2回、\n地区ごとに曜日が決まっています。',
      keywords: ['ごみ', '収集日', '燃えるごみ'],
      source: { section: '職員による追加', line: 2 },
    });
    // The updated file changed only in the updated entry's lines.
    const oldLines = before.get(path.join('entries', '01-shisei.yaml'))?.toString().split('\n') ?? [];
    const newLines = after.get(path.join('entries', '01-shisei.yaml'))?.toString().split('\n') ?? [];
    expect(newLines).toHaveLength(oldLines.length);
    expect(newLines.filter((line, i) => line !== oldLines[i])).toEqual([
      '    title: ふるさと納税の寄付額が約50倍に',
      '    body: ふるさと納税の寄付額は3億4300万円になりました（①就任前は679万円）。',
      '    keywords: [ふるさと納税, 寄付, 返礼品]',
    ]);
  });
});

describe('npm run corpus -- export', () => {
  it('writes UTF-8 with a BOM and CRLF, which imports back leaving every file byte-identical', async () => {
    const before = await snapshot(corpusDir);
    const csv = path.join(work, 'all.csv');
    const exported = await corpusCli('export', csv, '--corpus', corpusDir);
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/^132 件を .*all\.csv に書き出しました（UTF-8、BOM 付き）/);

    const bytes = await readFile(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('id,pillar,kind,title,short_title,text,keywords,phrasings,results,period,source_section,source_line,figures\r\n')).toBe(true);
    expect(parseCsv(text)).toHaveLength(133);

    const imported = await corpusCli('import', csv, '--corpus', corpusDir);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/追加 0 件、更新 0 件、変更なし 132 件/);
    expect(await snapshot(corpusDir)).toEqual(before);
  });

  it('round-trips an imported entry with a line break in its body and figures', async () => {
    const staff = path.join(work, 'staff.csv');
    const figures = '[{""label"":""収集回数"",""after"":2,""unit"":""回"",""period"":""毎週"",""approximate"":true,""note"":""燃えるごみ""}]';
    await writeFile(staff, `id,title,text,keywords,figures\r\ngomi-days,ごみの収集日は？,"燃えるごみは週2回、\r\n地区ごとに曜日が決まっています。",ごみ,"${figures}"\r\n`);
    expect((await corpusCli('import', staff, '--corpus', corpusDir)).stdout).toMatch(/追加 1 件、更新 0 件、変更なし 0 件/);
    const before = await snapshot(corpusDir);
    const csv = path.join(work, 'all.csv');
    expect((await corpusCli('export', csv, '--corpus', corpusDir)).code).toBe(0);
    expect((await corpusCli('import', csv, '--corpus', corpusDir)).stdout).toMatch(/追加 0 件、更新 0 件、変更なし 133 件/);
    expect(await snapshot(corpusDir)).toEqual(before);
  });

  it('refuses Shift_JIS when the corpus holds characters Shift_JIS lacks, naming them', async () => {
    const csv = path.join(work, 'all.csv');
    const result = await corpusCli('export', csv, '--corpus', corpusDir, '--encoding', 'sjis');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/all\.csv:\d+ source_section: '—'（U\+2014）は Shift_JIS で書けません/);
    await expect(readFile(csv)).rejects.toThrow(/ENOENT/);
  });
});

describe('npm run corpus:check', { timeout: 30_000 }, () => {
  it('warns when two entries share an everyday phrasing, and still passes', async () => {
    const file = path.join(corpusDir, 'entries', '01-shisei.yaml');
    const text = await readFile(file, 'utf8');
    const shared = '      - よそに住む人が小諸を応援する寄付\n';
    let added = 0;
    await writeFile(file, text.replace(/ {4}phrasings:\n/gu, (key) => (added++ < 2 ? key + shared : key)));
    const check = await run('src/cli/commands/corpus-check.ts', [corpusDir]);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/注意: 項目 '[a-z0-9-]+' の phrasings: 「よそに住む人が小諸を応援する寄付」は '[a-z0-9-]+' のよくある言い方でもある/u);
  });

  it('warns of an English group whose word the corpus never uses, unless the word says what is asked', async () => {
    const file = path.join(corpusDir, 'synonyms.en.yaml');
    await writeFile(
      file,
      `${await readFile(file, 'utf8')}  - [子猫, kitten]\n  - [開館時間, library hours]\n  - [誰向け, whom for]\n`,
    );
    const check = await run('src/cli/commands/corpus-check.ts', [corpusDir]);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('[子猫, kitten]: 「子猫」がコーパスに出てこないため');
    // 開館時間 is read as a question for a detail (question-intent.ts), not searched.
    expect(check.stderr).not.toContain('開館時間');
    // Nor is a phrase holding a question word (誰向け: whom it is for).
    expect(check.stderr).not.toContain('誰向け');
  });

  it('warns when rich-menu.png was not drawn from the pillars of meta.yaml, telling staff to redraw it', async () => {
    const meta = path.join(corpusDir, 'meta.yaml');
    await writeFile(meta, (await readFile(meta, 'utf8')).replace('shortName: 市民の幸福', 'shortName: 幸福の実感'));
    const check = await run('src/cli/commands/corpus-check.ts', [corpusDir]);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain(
      'rich-menu.png: 今のデザイン（corpus/meta.yaml の柱の shortName・label・色）から作った画像ではありません: npm run rich-menu:image で画像を作り直し',
    );
  });
});

describe('npm run corpus:check on labels, keywords and the pledges’ results', { timeout: 30_000 }, () => {
  it('passes the bundled corpus without a warning, counting the pledges and their results', async () => {
    const check = await run('src/cli/commands/corpus-check.ts', [corpusDir]);
    expect(check.code).toBe(0);
    expect(check.stderr).not.toContain('警告:');
    expect(check.stdout).toMatch(/公約（具体的政策） 35件: 実績を結び付けたもの 31件、報告に実績の記載なし（results: \[\]） 4件/u);
  });

  it('warns of a long title without a short one, a misprinted keyword and an unlinked pledge; fails on an unknown result id', async () => {
    const file = path.join(corpusDir, 'entries', '03-egao.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text
        .replace('    shortTitle: 健康長寿と高齢者福祉\n', '')
        .replace('keywords: [健康長寿日本一こもろ,', 'keywords: [健康長寿日本ーこもろ, 健康長寿日本一こもろ,')
        .replace('    results: [komoro-campus-concept]\n', ''),
    );
    const warned = await run('src/cli/commands/corpus-check.ts', [corpusDir]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toContain("警告: 項目 'healthy-longevity-and-elderly-welfare' title: 「「健康長寿日本一こもろ」と高齢者福祉の充実」は全角21文字で");
    expect(warned.stderr).toContain("警告: 項目 'healthy-longevity-and-elderly-welfare' keywords: 「健康長寿日本ーこもろ」は辞書にない語（「ー」）を含み");
    expect(warned.stderr).toContain("警告: 項目 'lifelong-learning' results: この公約（具体的政策）に報告の実績が結び付けられていません。");

    await writeFile(file, text.replace('results: [komoro-campus-concept]', 'results: [komoro-campus-concpet]'));
    const failed = await run('src/cli/commands/corpus-check.ts', [corpusDir]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(
      /03-egao\.yaml:\d+ entries\[\d+\]\.results\[0\]: 'komoro-campus-concpet' という id の項目はありません。/u,
    );
  });
});
