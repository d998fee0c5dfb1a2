/**
 * The floor of the load test: the least a LINE bot on this stack does per webhook. express with
 * @line/bot-sdk's signature middleware over the raw body, 200 at once, then for every event with
 * a reply token one reply through the SDK's MessagingApiClient, always the same Flex message (the
 * bot's own answer to a typical question, from FLOOR_REPLY_FILE, so both send bodies of one size).
 * No search, no logs, no de-duplication, no analytics: what the bot costs above this is its own.
 *
 * With FLOOR_POSTER_MODULE (the path of dist/line/messaging-api-poster.js), it replies through
 * the bot's own keep-alive client instead of the SDK's fetch-based one: the same floor on the
 * bot's transport, so that the benchmark can tell what the bot gains from its client from what
 * its own work costs.
 *
 * Started by scripts/bench.ts as a child process, with PORT, LINE_CHANNEL_SECRET,
 * LINE_CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL and FLOOR_REPLY_FILE. Imports packages only, so
 * the benchmark can compile it to one JavaScript file and run it with plain node, like dist/.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { messagingApi, middleware, SignatureValidationFailed, type webhook } from '@line/bot-sdk';
import express, { type ErrorRequestHandler } from 'express';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`floor-server: ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const port = Number(process.env.PORT ?? '0');
const channelSecret = required('LINE_CHANNEL_SECRET');
const channelAccessToken = required('LINE_CHANNEL_ACCESS_TOKEN');
const baseUrl = required('LINE_API_BASE_URL');

type Reply = (request: messagingApi.ReplyMessageRequest) => Promise<unknown>;
/** The SDK's client, or the bot's poster when FLOOR_POSTER_MODULE names it. */
async function replier(): Promise<Reply> {
  const posterModule = process.env.FLOOR_POSTER_MODULE;
  if (!posterModule) {
    const client = new messagingApi.MessagingApiClient({ channelAccessToken, baseURL: baseUrl });
    return (request) => client.replyMessage(request);
  }
  interface PosterModule {
    createMessagingApiPoster: (options: { baseUrl: string; channelAccessToken: string }) => {
      post: (path: string, payload: unknown) => Promise<void>;
    };
  }
  const posterApi = (await import(pathToFileURL(posterModule).href)) as PosterModule;
  const poster = posterApi.createMessagingApiPoster({ baseUrl, channelAccessToken });
  return (request) => poster.post('/v2/bot/message/reply', request);
}
const reply = await replier();

const constantBubble: messagingApi.FlexMessage = {
  type: 'flex',
  altText: 'こもろ未来プロジェクト',
  contents: {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'こもろ未来プロジェクト', wrap: true }] },
  },
};
const replyFile = process.env.FLOOR_REPLY_FILE;
const messages = replyFile ? (JSON.parse(readFileSync(replyFile, 'utf8')) as messagingApi.Message[]) : [constantBubble];

const app = express();
app.disable('x-powered-by');
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.post(
  '/webhook',
  express.raw({ type: () => true, limit: 1024 * 1024 }),
  middleware({ channelSecret }),
  (req, res) => {
    const events = (req.body as { events?: webhook.Event[] }).events ?? [];
    res.status(200).json({});
    for (const event of events) {
      if ('replyToken' in event && event.replyToken) {
        reply({ replyToken: event.replyToken, messages }).catch((err: unknown) => {
          console.error(`floor-server: reply failed: ${(err as Error).message}`);
        });
      }
    }
  },
);
const onError: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  res.status(err instanceof SignatureValidationFailed ? 401 : 500).json({ message: (err as Error).message });
};
app.use(onError);

const server = app.listen(port, '127.0.0.1');
process.once('SIGTERM', () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
});
