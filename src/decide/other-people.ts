/**
 * An entry is often for one group of people (子どもたちの交流事業, 女性の起業家): a question about
 * another group (お年寄りに運動を教える交流会) shares its other words but not whom it is for, as a
 * question about another country's team is not answered by an entry naming other countries.
 */

/** Groups of people an entry may be for, each with the ways citizens and the report name it. */
const PEOPLE_GROUPS: readonly RegExp[] = [
  /子ども|子供|こども|児童|小学生|中学生|小中学生|園児|乳幼児|赤ちゃん|孫/gu,
  /お年寄り|年寄り|高齢者|高齢の|老人|シニア/gu,
  /高校生|大学生|学生|若者|若い人|若い世代|若手/gu,
];

/**
 * Whether a text names the group as a word of its own (お年寄りに): inside a compound (老人会,
 * 子ども会) it names a thing, and often where the citizen heard of the topic.
 */
function namesGroup(text: string, group: RegExp): boolean {
  for (const m of text.matchAll(group)) {
    if (!/[\p{Script=Han}\p{Script=Katakana}]/u.test(text.charAt(m.index + m[0].length))) return true;
  }
  return false;
}

/** Whether what is asked names a group of people where the entry names only other groups. */
export function asksOfOtherPeople(askedText: string, entryText: string): boolean {
  const asked = PEOPLE_GROUPS.filter((group) => namesGroup(askedText, group));
  if (asked.length === 0) return false;
  const entryGroups = PEOPLE_GROUPS.filter((group) => entryText.search(group) >= 0);
  return entryGroups.length > 0 && asked.every((group) => !entryGroups.includes(group));
}
