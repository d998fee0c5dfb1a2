/**
 * The staff preview page, against the real bot app on loopback in local mode with the bundled
 * engine: first the JSON endpoints it uses and how it is served, then the page itself in a real
 * browser (Debian's chromium through playwright-core), then flex-render.js on its own in that browser.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { replyToPostback } from '../../src/bot/reply-for-event.js';
import { bundledEngine, startBotServer, type BotServer } from '../support/bot-server.js';
import { collectPageProblems, launchBrowser, skipWithoutBrowser } from '../support/browser.js';

const screenshotPath = 'test-artifacts/preview.png';

// In CI the browser suite must run (a missing chromium then fails it); elsewhere it is skipped, saying why.
const skipBrowser = skipWithoutBrowser('preview page browser tests');

let bot: BotServer;

beforeAll(async () => {
  bot = await startBotServer({ engine: await bundledEngine() });
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
  await bot?.close();
});

async function getJson(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${bot.url}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function postback(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${bot.url}/api/postback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('the endpoints behind the preview page', () => {
  const q = encodeURIComponent('ふるさと納税は？');

  it('keeps GET /api/ask unchanged without explain', async () => {
    const { status, body } = await getJson(`/api/ask?q=${q}`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['answered', 'hits', 'messages', 'question']);
  });

  it('adds why the bot answered to GET /api/ask with explain=1, with the same reply', async () => {
    const plain = await getJson(`/api/ask?q=${q}&top=5`);
    const { status, body } = await getJson(`/api/ask?q=${q}&top=5&explain=1`);
    expect(status).toBe(200);
    expect(body.messages).toEqual(plain.body.messages);
    expect(body.hits).toEqual(plain.body.hits);
    const explain = body.explain as {
      decision: { kind: string };
      hits: { id: string; terms: unknown[] }[];
      why: string;
    };
    expect(explain.decision.kind).toBe('answer');
    expect(explain.hits[0]?.id).toBe('furusato-nozei-growth');
    expect(explain.hits).toHaveLength(5);
    expect(explain.why).toMatch(/^回答しました/u);
  });

  it('answers POST /api/postback exactly as the bot replies to that postback', async () => {
    const engine = await bundledEngine();
    for (const data of ['pillar=1', 'pillar=3&page=2', 'browse=pillars', 'nonsense']) {
      const { status, body } = await postback({ data });
      expect(status).toBe(200);
      expect(body).toEqual({ messages: JSON.parse(JSON.stringify(replyToPostback(data, engine).messages)) as unknown });
    }
  });

  it('thanks for a vote sent from the preview without recording or logging it', async () => {
    const before = bot.logs.length;
    const { status, body } = await postback({ data: 'feedback=up&entry=furusato-nozei-growth' });
    expect(status).toBe(200);
    expect(body.messages).toEqual([{ type: 'text', text: 'ご意見ありがとうございます。今後の改善に役立てます。' }]);
    expect(bot.logs.slice(before).filter((line) => line.includes('feedback'))).toEqual([]);
  });

  it('rejects a postback without data, saying what to send', async () => {
    for (const bad of [{}, { data: 3 }, { data: '' }]) {
      const { status, body } = await postback(bad);
      expect(status).toBe(400);
      expect(String(body.message)).toContain('"data"');
    }
  });

  it('serves the page at /preview with a strict Content-Security-Policy and no inline script', async () => {
    const res = await fetch(`${bot.url}/preview?q=${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/u);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toContain('id="staff-panel"');
    for (const tag of html.match(/<script\b[^>]*>/gu) ?? []) expect(tag).toMatch(/\ssrc="\/preview\/[^"]+\.js"/u);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/u);
    expect(html).not.toMatch(/\son[a-z]+=/u);
    for (const asset of ['preview.js', 'flex-render.js', 'preview.css']) {
      const file = await fetch(`${bot.url}/preview/${asset}`);
      expect(file.status, asset).toBe(200);
      expect(file.headers.get('content-security-policy')).toBe(csp);
    }
    expect((await fetch(`${bot.url}/preview/missing.js`)).status).toBe(404);
  });

  it('serves the page at / in local mode, and only at /preview when LINE is connected', async () => {
    const local = await fetch(`${bot.url}/`);
    expect(local.status).toBe(200);
    expect(await local.text()).toContain('id="staff-panel"');

    const connected = await startBotServer({ engine: await bundledEngine(), lineApiBaseUrl: 'http://127.0.0.1:9' });
    try {
      expect((await fetch(`${connected.url}/`)).status).toBe(404);
      expect((await fetch(`${connected.url}/preview`)).status).toBe(200);
      expect((await fetch(`${connected.url}/healthz`)).status).toBe(200);
    } finally {
      await connected.close();
    }
  });
});

describe.skipIf(skipBrowser)('the preview page in chromium', () => {
  let browser: Browser;
  let page: Page;
  /** Console errors, page errors and CSP violations of the current test: there must be none. */
  let problems: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined if beforeAll failed
    await browser?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1360, height: 940 }, locale: 'ja-JP' });
    problems = collectPageProblems(page);
  });

  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  async function open(path = '/preview'): Promise<void> {
    await page.goto(`${bot.url}${path}`);
    await page.locator('body[data-ready="true"]').waitFor();
  }

  /** Type a question in the box and press Enter, as staff do; resolves when the reply is drawn. */
  async function ask(question: string): Promise<void> {
    const rows = await page.locator('.chat-row-bot:not(.chat-typing)').count();
    await page.locator('#question').fill(question);
    await page.locator('#question').press('Enter');
    await waitForBotRowsAbove(rows);
  }

  async function waitForBotRowsAbove(count: number): Promise<void> {
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('.chat-row-bot:not(.chat-typing)').length > n &&
        document.body.dataset.busy === 'false',
      count,
    );
  }

  const lastBotRow = () => page.locator('.chat-row-bot:not(.chat-typing)').last();
  const userBalloons = () => page.locator('.chat-row-user .chat-balloon');

  it('shows 「ふるさと納税は？」 answered by a bubble with 50.5倍, the amounts and the pillar colour, and the hits beside it', async () => {
    await open();
    await ask('ふるさと納税は？');
    await expect.poll(() => userBalloons().allTextContents()).toEqual(['ふるさと納税は？']);

    const bubble = page.locator('.chat .fx-bubble').first();
    const text = await bubble.textContent();
    expect(text).toContain('50.5倍');
    expect(text).toContain('679万円 → 3億4300万円');
    expect(text).toContain('3億4300万円');
    expect(text).toContain('2020年1月時点');
    const header = bubble.locator('.fx-header > .fx-box');
    expect(await header.evaluate((n) => getComputedStyle(n).backgroundColor)).toBe('rgb(30, 90, 168)');
    expect(await header.textContent()).toBe('1 市役所の改革と健全財政「しせいを正す」');
    const big = bubble.locator('.fx-text', { hasText: /^3億4300万円$/u });
    expect(await big.evaluate((n) => [getComputedStyle(n).fontSize, getComputedStyle(n).fontWeight])).toEqual([
      '29px',
      '700',
    ]);
    expect(
      await bubble.locator('.fx-button', { hasText: /^はい$/u }).evaluate((n) => n.getBoundingClientRect().height),
    ).toBe(40);

    const hit = page.locator('.hit[data-entry-id="furusato-nozei-growth"]');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.textContent()).toContain('ふるさと納税の寄付額が50.5倍に');
    expect(await hit.locator('.hit-score').textContent()).toMatch(/^スコア \d+(?:\.\d+)?$/u);
    expect(await hit.locator('.badge-shown').count()).toBe(1);
    expect(await page.locator('.hit').count()).toBe(5);
    expect(await page.locator('.insight-summary').textContent()).toContain('回答');
    expect(await page.locator('.insight').textContent()).toContain('内容語');
    expect(new URL(page.url()).searchParams.get('q')).toBe('ふるさと納税は？');

    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: screenshotPath, fullPage: false });
    expect(existsSync(screenshotPath)).toBe(true);
  });

  it('shows staff which words were only background, what the report lacks, and each hit’s everyday phrasings', async () => {
    await open();
    await ask(
      'いつもお世話になっております。孫が春から東京の大学に通っておりまして。小諸あさま奨学金の申し込み方法を教えてください。',
    );
    const insight = page.locator('.insight');
    expect(await page.locator('.insight-summary').textContent()).toContain('報告書にない事実申し込みや手続きの方法');
    expect(await insight.textContent()).toContain('前置きの語（判定に使わない）');
    expect(await insight.textContent()).toMatch(/孫/u);
    const hit = page.locator('.hit[data-entry-id="komoro-asama-scholarship"]');
    await expect.poll(() => hit.count()).toBe(1);
    expect(await hit.locator('.hit-phrasings summary').textContent()).toMatch(/^よくある言い方（\d+件）$/u);
    // The reply says so plainly and still shows the scholarship as related information.
    expect(await page.locator('.chat').textContent()).toContain('載っていません');
    expect(await lastBotRow().textContent()).toContain('小諸あさま奨学金');
  });

  it('asks the text of a quick reply with a message action and shows the new reply', async () => {
    await open();
    await ask('ふるさと納税は？');
    const chip = page.locator('.qr-chip[data-action-type="message"]').first();
    const title = (await chip.getAttribute('title')) ?? '';
    const asked = title.replace(/^メッセージ送信: /u, '');
    expect(asked).not.toBe('');
    const rows = await page.locator('.chat-row-bot:not(.chat-typing)').count();
    await chip.click();
    await waitForBotRowsAbove(rows);
    expect(await userBalloons().allTextContents()).toEqual(['ふるさと納税は？', asked]);
    expect(await page.locator('#question').inputValue()).toBe(asked);
    expect(new URL(page.url()).searchParams.get('q')).toBe(asked);
    expect(await lastBotRow().locator('.fx-bubble, .chat-balloon').count()).toBeGreaterThan(0);
  });

  it('browses the pillars through postback quick replies: 「5つの柱を見る」, a pillar’s pledges, then its entries', async () => {
    await open();
    await ask('ふるさと納税は？');
    let rows = await page.locator('.chat-row-bot:not(.chat-typing)').count();
    await page.locator('.qr-chip', { hasText: '5つの柱を見る' }).click();
    await waitForBotRowsAbove(rows);
    expect(await userBalloons().last().textContent()).toBe('5つの柱を見る');
    expect(await lastBotRow().textContent()).toContain('5つの柱です');
    expect(await page.locator('.insight').textContent()).toContain('browse=pillars');

    rows = await page.locator('.chat-row-bot:not(.chat-typing)').count();
    await page.locator('.qr-chip', { hasText: '3 笑顔' }).click();
    await waitForBotRowsAbove(rows + 1);
    expect(await userBalloons().last().textContent()).toBe('市民が幸福を実感できる市政を実現');
    // A pillar tapped shows its pledges, each with the results the report lists.
    const pledges = page.locator('.chat-row-bot .chat-balloon', {
      hasText: '3 市民が幸福を実感できる市政を実現「笑顔」の公約（具体的政策）11件と、',
    });
    expect(await pledges.count()).toBe(1);
    expect(await lastBotRow().locator('.fx-bubble').count()).toBe(11);

    rows = await page.locator('.chat-row-bot:not(.chat-typing)').count();
    await page.locator('.qr-chip', { hasText: /^この柱の全\d+件$/u }).click();
    await waitForBotRowsAbove(rows + 1);
    const intro = page.locator('.chat-row-bot .chat-balloon', {
      hasText: '3 市民が幸福を実感できる市政を実現「笑顔」の取り組みです',
    });
    expect(await intro.count()).toBe(1);
    const carousel = lastBotRow().locator('.fx-carousel');
    expect(await carousel.locator('.fx-bubble').count()).toBeGreaterThan(1);
    const headers = await carousel
      .locator('.fx-header > .fx-box')
      .evaluateAll((nodes) => nodes.map((n) => getComputedStyle(n).backgroundColor));
    expect(new Set(headers)).toEqual(new Set(['rgb(194, 24, 91)']));
    // A carousel scrolls sideways, as in LINE.
    expect(await carousel.evaluate((n) => n.scrollWidth > n.clientWidth)).toBe(true);
  });

  it('shows 「公約はどこまで進んだの？」 answered by the pledge tracker, a bubble per pillar, as LINE draws it', async () => {
    await open();
    await ask('公約はどこまで進んだの？');
    expect(await page.locator('.chat-row-bot .chat-balloon').last().textContent()).toContain(
      '公約（具体的政策）35件について、柱ごとに',
    );
    const bubbles = lastBotRow().locator('.fx-bubble');
    expect(await bubbles.count()).toBe(5);
    const first = (await bubbles.first().textContent()) ?? '';
    expect(first).toContain('● 財政の健全化と「小諸ふるさと市民」創設による税収アップ');
    expect(first).toContain('ふるさと納税の寄付額: 679万円 → 3億4300万円（就任前→2020年1月現在）');
    expect(first).toContain('出典: こもろ未来プロジェクト進捗報告（小泉としひろ後援会報） 2020年1月時点');
    expect(await page.locator('.insight').textContent()).toContain('公約の進み具合（すべての柱）を表示');
    mkdirSync('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/preview-tracker.png', fullPage: false });

    // 「この柱をくわしく」 opens a pillar's pledges, a bubble each.
    const rows = await page.locator('.chat-row-bot:not(.chat-typing)').count();
    await bubbles.nth(1).locator('.fx-button', { hasText: 'この柱をくわしく' }).click();
    await waitForBotRowsAbove(rows + 1);
    expect(await lastBotRow().locator('.fx-bubble').count()).toBe(5);
    expect(await lastBotRow().locator('.fx-bubble').first().textContent()).toContain(
      '「地域担当職員制度」の導入・強化',
    );
  });

  it('answers a feedback button with thanks, showing its displayText as the user’s balloon', async () => {
    await open();
    await ask('ふるさと納税は？');
    const rows = await page.locator('.chat-row-bot:not(.chat-typing)').count();
    await page
      .locator('.chat .fx-bubble .fx-button', { hasText: /^はい$/u })
      .first()
      .click();
    await waitForBotRowsAbove(rows);
    expect(await userBalloons().last().textContent()).toBe('役に立った');
    expect(await lastBotRow().textContent()).toContain('ご意見ありがとうございます。');
    expect(await page.locator('.insight').textContent()).toContain('記録されません');
  });

  it('asks the question of a shared /preview?q= link on load', async () => {
    await open(`/preview?q=${encodeURIComponent('残業は減ったの？')}`);
    await page.locator('.chat .fx-bubble').first().waitFor();
    expect(await userBalloons().allTextContents()).toEqual(['残業は減ったの？']);
    expect(await page.locator('.chat .fx-bubble').first().textContent()).toContain('超過勤務');
    expect(await page.locator('#question').inputValue()).toBe('残業は減ったの？');
    await page.locator('.hit[data-entry-id="overtime-reduction"]').waitFor();
  });

  it('draws a text reply (the greeting) as a balloon, with its quick replies', async () => {
    await open('/');
    await ask('こんにちは');
    const balloon = lastBotRow().locator('.chat-balloon');
    expect(await balloon.textContent()).toMatch(/^こんにちは。/u);
    expect(await lastBotRow().locator('.fx-bubble').count()).toBe(0);
    expect(await page.locator('.qr-chip').allTextContents()).toContain('ふるさと納税は？');
    expect(await page.locator('.insight-summary').textContent()).toContain('あいさつ');
  });

  it('lets other staff tools use the staff panel through window.previewHooks', async () => {
    await open();
    await page.evaluate(() => {
      const hooks = (window as unknown as { previewHooks: { onReady: ((api: { staffPanel: HTMLElement }) => void)[] } })
        .previewHooks;
      hooks.onReady.push((api) => {
        const note = document.createElement('p');
        note.textContent = 'ほかのスタッフ向けツール';
        api.staffPanel.append(note);
      });
    });
    expect(await page.locator('#staff-panel > :last-child').textContent()).toBe('ほかのスタッフ向けツール');
  });

  it('shows in the staff panel how many entries serve, and that admin is disabled without ADMIN_TOKEN', async () => {
    await open();
    const corpus = page.locator('#staff-panel .staff-corpus');
    await expect.poll(() => corpus.getAttribute('data-state')).toBe('ok');
    expect(await corpus.textContent()).toContain(`${String((await getJson('/api/status')).body.entries)}件`);
    const report = page.locator('#staff-panel .staff-report');
    await expect.poll(() => report.getAttribute('data-state')).toBe('disabled');
    expect(await report.textContent()).toContain('管理機能は無効です（ADMIN_TOKEN が未設定）');
  });

  describe('flex-render.js', () => {
    /**
     * Run `source` in the page with flex-render.js imported as `render`, and return its result.
     * A string expression, not a function: the page's CSP rightly forbids eval, and the test
     * runner must not rewrite the browser's import().
     */
    async function inPage<T>(source: string): Promise<T> {
      await open();
      return page.evaluate<T>(`(async () => { const render = await import('/preview/flex-render.js'); ${source} })()`);
    }

    it('maps sizes, weights, colours, spacing and margins to LINE’s values', async () => {
      const result = await inPage<Record<string, string>>(`
        const bubble = render.renderBubble({ type: 'bubble', size: 'kilo', body: { type: 'box', layout: 'horizontal', spacing: 'md', contents: [
          { type: 'text', text: 'a', size: 'xxs' },
          { type: 'text', text: 'b', size: '5xl', weight: 'bold', color: '#FF0000' },
          { type: 'text', text: 'c', margin: 'xl', flex: 2 },
          { type: 'separator', color: '#00FF00' },
        ] } });
        document.body.append(bubble);
        const [a, b, c, sep] = bubble.querySelectorAll('.fx-body > .fx-box > *');
        const s = (n) => getComputedStyle(n);
        return { width: s(bubble).width, a: s(a).fontSize, b: s(b).fontSize + ' ' + s(b).fontWeight + ' ' + s(b).color,
          bGap: s(b).marginInlineStart, cGap: s(c).marginInlineStart, cFlex: s(c).flexGrow, sep: s(sep).borderLeftColor,
          padding: s(bubble.querySelector('.fx-body > .fx-box')).padding };
      `);
      expect(result).toEqual({
        width: '260px',
        a: '11px',
        b: '74px 700 rgb(255, 0, 0)',
        bGap: '8px',
        cGap: '16px',
        cFlex: '2',
        sep: 'rgb(0, 255, 0)',
        padding: '20px',
      });
    });

    it('draws button styles and heights, and calls back with the action when tapped', async () => {
      const result = await inPage<Record<string, unknown>>(`
        const tapped = [];
        const box = render.renderComponent({ type: 'box', layout: 'vertical', contents: [
          { type: 'button', style: 'primary', action: { type: 'uri', label: 'サイト', uri: 'https://www.city.komoro.lg.jp/' } },
          { type: 'button', style: 'secondary', height: 'sm', action: { type: 'message', label: '聞く', text: 'ふるさと納税は？' } },
          { type: 'button', style: 'link', color: '#123456', action: { type: 'postback', label: '柱', data: 'pillar=1' } },
        ] }, { onAction: (a) => tapped.push(a.type) });
        document.body.append(box);
        const buttons = [...box.querySelectorAll('button')];
        buttons.forEach((b) => b.click());
        const s = (n) => getComputedStyle(n);
        return { labels: buttons.map((b) => b.textContent), heights: buttons.map((b) => b.getBoundingClientRect().height),
          primary: s(buttons[0]).backgroundColor, secondary: s(buttons[1]).backgroundColor, link: s(buttons[2]).color, tapped };
      `);
      expect(result).toEqual({
        labels: ['サイト', '聞く', '柱'],
        heights: [52, 40, 52],
        primary: 'rgb(23, 201, 80)',
        secondary: 'rgb(220, 223, 229)',
        link: 'rgb(18, 52, 86)',
        tapped: ['uri', 'message', 'postback'],
      });
    });

    it('writes text as text, never as HTML, and ignores values LINE would reject', async () => {
      const result = await inPage<Record<string, unknown>>(`
        const evil = '<img src=x onerror="window.pwned=1">';
        const node = render.renderMessage({ type: 'flex', altText: 'x', contents: { type: 'bubble', body: { type: 'box', layout: 'vertical',
          backgroundColor: 'url(https://example.invalid/x.png)', contents: [
            { type: 'text', text: evil, color: 'red; background: url(https://example.invalid/)' },
            { type: 'text', contents: [{ type: 'span', text: evil, weight: 'bold' }, { type: 'span', text: '!' }] },
          ] } } });
        document.body.append(node);
        const texts = [...node.querySelectorAll('.fx-text')];
        return { texts: texts.map((t) => t.textContent), images: node.querySelectorAll('img').length,
          color: texts[0].style.color, background: node.querySelector('.fx-box').style.backgroundColor,
          spanWeight: getComputedStyle(texts[1].firstChild).fontWeight, pwned: window.pwned ?? null,
          balloon: render.renderMessage({ type: 'text', text: evil + '\\n2行目' }).textContent };
      `);
      const evil = '<img src=x onerror="window.pwned=1">';
      expect(result).toEqual({
        texts: [evil, `${evil}!`],
        images: 0,
        color: '',
        background: '',
        spanWeight: '700',
        pwned: null,
        balloon: `${evil}\n2行目`,
      });
    });

    it('shows unknown components and messages as visible placeholders instead of failing', async () => {
      const result = await inPage<string[]>(`
        const nodes = [
          render.renderComponent({ type: 'hologram' }),
          render.renderComponent(null),
          render.renderFlexContainer({ type: 'carousel', contents: [{ type: 'bubble', body: { type: 'box', layout: 'vertical', contents: [] } }, { type: 'poster' }] }),
          render.renderMessage({ type: 'template', altText: '予約のご案内', template: { type: 'buttons' } }),
          render.renderMessage({ type: 'sticker', packageId: '446', stickerId: '1988' }),
          render.renderComponent({ type: 'video', url: 'https://example.invalid/v.mp4' }),
        ];
        return nodes.map((n) => n.matches('.fx-unknown') ? n.textContent : n.querySelector('.fx-unknown')?.textContent ?? 'missing');
      `);
      expect(result).toEqual([
        '未対応の要素: hologram',
        '未対応の要素: null',
        '未対応の要素: poster',
        '未対応の要素: template メッセージ予約のご案内',
        '未対応の要素: スタンプpackageId 446 / stickerId 1988',
        '未対応の要素: videoLINEアプリでは動画が再生されます',
      ]);
    });

    it('draws images, icons in baseline boxes and fillers, with a visible fallback for a broken image', async () => {
      const result = await inPage<Record<string, unknown>>(`
        const bubble = render.renderBubble({ type: 'bubble',
          hero: { type: 'image', url: 'data:image/png;base64,xx', size: 'full', aspectRatio: '20:13', aspectMode: 'cover' },
          body: { type: 'box', layout: 'baseline', contents: [
            { type: 'icon', url: 'not-https.png', size: 'sm' },
            { type: 'filler' },
            { type: 'text', text: '4.0', size: 'sm' },
          ] } });
        bubble.style.width = '300px';
        document.body.append(bubble);
        await new Promise((r) => setTimeout(r, 50));
        const hero = bubble.querySelector('.fx-hero .fx-image');
        const icon = bubble.querySelector('.fx-icon');
        return { heroRatio: getComputedStyle(hero).aspectRatio, heroWidth: hero.getBoundingClientRect().width,
          heroBroken: hero.classList.contains('fx-image-broken'), iconHeight: getComputedStyle(icon).height,
          kinds: [...bubble.querySelectorAll('.fx-body > .fx-box > *')].map((n) => n.dataset.flexType) };
      `);
      expect(result).toEqual({
        heroRatio: '20 / 13',
        heroWidth: 300,
        heroBroken: true,
        iconHeight: '14px',
        kinds: ['icon', 'filler', 'text'],
      });
    });
  });
});
