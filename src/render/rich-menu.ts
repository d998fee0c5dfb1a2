/**
 * The bot's default rich menu (pure): which tile is where, what a tap on it does, and what it says.
 * One design feeds both the JSON sent to LINE (`richMenuRequest`) and the picture drawn for it
 * (`richMenuSvg` in rich-menu-svg.ts, whose fingerprint the committed PNG carries), so the
 * tappable areas and the picture cannot drift.
 *
 * Layout: 2500×1686 (LINE's large size), three columns by two rows:
 *
 *   ┌─────┬─────┬─────┐
 *   │  1  │  2  │  3  │   pillar=N (the pillar's pledges and the results the report lists for
 *   │     │     │     │   each), displayText the pillar's name; the tile shows its shortName
 *   ├─────┼─────┼─────┤
 *   │  4  │  5  │  ?  │   help, the tile 使い方: how to ask, with example questions
 *   └─────┴─────┴─────┘
 *
 * Also the platform limits of rich menus that the OpenAPI schema does not carry, checked by the
 * setup tool before it sends anything and by the fake Messaging API on what it receives.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { CorpusMeta, Pillar } from '../corpus/entry.js';
import { helpPostbackData, pillarPostbackData } from './postback-data.js';
import { bareLabel, clipText, findPillar } from './render-entry-bubble.js';

/** Rich menus created by `npm run line:setup` have names starting with this; older ones are deleted. */
export const richMenuNamePrefix = 'komoro-policy-bot';

/** Shown on the chat bar under the menu. */
export const richMenuChatBarText = '政策を見る';

/** What the help tile says in the chat when tapped (its displayText). */
export const helpDisplayText = '使い方';

/**
 * Rich-menu limits that LINE documents but the OpenAPI schema leaves out
 * (https://developers.line.biz/en/reference/messaging-api/#rich-menu-object and #upload-rich-menu-image).
 */
export const richMenuLimits = {
  minWidth: 800,
  maxWidth: 2500,
  minHeight: 250,
  /** width / height at least this. */
  minAspectRatio: 1.45,
  maxAreas: 20,
  nameLength: 300,
  chatBarTextLength: 14,
  /** Action labels of rich-menu areas (read aloud by screen readers). */
  actionLabelLength: 20,
  /** Bytes of the image; LINE says 1 MB, counted here as 1,000,000 to be safe. */
  imageBytes: 1_000_000,
  imageContentTypes: ['image/png', 'image/jpeg'],
} as const;

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One tappable tile of the menu. */
export interface RichMenuTile {
  readonly bounds: Bounds;
  readonly action: messagingApi.Action;
  /** The small line above the title: the pillar's number and label (「1 しせいを正す」). */
  readonly caption: string;
  /** The tile's large words, one or two lines: the pillar's short name, or 使い方. */
  readonly title: readonly string[];
  /** Tile colour, #RRGGBB. */
  readonly background: string;
  /** Text colour, #RRGGBB. */
  readonly foreground: string;
}

export interface RichMenuDesign {
  readonly size: Size;
  readonly tiles: readonly RichMenuTile[];
}

/** LINE's large rich menu; the compact one (2500×843) would make six tiles too flat to tap comfortably. */
export const richMenuSize: Size = { width: 2500, height: 1686 };

const FIVE_PILLARS = [1, 2, 3, 4, 5] as const;

/** The help tile: light, so it stands apart from the five coloured pillars. */
const helpBackground = '#F1EFEA';
const defaultHelpForeground = '#4A4A4A';

/** Characters a line of a tile's title may hold, and lines a title may have (as meta.yaml's shortName). */
export const tileTitleLimits = { lineLength: 8, lines: 2 } as const;

/** A pillar's words for its tile: its shortName, else its name, split at spaces; throws when they do not fit. */
function tileTitle(pillar: Pillar): string[] {
  const lines = (pillar.shortName ?? pillar.name).split(/[ \u3000]+/u);
  if (lines.length > tileTitleLimits.lines || lines.some((line) => [...line].length > tileTitleLimits.lineLength)) {
    throw new Error(
      `corpus meta.yaml: 柱${pillar.number}の「${pillar.shortName ?? pillar.name}」はリッチメニューのタイルに長すぎます。` +
        `shortName に1行${tileTitleLimits.lineLength}文字以内・${tileTitleLimits.lines}行まで（空白で改行）の短い名前を書いてください`,
    );
  }
  return lines;
}

