/**
 * `npm run line:setup` against the fake Messaging API: the script as a process (validate →
 * create → upload → default → delete the old menus, and --dry-run), and the setup steps in
 * process for the webhook settings and for failures.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { messagingApi } from '@line/bot-sdk';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundledCorpusDir, readCorpus } from '../../src/corpus/read-corpus.js';
import {
  createDryRunLineSetupApi,
  createLineSetupApi,
  describeWebhookEndpoint,
  LineSetupError,
  runLineSetup,
  type LineSetupPlan,
} from '../../src/line/line-setup.js';
import { designRichMenu, richMenuName, richMenuRequest, richMenuSize } from '../../src/render/rich-menu.js';
import { richMenuImageFileName } from '../../src/render/rich-menu-svg.js';
import {
  fakeChannelAccessToken,
  startFakeLineApi,
  type FakeLineApi,
  type FakeLineApiOptions,
} from '../support/fake-line-api.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const committedImage = path.join(bundledCorpusDir, richMenuImageFileName);
const running: FakeLineApi[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fake) => fake.close()));
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function start(options?: FakeLineApiOptions): Promise<FakeLineApi> {
  const fake = await startFakeLineApi(options);
  running.push(fake);
  return fake;
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'line-setup-'));
  tempDirs.push(dir);
  return dir;
}

/** Runs src/cli/commands/line-setup.ts as npm would (asynchronously: the fake answers from this process). */
function runScript(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/commands/line-setup.ts', ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function ownMenu(richMenuId: string, name: string): messagingApi.RichMenuResponse {
  return { richMenuId, name, size: richMenuSize, selected: true, chatBarText: '政策を見る', areas: [] };
}

