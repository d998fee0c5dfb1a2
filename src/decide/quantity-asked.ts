/**
 * A quantity asked outright (偏差値ってどのくらい？, いくらですか) of an entry that states no number
 * at all: whatever it matched, it cannot say how much. How far a thing got (どのくらい進んだ) is
 * not a quantity. Pure: texts in.
 */

/** How much, how many, asked to close the question: not before a verb of progress. */
const QUANTITY_ASKED =
  /(?:どの(?:くらい|ぐらい|程度)|どれ(?:くらい|ぐらい|ほど|だけ)|いくら|いくつ)(?=\s?(?:[?？]|$|な(?:の|ん)|です|でしょう|だ(?:ろう|っけ)|か[?？。]?$))/u;

/** Whether the asking clauses ask a quantity that the entry, stating no number, cannot give. */
export function asksQuantityOfNumberless(asking: string, entryText: string): boolean {
  return QUANTITY_ASKED.test(asking) && !/[0-9]/u.test(entryText);
}
