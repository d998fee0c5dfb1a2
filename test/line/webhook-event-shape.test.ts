/**
 * Which webhook events the dispatcher handles and which it skips as malformed, with the reason it logs.
 */
import { describe, expect, it } from 'vitest';
import { checkEventShape } from '../../src/line/webhook-event-shape.js';
import {
  followEvent,
  imageEvent,
  joinEvent,
  postbackEvent,
  stickerEvent,
  textEvent,
  unfollowEvent,
  unsendEvent,
} from '../support/webhook-fixtures.js';

function problemOf(value: unknown): string | undefined {
  const shape = checkEventShape(value);
  return shape.ok ? undefined : shape.problem;
}

describe('checkEventShape', () => {
  it('accepts every event LINE sends, and hands it back unchanged', () => {
    for (const event of [
      textEvent('ふるさと納税は？'),
      stickerEvent(),
      imageEvent(),
      followEvent(),
      unfollowEvent(),
      postbackEvent('pillar=1'),
      unsendEvent(),
      joinEvent(),
    ]) {
      expect(checkEventShape(event)).toEqual({ ok: true, event });
    }
  });

  it('accepts odd but readable events: no source, no reply token, unknown event and message types', () => {
    const { source: _source, ...withoutSource } = textEvent('x');
    expect(problemOf(withoutSource)).toBeUndefined();
    expect(problemOf({ ...textEvent('x'), replyToken: undefined })).toBeUndefined();
    expect(problemOf({ ...followEvent(), type: 'somethingNew' })).toBeUndefined();
    expect(problemOf({ ...textEvent('x'), message: { type: 'hologram', id: '1' } })).toBeUndefined();
    expect(problemOf(textEvent(''))).toBeUndefined();
  });

  it('names the field and the types of what it cannot read, never the value', () => {
    const text = textEvent('x');
    expect(problemOf({ ...text, message: { ...text.message, text: 42 } })).toBe(
      'message.text: expected a string, got number',
    );
    expect(problemOf({ ...text, replyToken: 1 })).toBe('replyToken: expected a string, got number');
    expect(problemOf({ ...text, type: undefined })).toBe('type: expected a string, got undefined');
    expect(problemOf({ ...text, message: 'ひみつ' })).toBe('message: expected an object, got string');
    expect(problemOf({ ...text, source: { type: 'user', userId: ['U1'] } })).toBe(
      'source.userId: expected a string, got array',
    );
    expect(problemOf({ ...text, webhookEventId: null })).toBe('webhookEventId: expected a string, got null');
    expect(problemOf({ ...text, timestamp: '1700000000000' })).toBe('timestamp: expected a number, got string');
    expect(problemOf({ ...text, timestamp: 1e300 })).toBe(
      'timestamp: expected milliseconds since the epoch, got a number out of range',
    );
    expect(problemOf({ ...postbackEvent('pillar=1'), postback: { data: { pillar: 1 } } })).toBe(
      'postback.data: expected a string, got object',
    );
    expect(problemOf([text])).toBe('event: expected an object, got array');
    expect(problemOf(null)).toBe('event: expected an object, got null');
  });

  it('lists every problem of an event at once', () => {
    expect(problemOf({ type: 'message', timestamp: 1, replyToken: 2, message: { type: 'text' } })).toBe(
      'replyToken: expected a string, got number; message.text: expected a string, got undefined',
    );
  });
});
