/**
 * What the bot says to one webhook event (pure): text questions are answered by the engine,
 * postbacks browse the pillars or record a vote, a follow gets the welcome, other messages an
 * invitation to type. Events that need no reply give undefined.
 */
import type { messagingApi, webhook } from '@line/bot-sdk';
import { parsePostbackData } from '../render/postback-data.js';
import { renderNonText } from '../render/render-non-text.js';
import { renderPillarEntries, renderPillarMenu } from '../render/render-pillar.js';
import { renderPledgeProgress } from '../render/render-pledge-progress.js';
import { renderHelp, renderWelcome } from '../render/render-welcome.js';
import type { Engine } from './engine.js';
import { runAtOnce } from '../time-slices.js';

/** What happened, for logs and counters (never the user's text). */
export interface ReplyPlan {
  readonly messages: messagingApi.Message[];
  readonly outcome: string;
  readonly entryIds?: readonly string[];
}

const feedbackThanks: messagingApi.TextMessage = {
  type: 'text',
  text: 'ご意見ありがとうございます。今後の改善に役立てます。',
};

/**
 * The reply to a postback's data (pure): a pillar's pledges and their results (the pledge
 * tracker), pillar pages, the pillar menu, or thanks for a vote.
 * It only renders; recording a vote is the webhook dispatcher's job, so the preview page can call it.
 */
export function replyToPostback(data: string, engine: Engine): ReplyPlan {
  const postback = parsePostbackData(data);
  const { meta, entries } = engine.corpus;
  switch (postback.kind) {
    case 'pillar': {
      // A pillar tapped: its pledges and their results; its entries when it has no pledges, or a page is asked.
      const progress =
        postback.page === undefined ? renderPledgeProgress({ pillar: postback.pillar }, entries, meta) : undefined;
      if (progress) return { messages: progress, outcome: `progress-pillar-${postback.pillar}` };
      return {
        messages: renderPillarEntries(
          postback.pillar,
          entries.filter((e) => e.pillar === postback.pillar),
          meta,
          postback.page ?? 1,
        ),
        outcome: `pillar-${postback.pillar}`,
      };
    }
    case 'pledge': {
      const pledge = entries.find((e) => e.id === postback.entryId && e.kind === 'policy');
      const progress = pledge && renderPledgeProgress({ pillar: pledge.pillar, focus: [pledge.id] }, entries, meta);
      return progress
        ? { messages: progress, outcome: 'progress-pledge', entryIds: [postback.entryId] }
        : { messages: renderPillarMenu(meta), outcome: 'postback-unknown' };
    }
    case 'progress':
      return {
        messages: renderPledgeProgress({}, entries, meta) ?? renderPillarMenu(meta),
        outcome: 'progress-all',
      };
    case 'browse-pillars':
      return { messages: renderPillarMenu(meta), outcome: 'browse-pillars' };
    case 'feedback':
      return { messages: [feedbackThanks], outcome: `feedback-${postback.vote}`, entryIds: [postback.entryId] };
    case 'help':
      return { messages: renderHelp(meta), outcome: 'help' };
    case 'unknown':
      return { messages: renderPillarMenu(meta), outcome: 'postback-unknown' };
  }
}

export function replyForEvent(event: webhook.Event, engine: Engine): ReplyPlan | undefined {
  return runAtOnce(replyForEventInSteps(event, engine));
}

/** replyForEvent as a job in steps (see askInSteps): answering a long message is split. */
export function* replyForEventInSteps(
  event: webhook.Event,
  engine: Engine,
): Generator<void, ReplyPlan | undefined, void> {
  switch (event.type) {
    case 'message': {
      if (event.message.type !== 'text') {
        return { messages: renderNonText(), outcome: `non-text-${event.message.type}` };
      }
      const { decision, messages, shownEntryIds } = yield* engine.replyInSteps(event.message.text);
      return {
        messages: [...messages],
        outcome: decision.kind === 'answer' ? `answer-${decision.confidence}` : `abstain-${decision.reason}`,
        entryIds: shownEntryIds,
      };
    }
    case 'postback':
      return replyToPostback(event.postback.data, engine);
    case 'follow':
      return { messages: renderWelcome(engine.corpus.meta), outcome: 'welcome' };
    default:
      return undefined;
  }
}
