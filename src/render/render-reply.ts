/**
 * The last stage of the pipeline: a Decision becomes the LINE messages of the reply.
 *
 * An answer is a carousel of the best hits' bubbles (with a short 関連する情報 note first when the
 * match is partial) and quick replies to related topics; an abstention is a friendly text that says
 * what the bot can answer, with quick replies to examples and to the five pillars.
 * Every fact shown comes from the entries; the only words added are the bot's own.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { CorpusMeta, Entry, Figure } from '../corpus/entry.js';
import { formatFigureValues } from '../corpus/format-figure.js';
import { entryLabel } from '../corpus/label-check.js';
import { unitAnswers } from '../analyze/question-intent.js';
import type { AbstainReason, Decision } from '../decide/decision.js';
import type { Hit } from '../search/search.js';
import type { AskedKind } from '../analyze/question-intent.js';
import { lineLimits } from './limits.js';
import { clipText, renderEntryCarousel } from './render-entry-bubble.js';
import { browsePillarsQuickReplyItem, pillarQuickReplyItems } from './render-pillar.js';
import { renderPledgeProgress } from './render-pledge-progress.js';
import { pledgePostbackData } from './postback-data.js';
import { trackerScopeOf } from '../corpus/pledge-tracker.js';
import { exampleQuickReplyItems, quotedExamples } from './render-welcome.js';

type Message = messagingApi.Message;
type QuickReplyItem = messagingApi.QuickReplyItem;

/** At most this many hits are shown as bubbles in an answer. */
export const maxAnswerBubbles = 5;
/** At most this many related topics in the quick replies (plus 「5つの柱を見る」): a short bar is easier to scan. */
export const maxRelatedTopics = 8;
/** A hit after the first is shown only if its score is at least this share of the best score. */
export const relatedScoreShare = 0.4;
/** The text sent before the carousel when the decision is partial. */
export const partialNotice = 'ぴったりの情報は見つかりませんでしたが、関連する情報をお届けします。';

export interface RenderReplyOptions {
  /**
   * The whole corpus, if at hand: entries of the first hit's pillar are then offered as related
   * topics in the quick replies, after the other hits. Without it only the hits are offered.
   */
  readonly entries?: readonly Entry[];
}

/**
 * The hits an answer shows, best first: the first `shownFirst` always (the first, or the first
 * of each question a message asks), then up to 5 in all whose score is at least 40% of the best
 * (one per entry).
 */
export function answerHits(hits: readonly Hit[], shownFirst = 1): Hit[] {
  const best = hits[0];
  if (!best) return [];
  const shown: Hit[] = [];
  const seen = new Set<string>();
  const floor = best.score > 0 ? best.score * relatedScoreShare : best.score;
  for (const [i, hit] of hits.entries()) {
    if (shown.length >= maxAnswerBubbles) break;
    if ((i >= shownFirst && hit.score < floor) || seen.has(hit.entry.id)) continue;
    seen.add(hit.entry.id);
    shown.push(hit);
  }
  return shown;
}

/** The figure an answer leads with: the first comparison (before → after), else the first figure. */
function mainFigure(entry: Entry): Figure | undefined {
  const notRatio = entry.figures.filter((f) => f.unit !== '倍');
  return notRatio.find((f) => f.before !== undefined) ?? notRatio[0] ?? entry.figures[0];
}

/** A multiplier the report itself states for the entry (a 倍 figure, or 「50.5倍」 in the note). */
function statedMultiplier(entry: Entry, main: Figure): string | undefined {
  const ratio = entry.figures.find((f) => f.unit === '倍' && f.before === undefined);
  if (ratio) return formatFigureValues(ratio);
  return main.note?.match(/約?[0-9０-９]+(?:[.．][0-9０-９]+)?倍/u)?.[0];
}

/**
 * The answer in words, for notifications and the chat list. A comparison leads with its values
 * (「ふるさと納税の寄付額は50.5倍に（679万円→3億4300万円、2020年1月時点）ほか2件」, the 倍 only when
 * the report states it); otherwise the title, which in the corpus carries the key figure
 * (「小諸ふるさと市民は3682人（R2.1.15）（2020年1月時点）」).
 */
export function answerAltText(entries: readonly Entry[], meta: CorpusMeta): string {
  const first = entries[0];
  const asOf = meta.source.asOf;
  if (!first) return `${meta.source.title}（${asOf}）`;
  const main = mainFigure(first);
  let lead: string;
  if (main?.before === undefined || main.unit === '倍') {
    lead = `${first.title}（${asOf}）`;
  } else {
    const values = formatFigureValues(main, '→');
    const multiplier = statedMultiplier(first, main);
    lead =
      multiplier === undefined
        ? `${main.label}は${values}（${main.period}）`
        : `${main.label}は${multiplier}に（${values}、${asOf}）`;
  }
  const others = entries.length > 1 ? `ほか${entries.length - 1}件` : '';
  return clipText(lead, lineLimits.altTextLength - others.length) + others;
}

interface Topic {
  readonly label: string;
  readonly text: string;
}

