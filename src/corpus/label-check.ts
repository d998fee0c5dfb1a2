/**
 * Labels that fit: an entry may be offered on a quick reply, whose label a phone shows only up
 * to about 12 full-width characters. A title longer than that needs a `shortTitle` chosen by
 * staff, since the bot never cuts one (「役に立たなか…」 was what cutting gave).
 */
import type { CorpusWarning } from './corpus-warning.js';
import type { Entry } from './entry.js';
import { fitsLabel, labelBudget, labelWidth } from './label-width.js';

/** The words an entry is offered by on a quick reply: its shortTitle, else its title if it fits; undefined when neither. */
export function entryLabel(entry: Entry): string | undefined {
  if (entry.shortTitle !== undefined) return entry.shortTitle;
  return fitsLabel(entry.title) ? entry.title : undefined;
}

/** A warning for each entry whose title is too long for a label and that has no shortTitle. */
export function labelWarnings(entries: readonly Entry[]): CorpusWarning[] {
  return entries
    .filter((entry) => entryLabel(entry) === undefined)
    .map((entry) => ({
      entryId: entry.id,
      field: 'title',
      message:
        `「${entry.title}」は全角${labelWidth(entry.title)}文字で、ボタンやクイックリプライ（全角${labelBudget}文字まで）に出せません。` +
        `shortTitle に全角${labelBudget}文字以内の短いタイトルを書いてください`,
    }));
}
