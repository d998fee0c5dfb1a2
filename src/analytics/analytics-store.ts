/**
 * The analytics port: what citizens asked, whether the bot answered, how they voted on entries,
 * and the report queries staff read to improve the corpus ("what did people ask that we could not
 * answer?"). The in-memory implementation below is for tests; production uses SQLite in DATA_DIR
 * (sqlite-analytics-store.ts), or PostgreSQL shared by every instance (postgres-analytics-store.ts)
 * with DATABASE_URL. All three pass the same contract test.
 *
 * Privacy: users appear only as salted hashes (user-hash.ts). Question texts are stored, because
 * staff must read them, but never logged.
 */
import { maxQuestionLength } from '../ask.js';
import { normalizeText } from '../normalize/normalize.js';

export type Vote = 'up' | 'down';

/** One text message a citizen sent, with what the bot made of it. */
export interface QuestionRecord {
  /**
   * The webhook event's id (webhookEventId): a store keeps one question per id, so an event
   * recorded twice (redelivered to two instances, or a batch written again after a lost commit)
   * counts once.
   */
  readonly eventId?: string | undefined;
  /** When the citizen sent it (the webhook event's timestamp). */
  readonly at: Date;
  /** hashUserId(userId, salt), or undefined when the event had no user. */
  readonly userHash: string | undefined;
  /** The text as typed. */
  readonly question: string;
  /** True when the bot answered with corpus entries. */
  readonly answered: boolean;
  /**
   * Why not, when not answered: 'no-match', 'not-in-report', or small talk ('greeting', 'thanks',
   * 'empty'). When answered: {@link partialAnswerReason} for an answer with related information
   * only (関連する情報), undefined for a full answer.
   */
  readonly reason?: string;
  /** The entries shown in the answer, best first (empty when not answered). */
  readonly entryIds: readonly string[];
}

/**
 * A 役に立った (up) / 役に立たなかった (down) vote on an entry. A store keeps one per user and
 * entry: a later vote by the same userHash replaces the earlier one (time and vote), so tapping
 * twice counts once and a citizen may change their mind. Votes without a userHash all count.
 */
export interface FeedbackRecord {
  /** The webhook event's id: a vote without a userHash is kept once per id (see QuestionRecord). */
  readonly eventId?: string | undefined;
  readonly at: Date;
  readonly userHash: string | undefined;
  readonly entryId: string;
  readonly vote: Vote;
}

/** One thing to record, as the webhook side hands it to a store. */
export type AnalyticsRecord =
  | { readonly kind: 'question'; readonly record: QuestionRecord }
  | { readonly kind: 'feedback'; readonly record: FeedbackRecord };

/** Questions the bot could not answer, grouped by {@link questionKey}. */
export interface UnansweredQuestion {
  /** A sample of the original texts in the group: the most recent one. */
  readonly question: string;
  /** The grouping key. */
  readonly normalized: string;
  /** How many times it was asked. */
  readonly count: number;
  /** How many distinct (hashed) users asked it; only stable across restarts with a fixed HASH_SALT. */
  readonly users: number;
  readonly lastAskedAt: Date;
}

/** The votes on one entry. */
export interface EntryFeedback {
  readonly entryId: string;
  readonly up: number;
  readonly down: number;
  readonly lastDownAt: Date;
}

/** One report day (Japan time, see {@link reportDay}). */
export interface DailyVolume {
  /** YYYY-MM-DD in Japan time. */
  readonly day: string;
  /** Every text message: answered + unanswered + smallTalk. */
  readonly questions: number;
  readonly answered: number;
  /** Of `answered`, those answered with related information only (関連する情報). */
  readonly partial: number;
  /** Not answered and not small talk: the questions staff should look at. */
  readonly unanswered: number;
  /** Greetings, thanks and empty texts: not answered with facts, on purpose. */
  readonly smallTalk: number;
  readonly feedbackUp: number;
  readonly feedbackDown: number;
}