describe('npm run line:setup (the script)', () => {
  it('validates, creates, uploads, sets the default, then deletes its older menus, all valid for LINE', async () => {
    const fake = await start({
      richMenus: [
        ownMenu('richmenu-old', 'komoro-policy-bot 2025-01-01T00:00Z'),
        ownMenu('richmenu-campaign', 'spring campaign'),
      ],
      defaultRichMenuId: 'richmenu-old',
      webhookEndpoint: { endpoint: 'https://bot.example.jp/webhook', active: true },
    });
    const { code, stdout, stderr } = await runScript([], {
      LINE_CHANNEL_ACCESS_TOKEN: fakeChannelAccessToken,
      LINE_API_BASE_URL: fake.baseUrl,
      LINE_API_DATA_BASE_URL: fake.baseUrl,
    });

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(fake.invalidRequests).toEqual([]);
    const created = fake.account.richMenus.find((m) => m.menu.name.startsWith('komoro-policy-bot'));
    const id = created?.menu.richMenuId ?? '(none)';
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v2/bot/richmenu/validate',
      'POST /v2/bot/richmenu',
      `POST /v2/bot/richmenu/${id}/content`,
      `POST /v2/bot/user/all/richmenu/${id}`,
      'GET /v2/bot/richmenu/list',
      'DELETE /v2/bot/richmenu/richmenu-old',
      'GET /v2/bot/channel/webhook/endpoint',
    ]);
    expect(fake.requests.every((r) => r.headers.authorization === `Bearer ${fakeChannelAccessToken}`)).toBe(true);

    // The new menu with its image is the default; the campaign menu made by someone else stays.
    expect(fake.account.richMenus.map((m) => m.menu.richMenuId)).toEqual(['richmenu-campaign', id]);
    expect(fake.account.defaultRichMenuId).toBe(id);
    expect(created?.image?.contentType).toBe('image/png');
    expect(created?.image?.bytes.equals(await readFile(committedImage))).toBe(true);
    expect(created?.menu.areas).toHaveLength(6);

    expect(stdout).toContain(`リッチメニュー: ${id} を全員の既定にしました`);
    expect(stdout).toContain('リッチメニュー: 古いメニュー 1 件を削除しました: richmenu-old');
    expect(stdout).toContain(
      'Webhook URL: https://bot.example.jp/webhook\n  設定: はい、利用: はい、/webhook で終わる: はい',
    );
    expect(stdout).not.toContain('注意');
  });

  it('prints every request with --dry-run and sends nothing, without credentials', async () => {
    const fake = await start();
    const { code, stdout, stderr } = await runScript(['--dry-run', '--webhook-url', 'https://bot.example.jp/webhook'], {
      LINE_API_BASE_URL: fake.baseUrl,
      LINE_API_DATA_BASE_URL: `${fake.baseUrl}/`,
    });

    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(fake.requests).toEqual([]);
    const requestLines = stdout.split('\n').filter((line) => /^(GET|POST|PUT|DELETE) /.test(line));
    expect(requestLines).toEqual([
      `POST ${fake.baseUrl}/v2/bot/richmenu/validate`,
      `POST ${fake.baseUrl}/v2/bot/richmenu`,
      `POST ${fake.baseUrl}/v2/bot/richmenu/{richMenuId}/content`,
      `POST ${fake.baseUrl}/v2/bot/user/all/richmenu/{richMenuId}`,
      `GET ${fake.baseUrl}/v2/bot/richmenu/list`,
      `PUT ${fake.baseUrl}/v2/bot/channel/webhook/endpoint`,
      `GET ${fake.baseUrl}/v2/bot/channel/webhook/endpoint`,
      `POST ${fake.baseUrl}/v2/bot/channel/webhook/test`,
    ]);
    expect(stdout).toContain('"chatBarText": "政策を見る"');
    expect(stdout).toContain('"data": "pillar=1"');
    expect(stdout).toMatch(/Content-Type: image\/png; 2500×1686, [\d,]+ バイト/);
    expect(stdout).toContain('"endpoint": "https://bot.example.jp/webhook"');
    expect(stdout).toContain('（ドライラン: 何も送っていません）');
  });

  it('refuses to run for real without LINE_CHANNEL_ACCESS_TOKEN, naming it', async () => {
    const { code, stderr } = await runScript([], {});
    expect(code).toBe(2);
    expect(stderr).toMatch(/LINE_CHANNEL_ACCESS_TOKEN: アカウントの設定に必要です/);
  });

  it('refuses an image not drawn from the current meta.yaml, telling staff to run rich-menu:image', async () => {
    const corpus = await tempDir();
    await cp(bundledCorpusDir, corpus, { recursive: true });
    const metaFile = path.join(corpus, 'meta.yaml');
    await writeFile(metaFile, (await readFile(metaFile, 'utf8')).replace('#B45309', '#8A3F07'));
    const { code, stdout, stderr } = await runScript(['--dry-run'], { CORPUS_DIR: corpus });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `${path.join(corpus, 'rich-menu.png')}: 今のデザイン（corpus/meta.yaml の柱の shortName・label・色）から作った画像ではありません`,
    );
    expect(stderr).toContain('npm run rich-menu:image で画像を作り直し');
  });
});

