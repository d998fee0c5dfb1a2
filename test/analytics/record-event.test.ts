import { describe, expect, it } from 'vitest';
import {
  createMemoryAnalyticsStore,
  partialAnswerReason,
  type AnalyticsStore,
} from '../../src/analytics/analytics-store.js';
import { analyticsRecordFor, createEventRecorder } from '../../src/analytics/record-event.js';
import { hashUserId } from '../../src/analytics/user-hash.js';
import { capturedLogger } from '../support/captured-logger.js';
import { fixtureUserId, followEvent, postbackEvent, stickerEvent, textEvent } from '../support/webhook-fixtures.js';

const salt = 'record-event-test-salt';
const at = Date.parse('2025-03-01T00:00:00Z');

describe('analyticsRecordFor', () => {
  it('records an answered question with its event id, the entries shown and the hashed user, never the raw id', () => {
    const event = textEvent('ふるさと納税は？', { timestamp: at });
    const record = analyticsRecordFor(
      event,
      { messages: [], outcome: 'answer-full', entryIds: ['furusato', 'tax'] },
      salt,
    );

    expect(record).toEqual({
      kind: 'question',
      record: {
        eventId: event.webhookEventId,
        at: new Date(at),
        userHash: hashUserId(fixtureUserId, salt),
        question: 'ふるさと納税は？',
        answered: true,
        entryIds: ['furusato', 'tax'],
      },
    });
    expect(JSON.stringify(record)).not.toContain(fixtureUserId);
  });

  it('records an answer given as related information (関連する情報) as answered, in part', () => {
    const record = analyticsRecordFor(
      textEvent('ふるさと納税の使い道', { timestamp: at }),
      { messages: [], outcome: 'answer-partial', entryIds: ['furusato'] },
      salt,
    );
    expect(record).toMatchObject({
      kind: 'question',
      record: { answered: true, reason: partialAnswerReason, entryIds: ['furusato'] },
    });
  });

  it('records a question the bot could not answer with its reason and no entries', () => {
    const record = analyticsRecordFor(
      textEvent('天気予報', { timestamp: at }),
      { messages: [], outcome: 'abstain-no-match', entryIds: [] },
      salt,
    );
    expect(record).toMatchObject({ kind: 'question', record: { answered: false, reason: 'no-match', entryIds: [] } });
  });

  it('records a 役に立たなかった postback as a down vote on its entry', () => {
    const event = postbackEvent('feedback=down&entry=winery-bus', { timestamp: at });
    const record = analyticsRecordFor(event, { messages: [], outcome: 'feedback-down' }, salt);
    expect(record).toEqual({
      kind: 'feedback',
      record: {
        eventId: event.webhookEventId,
        at: new Date(at),
        userHash: hashUserId(fixtureUserId, salt),
        entryId: 'winery-bus',
        vote: 'down',
      },
    });
  });

  it('records nothing for stickers, follows and other postbacks', () => {
    expect(analyticsRecordFor(stickerEvent(), { messages: [], outcome: 'non-text-sticker' }, salt)).toBeUndefined();
    expect(analyticsRecordFor(followEvent(), { messages: [], outcome: 'welcome' }, salt)).toBeUndefined();
    expect(analyticsRecordFor(postbackEvent('pillar=1'), { messages: [], outcome: 'pillar-1' }, salt)).toBeUndefined();
    expect(
      analyticsRecordFor(
        postbackEvent('feedback=down&entry=../x'),
        { messages: [], outcome: 'postback-unknown' },
        salt,
      ),
    ).toBeUndefined();
  });
});

describe('createEventRecorder', () => {
  it('stores the record for an event', async () => {
    const store = createMemoryAnalyticsStore();
    const { logger } = capturedLogger();
    await createEventRecorder({ store, salt, logger })(textEvent('天気予報'), {
      messages: [],
      outcome: 'abstain-no-match',
      entryIds: [],
    });
    expect(await store.unansweredQuestions({ limit: 5 })).toMatchObject([{ question: '天気予報', count: 1, users: 1 }]);
  });

  it('logs a store failure without the user id or the text, and does not throw', async () => {
    const failing: AnalyticsStore = {
      ...createMemoryAnalyticsStore(),
      recordQuestion: async () => {
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      },
    };
    const { logger, lines } = capturedLogger();
    await expect(
      createEventRecorder({ store: failing, salt, logger })(textEvent('除雪の予定を知りたい'), {
        messages: [],
        outcome: 'abstain-no-match',
      }),
    ).resolves.toBeUndefined();

    const logs = lines.join('');
    expect(logs).toContain('analytics not recorded');
    expect(logs).toContain('SQLITE_BUSY');
    expect(logs).not.toContain(fixtureUserId);
    expect(logs).not.toContain(hashUserId(fixtureUserId, salt));
    expect(logs).not.toContain('除雪');
  });

  it('does not record a vote on an entry the corpus does not have, and says why at debug level', async () => {
    const store = createMemoryAnalyticsStore();
    const { logger, lines } = capturedLogger();
    const record = createEventRecorder({ store, salt, logger, isKnownEntry: (id) => id === 'winery-bus' });
    const plan = { messages: [], outcome: 'feedback-down' };
    await record(postbackEvent('feedback=down&entry=winery-bus'), plan);
    await record(postbackEvent('feedback=down&entry=made-up-entry'), plan);
    expect(await store.negativeFeedback({ limit: 10 })).toMatchObject([{ entryId: 'winery-bus', down: 1 }]);
    const refused = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.reason === 'unknown-entry');
    expect(refused).toMatchObject({ level: 20 });
    expect(lines.join('')).not.toContain(fixtureUserId);
  });
});
