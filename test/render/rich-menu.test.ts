/**
 * The default rich menu: its request is valid for LINE (official spec and the limits the spec
 * leaves out), its areas tile the whole image, the committed image was drawn from the current
 * design (its SVG, in the pillars' colours and words) within LINE's limits, and every tap on it is
 * answered with what its tile says.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { messagingApi } from '@line/bot-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/bot/engine.js';
import { replyForEvent } from '../../src/bot/reply-for-event.js';
import { readCorpus, bundledCorpusDir } from '../../src/corpus/read-corpus.js';
import type { CorpusMeta } from '../../src/corpus/entry.js';
import { checkLineLimits } from '../../src/render/limits.js';
import { helpPostbackData, parsePostbackData } from '../../src/render/postback-data.js';
import {
  checkRichMenuLimits,
  checkRichMenuTiling,
  designRichMenu,
  gridBounds,
  isOwnRichMenu,
  outdatedRichMenuIds,
  richMenuName,
  richMenuRequest,
  richMenuSize,
  splitEvenly,
  type RichMenuDesign,
} from '../../src/render/rich-menu.js';
import { pngSize } from '../../src/render/png-file.js';
import { checkRichMenuImage, richMenuImageFileName, richMenuSvg } from '../../src/render/rich-menu-svg.js';
import { helpExampleQuestions } from '../../src/render/render-welcome.js';
import { checkLabelFit } from '../../src/render/label-fit.js';
import { bundledEngine } from '../support/bot-server.js';
import { validateMessagingApi } from '../support/line-spec.js';
import { postbackEvent, textEvent } from '../support/webhook-fixtures.js';

let meta: CorpusMeta;
let design: RichMenuDesign;
let request: messagingApi.RichMenuRequest;

beforeAll(async () => {
  meta = (await readCorpus(bundledCorpusDir)).meta;
  design = designRichMenu(meta);
  request = richMenuRequest(design, richMenuName(new Date('2025-04-01T09:30:00Z')));
});

function postbackOf(area: messagingApi.RichMenuArea | undefined): messagingApi.PostbackAction {
  if (area?.action?.type !== 'postback')
    throw new Error(`expected a postback action, got ${JSON.stringify(area?.action)}`);
  return area.action;
}

describe('the rich menu request', () => {
  it('is valid against the official RichMenuRequest schema and within LINE limits', () => {
    expect(validateMessagingApi('RichMenuRequest', request)).toEqual([]);
    expect(checkRichMenuLimits(request)).toEqual([]);
    expect(request).toMatchObject({ size: { width: 2500, height: 1686 }, selected: true, chatBarText: '政策を見る' });
    expect(request.name).toBe('komoro-policy-bot 2025-04-01T09:30Z');
  });

  it('has six areas that tile the whole image without overlap', () => {
    expect(request.areas).toHaveLength(6);
    expect(checkRichMenuTiling(request)).toEqual([]);

    // Independently of the check: every pixel lies in exactly one area.
    const { width, height } = richMenuSize;
    const hits = new Uint8Array(width * height);
    for (const { bounds } of request.areas ?? []) {
      const { x = 0, y = 0, width: w = 0, height: h = 0 } = bounds ?? {};
      for (let row = y; row < y + h; row++)
        for (let column = x; column < x + w; column++)
          hits[row * width + column] = (hits[row * width + column] as number) + 1;
    }
    expect(hits.every((count) => count === 1)).toBe(true);
  });

  it('puts the pillars 1–5 row by row, each a postback pillar=N with the pillar name as displayText, then help', () => {
    const areas = request.areas ?? [];
    for (const n of [1, 2, 3, 4, 5]) {
      const action = postbackOf(areas[n - 1]);
      const pillar = meta.pillars.find((p) => p.number === n);
      expect(action.data).toBe(`pillar=${n}`);
      expect(action.displayText).toBe(pillar?.name);
      expect(parsePostbackData(action.data ?? '')).toEqual({ kind: 'pillar', pillar: n });
    }
    const help = postbackOf(areas[5]);
    expect(help).toMatchObject({ data: helpPostbackData(), displayText: '使い方' });
    expect(parsePostbackData(help.data ?? '')).toEqual({ kind: 'help' });
    expect(areas[5]?.bounds).toEqual({ x: 1666, y: 843, width: 834, height: 843 });
  });

  it('refuses a meta.yaml without one of the five pillars', () => {
    const withoutThree = { ...meta, pillars: meta.pillars.filter((p) => p.number !== 3) };
    expect(() => designRichMenu(withoutThree)).toThrow(/柱3がありません/);
  });
});

describe('rich menu checks', () => {
  it('splits a length into near-equal whole parts that add up', () => {
    expect(splitEvenly(2500, 3)).toEqual([833, 833, 834]);
    expect(splitEvenly(1686, 2)).toEqual([843, 843]);
    expect(
      gridBounds({ width: 10, height: 4 }, 3, 2)
        .map((b) => b.width * b.height)
        .reduce((a, b) => a + b),
    ).toBe(40);
  });

  it('finds overlapping areas and uncovered pixels', () => {
    const base = { size: { width: 2500, height: 843 }, selected: true, name: 'x', chatBarText: 'x' };
    const action = { type: 'postback', data: 'pillar=1' } as const;
    const overlapping = {
      ...base,
      areas: [
        { bounds: { x: 0, y: 0, width: 1300, height: 843 }, action },
        { bounds: { x: 1200, y: 0, width: 1300, height: 843 }, action },
      ],
    };
    expect(checkRichMenuTiling(overlapping)).toEqual(['areas[0] and areas[1] overlap']);
    const gap = { ...base, areas: [{ bounds: { x: 0, y: 0, width: 2400, height: 843 }, action }] };
    expect(checkRichMenuTiling(gap)).toEqual(['the areas cover 2023200 of the 2107500 pixels of the menu']);
  });

  it('finds what LINE refuses but the schema allows', () => {
    const action = { type: 'postback', data: 'pillar=1' } as const;
    const problems = checkRichMenuLimits({
      size: { width: 3000, height: 2500 },
      selected: true,
      name: 'komoro-policy-bot',
      chatBarText: 'とても長いチャットバーのテキストです',
      areas: [
        ...Array.from({ length: 20 }, () => ({ bounds: { x: 0, y: 0, width: 10, height: 10 }, action })),
        { bounds: { x: 2990, y: 0, width: 100, height: 10 }, action },
      ],
    });
    expect(problems).toEqual([
      'size.width: must be 800 to 2500, got 3000',
      'size: width/height must be at least 1.45, got 1.200',
      'chatBarText: must be at most 14 characters, got 18',
      'areas: at most 20, got 21',
      'areas[20].bounds: x 2990, y 0, 100×10 goes beyond the 3000×2500 menu',
    ]);
    expect(checkRichMenuLimits({ areas: [] })).toEqual([
      'size: is required',
      'selected: is required',
      'name: is required',
      'chatBarText: is required',
    ]);
  });

  it('replaces only its own older menus', () => {
    const menu = (richMenuId: string, name: string): messagingApi.RichMenuResponse => ({
      richMenuId,
      name,
      size: richMenuSize,
      selected: true,
      chatBarText: 'x',
      areas: [],
    });
    const menus = [
      menu('new', 'komoro-policy-bot 2025-04-02T00:00Z'),
      menu('old', 'komoro-policy-bot 2025-04-01T00:00Z'),
      menu('campaign', 'spring campaign'),
    ];
    expect(outdatedRichMenuIds(menus, 'new')).toEqual(['old']);
    expect(isOwnRichMenu({ name: 'spring campaign' })).toBe(false);
  });
});

describe('the tiles', () => {
  it('show each pillar by its number, label and short name, and 使い方 on the help tile', () => {
    expect(design.tiles.map((t) => [t.caption, t.title.join(' ')])).toEqual([
      ['1 しせいを正す', '市役所改革 健全財政'],
      ['2 絆', '自治会と 市政の連携'],
      ['3 笑顔', '市民の幸福'],
      ['4 攻める', '産業振興 起業・就農'],
      ['5 ワクワク', '観光・ブランド 情報戦略'],
      ['はじめての方へ', '使い方'],
    ]);
  });

  it('refuse a pillar name too long for a tile, telling staff to write a shortName', () => {
    const pillars = meta.pillars.map((p) => (p.number === 3 ? { ...p, shortName: undefined } : p));
    expect(() => designRichMenu({ ...meta, pillars })).toThrow(
      /柱3の「市民が幸福を実感できる市政を実現」はリッチメニューのタイルに長すぎます。shortName に1行8文字以内/,
    );
    const short = meta.pillars.map((p) => (p.number === 3 ? { ...p, shortName: undefined, name: '市民の幸福' } : p));
    expect(designRichMenu({ ...meta, pillars: short }).tiles[2]?.title).toEqual(['市民の幸福']);
  });

  it('set the help tile apart from the five pillar colours', () => {
    const [help, ...pillars] = [...design.tiles].reverse();
    expect(pillars.map((t) => t.background)).not.toContain(help?.background);
    expect(design.tiles.map((t) => t.background).slice(0, 5)).toEqual(
      [1, 2, 3, 4, 5].map((n) => meta.pillars.find((p) => p.number === n)?.color),
    );
  });
});

describe('the rich menu picture', () => {
  it('is an SVG of the menu size that paints every tile where it is tapped, with its words', () => {
    const svg = richMenuSvg(design);
    expect(svg).toMatch(/^<svg [^>]*width="2500" height="1686"/);
    for (const tile of design.tiles) {
      const { x, y, width, height } = tile.bounds;
      expect(svg).toContain(`<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="${tile.background}"/>`);
      for (const words of [tile.caption, ...tile.title])
        expect(svg).toMatch(new RegExp(`fill="${tile.foreground}"[^>]*>${words}</text>`));
    }
  });

  it('committed beside meta.yaml was drawn from the current design, within LINE limits (else: npm run rich-menu:image)', async () => {
    const png = await readFile(path.join(bundledCorpusDir, richMenuImageFileName));
    expect(pngSize(png)).toEqual({ width: 2500, height: 1686 });
    expect(png.length).toBeLessThan(1_000_000);
    expect(checkRichMenuImage(png, design)).toEqual([]);

    // Any change to what the tiles show makes it stale.
    const recoloured = meta.pillars.map((p) => (p.number === 2 ? { ...p, color: '#000000' } : p));
    const renamed = meta.pillars.map((p) => (p.number === 4 ? { ...p, shortName: '産業' } : p));
    for (const pillars of [recoloured, renamed]) {
      expect(checkRichMenuImage(png, designRichMenu({ ...meta, pillars }))).toEqual([
        '今のデザイン（corpus/meta.yaml の柱の shortName・label・色）から作った画像ではありません',
      ]);
    }
    expect(checkRichMenuImage(Buffer.from('not a png'), design)).toEqual(['PNG ではありません']);
  });
});

describe('a tap on the rich menu', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await bundledEngine();
  });

  it('on a pillar is answered with that pillar’s pledges and their results, in messages valid for LINE', () => {
    for (const [i, area] of (request.areas ?? []).slice(0, 5).entries()) {
      const plan = replyForEvent(postbackEvent(postbackOf(area).data ?? ''), engine);
      expect(plan?.outcome).toBe(`progress-pillar-${i + 1}`);
      expect(plan?.messages.length).toBeGreaterThan(0);
      for (const message of plan?.messages ?? []) expect(validateMessagingApi('Message', message)).toEqual([]);
      expect(checkLineLimits(plan?.messages ?? [])).toEqual([]);
      expect(checkLabelFit(plan?.messages ?? [])).toEqual([]);
      const intro = plan?.messages[0];
      expect(intro?.type === 'text' ? intro.text : '').toMatch(
        new RegExp(`^${i + 1} .+の公約（具体的政策）\\d+件と、`, 'u'),
      );
    }
  });

  it('on 使い方 is answered with how to ask and four example questions, labelled to fit a phone, in a message valid for LINE', () => {
    const plan = replyForEvent(postbackEvent(postbackOf(request.areas?.[5]).data ?? ''), engine);
    expect(plan?.outcome).toBe('help');
    expect(plan?.messages).toHaveLength(1);
    const [help] = plan?.messages ?? [];
    expect(validateMessagingApi('Message', help)).toEqual([]);
    expect(checkLineLimits(plan?.messages ?? [])).toEqual([]);
    const text = help?.type === 'text' ? help.text : '';
    expect(text).toMatch(/^知りたいことを、ふだんの言葉でそのまま送ってください。/);
    expect(text).not.toMatch(/友だち追加/);
    expect(helpExampleQuestions).toHaveLength(4);
    for (const question of helpExampleQuestions) expect(text).toContain(`・${question.text}`);
    expect(help?.quickReply?.items?.map((i) => i.action)).toEqual(
      helpExampleQuestions.map((q) => ({ type: 'message', label: q.label ?? q.text, text: q.text })),
    );
    expect(checkLabelFit(plan?.messages ?? [])).toEqual([]);
  });

  it('on 使い方 offers example questions the bot answers from the report', () => {
    for (const { text } of helpExampleQuestions) {
      expect(replyForEvent(textEvent(text), engine)?.outcome, text).toBe('answer-full');
    }
  });
});
