/**
 * The account-setup side of the fake Messaging API (fake-line-api.ts): rich menus (validate,
 * create, upload the image, set the default, list, delete) and the webhook endpoint settings
 * (get, set, test), with the state LINE keeps for them.
 *
 * fake-line-api.ts validates JSON bodies against the spec (`RichMenuRequest`,
 * `SetWebhookEndpointRequest`, `TestWebhookEndpointRequest`); this module adds the checks the
 * spec leaves out (rich-menu limits, the image's type, size and dimensions, https webhooks) and
 * answers as LINE does: 404 for an unknown rich menu, 400 for a second image or for making a
 * menu without image the default.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { messagingApi } from '@line/bot-sdk';
import { checkRichMenuLimits, checkRichMenuSize, richMenuLimits } from '../../src/render/rich-menu.js';
import { pngSize } from '../../src/render/png-file.js';

/** Options of the fake about the account's state. */
export interface FakeLineAccountOptions {
  /** Rich menus that exist before the test (each counts as having an image). */
  readonly richMenus?: readonly messagingApi.RichMenuResponse[];
  /** The default rich menu before the test. */
  readonly defaultRichMenuId?: string;
  /** The webhook settings before the test; defaults to none set (`endpoint: ''`, inactive). */
  readonly webhookEndpoint?: messagingApi.GetWebhookEndpointResponse;
  /** LINE's answer to a webhook test of `endpoint`; defaults to success (200 OK). */
  readonly webhookTest?: (endpoint: string) => messagingApi.TestWebhookEndpointResponse;
}

/** A rich menu the fake holds. */
export interface FakeRichMenu {
  readonly menu: messagingApi.RichMenuResponse;
  /** The uploaded image, once there is one. */
  readonly image: { readonly contentType: string; readonly bytes: Buffer } | undefined;
}

/** The account state, for assertions. */
export interface FakeLineAccountState {
  /** The rich menus that exist now, in creation order. */
  readonly richMenus: readonly FakeRichMenu[];
  readonly defaultRichMenuId: string | undefined;
  readonly webhookEndpoint: messagingApi.GetWebhookEndpointResponse;
}

type RouteKind =
  | 'validate-rich-menu'
  | 'create-rich-menu'
  | 'upload-rich-menu-image'
  | 'set-default-rich-menu'
  | 'list-rich-menus'
  | 'delete-rich-menu'
  | 'get-webhook-endpoint'
  | 'set-webhook-endpoint'
  | 'test-webhook-endpoint';

/** An account endpoint a request is for. */
export interface AccountRoute {
  readonly kind: RouteKind;
  /** The spec schema of the JSON body, if the endpoint takes one. */
  readonly schema?: string;
  /** The body may be empty (the webhook test tests the endpoint already set). */
  readonly bodyOptional?: boolean;
  readonly richMenuId?: string;
}

/** What `check` and `answer` need of a request. */
export interface AccountRequest {
  readonly headers: IncomingHttpHeaders;
  readonly bodyBytes: Buffer;
  readonly body: unknown;
}

