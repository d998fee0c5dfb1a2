/**
 * A figure asked per person or on average (一人あたり何時間, 平均でいくら) is another figure than
 * the total an entry states (約3,200時間減): the entry answers only when it states a figure so.
 */
import { sentencesOf } from '../analyze/sentences.js';

/** Asking per one of something, or the average. */
const PER_UNIT_ASKED =
  /(?:一人|1人|ひとり|職員1人|1世帯|一世帯|ひと月|1か月|1カ月|1ヶ月|一か月|1件|1日|一日)(?:あたり|当たり|当り)|(?:一人|1人|ひとり)(?:に)?(?:つき)?\s?(?:いくら|何円|なんえん|何時間|なんじかん)|(?:一人|1人|ひとり)ひとり?の?平均|平均(?:で|して|すると|は|の)?(?:何|なん|いくら|どれ|どの)/u;

/** A figure stated per one of something, or an average. */
const PER_UNIT_STATED = /あたり|当たり|当り|平均|1人|一人|ひとり|毎月|月額|年額|日額/u;

/** A sentence that asks a figure along with the main one (〜になるのかも分かれば): not the question. */
const ASKED_ALONG = /(?:か|のか)も(?:分かれば|わかれば|教えて|知りたい|伺え|お聞かせ|あわせて)/u;

/** Whether a sentence asks a figure along with the main question (〜のかも分かれば教えてください). */
export function asksAlong(sentence: string): boolean {
  return ASKED_ALONG.test(sentence);
}

/** Whether a figure is asked per one or on average, and the entry states none so. */
export function asksPerUnitNotStated(askedText: string, entryText: string): boolean {
  return (
    sentencesOf(askedText).some((s) => !asksAlong(s) && PER_UNIT_ASKED.test(s)) && !PER_UNIT_STATED.test(entryText)
  );
}