/** How often an entry was shown in answers. */
export interface EntryHits {
  readonly entryId: string;
  /** Answers that included the entry (at any rank). */
  readonly hits: number;
  readonly lastShownAt: Date;
}

/** Where a store keeps its records, and whether they reach it: for /api/status (no user data). */
export interface AnalyticsStoreStatus {
  readonly store: 'memory' | 'sqlite' | 'postgresql';
  /**
   * `ok`: records are written as they come; `buffering`: the database cannot be reached, records
   * wait in memory and are written once it answers again.
   */
  readonly state: 'ok' | 'buffering';
  /** Records accepted and not yet written. */
  readonly waiting: number;
  /** Records dropped since the process started (the database refused them, or too many waited). */
  readonly dropped: number;
  /** Since when the database could not be reached (ISO 8601), while buffering. */
  readonly unreachableSince?: string;
  /** The last error's code (ECONNREFUSED, 57P01...), while buffering; never its message. */
  readonly errorCode?: string;
}

/**
 * Every method is async, so a store may sit on a database across the network. Recording is called
 * after the reply and must stay cheap: a store may settle once the record is accepted and write it
 * later in a batch (then it logs what it could not write itself); a rejection is logged by the
 * caller. The report queries include every record made before them; close() writes what waits.
 */
export interface AnalyticsStore {
  recordQuestion(record: QuestionRecord): Promise<void>;
  recordFeedback(record: FeedbackRecord): Promise<void>;
  /** Most frequent unanswered questions (small talk excluded), most asked first. */
  unansweredQuestions(query: { readonly since?: Date; readonly limit: number }): Promise<UnansweredQuestion[]>;
  /** Entries with at least one 役に立たなかった, most down votes first (fewer up votes break ties). */
  negativeFeedback(query: { readonly since?: Date; readonly limit: number }): Promise<EntryFeedback[]>;
  /**
   * One row per day for the `days` days ending with the day of `until` (default now), oldest
   * first, days without activity included as zeros.
   */
  dailyVolume(query: { readonly days: number; readonly until?: Date }): Promise<DailyVolume[]>;
  /** Entries shown most often in answers (per-entry hits are derived from the recorded questions). */
  topEntries(query: { readonly since?: Date; readonly limit: number }): Promise<EntryHits[]>;
  /** Where records go and whether they get there, now (synchronous: /api/status is polled). */
  status(): AnalyticsStoreStatus;
  close(): Promise<void>;
}

/** How often a long-running store deletes what has passed its retention. */
export const pruneEveryMs = 6 * 60 * 60 * 1000;

/** The most of a question a store keeps: what the engine reads (LINE allows 5,000 characters). */
export const maxStoredQuestionLength = maxQuestionLength;

/**
 * The question as stored: its first {@link maxStoredQuestionLength} characters, never half an
 * emoji, without NUL characters (PostgreSQL's text cannot hold them; they mean nothing to staff).
 */
export function storedQuestion(text: string): string {
  const clean = text.includes('\0') ? text.replaceAll('\0', '') : text;
  if (clean.length <= maxStoredQuestionLength) return clean;
  return clean.slice(0, maxStoredQuestionLength).replace(/[\uD800-\uDBFF]$/u, '');
}

/**
 * The reason recorded with an answered question whose reply said 関連する情報 (the decision's
 * confidence 'partial'): kept in the reason column, so a store needs no new column for it.
 */
export const partialAnswerReason = 'partial';

/** Abstain reasons that are not questions: never listed as unanswered. */
export const smallTalkReasons: readonly string[] = ['empty', 'greeting', 'thanks'];

export function isSmallTalk(record: Pick<QuestionRecord, 'answered' | 'reason'>): boolean {
  return !record.answered && record.reason !== undefined && smallTalkReasons.includes(record.reason);
}

