/**
 * Why the bot answered what it did, for staff (npm run ask -- --explain): for each top hit, which
 * content terms of the question it matched, by which path and in which fields; then the coverage
 * of the best hit against the decision thresholds. Pure: an Asked and its index in, text or JSON
 * out; the Japanese staff read is in explain-wording.ts.
 */
import type { Term } from '../analyze/analyze.js';
import type { Asked } from '../ask.js';
import { appliedRule, coverage, defaultDecisionRule, type DecisionRule } from './decide.js';
import type { Decision } from './decision.js';
import type { TrackerScope } from '../corpus/pledge-tracker.js';
import type { Hit } from '../search/search.js';
import { contentTerms, type RankedHit, type TermMatch } from '../search/search.js';
import type { SearchIndex } from '../search/search-index.js';
import { abstainedWhy, answeredWhy, explainLabels, fieldNames, matchPathNames, pct } from './explain-wording.js';

/** How one content term of the question fared against one hit. */
export interface TermExplanation {
  readonly term: string;
  /** Share of the question's weight this term carries (0–1): rare words weigh more. */
  readonly weight: number;
  readonly matched: boolean;
  /** 'text' (surface/base form), 'reading' (kana bigrams) or 'synonym' (a corpus word for the phrase). */
  readonly via?: TermMatch['via'];
  readonly fields?: readonly string[];
  /**
   * Share of the term matched, as decide counts it: 1 for a word, the share of its bigrams for a
   * reading, the synonym credit times the share of the synonym's terms matched for a synonym.
   */
  readonly share?: number;
  /** For a match through a synonym: the question's phrase, the corpus phrase, and which of its terms matched. */
  readonly synonym?: SynonymExplanation;
}

export interface SynonymExplanation {
  readonly phrase: string;
  readonly target: string;
  readonly matchedTerms: readonly string[];
  readonly terms: readonly string[];
}

export interface HitExplanation {
  readonly rank: number;
  readonly id: string;
  readonly title: string;
  readonly score: number;
  /** Share of the question's weight this hit covers (what decide compares to the thresholds). */
  readonly coverage: number;
  readonly terms: readonly TermExplanation[];
  /** The entry's everyday phrasings (よくある言い方), so staff see what it is matched by. */
  readonly phrasings: readonly string[];
}