describe('the setup steps', () => {
  let plan: LineSetupPlan;
  beforeAll(async () => {
    const design = designRichMenu((await readCorpus(bundledCorpusDir)).meta);
    plan = {
      richMenu: richMenuRequest(design, richMenuName(new Date('2025-04-01T00:00:00Z'))),
      image: { bytes: await readFile(committedImage), contentType: 'image/png', ...richMenuSize },
    };
  });

  const apiFor = (fake: FakeLineApi) =>
    createLineSetupApi({
      channelAccessToken: fakeChannelAccessToken,
      apiBaseUrl: fake.baseUrl,
      dataApiBaseUrl: fake.baseUrl,
    });

  it('with a webhook URL, sets the endpoint and runs LINE webhook test', async () => {
    const fake = await start({ webhookEndpoint: { endpoint: 'https://old.example.jp/callback', active: true } });
    const log: string[] = [];
    const result = await runLineSetup(apiFor(fake), { ...plan, webhookUrl: 'https://bot.example.jp/webhook' }, (line) =>
      log.push(line),
    );

    expect(fake.invalidRequests).toEqual([]);
    expect(fake.requests.slice(-3).map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /v2/bot/channel/webhook/endpoint',
      'GET /v2/bot/channel/webhook/endpoint',
      'POST /v2/bot/channel/webhook/test',
    ]);
    expect(fake.account.webhookEndpoint).toEqual({ endpoint: 'https://bot.example.jp/webhook', active: true });
    expect(result).toMatchObject({ webhookOk: true, warnings: [] });
    expect(log).toContain('Webhook のテスト: OK（HTTP 200 OK: 200）');
  });

  it('reports a failed webhook test and an inactive webhook', async () => {
    const fake = await start({
      webhookEndpoint: { endpoint: 'https://bot.example.jp/webhook', active: false },
      webhookTest: () => ({
        success: false,
        timestamp: new Date(),
        statusCode: 503,
        reason: 'Service Unavailable',
        detail: '503',
      }),
    });
    const log: string[] = [];
    const result = await runLineSetup(apiFor(fake), { ...plan, webhookUrl: 'https://bot.example.jp/webhook' }, (line) =>
      log.push(line),
    );

    expect(result.webhookOk).toBe(false);
    expect(log).toContain('Webhook のテスト: 失敗（HTTP 503 Service Unavailable: 503）');
    expect(log.some((line) => line.startsWith('注意: Webhook の利用がオフです'))).toBe(true);
  });

  it('deletes the new menu again when LINE refuses its image, keeping the old default', async () => {
    const fake = await start({
      richMenus: [ownMenu('richmenu-old', 'komoro-policy-bot 2025-01-01T00:00Z')],
      defaultRichMenuId: 'richmenu-old',
    });
    const tooBig = {
      ...plan,
      image: { ...plan.image, bytes: Buffer.concat([Buffer.from(plan.image.bytes), Buffer.alloc(1_000_000)]) },
    };
    const failure = await runLineSetup(apiFor(fake), tooBig, () => undefined).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(LineSetupError);
    expect((failure as LineSetupError).message).toMatch(
      /^リッチメニューの画像をアップロードできませんでした: LINE の応答 400/,
    );
    expect(fake.invalidRequests.map((r) => r.errors)).toEqual([
      [expect.stringMatching(/^\(image\): \d+ bytes is more than 1000000$/)],
    ]);
    expect(fake.account.richMenus.map((m) => m.menu.richMenuId)).toEqual(['richmenu-old']);
    expect(fake.account.defaultRichMenuId).toBe('richmenu-old');
  });

  it('sends nothing in a dry run and says so', async () => {
    const printed: string[] = [];
    const log: string[] = [];
    const api = createDryRunLineSetupApi(
      { apiBaseUrl: 'https://api.line.me', dataApiBaseUrl: 'https://api-data.line.me' },
      (l) => printed.push(l),
    );
    const result = await runLineSetup(api, plan, (line) => log.push(line));
    expect(result.deletedRichMenuIds).toEqual([]);
    expect(printed).toContain('POST https://api-data.line.me/v2/bot/richmenu/{richMenuId}/content');
    expect(log.at(-1)).toBe('（ドライラン: 何も送っていません）');
  });
});

describe('describeWebhookEndpoint', () => {
  it('says whether the endpoint is set, active and ends with /webhook', () => {
    expect(describeWebhookEndpoint({ endpoint: 'https://bot.example.jp/webhook', active: true })).toEqual({
      lines: ['Webhook URL: https://bot.example.jp/webhook', '  設定: はい、利用: はい、/webhook で終わる: はい'],
      warnings: [],
    });
    expect(describeWebhookEndpoint({ endpoint: 'https://bot.example.jp/callback', active: false }).warnings).toEqual([
      'Webhook の利用がオフです: LINE Developers コンソールの Messaging API 設定で「Webhookの利用」をオンにしてください',
      'Webhook URL が /webhook で終わっていません（ボットはそこで受け付けます）',
    ]);
    expect(describeWebhookEndpoint({ endpoint: '', active: false })).toEqual({
      lines: ['Webhook URL: 未設定'],
      warnings: [
        'Webhook URL が設定されていません: --webhook-url https://<ホスト>/webhook を付けてもう一度実行してください',
      ],
    });
  });
});