interface Detail {
  readonly property: string;
  readonly message: string;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** The spec schemas of the account endpoints' JSON bodies (see `accountRoute`). */
export const accountRequestSchemas: readonly string[] = [
  'RichMenuRequest',
  'SetWebhookEndpointRequest',
  'TestWebhookEndpointRequest',
];

/** Which account endpoint `method path` is, or undefined. */
export function accountRoute(method: string, path: string): AccountRoute | undefined {
  const id = (pattern: RegExp): string | undefined => {
    const match = pattern.exec(path);
    return match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
  };
  switch (method) {
    case 'GET':
      if (path === '/v2/bot/richmenu/list') return { kind: 'list-rich-menus' };
      if (path === '/v2/bot/channel/webhook/endpoint') return { kind: 'get-webhook-endpoint' };
      return undefined;
    case 'PUT':
      return path === '/v2/bot/channel/webhook/endpoint'
        ? { kind: 'set-webhook-endpoint', schema: 'SetWebhookEndpointRequest' }
        : undefined;
    case 'DELETE': {
      const richMenuId = id(/^\/v2\/bot\/richmenu\/([^/]+)$/u);
      return richMenuId === undefined ? undefined : { kind: 'delete-rich-menu', richMenuId };
    }
    case 'POST': {
      if (path === '/v2/bot/richmenu/validate') return { kind: 'validate-rich-menu', schema: 'RichMenuRequest' };
      if (path === '/v2/bot/richmenu') return { kind: 'create-rich-menu', schema: 'RichMenuRequest' };
      if (path === '/v2/bot/channel/webhook/test')
        return { kind: 'test-webhook-endpoint', schema: 'TestWebhookEndpointRequest', bodyOptional: true };
      const content = id(/^\/v2\/bot\/richmenu\/([^/]+)\/content$/u);
      if (content !== undefined) return { kind: 'upload-rich-menu-image', richMenuId: content };
      const defaultId = id(/^\/v2\/bot\/user\/all\/richmenu\/([^/]+)$/u);
      return defaultId === undefined ? undefined : { kind: 'set-default-rich-menu', richMenuId: defaultId };
    }
    default:
      return undefined;
  }
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === 'https:';
  } catch {
    return false;
  }
}

function splitProblem(problem: string): Detail {
  const separator = problem.indexOf(': ');
  return separator < 0
    ? { property: '', message: problem }
    : { property: problem.slice(0, separator), message: problem.slice(separator + 2) };
}