/** `total` split into `parts` whole numbers that differ by at most one and add up to `total`. */
export function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i >= parts - extra ? 1 : 0));
}

/** The cells of a columns × rows grid over `size`, row by row; they cover it exactly. */
export function gridBounds(size: Size, columns: number, rows: number): Bounds[] {
  const widths = splitEvenly(size.width, columns);
  const heights = splitEvenly(size.height, rows);
  const cells: Bounds[] = [];
  let y = 0;
  for (const height of heights) {
    let x = 0;
    for (const width of widths) {
      cells.push({ x, y, width, height });
      x += width;
    }
    y += height;
  }
  return cells;
}

/**
 * The menu for this corpus: pillars 1–5 (colours, labels and short names from corpus/meta.yaml) and
 * a help tile. Throws when meta.yaml lacks one of the five pillars or a name too long for its tile.
 */
export function designRichMenu(meta: CorpusMeta): RichMenuDesign {
  const cells = gridBounds(richMenuSize, 3, 2);
  const tiles: RichMenuTile[] = FIVE_PILLARS.map((n, i) => {
    const pillar = findPillar(meta, n);
    if (pillar === undefined)
      throw new Error(`corpus meta.yaml: 柱${n}がありません。リッチメニューには柱1〜5のタイルが1つずつ必要です`);
    return {
      bounds: cells[i] as Bounds,
      action: {
        type: 'postback',
        label: clipText(pillar.name, richMenuLimits.actionLabelLength),
        data: pillarPostbackData(n),
        displayText: pillar.name,
      },
      caption: pillar.label === undefined ? String(n) : `${n} ${bareLabel(pillar.label)}`,
      title: tileTitle(pillar),
      background: pillar.color,
      foreground: '#FFFFFF',
    };
  });
  tiles.push({
    bounds: cells[5] as Bounds,
    action: { type: 'postback', label: helpDisplayText, data: helpPostbackData(), displayText: helpDisplayText },
    caption: 'はじめての方へ',
    title: [helpDisplayText],
    background: helpBackground,
    foreground: findPillar(meta, 0)?.color ?? defaultHelpForeground,
  });
  return { size: richMenuSize, tiles };
}

/** `komoro-policy-bot 2025-04-01T09:30Z`: the prefix that marks the tool's menus, and when it made this one. */
export function richMenuName(createdAt: Date): string {
  return `${richMenuNamePrefix} ${createdAt.toISOString().slice(0, 16)}Z`;
}

/** Whether a rich menu was made by this tool (and may be replaced by it). */
export function isOwnRichMenu(menu: { readonly name: string }): boolean {
  return menu.name.startsWith(richMenuNamePrefix);
}

/** The ids of the tool's menus other than `keepId`, which the setup deletes once the new one is the default. */
export function outdatedRichMenuIds(menus: readonly messagingApi.RichMenuResponse[], keepId: string): string[] {
  return menus.filter((m) => m.richMenuId !== keepId && isOwnRichMenu(m)).map((m) => m.richMenuId);
}

/** The body of POST /v2/bot/richmenu (and /validate) for a design. */
export function richMenuRequest(design: RichMenuDesign, name: string): messagingApi.RichMenuRequest {
  return {
    size: { ...design.size },
    selected: true,
    name,
    chatBarText: richMenuChatBarText,
    areas: design.tiles.map((tile) => ({ bounds: { ...tile.bounds }, action: tile.action })),
  };
}

function describeBounds(b: messagingApi.RichMenuBounds): string {
  return `x ${b.x ?? '?'}, y ${b.y ?? '?'}, ${b.width ?? '?'}×${b.height ?? '?'}`;
}

/** Problems with a size as LINE checks it (menu and image): width 800–2500, height ≥ 250, width/height ≥ 1.45. */
export function checkRichMenuSize(size: Size, what = 'size'): string[] {
  const problems: string[] = [];
  const { minWidth, maxWidth, minHeight, minAspectRatio } = richMenuLimits;
  if (size.width < minWidth || size.width > maxWidth)
    problems.push(`${what}.width: must be ${minWidth} to ${maxWidth}, got ${size.width}`);
  if (size.height < minHeight) problems.push(`${what}.height: must be at least ${minHeight}, got ${size.height}`);
  if (size.height > 0 && size.width / size.height < minAspectRatio) {
    problems.push(
      `${what}: width/height must be at least ${minAspectRatio}, got ${(size.width / size.height).toFixed(3)}`,
    );
  }
  return problems;
}

