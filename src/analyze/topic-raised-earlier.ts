/**
 * A topic raised earlier in a letter, with the story going on before the question about it:
 * 「女性の係長さんを対象にした研修があると姪から聞きました。姪は今主任だそうで…。何という研修なの
 * か、教えていただけると幸いです。」 The question names the topic again by its noun (研修), and the
 * clause that raised it says which one is meant, so it is asked too. Pure: clauses and terms in.
 */
import type { Term } from './analyze.js';
import {
  mainMatterStart,
  namesOwnTopic,
  raisesByHearsay,
  reportedTopic,
  termWithin,
  turnsAway,
  type Clause,
} from './question-focus.js';

/**
 * `focus` with the clauses before it that raised a topic by hearsay (〜と聞きました) and share a
 * specific word with a clause of `focus` that asks, or else with the one raised just before a
 * sentence of story; unchanged when a raised topic already leads it.
 * `named` gives the specific content words of a span.
 */
export function withTopicRaisedEarlier(
  text: string,
  focus: readonly Clause[],
  clauses: readonly Clause[],
  named: (spans: readonly Clause[]) => readonly Term[],
): readonly Clause[] {
  const first = focus[0];
  // A question turning to another matter (ところで、…) is not about what was heard before it.
  if (first?.asks !== true || turnsAway(text, first)) return focus;
  const asked = new Set(named(focus.filter((c) => c.asks === true)).map((t) => t.text));
  // Nor about what was told before the letter turns to its own matter (さて本題ですが、).
  const from = mainMatterStart(text, first.end);
  const before = clauses.filter((c) => c.end <= first.start && c.start >= from);
  // Heard of (〜と聞きました), not told as what happened (〜のことで電話をしましたら).
  const isRaised = (c: Clause) => c.role === 'asked' && c.asks !== true && raisesByHearsay(text, c);
  const shared = before.filter(
    (c) => isRaised(c) && named([reportedTopic(text, c)]).some((t) => asked.has(t.text) && termWithin(t, [c])),
  );
  // With no word in common, the topic raised just before one sentence of story (「応援隊というのが
  // あると聞きました。うちの区の祭りにも来ていただきたいのですが、何人くらいが…」) is the one asked,
  // unless the question names its own (自治会のあり方について、何か…).
  const last = before.filter((c) => c.role !== 'greeting').slice(-2);
  const nearest =
    last.length === 2 && last[0] && isRaised(last[0]) && last[1]?.role === 'background' && !namesOwnTopic(text, first)
      ? [last[0]]
      : [];
  const raised = shared.length > 0 ? shared : nearest;
  // Of a clause raising a topic by hearsay, the topic: not who told it (姪から聞きました).
  return raised.length > 0 ? [...raised.map((c) => reportedTopic(text, c)), ...focus] : focus;
}