/**
 * How a related entry is offered: labelled with its short title (or its title when that fits a
 * phone's quick reply), and asking its whole title when tapped. An entry with neither is not
 * offered: a cut title or a raw keyword (「とりにどす」) reads as a slip.
 */
function topicFor(entry: Entry): Topic | undefined {
  const label = entryLabel(entry);
  if (label === undefined) return undefined;
  return { label, text: clipText(entry.title, lineLimits.messageActionTextLength) };
}

/** Highlights and entries with figures first, as when browsing a pillar. */
function suggestionRank(entry: Entry): number {
  return (entry.kind === 'highlight' ? 0 : 2) + (entry.figures.length > 0 ? 0 : 1);
}

/**
 * Quick replies after an answer: 「公約の進み具合」 first when the answer is about a pledge or one of
 * its results, then up to 8 related topics — the other hits, then entries of the first hit's
 * pillar — as message actions (the tap asks about that topic), no duplicates; 「5つの柱を見る」 last.
 */
function relatedQuickReplyItems(hits: readonly Hit[], corpus: readonly Entry[]): QuickReplyItem[] {
  const first = hits[0]?.entry;
  if (!first) return [browsePillarsQuickReplyItem()];
  const samePillar = corpus
    .map((entry, i) => ({ entry, i }))
    .filter(({ entry }) => entry.pillar === first.pillar)
    .sort((a, b) => suggestionRank(a.entry) - suggestionRank(b.entry) || a.i - b.i)
    .map(({ entry }) => entry);
  const candidates = [...hits.slice(1).map((h) => h.entry), ...samePillar];

  const room = Math.min(maxRelatedTopics, lineLimits.quickReplyItems - 1);
  const seenIds = new Set([first.id]);
  const usedLabels = new Set<string>();
  const usedTexts = new Set<string>();
  const items: QuickReplyItem[] = [];
  for (const entry of candidates) {
    if (items.length >= room) break;
    if (seenIds.has(entry.id)) continue;
    seenIds.add(entry.id);
    const topic = topicFor(entry);
    if (topic === undefined || usedLabels.has(topic.label) || usedTexts.has(topic.text)) continue;
    usedLabels.add(topic.label);
    usedTexts.add(topic.text);
    items.push({ type: 'action', action: { type: 'message', label: topic.label, text: topic.text } });
  }
  const progress = pledgeQuickReplyItem(first, corpus);
  return [...(progress ? [progress] : []), ...items, browsePillarsQuickReplyItem()];
}

/**
 * For an answer about a pledge, or about a result a pledge lists: 「公約の進み具合」, showing that
 * pledge with its results among its pillar's pledges (undefined for anything else).
 */
function pledgeQuickReplyItem(entry: Entry, corpus: readonly Entry[]): QuickReplyItem | undefined {
  const pledge = trackerScopeOf(entry, corpus)?.focus?.[0];
  if (pledge === undefined) return undefined;
  return {
    type: 'action',
    action: {
      type: 'postback',
      label: '公約の進み具合',
      data: pledgePostbackData(pledge),
      displayText: '公約の進み具合',
    },
  };
}

/** The entry with the figures in the unit the question asked for moved first (pure). */
export function leadWithAskedFigure(entry: Entry, askedUnit: string | undefined): Entry {
  if (!askedUnit) return entry;
  const asked = entry.figures.filter((f) => unitAnswers(f.unit, askedUnit));
  if (asked.length === 0) return entry;
  return { ...entry, figures: [...asked, ...entry.figures.filter((f) => !asked.includes(f))] };
}

/** The alt text of an answer to a question asking for a number: that number first. */
function askedFigureAltText(entries: readonly Entry[], meta: CorpusMeta, askedUnit: string): string | undefined {
  const first = entries[0];
  const figure = first?.figures.find((f) => unitAnswers(f.unit, askedUnit));
  if (!first || !figure) return undefined;
  const others = entries.length > 1 ? `ほか${entries.length - 1}件` : '';
  const lead = `${figure.label}は${formatFigureValues(figure, '→')}（${figure.period}、${meta.source.asOf}）`;
  return clipText(lead, lineLimits.altTextLength - others.length) + others;
}

function renderAnswer(
  decision: Extract<Decision, { kind: 'answer' }>,
  meta: CorpusMeta,
  options: RenderReplyOptions,
): Message[] {
  const { hits, confidence, askedUnit } = decision;
  const entries = answerHits(hits, decision.shownFirst).map((h) => leadWithAskedFigure(h.entry, askedUnit));
  const altText =
    (askedUnit ? askedFigureAltText(entries, meta, askedUnit) : undefined) ?? answerAltText(entries, meta);
  const carousel = renderEntryCarousel(entries, meta, altText);
  const answer: Message = { ...carousel, quickReply: { items: relatedQuickReplyItems(hits, options.entries ?? []) } };
  return confidence === 'partial' ? [{ type: 'text', text: partialNotice }, answer] : [answer];
}

