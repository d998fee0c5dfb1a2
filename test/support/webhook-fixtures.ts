/**
 * Builders for webhook request bodies shaped as LINE sends them, and their signature.
 *
 * Every event carries what the platform puts in it (mode "active", a millisecond timestamp,
 * a user source, a 26-character ULID-like webhookEventId, deliveryContext, a 32-hex reply
 * token, message ids and quote tokens), so the bot under test sees realistic input. Ids are
 * fresh on every call, so two events never collide in a de-duplication store unless a test
 * passes the same `webhookEventId` on purpose. Each builder's output validates against
 * webhook.yml's `CallbackRequest` (see test/support/webhook-fixtures.test.ts).
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { webhook } from '@line/bot-sdk';

/** The bot's user id used as `destination` unless a test passes another. */
export const fixtureDestination = 'U8e742f61d673b39c7fff3cecb7536ef0';

/** The user who talks to the bot unless a test passes another `userId`. */
export const fixtureUserId = 'U4af4980629a1b2c3d4e5f60718293a4b';

/** Options shared by every event builder. */
export interface EventOptions {
  /** Source user id (`U` + 32 hex); defaults to {@link fixtureUserId}. */
  readonly userId?: string;
  /** Reply token for events that carry one; defaults to a fresh 32-hex token. */
  readonly replyToken?: string;
  /** Defaults to a fresh ULID-like id; pass the same one twice to simulate a redelivery. */
  readonly webhookEventId?: string;
  /** Milliseconds since the epoch; defaults to now. */
  readonly timestamp?: number;
  /** `deliveryContext.isRedelivery`; defaults to false. */
  readonly isRedelivery?: boolean;
  /** Channel state; defaults to "active". */
  readonly mode?: webhook.EventMode;
}

/** Options of message events. */
export interface MessageEventOptions extends EventOptions {
  /** Message id (a decimal string); defaults to a fresh one. */
  readonly messageId?: string;
  /** Quote token of the received message; defaults to a fresh one. */
  readonly quoteToken?: string;
}

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A 26-character id in ULID's alphabet: 10 characters of time, 16 of randomness. */
export function ulidLike(timestamp: number = Date.now()): string {
  let time = '';
  let rest = timestamp;
  for (let i = 0; i < 10; i++) {
    time = (crockford[rest % 32] as string) + time;
    rest = Math.floor(rest / 32);
  }
  let random = '';
  for (const byte of randomBytes(16)) random += crockford[byte % 32] as string;
  return time + random;
}

/** A reply token as LINE sends it: 32 lowercase hex characters. */
export function replyTokenLike(): string {
  return randomBytes(16).toString('hex');
}

/** A user id as LINE sends it: `U` and 32 lowercase hex characters. */
export function userIdLike(): string {
  return `U${randomBytes(16).toString('hex')}`;
}

function messageIdLike(): string {
  return `${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`;
}

function quoteTokenLike(): string {
  return randomBytes(48).toString('base64url');
}

function eventBase(options: EventOptions): Omit<webhook.EventBase, 'type'> & { source: webhook.UserSource } {
  const timestamp = options.timestamp ?? Date.now();
  return {
    mode: options.mode ?? 'active',
    timestamp,
    source: { type: 'user', userId: options.userId ?? fixtureUserId },
    webhookEventId: options.webhookEventId ?? ulidLike(timestamp),
    deliveryContext: { isRedelivery: options.isRedelivery ?? false },
  };
}

/** A user sent `text`. */
export function textEvent(text: string, options: MessageEventOptions = {}): webhook.MessageEvent {
  const message: webhook.TextMessageContent = {
    type: 'text',
    id: options.messageId ?? messageIdLike(),
    quoteToken: options.quoteToken ?? quoteTokenLike(),
    text,
  };
  return { type: 'message', ...eventBase(options), replyToken: options.replyToken ?? replyTokenLike(), message };
}

/** A user sent a sticker (by default the "thumbs up" of the basic package). */
export function stickerEvent(
  options: MessageEventOptions & { packageId?: string; stickerId?: string; keywords?: string[] } = {},
): webhook.MessageEvent {
  const message: webhook.StickerMessageContent = {
    type: 'sticker',
    id: options.messageId ?? messageIdLike(),
    quoteToken: options.quoteToken ?? quoteTokenLike(),
    packageId: options.packageId ?? '446',
    stickerId: options.stickerId ?? '1988',
    stickerResourceType: 'STATIC',
    keywords: options.keywords ?? ['Thumbs up', 'OK', 'Good'],
  };
  return { type: 'message', ...eventBase(options), replyToken: options.replyToken ?? replyTokenLike(), message };
}

/** A user sent a photo from the LINE app (content to be fetched from LINE, not a URL). */
export function imageEvent(options: MessageEventOptions = {}): webhook.MessageEvent {
  const message: webhook.ImageMessageContent = {
    type: 'image',
    id: options.messageId ?? messageIdLike(),
    quoteToken: options.quoteToken ?? quoteTokenLike(),
    contentProvider: { type: 'line' },
  };
  return { type: 'message', ...eventBase(options), replyToken: options.replyToken ?? replyTokenLike(), message };
}

/** A user added the bot as a friend (or unblocked it when `isUnblocked`). */
export function followEvent(options: EventOptions & { isUnblocked?: boolean } = {}): webhook.FollowEvent {
  return {
    type: 'follow',
    ...eventBase(options),
    replyToken: options.replyToken ?? replyTokenLike(),
    follow: { isUnblocked: options.isUnblocked ?? false },
  };
}

/** A user blocked the bot; LINE sends no reply token. */
export function unfollowEvent(options: EventOptions = {}): webhook.UnfollowEvent {
  return { type: 'unfollow', ...eventBase(options) };
}

/** A user tapped a postback action carrying `data` (and `params` for a datetime picker). */
export function postbackEvent(
  data: string,
  options: EventOptions & { params?: Record<string, string> } = {},
): webhook.PostbackEvent {
  return {
    type: 'postback',
    ...eventBase(options),
    replyToken: options.replyToken ?? replyTokenLike(),
    postback: options.params === undefined ? { data } : { data, params: options.params },
  };
}

/** A user unsent one of their messages; LINE sends no reply token. */
export function unsendEvent(options: EventOptions & { messageId?: string } = {}): webhook.UnsendEvent {
  return { type: 'unsend', ...eventBase(options), unsend: { messageId: options.messageId ?? messageIdLike() } };
}

/** The bot was invited into a group chat; the source is the group, without a user id. */
export function joinEvent(options: Omit<EventOptions, 'userId'> & { groupId?: string } = {}): webhook.JoinEvent {
  const { source: _userSource, ...base } = eventBase(options);
  const source: webhook.GroupSource = {
    type: 'group',
    groupId: options.groupId ?? `C${randomBytes(16).toString('hex')}`,
  };
  return { type: 'join', ...base, source, replyToken: options.replyToken ?? replyTokenLike() };
}

/** The request body LINE posts to the webhook URL. */
export function callbackBody(
  events: readonly webhook.Event[],
  destination: string = fixtureDestination,
): webhook.CallbackRequest {
  return { destination, events: [...events] };
}

/** The `x-line-signature` LINE computes for `body`: base64 of HMAC-SHA256 keyed by the channel secret. */
export function sign(body: string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64');
}
