/**
 * The corpus data model: entries, figures, pillars and the report they come from.
 * Types are derived from the zod schemas so the checker and the code never disagree.
 */
import { z } from 'zod';
import { schemaMessages } from './check-messages.js';
import { fitsLabel, labelBudget, labelWidth } from './label-width.js';

/**
 * Groups of words that mean the same thing, each word normalised with `normalizeText`
 * (the staff file, the Sudachi loader and corpus/synonyms.sudachi.json all give them so).
 */
export type SynonymGroups = readonly (readonly string[])[];

/** What part of the report an entry stands for. */
export const entryKinds = [
  'intro', // the mayor's introduction: term, what he kept in mind
  'stance', // 基本姿勢
  'pillar', // one of the 5つの柱 with its label
  'principle', // 実行に向けての方針
  'policy', // a ● policy of a pillar
  'highlight', // a boxed result (囲み) of a pillar, usually with figures
  'achievement', // a line of 主な取組み実績
  'facility', // section 6: the complex facility and its functions
  'faq', // a question and answer imported from another FAQ (JSONL corpora)
] as const;
export const EntryKind = z.enum(entryKinds);
export type EntryKind = z.infer<typeof EntryKind>;

/**
 * A figure exactly as the report gives it. `after` is the value (the only one when there is no
 * comparison); `before` is the earlier value when the report compares two. Numbers are plain
 * numbers in `unit` (679万円 is before: 6790000, unit: 円); `period` is the report's own wording
 * of the time span or as-of date (H29→H30, R2.1.15, H31.4現在).
 */
export const Figure = z
  .object({
    label: z.string().trim().min(1),
    before: z.number().optional(),
    after: z.number(),
    unit: z.string().trim().min(1),
    period: z.string().trim().min(1),
    approximate: z.boolean().optional(),
    note: z.string().trim().min(1).optional(),
  })
  .strict();
export type Figure = z.infer<typeof Figure>;

/** Where in the report an entry comes from: the section heading and the line in the seed file. */
export const SourceRef = z
  .object({
    section: z.string().trim().min(1),
    line: z.number().int().positive(),
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;

export const EntryId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, schemaMessages.entryIdFormat);

/** Pillar numbers: 0 is the report as a whole (intro, stances, principles), 1–5 the five pillars, 6 その他の実績. */
export const PillarNumber = z.number().int().min(0).max(6);

/**
 * The words a button or a quick reply shows for an entry whose title is too long for one
 * (「ふるさと納税の寄付額が50.5倍に」 → 「ふるさと納税50.5倍」): chosen by staff, never cut by the bot.
 */
export const ShortTitle = z
  .string()
  .trim()
  .min(1)
  .superRefine((value, ctx) => {
    if (!fitsLabel(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `ボタンに出す短いタイトルは全角${labelBudget}文字以内にしてください（「${value}」は全角${labelWidth(value)}文字、半角の英数字は0.5文字）`,
      });
    }
  });

/** The kinds of entries that can be a result of a pledge: what the report lists as done. */
export const resultKinds: readonly EntryKind[] = ['highlight', 'achievement', 'facility'];

export const Entry = z
  .object({
    id: EntryId,
    pillar: PillarNumber,
    kind: EntryKind,
    title: z.string().trim().min(1).max(60),
    shortTitle: ShortTitle.optional(),
    body: z.string().trim().min(1, schemaMessages.notEmpty),
    figures: z.array(Figure).default([]),
    period: z.string().trim().min(1).optional(),
    keywords: z.array(z.string().trim().min(1)).default([]),
    /**
     * How citizens put it in everyday words (よくある言い方), like the alternate questions of an FAQ
     * system: 「よそから来る人への手助け」 for 移住支援. Matched like keywords, never shown as facts.
     */
    phrasings: z.array(z.string().trim().min(1).max(100)).default([]),
    /**
     * On a pledge (kind: policy, a ● 具体的政策 of the report): the ids of the results the report
     * lists for it (highlights, achievements), as staff judge them; `[]` when the report lists
     * none. Read by the pledge tracker (公約の進み具合); parse-corpus.ts checks every id.
     */
    results: z.array(EntryId).optional(),
    source: SourceRef,
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.results !== undefined && entry.kind !== 'policy') {
      ctx.addIssue({
        code: 'custom',
        path: ['results'],
        message: `results（公約の実績）は種類 policy（具体的政策）の項目にだけ書けます（この項目は ${entry.kind}）`,
      });
    }
  });
export type Entry = z.infer<typeof Entry>;

export const EntryFile = z.object({ entries: z.array(z.unknown()) }).strict();

export const Pillar = z
  .object({
    number: PillarNumber,
    name: z.string().trim().min(1),
    label: z.string().trim().min(1).optional(),
    /** The rich menu tile's words when `name` is too long for it (src/render/rich-menu.ts says how long). */
    shortName: z.string().trim().min(1).optional(),
    color: z.string().regex(/^#[0-9A-Fa-f]{6}$/, schemaMessages.colorFormat),
  })
  .strict();
export type Pillar = z.infer<typeof Pillar>;

/** corpus/meta.yaml: the report every entry comes from, and the pillars. */
export const CorpusMeta = z
  .object({
    source: z
      .object({
        title: z.string().trim().min(1),
        asOf: z.string().trim().min(1),
      })
      .strict(),
    pillars: z.array(Pillar).min(1),
    /** Where citizens ask what the report does not say (a procedure, a fee, the next date). */
    contact: z
      .object({
        name: z.string().trim().min(1),
        url: z.url({ protocol: /^https$/ }).optional(),
        phone: z.string().trim().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CorpusMeta = z.infer<typeof CorpusMeta>;

/** A validated corpus, ready to index. */
export interface Corpus {
  readonly meta: CorpusMeta;
  readonly entries: readonly Entry[];
  /** The staff's synonym groups (corpus/synonyms.yaml), words normalised; empty when there is no file. */
  readonly synonyms: SynonymGroups;
  /**
   * Words the dictionary's synonym groups leave out (synonyms.yaml `notFromDictionary`): words the
   * report means otherwise than the dictionary does (バス, the bus, not the bath).
   */
  readonly notFromDictionary?: readonly string[];
  /**
   * The staff's English words (corpus/synonyms.en.yaml): each group is the corpus's Japanese word
   * first, then English words citizens mix in for it; empty when there is no file.
   */
  readonly english: SynonymGroups;
}