export interface Explanation {
  readonly question: string;
  readonly normalized: string;
  /** Content terms: what a hit must match. */
  readonly contentTerms: readonly string[];
  /** Words of what the citizen told rather than asked: they rank entries but need not be covered. */
  readonly background: readonly string[];
  /** Words that only shape the question (何, 教える...): never matched. */
  readonly genericTerms: readonly string[];
  /** Phrases of the question searched also as the corpus's words for them (残業 → 超過勤務). */
  readonly synonyms: readonly { readonly phrase: string; readonly targets: readonly string[] }[];
  readonly decision:
    | {
        readonly kind: 'answer';
        readonly confidence: 'full' | 'partial';
        readonly askedUnit?: string;
        /** Shown as the pledge tracker: of this pillar (every pillar when absent), these pledges first. */
        readonly tracker?: TrackerScope;
      }
    | { readonly kind: 'abstain'; readonly reason: string; readonly missing?: string };
  /** Coverage of the best hit, when there is one. */
  readonly coverage?: number;
  readonly rule: DecisionRule;
  /** The decision in one sentence, in Japanese for staff (the preview page's 理由). */
  readonly why: string;
  readonly hits: readonly HitExplanation[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** decide() works on RankedHits; Decision only promises Hits, so check rather than cast. */
function isRanked(hit: Hit): hit is RankedHit {
  return Array.isArray((hit as Partial<RankedHit>).matches);
}

/** A term the user wrote (not a synonym expansion), by contentTerms' own definition. */
const isOwnTerm = (t: Term) => contentTerms([t]).length === 1;

/**
 * How fully a hit matched one term of the user, exactly as decide counts it: the coverage of a
 * question made of that term alone, with every synonym expansion of the question kept.
 */
function termShare(index: SearchIndex, asked: Asked, term: Term, hit: RankedHit): number {
  return coverage(index, [term, ...asked.decisive.filter((t) => !isOwnTerm(t))], hit);
}

/** Whether a synonym expansion stands for (a phrase containing) the user's term. */
function standsFor(expansion: Term, term: Term): boolean {
  const origin = expansion.synonym;
  if (!origin || term.start === undefined || term.end === undefined) return false;
  return origin.start <= term.start && origin.end >= term.end;
}

/** The synonym of the term's phrase that the hit matched best, with its matched terms and fields. */
function bestSynonym(
  asked: Asked,
  term: Term,
  hit: RankedHit,
): { synonym: SynonymExplanation; fields: string[] } | undefined {
  let best: { synonym: SynonymExplanation; fields: string[] } | undefined;
  const targets = new Map<string, Term[]>();
  for (const t of asked.decisive) {
    if (!t.synonym || !standsFor(t, term)) continue;
    targets.set(t.synonym.target, [...(targets.get(t.synonym.target) ?? []), t]);
  }
  for (const [target, terms] of targets) {
    const matches = hit.matches.filter((m) => m.term.synonym?.target === target && standsFor(m.term, term));
    const matchedTerms = [...new Set(matches.map((m) => m.term.text))];
    if (matchedTerms.length === 0) continue;
    if (best && best.synonym.matchedTerms.length / best.synonym.terms.length >= matchedTerms.length / terms.length)
      continue;
    const phrase = terms[0]?.synonym?.phrase ?? term.text;
    best = {
      synonym: { phrase, target, matchedTerms, terms: terms.map((t) => t.text) },
      fields: [...new Set(matches.flatMap((m) => m.fields))],
    };
  }
  return best;
}

function explainTerm(index: SearchIndex, asked: Asked, term: Term, hit: RankedHit, weight: number): TermExplanation {
  const share = termShare(index, asked, term, hit);
  const direct = hit.matches.find((m) => !m.term.synonym && m.term.text === term.text);
  if (direct && direct.share >= share - 1e-9) {
    return {
      term: term.text,
      weight,
      matched: true,
      via: direct.via,
      fields: [...direct.fields],
      share: round(direct.share),
    };
  }
  const bySynonym = share > 0 ? bestSynonym(asked, term, hit) : undefined;
  if (bySynonym) {
    return {
      term: term.text,
      weight,
      matched: true,
      via: 'synonym',
      fields: bySynonym.fields,
      share: round(share),
      synonym: bySynonym.synonym,
    };
  }
  return { term: term.text, weight, matched: false };
}

function explainHit(
  index: SearchIndex,
  asked: Asked,
  hit: Hit,
  rank: number,
  weights: ReadonlyMap<string, number>,
): HitExplanation {
  const ranked: RankedHit = isRanked(hit) ? hit : { ...hit, matches: [] };
  return {
    rank,
    id: hit.entry.id,
    title: hit.entry.title,
    score: round(hit.score),
    coverage: round(coverage(index, asked.decisive, ranked)),
    terms: contentTerms(asked.decisive).map((t) => explainTerm(index, asked, t, ranked, weights.get(t.text) ?? 0)),
    phrasings: hit.entry.phrasings,
  };
}

/**
 * Each content term's share of the question's weight, through decide's own coverage: a hit that
 * matched that term fully and nothing else covers exactly its share.
 */
function termWeights(index: SearchIndex, asked: Asked, anyHit: Hit | undefined): Map<string, number> {
  const weights = new Map<string, number>();
  if (!anyHit) return weights;
  for (const term of contentTerms(asked.decisive)) {
    const only: RankedHit = { ...anyHit, matches: [{ term, via: 'text', share: 1, fields: [] }] };
    weights.set(term.text, round(coverage(index, asked.decisive, only)));
  }
  return weights;
}

function whySentence(asked: Asked, rule: DecisionRule, best: HitExplanation | undefined): string {
  const { decision } = asked;
  if (decision.kind === 'answer') return answeredWhy(decision.confidence, best, rule, decision.askedUnit);
  return abstainedWhy(decision.reason, {
    best,
    rule,
    hasContentTerms: contentTerms(asked.decisive).length > 0,
    ...(decision.missing ? { missing: decision.missing } : {}),
  });
}

/** The why of an answer shown as the pledge tracker, saying which part of it (in staff's Japanese). */
function withTrackerNote(why: string, decision: Decision): string {
  if (decision.kind !== 'answer' || !decision.tracker) return why;
  const { pillar, focus = [] } = decision.tracker;
  const where = pillar === undefined ? 'すべての柱' : `柱${pillar}`;
  const first = focus.length > 0 ? `、先頭に公約 ${focus.join(', ')}` : '';
  return `${why}。公約の進み具合を聞く質問なので、公約の進み具合（${where}${first}）を表示`;
}

function synonymsOf(asked: Asked): { phrase: string; targets: string[] }[] {
  const byPhrase = new Map<string, Set<string>>();
  for (const t of asked.decisive) {
    if (t.synonym) byPhrase.set(t.synonym.phrase, (byPhrase.get(t.synonym.phrase) ?? new Set()).add(t.synonym.target));
  }
  return [...byPhrase].map(([phrase, targets]) => ({ phrase, targets: [...targets] }));
}

/** The explanation of one asked question as a JSON-serialisable object (ask --jsonl --explain). */
export function explainJson(
  index: SearchIndex,
  asked: Asked,
  top: number,
  rule: DecisionRule = defaultDecisionRule,
): Explanation {
  const { decision } = asked;
  // The shares this question was held to (a long one needs less covered: decide.ts, appliedRule).
  const applied = appliedRule(rule, asked.decisive);
  const weights = termWeights(index, asked, decision.hits[0]);
  const hits = decision.hits.slice(0, Math.max(top, 1)).map((h, i) => explainHit(index, asked, h, i + 1, weights));
  const best = hits[0];
  return {
    question: asked.question,
    normalized: asked.normalized,
    contentTerms: contentTerms(asked.decisive).map((t) => t.text),
    background: [...new Set(contentTerms(asked.terms.filter((t) => t.background)).map((t) => t.text))],
    genericTerms: [...new Set(asked.decisive.filter((t) => t.role === 'generic').map((t) => t.text))],
    synonyms: synonymsOf(asked),
    decision:
      decision.kind === 'answer'
        ? {
            kind: 'answer',
            confidence: decision.confidence,
            ...(decision.askedUnit ? { askedUnit: decision.askedUnit } : {}),
            ...(decision.tracker ? { tracker: decision.tracker } : {}),
          }
        : { kind: 'abstain', reason: decision.reason, ...(decision.missing ? { missing: decision.missing } : {}) },
    ...(best ? { coverage: best.coverage } : {}),
    rule: {
      answer: applied.answer,
      related: applied.related,
      longRelated: applied.longRelated,
      evidence: applied.evidence,
    },
    why: withTrackerNote(whySentence(asked, applied, best), asked.decision),
    hits,
  };
}

/** Display width of a string in a terminal: CJK characters take two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch)
      ? 2
      : 1;
  return w;
}
const padEnd = (text: string, columns: number) => text + ' '.repeat(Math.max(0, columns - width(text)));

/** A readable explanation of why each of the top hits came, and of the decision. */
export function formatExplain(
  index: SearchIndex,
  asked: Asked,
  top: number,
  rule: DecisionRule = defaultDecisionRule,
): string {
  const x = explainJson(index, asked, top, rule);
  const l = explainLabels;
  const lines = [`  ${l.why}: ${x.why}`];
  const weightOf = new Map(x.hits[0]?.terms.map((t) => [t.term, t.weight]) ?? []);
  const terms = x.contentTerms.map((t) => (weightOf.has(t) ? `${t}（${pct(weightOf.get(t) ?? 0)}）` : t));
  lines.push(`  ${l.contentTerms}: ${terms.length > 0 ? terms.join('、') : l.none}`);
  if (x.background.length > 0) lines.push(`  ${l.background}: ${x.background.join('、')}`);
  if (x.genericTerms.length > 0) lines.push(`  ${l.generic}: ${x.genericTerms.join('、')}`);
  if (x.synonyms.length > 0) {
    lines.push(`  ${l.synonyms}: ${x.synonyms.map((g) => `${g.phrase} → ${g.targets.join(' / ')}`).join('、')}`);
  }
  const termColumn = Math.max(0, ...x.contentTerms.map(width));
  for (const h of x.hits) {
    lines.push(`  ${h.rank}. ${h.id}  ${h.title}`);
    lines.push(`       ${l.score} ${h.score}  ${l.coverage} ${pct(h.coverage)}`);
    for (const t of h.terms) {
      const path = t.synonym
        ? l.synonymPath(t.synonym.target, t.synonym.matchedTerms, t.synonym.terms.length)
        : (matchPathNames[t.via ?? ''] ?? t.via ?? '');
      const share = t.share !== undefined && t.share < 1 ? `  ${l.share} ${pct(t.share)}` : '';
      const fields = (t.fields ?? []).map((f) => fieldNames[f] ?? f).join('・');
      const how = t.matched ? `${path}  ${l.in} ${fields}${share}` : l.notMatched;
      lines.push(`       ${t.matched ? '✓' : '✗'} ${padEnd(t.term, termColumn)}  ${how}`);
    }
    if (h.terms.length > 0 && h.terms.every((t) => !t.matched)) {
      lines.push(`       ${l.noTermMatched}`);
    }
  }
  return lines.join('\n');
}
