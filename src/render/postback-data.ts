/**
 * The postback data the bot puts on buttons and quick replies, and how it reads it back.
 * One place for the format: the renderers build data with the builders below and the webhook
 * handler parses it with parsePostbackData, so the two can never drift apart.
 *
 *   pillar=N                   show pillar N (0–6): its pledges and their results (the pledge
 *                              tracker), or its entries when it has no pledges (0, 6)
 *   pillar=N&page=M            show the entries of pillar N, page M (from 1)
 *   progress=all               show the pledge tracker of every pillar
 *   pledge=ID                  show the pledge tracker of the pillar of pledge ID, that pledge first
 *   browse=pillars             show the menu of pillars
 *   feedback=up|down&entry=ID  a citizen's vote on an entry bubble
 *   help                       how to use the bot (the rich menu's 使い方 tile)
 */
import { lineLimits } from './limits.js';

export type PostbackData =
  /** `page` absent: the pillar's pledges (or its entries' first page when it has none). */
  | { readonly kind: 'pillar'; readonly pillar: number; readonly page?: number }
  | { readonly kind: 'progress' }
  | { readonly kind: 'pledge'; readonly entryId: string }
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

/** Data for a button that shows pillar N: its pledges and their results (the rich menu's tiles). */
export function pillarPostbackData(pillar: number): string {
  return `pillar=${pillar}`;
}

/** Data for a button that shows page M (from 1) of the entries of pillar N. */
export function pillarPagePostbackData(pillar: number, page: number): string {
  return `pillar=${pillar}&page=${page}`;
}

/** Data for a button that shows a pledge with its results, among the other pledges of its pillar. */
export function pledgePostbackData(entryId: string): string {
  return `pledge=${encodeURIComponent(entryId)}`;
}

/** Data for a button that shows the pledge tracker of every pillar. */
export function progressPostbackData(): string {
  return 'progress=all';
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
  if (params.get('progress') === 'all') return { kind: 'progress' };
  const pledge = params.get('pledge');
  if (pledge !== null) return ENTRY_ID.test(pledge) ? { kind: 'pledge', entryId: pledge } : unknown;
  if (data === 'help') return { kind: 'help' };

  const pillarParam = params.get('pillar');
  if (pillarParam !== null) {
    if (!NON_NEGATIVE_INT.test(pillarParam)) return unknown;
    const pillar = Number(pillarParam);
    if (pillar < MIN_PILLAR || pillar > MAX_PILLAR) return unknown;
    const pageParam = params.get('page');
    if (pageParam === null) return { kind: 'pillar', pillar };
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