// Trailing question marks, full stops and wave dashes do not make another question:
// 「ゴミの日は？」 = 「ゴミの日は」 = 「ゴミの日は〜」 (after NFKC, ？ is ? and ～ is ~).
const TRAILING_PUNCTUATION = /[\s?!.。、,…~〜]+$/u;

/** The key unanswered questions are grouped by: normalizeText, without trailing punctuation. */
export function questionKey(question: string): string {
  const normalized = normalizeText(question);
  return normalized.replace(TRAILING_PUNCTUATION, '') || normalized;
}

/** Japan has no daylight saving time: report days are UTC+9 calendar days. */
const japanOffsetMs = 9 * 60 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** The report day of an instant: YYYY-MM-DD in Japan time. */
export function reportDay(at: Date): string {
  return new Date(at.getTime() + japanOffsetMs).toISOString().slice(0, 10);
}

/** The `days` report days ending with the day of `until`, oldest first. */
/** A day's question counts as a store's query returns them (SQL column names). */
export interface DayQuestionCounts {
  readonly day: string;
  readonly questions: number;
  readonly answered: number;
  readonly partial: number;
  readonly unanswered: number;
  readonly small_talk: number;
}

/** A day's votes as a store's query returns them. */
export interface DayVoteCounts {
  readonly day: string;
  readonly up: number;
  readonly down: number;
}

/** Every day of `days`, with the counts the stores' queries found for it (zero for a quiet day). */
export function dailyVolumeOf(
  days: readonly string[],
  questionRows: readonly DayQuestionCounts[],
  voteRows: readonly DayVoteCounts[],
): DailyVolume[] {
  const questions = new Map(questionRows.map((r) => [r.day, r]));
  const votes = new Map(voteRows.map((r) => [r.day, r]));
  return days.map((day) => {
    const q = questions.get(day);
    const v = votes.get(day);
    return {
      day,
      questions: q?.questions ?? 0,
      answered: q?.answered ?? 0,
      partial: q?.partial ?? 0,
      unanswered: q?.unanswered ?? 0,
      smallTalk: q?.small_talk ?? 0,
      feedbackUp: v?.up ?? 0,
      feedbackDown: v?.down ?? 0,
    };
  });
}

export function reportDays(days: number, until: Date): string[] {
  const last = Date.parse(`${reportDay(until)}T00:00:00Z`);
  const out: string[] = [];
  for (let i = days - 1; i >= 0; i--) out.push(new Date(last - i * dayMs).toISOString().slice(0, 10));
  return out;
}

/** The instant a report day starts (midnight in Japan). */
export function startOfReportDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - japanOffsetMs);
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
}

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
}

/** Shared argument checks, so both implementations refuse the same inputs. */
export const checkQuery = { limit: checkLimit, days: checkDays };

