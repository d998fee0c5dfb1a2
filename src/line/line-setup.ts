/**
 * Setting up the LINE account (`npm run line:setup`): install the default rich menu and check the
 * webhook endpoint. The steps run against a small port, `LineSetupApi`, with two implementations:
 * the official SDK (two clients: api.line.me, and api-data.line.me for the image) and a dry run
 * that prints each request instead of sending it.
 *
 * Order: validate → create → upload the image → set as default → delete the tool's older menus →
 * webhook endpoint (get; with a URL also set and test). The old menus go only once the new one is
 * the default, so citizens never see the chat without a menu; a menu left without its image by a
 * failed upload is deleted again.
 */
import { HTTPFetchError, messagingApi } from '@line/bot-sdk';
import { outdatedRichMenuIds, richMenuNamePrefix } from '../render/rich-menu.js';
import { lineSetupText } from './line-setup-wording.js';

/** The image sent to `/v2/bot/richmenu/{richMenuId}/content`. */
export interface RichMenuImage {
  readonly bytes: Uint8Array;
  readonly contentType: 'image/png' | 'image/jpeg';
  readonly width: number;
  readonly height: number;
}

/**
 * The Messaging API calls the setup needs. Reads resolve to `undefined` when nothing was sent
 * (dry run); `sends` says which kind this is.
 */
export interface LineSetupApi {
  readonly sends: boolean;
  validateRichMenu(request: messagingApi.RichMenuRequest): Promise<void>;
  /** Resolves with the new rich menu's id. */
  createRichMenu(request: messagingApi.RichMenuRequest): Promise<string>;
  uploadRichMenuImage(richMenuId: string, image: RichMenuImage): Promise<void>;
  setDefaultRichMenu(richMenuId: string): Promise<void>;
  listRichMenus(): Promise<messagingApi.RichMenuResponse[] | undefined>;
  deleteRichMenu(richMenuId: string): Promise<void>;
  getWebhookEndpoint(): Promise<messagingApi.GetWebhookEndpointResponse | undefined>;
  setWebhookEndpoint(endpoint: string): Promise<void>;
  testWebhookEndpoint(endpoint: string): Promise<messagingApi.TestWebhookEndpointResponse | undefined>;
}

export interface LineApiHosts {
  /** Messaging API, e.g. https://api.line.me. */
  readonly apiBaseUrl: string;
  /** Content endpoints, e.g. https://api-data.line.me. */
  readonly dataApiBaseUrl: string;
}

/** The port on the official SDK. */
export function createLineSetupApi(options: LineApiHosts & { readonly channelAccessToken: string }): LineSetupApi {
  const { channelAccessToken } = options;
  const client = new messagingApi.MessagingApiClient({ channelAccessToken, baseURL: options.apiBaseUrl });
  const blobClient = new messagingApi.MessagingApiBlobClient({ channelAccessToken, baseURL: options.dataApiBaseUrl });
  return {
    sends: true,
    async validateRichMenu(request) {
      await client.validateRichMenuObject(request);
    },
    async createRichMenu(request) {
      return (await client.createRichMenu(request)).richMenuId;
    },
    async uploadRichMenuImage(richMenuId, image) {
      // The SDK sends the Blob's type as Content-Type.
      await blobClient.setRichMenuImage(
        richMenuId,
        new Blob([new Uint8Array(image.bytes)], { type: image.contentType }),
      );
    },
    async setDefaultRichMenu(richMenuId) {
      await client.setDefaultRichMenu(richMenuId);
    },
    async listRichMenus() {
      return (await client.getRichMenuList()).richmenus;
    },
    async deleteRichMenu(richMenuId) {
      await client.deleteRichMenu(richMenuId);
    },
    getWebhookEndpoint: () => client.getWebhookEndpoint(),
    async setWebhookEndpoint(endpoint) {
      await client.setWebhookEndpoint({ endpoint });
    },
    testWebhookEndpoint: (endpoint) => client.testWebhookEndpoint({ endpoint }),
  };
}

/** Stands for the id LINE would return, in the dry run's printed URLs. */
export const dryRunRichMenuId = '{richMenuId}';

const formatBytes = lineSetupText.size;

/** The port that prints each request (method, URL, JSON body; the image's size) and sends nothing. */
export function createDryRunLineSetupApi(hosts: LineApiHosts, print: (line: string) => void): LineSetupApi {
  const request = (method: string, base: string, path: string, body?: unknown): void => {
    print(`${method} ${base}${path}`);
    if (body !== undefined) print(JSON.stringify(body, null, 2));
  };
  const api = hosts.apiBaseUrl;
  return {
    sends: false,
    async validateRichMenu(body) {
      request('POST', api, '/v2/bot/richmenu/validate', body);
    },
    async createRichMenu(body) {
      request('POST', api, '/v2/bot/richmenu', body);
      return dryRunRichMenuId;
    },
    async uploadRichMenuImage(richMenuId, image) {
      request('POST', hosts.dataApiBaseUrl, `/v2/bot/richmenu/${richMenuId}/content`);
      print(`Content-Type: ${image.contentType}; ${image.width}×${image.height}, ${formatBytes(image.bytes.length)}`);
    },
    async setDefaultRichMenu(richMenuId) {
      request('POST', api, `/v2/bot/user/all/richmenu/${richMenuId}`);
    },
    async listRichMenus() {
      request('GET', api, '/v2/bot/richmenu/list');
      return undefined;
    },
    async deleteRichMenu(richMenuId) {
      request('DELETE', api, `/v2/bot/richmenu/${richMenuId}`);
    },
    async getWebhookEndpoint() {
      request('GET', api, '/v2/bot/channel/webhook/endpoint');
      return undefined;
    },
    async setWebhookEndpoint(endpoint) {
      request('PUT', api, '/v2/bot/channel/webhook/endpoint', { endpoint });
    },
    async testWebhookEndpoint(endpoint) {
      request('POST', api, '/v2/bot/channel/webhook/test', { endpoint });
      return undefined;
    },
  };
}

