/**
 * The fake Messaging API's account endpoints behave as LINE does toward the real SDK clients:
 * rich menus are checked against the spec and LINE's limits, images by type, size and dimensions,
 * and the order LINE requires (an image before becoming the default) is enforced.
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { crc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  fakeChannelAccessToken,
  startFakeLineApi,
  type FakeLineApi,
  type FakeLineApiOptions,
} from './fake-line-api.js';

const running: FakeLineApi[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
});

async function start(options?: FakeLineApiOptions) {
  const fake = await startFakeLineApi(options);
  running.push(fake);
  const config = { channelAccessToken: fakeChannelAccessToken, baseURL: fake.baseUrl };
  return {
    fake,
    client: new messagingApi.MessagingApiClient(config),
    blob: new messagingApi.MessagingApiBlobClient(config),
  };
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HTTPFetchError);
  return (error as HTTPFetchError).status;
}

const menu: messagingApi.RichMenuRequest = {
  size: { width: 2500, height: 843 },
  selected: false,
  name: 'test menu',
  chatBarText: 'メニュー',
  areas: [{ bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'postback', data: 'pillar=1' } }],
};

/** The start of a PNG: its signature and header, all that the fake reads of an image. */
function pngOf(width: number, height: number): Blob {
  const header = Buffer.alloc(17);
  header.write('IHDR', 0, 'latin1');
  header.writeUInt32BE(width, 4);
  header.writeUInt32BE(height, 8);
  header.set([8, 2, 0, 0, 0], 12); // 8-bit RGB
  const chunk = Buffer.alloc(25);
  chunk.writeUInt32BE(13, 0);
  header.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(header), 21);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return new Blob([new Uint8Array([...signature, ...chunk])], { type: 'image/png' });
}

describe('fake LINE Messaging API: rich menus and webhook settings', () => {
  it('creates a menu, takes its image once, and makes it the default', async () => {
    const { fake, client, blob } = await start();
    expect(await client.validateRichMenuObject(menu)).toEqual({});
    const { richMenuId } = await client.createRichMenu(menu);

    expect(await statusOf(client.setDefaultRichMenu(richMenuId))).toBe(400);
    await blob.setRichMenuImage(richMenuId, pngOf(2500, 843));
    expect(await statusOf(blob.setRichMenuImage(richMenuId, pngOf(2500, 843)))).toBe(400);
    await client.setDefaultRichMenu(richMenuId);

    expect(fake.account.defaultRichMenuId).toBe(richMenuId);
    expect((await client.getRichMenuList()).richmenus).toEqual([{ richMenuId, ...menu }]);
    await client.deleteRichMenu(richMenuId);
    expect(fake.account.richMenus).toEqual([]);
    expect(fake.account.defaultRichMenuId).toBeUndefined();
    expect(fake.invalidRequests).toEqual([]);
  });

  it('answers 400 to a menu against the spec or LINE limits, and records why', async () => {
    const { fake, client } = await start();
    const invalid = {
      ...menu,
      chatBarText: 'とても長いチャットバーのテキストです',
      areas: [
        { bounds: { x: 0, y: 0, width: 2500, height: 843 }, action: { type: 'postback', displayText: 'no data' } },
      ],
    } as messagingApi.RichMenuRequest;
    expect(await statusOf(client.createRichMenu(invalid))).toBe(400);
    expect(fake.invalidRequests[0]?.errors).toEqual([
      'chatBarText: must NOT have more than 14 characters',
      "areas[0].action: must have required property 'data'",
    ]);
    expect(await statusOf(client.validateRichMenuObject({ ...menu, size: { width: 2500, height: 2500 } }))).toBe(400);
    expect(fake.invalidRequests[1]?.errors).toEqual(['size: width/height must be at least 1.45, got 1.000']);
    expect(fake.account.richMenus).toEqual([]);
  });

  it('refuses an image of the wrong type or dimensions, and an unknown menu', async () => {
    const { fake, client, blob } = await start();
    const { richMenuId } = await client.createRichMenu(menu);
    expect(await statusOf(blob.setRichMenuImage(richMenuId, new Blob(['GIF89a'], { type: 'image/gif' })))).toBe(400);
    expect(await statusOf(blob.setRichMenuImage(richMenuId, pngOf(2500, 1686)))).toBe(400);
    expect(await statusOf(blob.setRichMenuImage('richmenu-unknown', pngOf(2500, 843)))).toBe(404);
    expect(await statusOf(client.deleteRichMenu('richmenu-unknown'))).toBe(404);
    expect(fake.invalidRequests.map((r) => r.errors)).toEqual([
      ["Content-Type: must be image/png or image/jpeg, got 'image/gif'"],
      ['(image): is 2500×1686 but the rich menu is 2500×843'],
    ]);
  });

  it('keeps the webhook endpoint, refuses one that is not https, and tests the one set', async () => {
    const { fake, client } = await start({
      webhookEndpoint: { endpoint: 'https://old.example.jp/webhook', active: true },
    });
    expect(await client.getWebhookEndpoint()).toEqual({ endpoint: 'https://old.example.jp/webhook', active: true });
    expect(await statusOf(client.setWebhookEndpoint({ endpoint: 'http://bot.example.jp/webhook' }))).toBe(400);
    await client.setWebhookEndpoint({ endpoint: 'https://bot.example.jp/webhook' });
    expect(fake.account.webhookEndpoint).toEqual({ endpoint: 'https://bot.example.jp/webhook', active: true });
    expect(await client.testWebhookEndpoint()).toMatchObject({ success: true, statusCode: 200 });
    expect(fake.invalidRequests.map((r) => r.errors)).toEqual([['endpoint: must be an https URL']]);
  });
});
