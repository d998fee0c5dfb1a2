/**
 * Every webhook fixture builder produces what LINE would send: each body validates against
 * webhook.yml's CallbackRequest, with the event discriminators resolved.
 */
import type { webhook } from '@line/bot-sdk';
import { describe, expect, it } from 'vitest';
import { validateWebhook } from './line-spec.js';
import {
  callbackBody,
  followEvent,
  imageEvent,
  joinEvent,
  postbackEvent,
  stickerEvent,
  textEvent,
  ulidLike,
  unfollowEvent,
  unsendEvent,
} from './webhook-fixtures.js';

const builders: readonly (readonly [string, () => webhook.Event])[] = [
  ['textEvent', () => textEvent('小諸市の人口は？')],
  ['followEvent', () => followEvent()],
  ['unfollowEvent', () => unfollowEvent()],
  ['postbackEvent', () => postbackEvent('action=more&entry=pillar-1', { params: { date: '2025-04-01' } })],
  ['stickerEvent', () => stickerEvent()],
  ['imageEvent', () => imageEvent()],
  ['unsendEvent', () => unsendEvent()],
  ['joinEvent', () => joinEvent()],
];

describe('webhook fixtures', () => {
  it.each(builders)('%s builds a body that validates against CallbackRequest', (_name, build) => {
    expect(validateWebhook('CallbackRequest', callbackBody([build()]))).toEqual([]);
  });

  it('validates a body with several events, and the empty body LINE sends to verify the URL', () => {
    expect(validateWebhook('CallbackRequest', callbackBody(builders.map(([, build]) => build())))).toEqual([]);
    expect(validateWebhook('CallbackRequest', callbackBody([]))).toEqual([]);
  });

  it('gives each text event a fresh 32-hex reply token and a 26-character ULID-like event id', () => {
    const first = textEvent('a');
    const second = textEvent('a');
    expect(first.replyToken).toMatch(/^[0-9a-f]{32}$/);
    expect(first.webhookEventId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(first.replyToken).not.toBe(second.replyToken);
    expect(first.webhookEventId).not.toBe(second.webhookEventId);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers any, to fit any field
    expect(first.message).toMatchObject({ type: 'text', text: 'a', id: expect.stringMatching(/^\d+$/) });
  });

  it('keeps the ids a test passes, to simulate a redelivered event', () => {
    const original = textEvent('hello');
    const redelivered = textEvent('hello', { webhookEventId: original.webhookEventId, isRedelivery: true });
    expect(redelivered.webhookEventId).toBe(original.webhookEventId);
    expect(redelivered.deliveryContext.isRedelivery).toBe(true);
    expect(validateWebhook('CallbackRequest', callbackBody([original, redelivered]))).toEqual([]);
  });

  it('encodes the timestamp in the first ten characters of the ULID-like id, so ids sort by time', () => {
    expect(ulidLike(1_000).slice(0, 10) < ulidLike(2_000).slice(0, 10)).toBe(true);
  });

  it('is checked by a validator that rejects events LINE would never send', () => {
    const withoutMessage = { ...textEvent('x'), message: undefined };
    const unknownType = { ...followEvent(), type: 'nonsense' };
    const textWithoutQuoteToken = textEvent('x');
    delete (textWithoutQuoteToken.message as { quoteToken?: string }).quoteToken;
    expect(validateWebhook('CallbackRequest', callbackBody([withoutMessage as unknown as webhook.Event]))).not.toEqual(
      [],
    );
    expect(validateWebhook('CallbackRequest', callbackBody([unknownType as unknown as webhook.Event]))).not.toEqual([]);
    expect(validateWebhook('CallbackRequest', callbackBody([textWithoutQuoteToken]))).toEqual([
      "/events/0/message must have required property 'quoteToken'",
    ]);
  });
});
