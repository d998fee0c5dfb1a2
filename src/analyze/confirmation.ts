/**
 * A clause that only asks whether what the citizen heard is true (「本当でしょうか。」「ほんと？」).
 * A message that asks so about a topic, and in another clause for one kind of fact about it
 * (「病児保育ができると聞きましたが、本当でしょうか。いつ頃できるのでしょうか。」), is answered
 * by the entry on the topic even when the entry lacks that kind of fact. Pure: text in, answer out.
 */

const CONFIRMATION =
  /^(?:それは|これは|その話は|それって)?(?:本当|ほんとう|ほんと|事実|確か)(?:に)?(?:でしょうか|ですか|なの|なん|か)?(?:ね|でしょう)?[?？。．!！\s]*$/u;

/** True when the clause (normalised, trimmed of connectives) only asks whether it is true. */
export function asksWhetherTrue(clause: string): boolean {
  return CONFIRMATION.test(clause.replace(/^[\s、,]*(?:それと|あと|また)?[、,\s]*/u, '').trim());
}