/** How the bot names, in a sentence, the kind of fact a question asked for and the report lacks. */
const missingKindWords: Readonly<Record<AskedKind, string>> = {
  count: '人数や数',
  amount: '金額',
  rate: '割合',
  date: '日付や時期',
  future: '今後の予定や日程',
  age: '年齢',
  procedure: '申し込みや手続きの方法',
  place: '場所',
  organization: '相手先の名前',
  person: '担当する人',
  free: '料金',
  opinion: 'ご意見や評価',
  contents: '中身',
  breakdown: '内訳',
  benefit: '特典',
  municipality: '市町村や都道府県の名前',
  country: '国の名前',
  outcome: '実際の結果',
  reason: '理由',
  detail: 'くわしい案内',
};

/** Where to ask instead: the city's contact from meta.yaml, with its phone or web address. */
function contactSentence(meta: CorpusMeta): string {
  const contact = meta.contact;
  if (!contact) return '市役所にお問い合わせください。';
  const how = contact.phone ? `（電話 ${contact.phone}）` : contact.url ? `（${contact.url}）` : '';
  return `くわしくは${contact.name}${how}にお問い合わせください。`;
}

/**
 * The reply when the report has the topic but not the kind of fact asked: said plainly, with the
 * nearest entry as related information and where to ask.
 */
function renderNotInReport(
  decision: Extract<Decision, { kind: 'abstain' }>,
  meta: CorpusMeta,
  options: RenderReplyOptions,
): Message[] {
  const related = decision.hits[0];
  const what = decision.missing ? missingKindWords[decision.missing] : 'こと';
  const text =
    `申し訳ありません。お尋ねの${what}は、${meta.source.title}（${meta.source.asOf}）には載っていません。` +
    `${contactSentence(meta)}${related ? '\n関連する情報をお届けします。' : ''}`;
  if (!related) return [{ type: 'text', text, quickReply: { items: abstentionQuickReplies('no-match', meta) } }];
  const carousel = renderEntryCarousel(
    [related.entry],
    meta,
    clipText(`関連する情報：${related.entry.title}`, lineLimits.altTextLength),
  );
  return [
    { type: 'text', text },
    { ...carousel, quickReply: { items: relatedQuickReplyItems(decision.hits, options.entries ?? []) } },
  ];
}

function abstentionText(reason: AbstainReason, meta: CorpusMeta): string {
  const project = `小諸市の小泉俊博市長の政策集『こもろ未来プロジェクト』の進捗（${meta.source.asOf}）`;
  switch (reason) {
    case 'greeting':
      return `こんにちは。${project}についてお答えします。たとえば${quotedExamples()}のように聞いてください。`;
    case 'thanks':
      return 'どういたしまして。ほかにも知りたいことがあれば、いつでも聞いてください。';
    case 'empty':
      return 'すみません、ご質問を読み取れませんでした。知りたいことを文字で送ってください。下のボタンから5つの柱ごとに見ることもできます。';
    case 'no-match':
      return (
        `すみません、そのご質問に合う内容は${project}の報告の中に見つかりませんでした。` +
        '言葉を変えて、短く聞き直してみてください。下のボタンから5つの柱ごとに見ることもできます。'
      );
    case 'not-in-report':
      return `すみません、お尋ねのことは${project}の報告には載っていません。${contactSentence(meta)}`;
  }
}

function abstentionQuickReplies(reason: AbstainReason, meta: CorpusMeta): QuickReplyItem[] {
  const examples = exampleQuickReplyItems();
  const pillars = pillarQuickReplyItems(meta);
  const items = reason === 'greeting' || reason === 'thanks' ? [...examples, ...pillars] : [...pillars, ...examples];
  return items.slice(0, lineLimits.quickReplyItems);
}

/**
 * The reply for a decision:
 * - answer showing the pledge tracker (`tracker`, with the corpus at hand): a short text and a
 *   carousel of the pledges and their results (render-pledge-progress.ts);
 * - answer: one flex carousel of up to 5 hits (preceded by {@link partialNotice} when partial),
 *   with related topics and 「5つの柱を見る」 as quick replies on the carousel;
 * - abstain: one friendly text with quick replies (examples and the five pillars);
 * - not in the report (the topic is there, the kind of fact asked is not): a text that says so and
 *   where to ask, then the nearest entry as related information.
 * Within LINE's limits: at most 2 messages, altText ≤ 1500, quick replies ≤ 13 with labels ≤ 20,
 * and each label within a phone's width (label-width.ts).
 */
export function renderReply(decision: Decision, meta: CorpusMeta, options: RenderReplyOptions = {}): Message[] {
  if (decision.kind === 'answer' && decision.tracker && options.entries) {
    const progress = renderPledgeProgress(decision.tracker, options.entries, meta);
    if (progress) return progress;
  }
  if (decision.kind === 'answer' && decision.hits.length > 0) {
    return renderAnswer(decision, meta, options);
  }
  if (decision.kind === 'abstain' && decision.reason === 'not-in-report')
    return renderNotInReport(decision, meta, options);
  const reason: AbstainReason = decision.kind === 'abstain' ? decision.reason : 'no-match';
  return [
    { type: 'text', text: abstentionText(reason, meta), quickReply: { items: abstentionQuickReplies(reason, meta) } },
  ];
}
