/**
 * The pledge tracker (公約の進み具合): each pillar's pledges (its ● 具体的政策) and, under each,
 * the results the report lists for it, as staff linked them (`results`). Only what the report
 * says: no status, no score, no judgement of how far a pledge got.
 */
import type { Entry } from './entry.js';

/** One pledge and the results the report lists for it, in the order staff wrote them. */
export interface PledgeProgress {
  readonly pledge: Entry;
  readonly results: readonly Entry[];
}

/** A pillar's pledges, in corpus order. */
export interface PillarProgress {
  readonly pillar: number;
  readonly pledges: readonly PledgeProgress[];
}

/** What a reply shows of the tracker: every pillar, or one, with the pledges asked about first. */
export interface TrackerScope {
  /** The pillar shown; every pillar with pledges when absent. */
  readonly pillar?: number;
  /** Ids of the pledges the question was about, shown first. */
  readonly focus?: readonly string[];
}

/** The tracker of a corpus: the pillars that have pledges, in pillar order. */
export function pledgeTracker(entries: readonly Entry[]): PillarProgress[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const pillars = new Map<number, PledgeProgress[]>();
  for (const entry of entries) {
    if (entry.kind !== 'policy') continue;
    const results = (entry.results ?? []).flatMap((id) => byId.get(id) ?? []);
    const list = pillars.get(entry.pillar) ?? [];
    list.push({ pledge: entry, results });
    pillars.set(entry.pillar, list);
  }
  return [...pillars]
    .sort(([a], [b]) => a - b)
    .map(([pillar, pledges]) => ({ pillar, pledges }));
}

/** The pledges that list `entryId` among their results. */
export function pledgesListing(entries: readonly Entry[], entryId: string): Entry[] {
  return entries.filter((e) => e.kind === 'policy' && (e.results ?? []).includes(entryId));
}

/**
 * Where an entry a question is about sits in the tracker: a pledge is itself, a result the
 * pledges listing it, a pillar (kind pillar) its pledges, the programme as a whole (pillar 0)
 * every pillar. Undefined for an entry no pledge lists (its own answer says more than the tracker).
 */
export function trackerScopeOf(entry: Entry, entries: readonly Entry[]): TrackerScope | undefined {
  if (entry.kind === 'policy') return { pillar: entry.pillar, focus: [entry.id] };
  if (entry.pillar === 0) return {};
  const listing = pledgesListing(entries, entry.id);
  const first = listing[0];
  if (first !== undefined) {
    return { pillar: first.pillar, focus: listing.filter((p) => p.pillar === first.pillar).map((p) => p.id) };
  }
  if (entry.kind === 'pillar' && entries.some((e) => e.kind === 'policy' && e.pillar === entry.pillar)) {
    return { pillar: entry.pillar };
  }
  return undefined;
}
