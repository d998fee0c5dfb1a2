/**
 * The staff report, built from the analytics store: the questions the bot could not answer, the
 * entries citizens found unhelpful, the daily volume and the most shown entries. One shape for
 * `GET /admin/report` (JSON and CSV), `npm run report` and the preview page.
 */
import { reportDays, startOfReportDay, type AnalyticsStore, type DailyVolume } from './analytics-store.js';
import { reportNumberError } from './report-wording.js';

/**
 * The JSON of `GET /admin/report` (times are ISO 8601 strings in UTC, days are Japan-time dates):
 *
 * ```ts
 * {
 *   generatedAt: string;            // when the report was built
 *   days: number;                   // the window: the last `days` days, today included
 *   since: string;                  // start of the window: midnight, Japan time, of its first day
 *   unanswered: {                   // most asked first; small talk (greetings, thanks) excluded
 *     question: string;             //   the most recent original text of the group
 *     normalized: string;           //   the grouping key (normalizeText, trailing ?。 dropped)
 *     count: number;                //   times asked
 *     users: number;                //   distinct (hashed) users; stable only with a fixed HASH_SALT
 *     lastAskedAt: string;
 *   }[];
 *   negativeFeedback: {             // entries with at least one 役に立たなかった, most first
 *     entryId: string; up: number; down: number; lastDownAt: string;
 *   }[];
 *   dailyVolume: {                  // one row per day of the window, oldest first, zeros included
 *     day: string;                  //   YYYY-MM-DD, Japan time
 *     questions: number;            //   = answered + unanswered + smallTalk
 *     answered: number;             //   answers, partial ones included
 *     partial: number;              //   of those, answered with related information (関連する情報)
 *     unanswered: number; smallTalk: number;
 *     feedbackUp: number; feedbackDown: number;
 *   }[];
 *   topEntries: {                   // entries shown most often in answers
 *     entryId: string; hits: number; lastShownAt: string;
 *   }[];
 * }
 * ```
 *
 * Fields may be added; none will be renamed or removed without a version bump of this comment.
 */
export interface AnalyticsReport {
  readonly generatedAt: string;
  readonly days: number;
  readonly since: string;
  readonly unanswered: readonly {
    readonly question: string;
    readonly normalized: string;
    readonly count: number;
    readonly users: number;
    readonly lastAskedAt: string;
  }[];
  readonly negativeFeedback: readonly {
    readonly entryId: string;
    readonly up: number;
    readonly down: number;
    readonly lastDownAt: string;
  }[];
  readonly dailyVolume: readonly DailyVolume[];
  readonly topEntries: readonly { readonly entryId: string; readonly hits: number; readonly lastShownAt: string }[];
}

export interface ReportOptions {
  /** The window in days, today included (default 30). */
  readonly days?: number;
  /** At most this many rows in each list except the daily volume (default 20). */
  readonly limit?: number;
  readonly now?: Date;
}

export const defaultReportDays = 30;
export const defaultReportLimit = 20;
/** Bounds for the query parameters and CLI options. */
export const maxReportDays = 366;
export const maxReportLimit = 500;

export async function buildReport(store: AnalyticsStore, options: ReportOptions = {}): Promise<AnalyticsReport> {
  const days = options.days ?? defaultReportDays;
  const limit = options.limit ?? defaultReportLimit;
  const now = options.now ?? new Date();
  const since = startOfReportDay(reportDays(days, now)[0] as string);
  const [unanswered, negativeFeedback, dailyVolume, topEntries] = await Promise.all([
    store.unansweredQuestions({ since, limit }),
    store.negativeFeedback({ since, limit }),
    store.dailyVolume({ days, until: now }),
    store.topEntries({ since, limit }),
  ]);
  return {
    generatedAt: now.toISOString(),
    days,
    since: since.toISOString(),
    unanswered: unanswered.map((u) => ({ ...u, lastAskedAt: u.lastAskedAt.toISOString() })),
    negativeFeedback: negativeFeedback.map((f) => ({ ...f, lastDownAt: f.lastDownAt.toISOString() })),
    dailyVolume,
    topEntries: topEntries.map((e) => ({ ...e, lastShownAt: e.lastShownAt.toISOString() })),
  };
}

/** Parse a positive integer option (`?days=`, `--days`) within bounds; undefined when absent. */
export function parseReportNumber(raw: unknown, name: string, max: number): number | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^[1-9]\d*$/.test(raw) || Number(raw) > max) {
    // A query value or a CLI option: a string, or strings from a repeated ?days=, never an object.
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- see above
    throw new RangeError(reportNumberError(name, max, String(raw)));
  }
  return Number(raw);
}

/** The cells of one day of the daily volume, in the column order both the CSV and the table use. */
export function dailyVolumeCells(d: DailyVolume): (string | number)[] {
  return [d.day, d.questions, d.answered, d.partial, d.unanswered, d.smallTalk, d.feedbackUp, d.feedbackDown];
}