/**
 * LINE's limits on a rich menu object that the OpenAPI schema does not carry: the required
 * properties, the size, at most 20 areas each inside the menu, name and chat bar text lengths,
 * action labels and postback data. One line per problem, `property: what is wrong`; [] when fine.
 * Run it on a body that already matches the `RichMenuRequest` schema.
 */
export function checkRichMenuLimits(request: messagingApi.RichMenuRequest): string[] {
  const problems: string[] = [];
  for (const property of ['size', 'selected', 'name', 'chatBarText', 'areas'] as const) {
    if (request[property] === undefined) problems.push(`${property}: is required`);
  }
  const { size, areas = [] } = request;
  const width = size?.width;
  const height = size?.height;
  if (width === undefined || height === undefined) {
    if (size !== undefined) problems.push('size: width and height are required');
  } else {
    problems.push(...checkRichMenuSize({ width, height }));
  }
  if (request.name !== undefined && request.name.length > richMenuLimits.nameLength) {
    problems.push(`name: must be at most ${richMenuLimits.nameLength} characters, got ${request.name.length}`);
  }
  if (request.chatBarText !== undefined && request.chatBarText.length > richMenuLimits.chatBarTextLength) {
    problems.push(
      `chatBarText: must be at most ${richMenuLimits.chatBarTextLength} characters, got ${request.chatBarText.length}`,
    );
  }
  if (areas.length > richMenuLimits.maxAreas)
    problems.push(`areas: at most ${richMenuLimits.maxAreas}, got ${areas.length}`);
  areas.forEach((area, i) => {
    const where = `areas[${i}]`;
    const b = area.bounds;
    if (b?.x === undefined || b.y === undefined || b.width === undefined || b.height === undefined) {
      problems.push(`${where}.bounds: x, y, width and height are required`);
    } else if (width !== undefined && height !== undefined && (b.x + b.width > width || b.y + b.height > height)) {
      problems.push(`${where}.bounds: ${describeBounds(b)} goes beyond the ${width}×${height} menu`);
    }
    const action = area.action;
    if (action === undefined) {
      problems.push(`${where}.action: is required`);
      return;
    }
    if (action.label !== undefined && action.label.length > richMenuLimits.actionLabelLength) {
      problems.push(
        `${where}.action.label: must be at most ${richMenuLimits.actionLabelLength} characters, got ${action.label.length}`,
      );
    }
    if (action.type === 'postback' && action.displayText !== undefined && action.displayText.length > 300) {
      problems.push(`${where}.action.displayText: must be at most 300 characters, got ${action.displayText.length}`);
    }
    if (action.type === 'message' && (action.text ?? '').length > 300) {
      problems.push(`${where}.action.text: must be at most 300 characters, got ${(action.text ?? '').length}`);
    }
  });
  return problems;
}

/**
 * This project's own rule for its menu: the areas tile the whole image, so every tap lands on
 * exactly one area (no dead strip, no overlap). One line per problem; [] when they tile it.
 */
export function checkRichMenuTiling(request: messagingApi.RichMenuRequest): string[] {
  const problems: string[] = [];
  const width = request.size?.width ?? 0;
  const height = request.size?.height ?? 0;
  const boxes = (request.areas ?? []).map((a) => a.bounds ?? {});
  let covered = 0;
  boxes.forEach((b, i) => {
    const { x = 0, y = 0, width: w = 0, height: h = 0 } = b;
    if (x < 0 || y < 0 || x + w > width || y + h > height)
      problems.push(`areas[${i}]: ${describeBounds(b)} is not inside ${width}×${height}`);
    covered += w * h;
    boxes.slice(i + 1).forEach((o, k) => {
      const { x: ox = 0, y: oy = 0, width: ow = 0, height: oh = 0 } = o;
      if (x < ox + ow && ox < x + w && y < oy + oh && oy < y + h)
        problems.push(`areas[${i}] and areas[${i + 1 + k}] overlap`);
    });
  });
  // Inside and disjoint: the areas cover everything exactly when their surfaces add up to the image's.
  if (problems.length === 0 && covered !== width * height) {
    problems.push(`the areas cover ${covered} of the ${width * height} pixels of the menu`);
  }
  return problems;
}
