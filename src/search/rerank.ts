/**
 * Re-rank the candidates of a search by how much of the question each one covers. BM25 adds up
 * whatever matched, so an entry that repeats one word of the question can outscore one that
 * matches all of them; weighting each score by the entry's coverage puts the latter first.
 */
import { coverage } from './decide.js';
import type { Term } from './analyze.js';
import type { RankedHit } from './search.js';
import type { SearchIndex } from './search-index.js';

/** Share of the score kept by an entry that covers nothing of the question's weight. */
export const uncoveredScoreShare = 0.5;

/**
 * The hits re-ordered by score × (floor + (1 − floor) × coverage), with that as their score and
 * their coverage kept, so that deciding does not compute it again.
 */
export function rerankByCoverage(index: SearchIndex, terms: readonly Term[], hits: readonly RankedHit[]): RankedHit[] {
  return hits
    .map((hit) => {
      const covered = coverage(index, terms, hit);
      return {
        ...hit,
        coverage: covered,
        score: hit.score * (uncoveredScoreShare + (1 - uncoveredScoreShare) * covered),
      };
    })
    .sort((a, b) => b.score - a.score);
}
