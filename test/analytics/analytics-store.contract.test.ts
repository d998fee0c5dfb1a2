import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createMemoryAnalyticsStore,
  partialAnswerReason,
  type AnalyticsStore,
  type QuestionRecord,
} from '../../src/analytics/analytics-store.js';
import { createPostgresAnalyticsStore } from '../../src/analytics/postgres-analytics-store.js';
import { openSqliteAnalyticsStore } from '../../src/analytics/sqlite-analytics-store.js';
import { hasPostgresServer, startPostgresServer, type PostgresServer } from '../support/postgres-server.js';

// CI installs PostgreSQL (.ci/run); a developer machine without it skips that store, saying why.
const withPostgres = hasPostgresServer || process.env.CI !== undefined;
let postgres: PostgresServer | undefined;
let databases = 0;
beforeAll(async () => {
  if (withPostgres) postgres = await startPostgresServer();
  else console.warn('PostgreSQL is not installed: the contract tests skip the PostgreSQL store');
});
afterAll(async () => {
  await postgres?.destroy();
});

/** The same suite for every implementation: what the report shows must not depend on the store. */
interface Opened {
  store: AnalyticsStore;
  cleanup: () => void;
}
const implementations: { name: string; open: () => Opened | Promise<Opened> }[] = [
  { name: 'the in-memory store', open: () => ({ store: createMemoryAnalyticsStore(), cleanup: () => {} }) },
  {
    name: 'the SQLite store',
    open: () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'analytics-contract-'));
      return {
        store: openSqliteAnalyticsStore(path.join(dir, 'nested', 'analytics.sqlite')),
        cleanup: () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  },
  ...(withPostgres
    ? [
        {
          name: 'the PostgreSQL store',
          open: async () => {
            // A database of its own per test, on the file's server.
            const url = await (postgres as PostgresServer).createDatabase(`contract_${++databases}`);
            return { store: createPostgresAnalyticsStore({ connectionString: url }), cleanup: () => {} };
          },
        },
      ]
    : []),
];

/** An instant given in Japan time, the way staff think of it. */
const jst = (local: string) => new Date(`${local}+09:00`);

function question(at: string, text: string, overrides: Partial<QuestionRecord> = {}): QuestionRecord {
  return {
    at: jst(at),
    userHash: 'user-a',
    question: text,
    answered: false,
    reason: 'no-match',
    entryIds: [],
    ...overrides,
  };
}

