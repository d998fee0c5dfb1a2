/**
 * A change asked against an earlier time (1年前と比べて何人増えた, 去年より減った？, この1年で増えた) is answered only
 * by an entry that states one in figures (H29→H30, 12.81%削減, 約3200時間減): a count as of one day
 * (3682人（R2.1.15）) says nothing of how it moved, whatever the entry hopes for it (増加を図っています).
 */

/** A change asked against an earlier time. */
const CHANGE_SINCE =
  /(?:(?:前|前年|前年度|昨年|去年|[0-9]+年前|当初|就任前)(?:と比べ|に比べ|と比較|より|から)|(?:この|ここ|過去)[0-9]+(?:年|か月|カ月|ヶ月)(?:間)?で)[^。？?]{0,16}?(?:増え|減っ|減り|増加|減少|伸び|上がっ|下がっ|変わっ|ふえ|へっ)/u;

/** A change stated in figures: an arrow between two, or a number with its rise or fall. */
const CHANGE_IN_FIGURES = /→|[0-9][^。、]{0,12}?(?:増|減|倍|削減|上昇|向上|伸び)|(?:増|減|削減)[^。、]{0,6}?[0-9]/u;

/** Whether a change against an earlier time is asked and the entry states none in figures. */
export function asksChangeNotStated(askedText: string, entryText: string): boolean {
  return CHANGE_SINCE.test(askedText) && !CHANGE_IN_FIGURES.test(entryText);
}

/** A total asked (合計で何時間, 総数は, トータルで): all of it, not how much it moved. */
const TOTAL_ASKED = /合計|トータル|総(?:数|額|計|時間|人数|件数)/u;

/** A total stated (合計, 総数, 全68区中): the entry gives one. */
const TOTAL_STATED = /合計|総(?:数|額|計|時間)|全[0-9]/u;

/**
 * Whether a total is asked of an entry that states only how much it changed (約3200時間減, 12.81%
 * 削減): the amount moved is not the amount there was.
 */
export function asksTotalNotStated(askedText: string, entryText: string): boolean {
  return TOTAL_ASKED.test(askedText) && CHANGE_IN_FIGURES.test(entryText) && !TOTAL_STATED.test(entryText);
}
