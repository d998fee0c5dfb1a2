/**
 * What `npm run corpus:check` warns about without failing: the corpus works, but staff should
 * look (a title too long for a button, a keyword that is not a word, a pledge with no result).
 */

export interface CorpusWarning {
  /** The entry concerned. */
  readonly entryId: string;
  /** The field, as staff write it in YAML (title, keywords, results). */
  readonly field: string;
  readonly message: string;
}

/** 「警告: 項目 'furusato-nozei-growth' title: …」 */
export function formatWarning(warning: CorpusWarning): string {
  return `警告: 項目 '${warning.entryId}' ${warning.field}: ${warning.message}`;
}
