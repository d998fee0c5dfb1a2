/**
 * Graceful shutdown of the real process (`node --import tsx src/main.ts`): on SIGTERM it stops
 * accepting, finishes the reply in flight, closes its stores and exits 0 well within 10 s.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { postEvents, testChannelSecret } from '../support/bot-server.js';
import { fakeChannelAccessToken, startFakeLineApi, type FakeLineApi } from '../support/fake-line-api.js';
import { fixtureUserId, textEvent } from '../support/webhook-fixtures.js';

let fake: FakeLineApi | undefined;
let bot: ServerProcess | undefined;

afterEach(async () => {
  if (bot?.child.exitCode === null) bot.child.kill('SIGKILL');
  await fake?.close();
  bot = undefined;
  fake = undefined;
});

function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The bot process, replying to a fake Messaging API that answers each reply 1.5 s late. */
async function startWithSlowReplies(
  env: Record<string, string> = {},
): Promise<{ api: FakeLineApi; process: ServerProcess }> {
  fake = await startFakeLineApi({
    respond: (request) =>
      request.path === '/v2/bot/message/reply' ? { delayMs: 1500, status: 200, body: { sentMessages: [] } } : undefined,
  });
  bot = await startServerProcess({
    env: {
      LINE_CHANNEL_SECRET: testChannelSecret,
      LINE_CHANNEL_ACCESS_TOKEN: fakeChannelAccessToken,
      LINE_API_BASE_URL: fake.baseUrl,
      ...env,
    },
  });
  return { api: fake, process: bot };
}

describe('shutdown on SIGTERM', () => {
  it('finishes the reply in flight (the Messaging API answers after 1.5 s) and exits 0 within 10 s', async () => {
    // LOG_LEVEL debug: the line of each reply sent.
    const { api: fake, process: bot } = await startWithSlowReplies({ LOG_LEVEL: 'debug' });
    const event = textEvent('ふるさと納税は？');
    expect(await postEvents(bot.url, [event])).toBe(200);
    const signalled = performance.now();
    const code = await bot.stop('SIGTERM');
    const shutdownMs = performance.now() - signalled;

    expect(code).toBe(0);
    expect(shutdownMs).toBeLessThan(10_000);
    // The reply was waited for: the fake received it, valid, and answered it 1.5 s later.
    const replies = fake.requests.filter((r) => r.path === '/v2/bot/message/reply');
    expect(replies).toHaveLength(1);
    expect((replies[0]?.body as { replyToken?: string }).replyToken).toBe(event.replyToken);
    expect(fake.invalidRequests).toEqual([]);
    expect(shutdownMs).toBeGreaterThan(1000);

    const output = bot.output();
    const lines = logLines(output);
    expect(lines.find((l) => String(l.msg).startsWith('shutting down'))).toMatchObject({
      signal: 'SIGTERM',
      inFlight: 1,
    });
    expect(lines.find((l) => l.msg === 'replied')).toMatchObject({
      eventId: event.webhookEventId,
      reply: 'sent',
      attempts: 1,
    });
    expect(lines.find((l) => l.msg === 'shut down')).toMatchObject({ unfinished: 0 });
    expect(output).not.toContain(fixtureUserId);
    expect(output).not.toContain(event.replyToken);
  });

  it('sends each reply in flight once when the Messaging API is slow and SIGTERM comes, none twice', async () => {
    const { api: fake, process: bot } = await startWithSlowReplies();
    const events = ['ふるさと納税は？', '残業は減ったの？', 'ワイナリーバス', '移住の支援は？', 'こんにちは'].map((q) =>
      textEvent(q),
    );
    expect(await postEvents(bot.url, events)).toBe(200);
    // Every reply is on its way (the fake holds its answer) before the signal.
    await expect.poll(() => fake.requests.filter((r) => r.path === '/v2/bot/message/reply').length).toBe(events.length);
    expect(await bot.stop('SIGTERM')).toBe(0);

    const tokens = fake.requests
      .filter((r) => r.path === '/v2/bot/message/reply')
      .map((r) => (r.body as { replyToken: string }).replyToken);
    expect([...tokens].sort()).toEqual(events.map((e) => e.replyToken).sort());
    expect(fake.invalidRequests).toEqual([]);
    const lines = logLines(bot.output());
    expect(lines.filter((l) => l.msg === 'reply failed')).toEqual([]);
    expect(lines.find((l) => l.msg === 'shut down')).toMatchObject({ unfinished: 0 });
  });
});
