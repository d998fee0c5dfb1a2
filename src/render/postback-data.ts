/**
 * The postback data the bot puts on buttons and quick replies, and how it reads it back.
 * One place for the format: the renderers build data with the builders below and the webhook
 * handler parses it with parsePostbackData, so the two can never drift apart.
 *
 *   pillar=N[&page=M]          show the entries of pillar N (0–6), page M (from 1)
 *   browse=pillars             show the menu of pillars
 *   feedback=up|down&entry=ID  a citizen's vote on an entry bubble
 *   help                       how to use the bot (the rich menu's 使い方 tile)
 */
import { lineLimits } from './limits.js';

export type PostbackData =
  | { readonly kind: 'pillar'; readonly pillar: number; readonly page: number }
  | { readonly kind: 'browse-pillars' }
  | { readonly kind: 'feedback'; readonly vote: 'up' | 'down'; readonly entryId: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'unknown' };

const MIN_PILLAR = 0;
const MAX_PILLAR = 6;
const MAX_PAGE = 1000;
const ENTRY_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
const POSITIVE_INT = /^[1-9]\d{0,5}$/u;
const NON_NEGATIVE_INT = /^\d{1,3}$/u;

const unknown: PostbackData = { kind: 'unknown' };

/** Data for a button that shows pillar N; page 1 is written without the page parameter. */
export function pillarPostbackData(pillar: number, page = 1): string {
  return page > 1 ? `pillar=${pillar}&page=${page}` : `pillar=${pillar}`;
}

/** Data for a button that shows the menu of pillars. */
export function browsePillarsPostbackData(): string {
  return 'browse=pillars';
}

/** Data for the rich menu's help tile. */
export function helpPostbackData(): string {
  return 'help';
}

/** Data for a 役に立った / 役に立たなかった button on an entry bubble. */
export function feedbackPostbackData(vote: 'up' | 'down', entryId: string): string {
  return `feedback=${vote}&entry=${encodeURIComponent(entryId)}`;
}

/** Read postback data sent by LINE; anything the bot did not build (or tampered with) is 'unknown'. */
export function parsePostbackData(data: string): PostbackData {
  if (data.length > lineLimits.postbackDataLength) return unknown;
  const params = new URLSearchParams(data);

  if (params.get('browse') === 'pillars') return { kind: 'browse-pillars' };
  if (data === 'help') return { kind: 'help' };

  const pillarParam = params.get('pillar');
  if (pillarParam !== null) {
    if (!NON_NEGATIVE_INT.test(pillarParam)) return unknown;
    const pillar = Number(pillarParam);
    if (pillar < MIN_PILLAR || pillar > MAX_PILLAR) return unknown;
    const pageParam = params.get('page');
    if (pageParam === null) return { kind: 'pillar', pillar, page: 1 };
    if (!POSITIVE_INT.test(pageParam) || Number(pageParam) > MAX_PAGE) return unknown;
    return { kind: 'pillar', pillar, page: Number(pageParam) };
  }

  const vote = params.get('feedback');
  const entryId = params.get('entry');
  if ((vote === 'up' || vote === 'down') && entryId !== null && ENTRY_ID.test(entryId)) {
    return { kind: 'feedback', vote, entryId };
  }
  return unknown;
}