/** A step of the setup that LINE refused or that could not reach LINE. */
export class LineSetupError extends Error {
  override readonly name = 'LineSetupError';
  constructor(
    /** What the setup was doing, e.g. リッチメニューを作成. */
    readonly step: string,
    options: { cause: unknown },
  ) {
    super(lineSetupText.couldNot(step, describeFailure(options.cause)), options);
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof HTTPFetchError) return lineSetupText.lineAnswered(error.status, error.statusText, error.body);
  return error instanceof Error ? error.message : String(error);
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new LineSetupError(name, { cause: error });
  }
}

/** The path the bot serves LINE's webhook on (see src/server/create-app.ts). */
export const webhookPath = '/webhook';

/** Lines saying how the webhook endpoint is set, and warnings for what would keep events away. */
export function describeWebhookEndpoint(info: messagingApi.GetWebhookEndpointResponse): {
  lines: string[];
  warnings: string[];
} {
  const endpoint = info.endpoint.trim();
  if (endpoint === '') {
    return {
      lines: [lineSetupText.webhookNotSet],
      warnings: [lineSetupText.warnings.noWebhookUrl(webhookPath)],
    };
  }
  const warnings: string[] = [];
  if (!info.active) warnings.push(lineSetupText.warnings.webhookOff);
  let path = '';
  try {
    path = new URL(endpoint).pathname;
  } catch {
    warnings.push(lineSetupText.warnings.notAUrl(endpoint));
  }
  const endsWithWebhook = path.replace(/\/+$/, '').endsWith(webhookPath);
  if (path !== '' && !endsWithWebhook) warnings.push(lineSetupText.warnings.wrongPath(webhookPath));
  return {
    lines: [
      lineSetupText.webhookEndpoint(endpoint),
      lineSetupText.webhookState(info.active, webhookPath, endsWithWebhook),
    ],
    warnings,
  };
}

/** What to install. */
export interface LineSetupPlan {
  readonly richMenu: messagingApi.RichMenuRequest;
  readonly image: RichMenuImage;
  /** Also set the webhook endpoint to this URL and test it. */
  readonly webhookUrl?: string;
}

export interface LineSetupResult {
  readonly richMenuId: string;
  /** The tool's older menus that were deleted (empty in a dry run). */
  readonly deletedRichMenuIds: readonly string[];
  /** Things staff should fix; the rich menu is installed regardless. */
  readonly warnings: readonly string[];
  /** False when the webhook test failed. */
  readonly webhookOk: boolean;
}

/**
 * Runs the setup against `api`, reporting progress with `log`. Throws LineSetupError naming the
 * step when LINE refuses a request.
 */
export async function runLineSetup(
  api: LineSetupApi,
  plan: LineSetupPlan,
  log: (line: string) => void,
): Promise<LineSetupResult> {
  const progress = (line: string): void => {
    if (api.sends) log(line);
  };
  const { richMenu, image } = plan;

  const t = lineSetupText;
  await step(t.steps.validate, () => api.validateRichMenu(richMenu));
  progress(t.valid);
  const richMenuId = await step(t.steps.create, () => api.createRichMenu(richMenu));
  progress(t.created(richMenuId, richMenu.name ?? ''));
  try {
    await step(t.steps.upload, () => api.uploadRichMenuImage(richMenuId, image));
    progress(t.uploaded(image.contentType, image.width, image.height, formatBytes(image.bytes.length)));
    await step(t.steps.setDefault, () => api.setDefaultRichMenu(richMenuId));
    progress(t.isDefault(richMenuId));
  } catch (error) {
    // A menu without an image (or never made the default) is of no use: remove it again.
    await api.deleteRichMenu(richMenuId).catch(() => undefined);
    throw error;
  }

  const menus = await step(t.steps.list, () => api.listRichMenus());
  const outdated = menus === undefined ? [] : outdatedRichMenuIds(menus, richMenuId);
  for (const id of outdated) await step(t.steps.delete(id), () => api.deleteRichMenu(id));
  if (menus === undefined) {
    log(t.dryRunDeletes(richMenuNamePrefix));
  } else {
    progress(outdated.length === 0 ? t.noneToDelete : t.deleted(outdated));
  }

  const warnings: string[] = [];
  let webhookOk = true;
  if (plan.webhookUrl !== undefined) {
    const endpoint = plan.webhookUrl;
    await step(t.steps.setWebhook, () => api.setWebhookEndpoint(endpoint));
    progress(t.webhookSet(endpoint));
  }
  const info = await step(t.steps.getWebhook, () => api.getWebhookEndpoint());
  if (info !== undefined) {
    const described = describeWebhookEndpoint(info);
    described.lines.forEach((line) => log(line));
    warnings.push(...described.warnings);
  }
  if (plan.webhookUrl !== undefined) {
    const endpoint = plan.webhookUrl;
    const test = await step(t.steps.testWebhook, () => api.testWebhookEndpoint(endpoint));
    if (test !== undefined) {
      webhookOk = test.success === true;
      log(t.webhookTest(webhookOk, test.statusCode, test.reason, test.detail));
    }
  }
  warnings.forEach((warning) => log(t.warning(warning)));
  if (!api.sends) log(t.dryRunNothingSent);
  return { richMenuId, deletedRichMenuIds: outdated, warnings, webhookOk };
}