describe.each(implementations)('$name', ({ open }) => {
  let store: AnalyticsStore;
  let cleanup: () => void;

  beforeEach(async () => {
    ({ store, cleanup } = await open());
  });

  afterEach(async () => {
    await store.close();
    cleanup();
  });

  it('lists the most asked unanswered questions first, grouping texts that normalise alike', async () => {
    await store.recordQuestion(question('2025-03-01T09:00:00', 'ゴミの収集日は？'));
    await store.recordQuestion(question('2025-03-01T10:00:00', '駐車場はありますか'));
    await store.recordQuestion(question('2025-03-02T09:00:00', 'ｺﾞﾐの収集日は?', { userHash: 'user-b' }));
    await store.recordQuestion(question('2025-03-03T09:00:00', 'ゴミの収集日は', { userHash: 'user-b' }));

    const unanswered = await store.unansweredQuestions({ limit: 10 });

    expect(unanswered).toEqual([
      {
        question: 'ゴミの収集日は', // the most recent original text of the group
        normalized: 'ゴミの収集日は',
        count: 3,
        users: 2,
        lastAskedAt: jst('2025-03-03T09:00:00'),
      },
      {
        question: '駐車場はありますか',
        normalized: '駐車場はありますか',
        count: 1,
        users: 1,
        lastAskedAt: jst('2025-03-01T10:00:00'),
      },
    ]);
  });

  it('leaves answered questions and small talk out of the unanswered list', async () => {
    await store.recordQuestion(
      question('2025-03-01T09:00:00', 'ふるさと納税は？', {
        answered: true,
        reason: undefined,
        entryIds: ['furusato'],
      }),
    );
    await store.recordQuestion(question('2025-03-01T09:01:00', 'おはよう', { reason: 'greeting' }));
    await store.recordQuestion(question('2025-03-01T09:02:00', 'ありがとう', { reason: 'thanks' }));
    await store.recordQuestion(question('2025-03-01T09:03:00', '🙂', { reason: 'empty' }));
    await store.recordQuestion(question('2025-03-01T09:04:00', '天気予報'));

    expect((await store.unansweredQuestions({ limit: 10 })).map((u) => u.question)).toEqual(['天気予報']);
  });

  it('lists only unanswered questions asked since the given time, at most the limit', async () => {
    await store.recordQuestion(question('2025-03-01T09:00:00', 'old question'));
    await store.recordQuestion(question('2025-03-05T09:00:00', 'first'));
    await store.recordQuestion(question('2025-03-05T10:00:00', 'second'));
    await store.recordQuestion(question('2025-03-05T11:00:00', 'third'));

    const recent = await store.unansweredQuestions({ since: jst('2025-03-05T00:00:00'), limit: 2 });

    // Equal counts: the most recently asked first.
    expect(recent.map((u) => u.question)).toEqual(['third', 'second']);
  });

  it('counts an unanswered question from users without an id, but not as a user', async () => {
    await store.recordQuestion(question('2025-03-01T09:00:00', '除雪は？', { userHash: undefined }));
    await store.recordQuestion(question('2025-03-01T09:05:00', '除雪は？'));

    expect(await store.unansweredQuestions({ limit: 5 })).toMatchObject([{ count: 2, users: 1 }]);
  });

  it('lists the entries with the most 役に立たなかった votes, with their up and down counts', async () => {
    const vote = (at: string, entryId: string, v: 'up' | 'down', userHash: string) =>
      store.recordFeedback({ at: jst(at), userHash, entryId, vote: v });
    await vote('2025-03-01T09:00:00', 'winery-bus', 'down', 'user-a');
    await vote('2025-03-01T09:10:00', 'winery-bus', 'down', 'user-b');
    await vote('2025-03-01T09:20:00', 'winery-bus', 'up', 'user-c');
    await vote('2025-03-01T09:30:00', 'overtime', 'down', 'user-a');
    await vote('2025-03-02T09:00:00', 'furusato', 'up', 'user-a');

    expect(await store.negativeFeedback({ limit: 10 })).toEqual([
      { entryId: 'winery-bus', up: 1, down: 2, lastDownAt: jst('2025-03-01T09:10:00') },
      { entryId: 'overtime', up: 0, down: 1, lastDownAt: jst('2025-03-01T09:30:00') },
    ]);
    expect(await store.negativeFeedback({ since: jst('2025-03-01T09:15:00'), limit: 10 })).toEqual([
      { entryId: 'overtime', up: 0, down: 1, lastDownAt: jst('2025-03-01T09:30:00') },
    ]);
  });

  it("keeps one vote per citizen per entry: a second tap replaces the first (the citizen's latest word counts)", async () => {
    const vote = (at: string, userHash: string | undefined, v: 'up' | 'down') =>
      store.recordFeedback({ at: jst(at), userHash, entryId: 'winery-bus', vote: v });
    await vote('2025-03-01T09:00:00', 'user-a', 'down');
    await vote('2025-03-01T09:05:00', 'user-a', 'down');
    await vote('2025-03-02T09:10:00', 'user-a', 'up');
    await vote('2025-03-01T09:20:00', 'user-b', 'down');
    await vote('2025-03-01T09:30:00', 'user-b', 'down');
    // Without a user (no userId in the event) votes cannot be told apart: each counts.
    await vote('2025-03-01T09:40:00', undefined, 'down');
    await vote('2025-03-01T09:50:00', undefined, 'down');
    await store.recordFeedback({ at: jst('2025-03-01T10:00:00'), userHash: 'user-a', entryId: 'overtime', vote: 'up' });

    expect(await store.negativeFeedback({ limit: 10 })).toEqual([
      { entryId: 'winery-bus', up: 1, down: 3, lastDownAt: jst('2025-03-01T09:50:00') },
    ]);
    const days = await store.dailyVolume({ days: 2, until: jst('2025-03-02T12:00:00') });
    expect(days.map((d) => [d.day, d.feedbackUp, d.feedbackDown])).toEqual([
      ['2025-03-01', 1, 3],
      ['2025-03-02', 1, 0],
    ]);
  });

  it('counts a question recorded twice for one webhook event (a redelivery taken by two instances) once', async () => {
    const first = question('2025-03-01T09:00:00', '除雪は？', { eventId: '01JEVENT0000000000000000001' });
    await store.recordQuestion(first);
    await store.recordQuestion({ ...first, answered: true, reason: undefined, entryIds: ['snow'] });
    await store.recordQuestion(question('2025-03-01T09:01:00', '除雪は？', { eventId: '01JEVENT0000000000000000002' }));

    expect(await store.unansweredQuestions({ limit: 5 })).toMatchObject([{ question: '除雪は？', count: 2 }]);
    expect(await store.topEntries({ limit: 5 })).toEqual([]);
    const [day] = await store.dailyVolume({ days: 1, until: jst('2025-03-01T12:00:00') });
    expect(day).toMatchObject({ questions: 2, answered: 0, unanswered: 2 });
  });

  it('counts a vote without a user once per webhook event', async () => {
    const vote = { at: jst('2025-03-01T09:00:00'), userHash: undefined, entryId: 'winery-bus', vote: 'down' as const };
    await store.recordFeedback({ ...vote, eventId: '01JEVENT0000000000000000003' });
    await store.recordFeedback({ ...vote, eventId: '01JEVENT0000000000000000003' });
    await store.recordFeedback({ ...vote, eventId: '01JEVENT0000000000000000004' });

    expect(await store.negativeFeedback({ limit: 5 })).toMatchObject([{ entryId: 'winery-bus', down: 2 }]);
  });

  it('stores a question with a NUL character in it, without the NUL', async () => {
    await store.recordQuestion(question('2025-03-01T09:00:00', '除雪\u0000は？'));
    expect((await store.unansweredQuestions({ limit: 1 }))[0]?.question).toBe('除雪は？');
  });

  it('tells where it keeps the records and that they get there', async () => {
    await store.recordQuestion(question('2025-03-01T09:00:00', '除雪は？'));
    await store.unansweredQuestions({ limit: 1 });
    expect(store.status()).toMatchObject({ state: 'ok', waiting: 0, dropped: 0 });
  });

  it('stores at most 500 characters of a question, never half an emoji', async () => {
    await store.recordQuestion(question('2025-03-01T09:00:00', `${'あ'.repeat(499)}🍇${'い'.repeat(5000)}`));
    const [stored] = await store.unansweredQuestions({ limit: 1 });
    expect(stored?.question).toBe('あ'.repeat(499));
    await store.recordQuestion(question('2025-03-01T09:01:00', `${'う'.repeat(498)}🍇${'え'.repeat(10)}`));
    const [latest] = await store.unansweredQuestions({ since: jst('2025-03-01T09:00:30'), limit: 1 });
    expect(latest?.question).toBe(`${'う'.repeat(498)}🍇`);
  });

  it('gives one row per Japan-time day, oldest first, with quiet days as zeros', async () => {
    // 00:30 in Japan is still the previous day in UTC: it counts for the Japanese day.
    await store.recordQuestion(
      question('2025-03-02T00:30:00', 'ふるさと納税', { answered: true, reason: undefined, entryIds: ['furusato'] }),
    );
    await store.recordQuestion(question('2025-03-02T12:00:00', '天気予報'));
    await store.recordQuestion(question('2025-03-02T23:59:00', 'こんにちは', { reason: 'greeting' }));
    await store.recordQuestion(question('2025-03-04T08:00:00', '天気予報'));
    await store.recordFeedback({ at: jst('2025-03-02T13:00:00'), userHash: 'user-a', entryId: 'furusato', vote: 'up' });
    await store.recordFeedback({
      at: jst('2025-03-04T13:00:00'),
      userHash: 'user-b',
      entryId: 'furusato',
      vote: 'down',
    });
    await store.recordQuestion(question('2025-03-05T00:00:00', 'after the window'));

    const days = await store.dailyVolume({ days: 3, until: jst('2025-03-04T23:59:59') });

    expect(days).toEqual([
      {
        day: '2025-03-02',
        questions: 3,
        answered: 1,
        partial: 0,
        unanswered: 1,
        smallTalk: 1,
        feedbackUp: 1,
        feedbackDown: 0,
      },
      {
        day: '2025-03-03',
        questions: 0,
        answered: 0,
        partial: 0,
        unanswered: 0,
        smallTalk: 0,
        feedbackUp: 0,
        feedbackDown: 0,
      },
      {
        day: '2025-03-04',
        questions: 1,
        answered: 0,
        partial: 0,
        unanswered: 1,
        smallTalk: 0,
        feedbackUp: 0,
        feedbackDown: 1,
      },
    ]);
  });

  it('counts the answers given as related information (関連する情報) apart, among the answered', async () => {
    const answer = { answered: true, reason: undefined, entryIds: ['furusato'] };
    await store.recordQuestion(question('2025-03-01T09:00:00', 'ふるさと納税は？', answer));
    await store.recordQuestion(
      question('2025-03-01T09:10:00', 'ふるさと納税の使い道', { ...answer, reason: partialAnswerReason }),
    );
    await store.recordQuestion(question('2025-03-01T09:20:00', 'ふるさと納税の申込方法', { reason: 'not-in-report' }));
    await store.recordQuestion(question('2025-03-01T09:30:00', '天気予報'));

    const [day] = await store.dailyVolume({ days: 1, until: jst('2025-03-01T12:00:00') });

    expect(day).toMatchObject({ questions: 4, answered: 2, partial: 1, unanswered: 2, smallTalk: 0 });
    // A related answer is still an answer: it is not listed among the unanswered questions.
    expect((await store.unansweredQuestions({ limit: 5 })).map((u) => u.question).sort()).toEqual([
      'ふるさと納税の申込方法',
      '天気予報',
    ]);
  });

  it('counts how often each entry was shown in answers, once per answer', async () => {
    const answered = (at: string, entryIds: string[]) =>
      store.recordQuestion(question(at, 'q', { answered: true, reason: undefined, entryIds }));
    await answered('2025-03-01T09:00:00', ['furusato', 'overtime']);
    await answered('2025-03-01T10:00:00', ['furusato']);
    await answered('2025-03-02T10:00:00', ['winery-bus', 'furusato']);

    expect(await store.topEntries({ limit: 2 })).toEqual([
      { entryId: 'furusato', hits: 3, lastShownAt: jst('2025-03-02T10:00:00') },
      { entryId: 'overtime', hits: 1, lastShownAt: jst('2025-03-01T09:00:00') },
    ]);
    expect(await store.topEntries({ since: jst('2025-03-02T00:00:00'), limit: 5 })).toEqual([
      { entryId: 'furusato', hits: 1, lastShownAt: jst('2025-03-02T10:00:00') },
      { entryId: 'winery-bus', hits: 1, lastShownAt: jst('2025-03-02T10:00:00') },
    ]);
  });

  it('gives empty reports when nothing was recorded', async () => {
    expect(await store.unansweredQuestions({ limit: 5 })).toEqual([]);
    expect(await store.negativeFeedback({ limit: 5 })).toEqual([]);
    expect(await store.topEntries({ limit: 5 })).toEqual([]);
    expect(await store.dailyVolume({ days: 1, until: jst('2025-03-01T12:00:00') })).toEqual([
      {
        day: '2025-03-01',
        questions: 0,
        answered: 0,
        partial: 0,
        unanswered: 0,
        smallTalk: 0,
        feedbackUp: 0,
        feedbackDown: 0,
      },
    ]);
  });

  it('refuses a limit or a number of days that is not a positive integer', async () => {
    await expect(store.unansweredQuestions({ limit: 0 })).rejects.toThrow(RangeError);
    await expect(store.topEntries({ limit: 1.5 })).rejects.toThrow(RangeError);
    await expect(store.dailyVolume({ days: 0 })).rejects.toThrow(RangeError);
  });
});
