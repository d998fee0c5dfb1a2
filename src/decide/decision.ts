/**
 * What the search pipeline concludes for one question: answer with ranked hits, or abstain and say why.
 * The renderer turns a Decision into LINE messages; the CLI and /api/ask print it.
 */
import type { AskedKind } from '../analyze/question-intent.js';
import type { TrackerScope } from '../corpus/pledge-tracker.js';
import type { Hit } from '../search/search.js';

/** Why the bot does not answer with corpus facts. */
export type AbstainReason =
  | 'empty' // nothing left after normalisation (blank, emoji only, symbols)
  | 'greeting' // こんにちは, おはよう, はじめまして ...
  | 'thanks' // ありがとう ...
  | 'no-match' // nothing relevant enough in the corpus
  | 'not-in-report'; // the topic is there, but not the kind of fact asked (its amount, how to apply...)

export type Decision =
  | {
      readonly kind: 'answer';
      /** Best first; at least one, unless the answer is the whole pledge tracker (`tracker`). */
      readonly hits: readonly Hit[];
      /** 'partial' when the best match covers only part of the question: the reply says 関連する情報. */
      readonly confidence: 'full' | 'partial';
      /** The unit the question asked for (人 for 何人, 倍 for 何倍...): replies lead with that figure. */
      readonly askedUnit?: string;
      /**
       * How many hits from the first are shown whatever their score: a message asking two things
       * gets the first entry of each.
       */
      readonly shownFirst?: number;
      /**
       * The question asked how far the pledges got (「公約はどこまで進んだの？」): the reply is the
       * pledge tracker of this scope rather than the hits' bubbles.
       */
      readonly tracker?: TrackerScope;
    }
  | {
      readonly kind: 'abstain';
      readonly reason: AbstainReason;
      /**
       * The best candidates anyway, for staff tools; never shown to citizens as an answer. For
       * 'not-in-report' the first is offered as related information (関連する情報).
       */
      readonly hits: readonly Hit[];
      /** For 'not-in-report': the kind of fact the question wanted and the report lacks. */
      readonly missing?: AskedKind;
    };
