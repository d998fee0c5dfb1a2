/**
 * The bundled corpus covers the mayor's report (the seed text it was written from): every number
 * the report gives, every name it quotes in 「」, every ● policy of the five pillars and every line
 * of 主な取組み実績 is in the corpus, and entries point at the report line they come from.
 * Reads the seed file and corpus/*.yaml directly, so it checks the data, not the loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CorpusMeta, Entry, type EntryKind } from '../../src/corpus/entry.js';

const repoRoot = new URL('../../', import.meta.url);
const seedUrl = new URL('../shared/seed/000_30d1e65b772358a7.txt', repoRoot);
const corpusDir = new URL('corpus/', repoRoot);
const entriesDir = new URL('entries/', corpusDir);

const seed = readFileSync(seedUrl, 'utf8');
/** The report's lines; line n of the file is seedLines[n - 1]. */
const seedLines = seed.split(/\r?\n/);

const entryFiles = readdirSync(entriesDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const entries: Entry[] = entryFiles.flatMap((name) => {
  const doc = parse(readFileSync(new URL(name, entriesDir), 'utf8')) as { entries: unknown[] };
  return doc.entries.map((raw) => Entry.parse(raw));
});

/** NFKC, without the report's markdown emphasis and without thousands separators (3,536 → 3536). */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\*\*/g, '')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** Japanese amounts as plain numbers: 679万 → 6790000, 3億4300万 → 343000000, 10万 → 100000. */
function expandAmounts(text: string): string {
  return text.replace(/(?:(\d+(?:\.\d+)?)億)?(\d+(?:\.\d+)?)万|(\d+(?:\.\d+)?)億/g, (_m, oku, man, okuOnly) => {
    const value =
      oku !== undefined || man !== undefined
        ? Number(oku ?? 0) * 1e8 + Number(man ?? 0) * 1e4
        : Number(okuOnly) * 1e8;
    return String(Math.round(value));
  });
}

/** The numbers written in a text, as strings: digit runs with an optional decimal part. */
function numbersIn(text: string): string[] {
  return expandAmounts(normalise(text)).match(/\d+(?:\.\d+)?/g) ?? [];
}

/** Text fields of an entry a citizen reads (keywords excluded: they are search aids, not facts). */
function readableText(entry: Entry): string[] {
  return [
    entry.title,
    entry.body,
    entry.period ?? '',
    ...entry.figures.flatMap((f) => [f.label, f.period, f.note ?? '']),
  ];
}

const corpusNumbers = new Set<string>([
  ...entries.flatMap((e) => readableText(e).flatMap(numbersIn)),
  ...entries.flatMap((e) =>
    e.figures.flatMap((f) => [f.before, f.after].filter((v): v is number => v !== undefined).map((v) => String(Math.abs(v)))),
  ),
]);

const reportNumbers = seedLines.flatMap((text, i) => numbersIn(text).map((value) => ({ value, line: i + 1 })));

/** Report lines that open a pillar's section in the progress report (after the legend). */
interface PillarSection {
  readonly pillar: number;
  /** 0-based index of the heading line, and of the line after the section's last line. */
  readonly start: number;
  readonly end: number;
}

function pillarSections(): PillarSection[] {
  const legend = seedLines.findIndex((l) => l.startsWith('【凡例'));
  const headings: { pillar: number; index: number }[] = [];
  seedLines.forEach((text, index) => {
    const match = /^([1-6])\.\s*\S/.exec(text);
    if (index > legend && match?.[1] !== undefined) headings.push({ pillar: Number(match[1]), index });
  });
  return headings.map((h, i) => ({ pillar: h.pillar, start: h.index, end: headings[i + 1]?.index ?? seedLines.length }));
}

interface ReportItemLine {
  readonly pillar: number;
  /** 1-based line number in the seed file. */
  readonly line: number;
  /** The items the line holds (a line may list several ● policies or ・ achievements). */
  readonly items: string[];
}

/** The ● policy lines right below each pillar heading; extra ● on a line are further policies. */
function policyLines(): ReportItemLine[] {
  return pillarSections()
    .filter((s) => s.pillar >= 1 && s.pillar <= 5)
    .flatMap((s) => {
      const found: ReportItemLine[] = [];
      let i = s.start + 1;
      while (i < s.end && (seedLines[i] ?? '').trim() === '') i++;
      for (; i < s.end; i++) {
        const text = seedLines[i] ?? '';
        if (!/^- (?!・)/.test(text)) break;
        const items = text
          .slice(2)
          .split('●')
          .map((item) => item.trim())
          .filter((item) => item !== '');
        found.push({ pillar: s.pillar, line: i + 1, items });
      }
      return found;
    });
}

