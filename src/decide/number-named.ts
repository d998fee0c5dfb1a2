/**
 * A number asked by the name of what it counts, set against the one heard (金額で50.5倍って聞いた
 * けど、件数だと何倍): the entry must state that number, by its name (件数) or as a count in its
 * counter (120件); a growth in money says nothing of how many gave. Pure: texts in.
 */

/** The name of a number, set against another: 件数だと, 人数では, 回数のほうは. */
const NAMED_NUMBER = /(件数|人数|回数|台数|金額)(?:だと|では|で見ると|のほうは|の方は)/u;

/** The counter each number is stated in. */
const COUNTER: Readonly<Record<string, string>> = { 件数: '件', 人数: '人', 回数: '回', 台数: '台', 金額: '円' };

/** Whether the asking clauses ask a number by its name that the entry does not state. */
export function asksNamedNumberNotStated(asking: string, entryText: string): boolean {
  const name = NAMED_NUMBER.exec(asking)?.[1];
  if (name === undefined) return false;
  const counter = COUNTER[name] ?? '';
  return !entryText.includes(name) && !new RegExp(`[0-9](?:万|億|千)?${counter}`, 'u').test(entryText);
}