/** The account part of the fake: its state, the checks beyond the spec, and the answers. */
export function createFakeLineAccount(options: FakeLineAccountOptions = {}) {
  const richMenus = new Map<string, FakeRichMenu>(
    (options.richMenus ?? []).map((menu) => [
      menu.richMenuId,
      { menu, image: { contentType: 'image/png', bytes: Buffer.alloc(0) } },
    ]),
  );
  let defaultRichMenuId = options.defaultRichMenuId;
  let webhookEndpoint: messagingApi.GetWebhookEndpointResponse = options.webhookEndpoint ?? {
    endpoint: '',
    active: false,
  };
  const webhookTest =
    options.webhookTest ??
    ((): messagingApi.TestWebhookEndpointResponse => ({
      success: true,
      timestamp: new Date(),
      statusCode: 200,
      reason: 'OK',
      detail: '200',
    }));

  /**
   * Problems the spec does not catch, for a request whose JSON body (if any) already matches its
   * schema. Recorded as the request's errors and answered with 400.
   */
  const check = (route: AccountRoute, request: AccountRequest): Detail[] => {
    switch (route.kind) {
      case 'validate-rich-menu':
      case 'create-rich-menu':
        return checkRichMenuLimits(request.body as messagingApi.RichMenuRequest).map(splitProblem);
      case 'set-webhook-endpoint': {
        const { endpoint } = request.body as messagingApi.SetWebhookEndpointRequest;
        return isHttpsUrl(endpoint) ? [] : [{ property: 'endpoint', message: 'must be an https URL' }];
      }
      case 'upload-rich-menu-image': {
        const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const details: Detail[] = [];
        if (!(richMenuLimits.imageContentTypes as readonly string[]).includes(contentType)) {
          details.push({ property: 'Content-Type', message: `must be image/png or image/jpeg, got '${contentType}'` });
        }
        const size = request.bodyBytes.length;
        if (size === 0) details.push({ property: '(image)', message: 'the image is empty' });
        if (size > richMenuLimits.imageBytes)
          details.push({ property: '(image)', message: `${size} bytes is more than ${richMenuLimits.imageBytes}` });
        if (contentType === 'image/png') {
          const dimensions = pngSize(request.bodyBytes);
          if (dimensions === undefined) {
            details.push({ property: '(image)', message: 'is not a PNG' });
          } else {
            details.push(...checkRichMenuSize(dimensions, 'image').map(splitProblem));
            const menuSize = richMenus.get(route.richMenuId ?? '')?.menu.size;
            if (
              menuSize !== undefined &&
              (menuSize.width !== dimensions.width || menuSize.height !== dimensions.height)
            ) {
              details.push({
                property: '(image)',
                message: `is ${dimensions.width}×${dimensions.height} but the rich menu is ${menuSize.width ?? '?'}×${menuSize.height ?? '?'}`,
              });
            }
          }
        }
        return details;
      }
      default:
        return [];
    }
  };

  /** LINE's answer to a request that passed the checks (or a 400 with `details` when it did not). */
  const answer = (route: AccountRoute, request: AccountRequest, details: readonly Detail[]): Answer => {
    if (details.length > 0)
      return { status: 400, body: { message: `The request has ${details.length} error(s)`, details } };
    const notFound: Answer = { status: 404, body: { message: 'Not found' } };
    const existing = route.richMenuId === undefined ? undefined : richMenus.get(route.richMenuId);
    switch (route.kind) {
      case 'validate-rich-menu':
        return { status: 200, body: {} };
      case 'create-rich-menu': {
        const body = request.body as messagingApi.RichMenuRequest;
        const richMenuId = `richmenu-${randomBytes(16).toString('hex')}`;
        const menu: messagingApi.RichMenuResponse = {
          richMenuId,
          size: body.size ?? {},
          selected: body.selected ?? false,
          name: body.name ?? '',
          chatBarText: body.chatBarText ?? '',
          areas: body.areas ?? [],
        };
        richMenus.set(richMenuId, { menu, image: undefined });
        return { status: 200, body: { richMenuId } };
      }
      case 'upload-rich-menu-image': {
        if (existing === undefined) return notFound;
        if (existing.image !== undefined)
          return { status: 400, body: { message: 'An image has already been uploaded to the richmenu' } };
        const contentType = String(request.headers['content-type']);
        richMenus.set(existing.menu.richMenuId, {
          menu: existing.menu,
          image: { contentType, bytes: request.bodyBytes },
        });
        return { status: 200, body: {} };
      }
      case 'set-default-rich-menu':
        if (existing === undefined) return notFound;
        if (existing.image === undefined)
          return { status: 400, body: { message: 'must upload richmenu image before applying it to user' } };
        defaultRichMenuId = existing.menu.richMenuId;
        return { status: 200, body: {} };
      case 'list-rich-menus':
        return { status: 200, body: { richmenus: [...richMenus.values()].map((m) => m.menu) } };
      case 'delete-rich-menu':
        if (existing === undefined) return notFound;
        richMenus.delete(existing.menu.richMenuId);
        if (defaultRichMenuId === existing.menu.richMenuId) defaultRichMenuId = undefined;
        return { status: 200, body: {} };
      case 'get-webhook-endpoint':
        return { status: 200, body: webhookEndpoint };
      case 'set-webhook-endpoint':
        // Like LINE: setting the URL does not turn webhook use on (that is done in the console).
        webhookEndpoint = {
          endpoint: (request.body as messagingApi.SetWebhookEndpointRequest).endpoint,
          active: webhookEndpoint.active,
        };
        return { status: 200, body: {} };
      case 'test-webhook-endpoint': {
        const endpoint =
          (request.body as messagingApi.TestWebhookEndpointRequest | undefined)?.endpoint ?? webhookEndpoint.endpoint;
        if (endpoint === '') return { status: 400, body: { message: 'The webhook URL is not set' } };
        return { status: 200, body: webhookTest(endpoint) };
      }
    }
  };

  const state: FakeLineAccountState = {
    get richMenus() {
      return [...richMenus.values()];
    },
    get defaultRichMenuId() {
      return defaultRichMenuId;
    },
    get webhookEndpoint() {
      return webhookEndpoint;
    },
  };
  return { check, answer, state };
}