/** The ・ lines under <主な取組み実績> (or <主な取り組み実績>) of each pillar; ` ・` separates items. */
function achievementLines(): ReportItemLine[] {
  return pillarSections().flatMap((s) => {
    const found: ReportItemLine[] = [];
    let inAchievements = false;
    for (let i = s.start + 1; i < s.end; i++) {
      const text = seedLines[i] ?? '';
      if (/^<主な取り?組み実績>$/.test(text.trim())) inAchievements = true;
      else if (inAchievements && text.startsWith('- ・')) {
        const items = text
          .slice(2)
          .split(/(?:^|\s+)・/)
          .map((item) => item.trim())
          .filter((item) => item !== '');
        found.push({ pillar: s.pillar, line: i + 1, items });
      }
    }
    return found;
  });
}

/** Lines of the report with fewer entries of the given kind pointing at them than items on them. */
function uncovered(lines: readonly ReportItemLine[], kind: EntryKind): string[] {
  return lines.flatMap((l) => {
    const pointing = entries.filter((e) => e.source.line === l.line && e.pillar === l.pillar && e.kind === kind);
    return pointing.length >= l.items.length
      ? []
      : [`line ${l.line} (pillar ${l.pillar}): ${l.items.length} item(s) [${l.items.join(' / ')}], ${pointing.length} ${kind} entr(ies)`];
  });
}

describe('the corpus against the report it is written from', () => {
  it('reads a valid meta file and entries with unique ids', () => {
    expect(() => CorpusMeta.parse(parse(readFileSync(new URL('meta.yaml', corpusDir), 'utf8')))).not.toThrow();
    expect(entries.length).toBeGreaterThan(100);
    const ids = entries.map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('has every number of the report as a figure value or in the text of an entry', () => {
    expect(reportNumbers.length).toBeGreaterThan(50);
    // Japanese amounts are read as whole numbers: 3億4300万 is 343000000, not 3 and 4300.
    expect(reportNumbers.map((n) => n.value)).toEqual(expect.arrayContaining(['6790000', '343000000', '100000', '3536']));
    const missing = reportNumbers.filter((n) => !corpusNumbers.has(n.value)).map((n) => `${n.value} (line ${n.line})`);
    expect(missing, `numbers of the report missing from the corpus: ${missing.join(', ')}`).toEqual([]);
  });

  it('gives only figure values that the report itself gives', () => {
    const reported = new Set(reportNumbers.map((n) => n.value));
    const invented = entries.flatMap((e) =>
      e.figures.flatMap((f) =>
        [f.before, f.after]
          .filter((v): v is number => v !== undefined)
          .filter((v) => !reported.has(String(Math.abs(v))))
          .map((v) => `${e.id}: ${f.label} ${v}${f.unit}`),
      ),
    );
    expect(invented, `figure values not in the report: ${invented.join(', ')}`).toEqual([]);
  });

  it('mentions every name the report quotes in 「」 or 『』', () => {
    // The print's long-vowel mark after a kanji (「健康長寿日本ーこもろ」) is its slip for 一: the corpus writes 一.
    const unslipped = (name: string) => name.replace(/(?<=\p{Script=Han})ー/gu, '一');
    const quoted = [...new Set([...normalise(seed).matchAll(/「([^「」]+)」|『([^『』]+)』/g)].map((m) => unslipped((m[1] ?? m[2] ?? '').trim())))];
    expect(quoted.length).toBeGreaterThan(40);
    const text = normalise(entries.flatMap((e) => [...readableText(e), ...e.keywords]).join('\n'));
    const missing = quoted.filter((q) => !text.includes(q));
    expect(missing, `quoted names missing from the corpus: ${missing.join('、')}`).toEqual([]);
  });

  it('has a policy entry for every ● policy of the five pillars, pointing at its line', () => {
    const lines = policyLines();
    expect(new Set(lines.map((l) => l.pillar))).toEqual(new Set([1, 2, 3, 4, 5]));
    // Several ● on one line are several policies (pillar 3 and 4 list two or three per line).
    expect(lines.reduce((n, l) => n + l.items.length, 0)).toBeGreaterThan(lines.length);
    const missing = uncovered(lines, 'policy');
    expect(missing, `● policies without an entry:\n${missing.join('\n')}`).toEqual([]);
  });

  it('has an achievement entry for every line of 主な取組み実績, pointing at its line', () => {
    const lines = achievementLines();
    expect(new Set(lines.map((l) => l.pillar))).toEqual(new Set([1, 2, 3, 4, 5]));
    const missing = uncovered(lines, 'achievement');
    expect(missing, `主な取組み実績 lines without an entry:\n${missing.join('\n')}`).toEqual([]);
  });

  it('points every entry at a non-empty line of the report', () => {
    const bad = entries
      .filter((e) => (seedLines[e.source.line - 1] ?? '').trim() === '')
      .map((e) => `${e.id} → line ${e.source.line}`);
    expect(bad).toEqual([]);
  });
});