/** An analytics store in memory, for tests; it forgets everything when the process ends. */
export function createMemoryAnalyticsStore(): AnalyticsStore {
  const questions: QuestionRecord[] = [];
  const feedback: FeedbackRecord[] = [];
  const questionEvents = new Set<string>();
  const anonymousVoteEvents = new Set<string>();
  const after = (since: Date | undefined) => (r: { at: Date }) =>
    since === undefined || r.at.getTime() >= since.getTime();

  return {
    async recordQuestion(record) {
      if (record.eventId !== undefined) {
        if (questionEvents.has(record.eventId)) return;
        questionEvents.add(record.eventId);
      }
      questions.push({ ...record, question: storedQuestion(record.question), entryIds: [...record.entryIds] });
    },
    async recordFeedback(record) {
      if (record.userHash === undefined && record.eventId !== undefined) {
        if (anonymousVoteEvents.has(record.eventId)) return;
        anonymousVoteEvents.add(record.eventId);
      }
      const earlier =
        record.userHash === undefined
          ? -1
          : feedback.findIndex((f) => f.userHash === record.userHash && f.entryId === record.entryId);
      if (earlier >= 0) feedback.splice(earlier, 1);
      feedback.push({ ...record });
    },
    async unansweredQuestions({ since, limit }) {
      checkLimit(limit);
      const groups = new Map<string, { question: string; count: number; users: Set<string>; last: number }>();
      for (const q of questions.filter(after(since))) {
        if (q.answered || isSmallTalk(q)) continue;
        const key = questionKey(q.question);
        const group = groups.get(key) ?? { question: q.question, count: 0, users: new Set<string>(), last: -Infinity };
        group.count += 1;
        if (q.userHash !== undefined) group.users.add(q.userHash);
        if (q.at.getTime() >= group.last) {
          group.last = q.at.getTime();
          group.question = q.question;
        }
        groups.set(key, group);
      }
      return [...groups]
        .map(([normalized, g]) => ({
          question: g.question,
          normalized,
          count: g.count,
          users: g.users.size,
          lastAskedAt: new Date(g.last),
        }))
        .sort(
          (a, b) =>
            b.count - a.count ||
            b.lastAskedAt.getTime() - a.lastAskedAt.getTime() ||
            compare(a.normalized, b.normalized),
        )
        .slice(0, limit);
    },
    async negativeFeedback({ since, limit }) {
      checkLimit(limit);
      const byEntry = new Map<string, { up: number; down: number; lastDown: number }>();
      for (const f of feedback.filter(after(since))) {
        const votes = byEntry.get(f.entryId) ?? { up: 0, down: 0, lastDown: -Infinity };
        if (f.vote === 'up') votes.up += 1;
        else {
          votes.down += 1;
          votes.lastDown = Math.max(votes.lastDown, f.at.getTime());
        }
        byEntry.set(f.entryId, votes);
      }
      return [...byEntry]
        .filter(([, v]) => v.down > 0)
        .map(([entryId, v]) => ({ entryId, up: v.up, down: v.down, lastDownAt: new Date(v.lastDown) }))
        .sort((a, b) => b.down - a.down || a.up - b.up || compare(a.entryId, b.entryId))
        .slice(0, limit);
    },
    async dailyVolume({ days, until }) {
      checkDays(days);
      const rows = new Map(
        reportDays(days, until ?? new Date()).map((day) => [
          day,
          {
            day,
            questions: 0,
            answered: 0,
            partial: 0,
            unanswered: 0,
            smallTalk: 0,
            feedbackUp: 0,
            feedbackDown: 0,
          },
        ]),
      );
      for (const q of questions) {
        const row = rows.get(reportDay(q.at));
        if (!row) continue;
        row.questions += 1;
        if (q.answered) {
          row.answered += 1;
          if (q.reason === partialAnswerReason) row.partial += 1;
        } else if (isSmallTalk(q)) row.smallTalk += 1;
        else row.unanswered += 1;
      }
      for (const f of feedback) {
        const row = rows.get(reportDay(f.at));
        if (!row) continue;
        if (f.vote === 'up') row.feedbackUp += 1;
        else row.feedbackDown += 1;
      }
      return [...rows.values()];
    },
    async topEntries({ since, limit }) {
      checkLimit(limit);
      const byEntry = new Map<string, { hits: number; last: number }>();
      for (const q of questions.filter(after(since))) {
        for (const entryId of new Set(q.entryIds)) {
          const e = byEntry.get(entryId) ?? { hits: 0, last: -Infinity };
          e.hits += 1;
          e.last = Math.max(e.last, q.at.getTime());
          byEntry.set(entryId, e);
        }
      }
      return [...byEntry]
        .map(([entryId, e]) => ({ entryId, hits: e.hits, lastShownAt: new Date(e.last) }))
        .sort((a, b) => b.hits - a.hits || compare(a.entryId, b.entryId))
        .slice(0, limit);
    },
    status: () => ({ store: 'memory', state: 'ok', waiting: 0, dropped: 0 }),
    async close() {},
  };
}

/** Byte order of the UTF-8 text, as SQLite's default BINARY collation compares: ties break alike. */
function compare(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
