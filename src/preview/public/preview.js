/**
 * The staff preview page: asks the bot through GET /api/ask?explain=1, draws its reply in the
 * phone exactly as LINE shows it (flex-render.js), and the ranked hits with the explanation beside
 * it. Buttons and quick replies behave as in LINE: a message action asks its text, a postback goes
 * to POST /api/postback (its displayText shown as the user's balloon), a uri opens a new tab.
 *
 * Extension point for other staff tools on this page:
 *
 *   window.previewHooks = window.previewHooks || { onReady: [] };
 *   window.previewHooks.onReady.push((preview) => { preview.staffPanel.append(...); });
 *
 * Each hook gets { staffPanel, ask(question), postback(data, displayText), clear() }. Hooks pushed
 * before this script ran are called once the page is ready; hooks pushed later are called at once.
 */
import { definition, describeAction, el, renderMessage } from './flex-render.js';

const BOT_NAME = 'こもろ政策ボット';
const TOP = 5;

const form = /** @type {HTMLFormElement} */ (document.getElementById('ask-form'));
const input = /** @type {HTMLInputElement} */ (document.getElementById('question'));
const submit = /** @type {HTMLButtonElement} */ (document.getElementById('ask-submit'));
const chat = /** @type {HTMLElement} */ (document.getElementById('chat'));
const quickReplyBar = /** @type {HTMLElement} */ (document.getElementById('quick-replies'));
const insight = /** @type {HTMLElement} */ (document.getElementById('insight'));
const clearButton = /** @type {HTMLButtonElement} */ (document.getElementById('clear-chat'));
const staffPanel = /** @type {HTMLElement} */ (document.getElementById('staff-panel'));

/** Requests in flight; the page is "busy" (data-busy) while there is one. */
let pending = 0;
/** Only the latest request may draw its answer, so a slow earlier one cannot overwrite it. */
let latestRequest = 0;
/** Whether the last drawn row was the bot's, so consecutive bot messages share one avatar. */
let lastSender = '';

const handlers = { onAction: (action) => void runAction(action) };

// ---------------------------------------------------------------------------------------------
// The chat

function clock() {
  return new Date().toLocaleTimeString('ja-JP', { hour: '2-digit', minute: '2-digit' });
}

function scrollChatTo(node) {
  chat.scrollTop = Math.max(0, node.offsetTop - chat.offsetTop - 8);
}

function appendUserBalloon(text) {
  const row = el('div', 'chat-row chat-row-user');
  const meta = el('div', 'chat-meta');
  meta.append(el('span', 'chat-read', '既読'), el('span', 'chat-time', clock()));
  row.append(meta, el('div', 'chat-balloon chat-balloon-user', text));
  chat.append(row);
  lastSender = 'user';
  return row;
}

function appendSystemNote(text, kind = 'info') {
  const row = el('div', `chat-note chat-note-${kind}`);
  row.append(el('span', '', text));
  chat.append(row);
  lastSender = 'system';
  return row;
}

function appendBotMessage(message) {
  const first = lastSender !== 'bot';
  const isFlex = message?.type === 'flex';
  const row = el('div', `chat-row chat-row-bot${isFlex ? ' chat-row-flex' : ''}${first ? ' chat-row-first' : ''}`);
  const avatar = el('div', 'chat-avatar', first ? 'こ' : '');
  if (!first) avatar.classList.add('chat-avatar-hidden');
  avatar.setAttribute('aria-hidden', 'true');
  const column = el('div', 'chat-column');
  if (first) column.append(el('div', 'chat-name', BOT_NAME));
  const line = el('div', 'chat-line');
  const content = renderMessage(message, handlers);
  line.append(content);
  if (!isFlex) line.append(el('span', 'chat-time', clock()));
  column.append(line);
  row.append(avatar, column);
  chat.append(row);
  lastSender = 'bot';
  return row;
}

function showTyping() {
  const row = el('div', 'chat-row chat-row-bot chat-typing');
  row.append(el('div', 'chat-avatar chat-avatar-hidden'));
  const dots = el('div', 'chat-balloon typing-dots');
  dots.setAttribute('aria-label', '返信を作成中');
  dots.append(el('span'), el('span'), el('span'));
  row.append(dots);
  chat.append(row);
  return row;
}

function clearQuickReplies() {
  quickReplyBar.replaceChildren();
  quickReplyBar.hidden = true;
}

/** LINE shows the quick replies of the last message only, in a bar under the chat. */
function showQuickReplies(message) {
  clearQuickReplies();
  const items = Array.isArray(message?.quickReply?.items) ? message.quickReply.items : [];
  for (const item of items) {
    const action = item?.action;
    if (!action || typeof action !== 'object') continue;
    const chip = el('button', 'qr-chip');
    chip.type = 'button';
    chip.title = describeAction(action);
    chip.dataset.actionType = String(action.type);
    if (typeof item.imageUrl === 'string' && /^https:\/\//u.test(item.imageUrl)) {
      const icon = document.createElement('img');
      icon.className = 'qr-icon';
      icon.alt = '';
      icon.referrerPolicy = 'no-referrer';
      icon.src = item.imageUrl;
      chip.append(icon);
    }
    chip.append(el('span', 'qr-label', action.label ?? ''));
    chip.addEventListener('click', () => void runAction(action));
    quickReplyBar.append(chip);
  }
  quickReplyBar.hidden = quickReplyBar.childElementCount === 0;
  quickReplyBar.scrollLeft = 0;
}

function drawReply(messages) {
  const list = Array.isArray(messages) ? messages : [];
  let firstRow;
  for (const message of list) {
    const row = appendBotMessage(message);
    firstRow ??= row;
  }
  const last = list[list.length - 1];
  showQuickReplies(last);
  return firstRow;
}

// ---------------------------------------------------------------------------------------------
// Talking to the server

function setBusy(delta) {
  pending += delta;
  document.body.dataset.busy = pending > 0 ? 'true' : 'false';
  submit.disabled = pending > 0;
}

async function requestJson(url, init) {
  let res;
  try {
    res = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init?.headers ?? {}) } });
  } catch {
    throw new Error('サーバーに接続できませんでした。サーバーが動いているかご確認ください。');
  }
  const body = await res.json().catch(() => ({}));
  if (res.status === 503) throw new Error('ボットは起動中です。しばらくしてからもう一度お試しください。');
  if (!res.ok) throw new Error(`エラーが発生しました（${res.status}）: ${body?.message ?? res.statusText}`);
  return body;
}

/**
 * Send something as the citizen and draw the bot's reply: the user's balloon (if any), a typing
 * indicator, then the reply and its quick replies, scrolled so the exchange starts at the top.
 */
async function exchange(userText, request, onResult) {
  const id = ++latestRequest;
  clearQuickReplies();
  const userRow = userText ? appendUserBalloon(userText) : undefined;
  const typing = showTyping();
  scrollChatTo(userRow ?? typing);
  setBusy(+1);
  try {
    const result = await request();
    typing.remove();
    if (id !== latestRequest) return;
    const firstRow = drawReply(result.messages);
    scrollChatTo(userRow ?? firstRow ?? typing);
    onResult(result);
  } catch (err) {
    typing.remove();
    appendSystemNote(err instanceof Error ? err.message : String(err), 'error');
  } finally {
    setBusy(-1);
  }
}

/** Ask a question as a citizen would type it; the URL then shares this question. */
export function ask(question) {
  const q = String(question ?? '').trim();
  if (q === '') {
    input.focus();
    return Promise.resolve();
  }
  input.value = q;
  const url = new URL(window.location.href);
  url.search = new URLSearchParams({ q }).toString();
  window.history.replaceState(null, '', url);
  const params = new URLSearchParams({ q, top: String(TOP), explain: '1' });
  return exchange(
    q,
    () => requestJson(`/api/ask?${params}`),
    (result) => drawInsight(result),
  );
}

/** Tap a postback button or quick reply: displayText (if any) as the user's balloon, then the reply. */
export function postback(data, displayText) {
  return exchange(
    typeof displayText === 'string' && displayText !== '' ? displayText : undefined,
    () =>
      requestJson('/api/postback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ data }),
      }),
    () => drawPostbackInsight(String(data), displayText),
  );
}

async function runAction(action) {
  switch (action?.type) {
    case 'message':
      return ask(action.text);
    case 'postback':
      return postback(action.data, action.displayText ?? action.text);
    case 'uri': {
      const uri = String(action.uri ?? '');
      if (/^(?:https?:|tel:|mailto:|line:)/iu.test(uri)) window.open(uri, '_blank', 'noopener,noreferrer');
      else appendSystemNote(`このリンクは開けません: ${uri}`, 'error');
      return undefined;
    }
    default:
      appendSystemNote(
        `「${action?.label ?? action?.type}」（${String(action?.type)}）はLINEアプリでのみ使える操作です。`,
      );
      return undefined;
  }
}

export function clear() {
  chat.replaceChildren();
  chat.append(el('div', 'chat-note chat-date', '今日'));
  lastSender = '';
  clearQuickReplies();
}

// ---------------------------------------------------------------------------------------------
// The right column: what was found and why

const REASONS = {
  empty: '質問を読み取れませんでした（空）',
  greeting: 'あいさつ（決まった返事）',
  thanks: 'お礼（決まった返事）',
  'no-match': '該当する情報なし',
  'not-in-report': '話題はあるが、聞かれた種類の事実が報告書にない（関連情報と問い合わせ先を案内）',
};
const MISSING = {
  count: '人数や数',
  amount: '金額',
  rate: '割合',
  date: '日付や時期',
  future: '今後の予定',
  age: '年齢',
  procedure: '申し込みや手続きの方法',
  place: '場所',
  organization: '相手先',
  person: '担当する人',
  free: '料金',
  opinion: 'ご意見や評価',
  detail: 'くわしい案内',
};
const VIA = {
  text: '語',
  reading: '読み',
  heard: '同じ読みの語（聞き違い）',
  synonym: '同義語',
  approximate: '近い語（打ち間違い）',
};
const FIELDS = {
  title: 'タイトル',
  keywords: 'キーワード',
  phrasings: 'よくある言い方',
  body: '本文',
  figures: '数値',
  reading: '読み',
  grams: '文字の並び',
};

const pct = (n) => `${Math.round((Number(n) || 0) * 100)}%`;

function section(title, className = '') {
  const node = el('section', `insight-section ${className}`.trim());
  node.append(el('h3', 'insight-title', title));
  return node;
}

function chips(values, className = 'term-chip') {
  const wrap = el('span', 'chips');
  for (const value of values) wrap.append(el('span', className, value));
  if (values.length === 0) wrap.append(el('span', 'muted', 'なし'));
  return wrap;
}

function decisionBadge(result, explain) {
  if (result.answered) {
    const partial = explain?.decision?.confidence === 'partial';
    return el('span', `badge ${partial ? 'badge-partial' : 'badge-answer'}`, partial ? '関連情報として回答' : '回答');
  }
  return el('span', 'badge badge-abstain', `回答せず: ${REASONS[result.reason] ?? result.reason ?? ''}`);
}

/** The coverage bar: the best hit's share of the question, against the related and answer lines. */
function coverageBar(coverage, rule) {
  const wrap = el('div', 'coverage');
  const bar = el('div', 'coverage-bar');
  const fill = el('div', 'coverage-fill');
  fill.style.width = pct(Math.min(1, coverage));
  bar.append(fill);
  for (const [name, value] of [
    ['関連', rule?.related],
    ['回答', rule?.answer],
  ]) {
    if (typeof value !== 'number') continue;
    const mark = el('div', 'coverage-mark');
    mark.style.left = pct(value);
    mark.title = `${name} ${pct(value)}以上`;
    mark.append(el('span', 'coverage-mark-label', `${name} ${pct(value)}`));
    bar.append(mark);
  }
  wrap.append(bar, el('span', 'coverage-value', pct(coverage)));
  return wrap;
}

/** Entry ids shown in the reply, read from the bubbles' feedback buttons (entry=ID). */
function shownEntryIds(messages) {
  const ids = new Set();
  JSON.stringify(messages ?? [], (key, value) => {
    if (key === 'data' && typeof value === 'string') {
      const entry = new URLSearchParams(value).get('entry');
      if (entry) ids.add(entry);
    }
    return value;
  });
  return ids;
}

function termRow(term) {
  const row = el('li', `term ${term.matched ? 'term-matched' : 'term-missed'}`);
  row.append(el('span', 'term-mark', term.matched ? '✓' : '✗'), el('span', 'term-text', term.term));
  if (term.matched) {
    const how = term.synonym
      ? `同義語「${term.synonym.target}」（${term.synonym.matchedTerms.length}/${term.synonym.terms.length}語: ${term.synonym.matchedTerms.join('、')}）`
      : (VIA[term.via] ?? term.via ?? '');
    row.append(el('span', 'term-via', how));
    row.append(el('span', 'term-fields', (term.fields ?? []).map((f) => FIELDS[f] ?? f).join('・')));
    if (typeof term.share === 'number' && term.share < 1)
      row.append(el('span', 'term-share', `一致 ${pct(term.share)}`));
  } else {
    row.append(el('span', 'term-via muted', '一致なし'));
  }
  row.append(el('span', 'term-weight', `重み ${pct(term.weight)}`));
  return row;
}

function hitCard(hit, explained, shown, best) {
  const card = el('li', `hit${shown ? ' hit-shown' : ''}`);
  card.dataset.entryId = hit.id;
  const head = el('div', 'hit-head');
  head.append(el('span', 'hit-rank', String(explained?.rank ?? '')));
  const titles = el('div', 'hit-titles');
  titles.append(el('div', 'hit-title', hit.title), el('code', 'hit-id', hit.id));
  head.append(titles);
  const numbers = el('div', 'hit-numbers');
  numbers.append(el('span', 'hit-score', `スコア ${hit.score}`));
  if (explained) numbers.append(el('span', 'hit-coverage', `カバー率 ${pct(explained.coverage)}`));
  head.append(numbers);
  card.append(head);

  const scoreBar = el('div', 'hit-score-bar');
  const fill = el('div', 'hit-score-fill');
  fill.style.width = pct(best > 0 ? hit.score / best : 0);
  scoreBar.append(fill);
  card.append(scoreBar);

  if (shown) card.append(el('span', 'badge badge-shown', '返信に表示'));
  if (explained && explained.terms.length > 0) {
    const terms = el('ul', 'terms');
    for (const term of explained.terms) terms.append(termRow(term));
    card.append(terms);
  }
  const details = el('details', 'hit-text');
  details.append(el('summary', '', '本文と数値'), el('pre', '', hit.text));
  card.append(details);
  if (explained?.phrasings?.length > 0) {
    const phrasings = el('details', 'hit-phrasings');
    phrasings.append(el('summary', '', `よくある言い方（${explained.phrasings.length}件）`));
    const list = el('ul', 'phrasing-list');
    for (const phrasing of explained.phrasings) list.append(el('li', '', phrasing));
    phrasings.append(list);
    card.append(phrasings);
  }
  return card;
}

function altTexts(messages) {
  return (messages ?? []).filter((m) => typeof m?.altText === 'string').map((m) => m.altText);
}

/** Draw the explanation of an asked question in the right column. */
function drawInsight(result) {
  const explain = result.explain;
  const nodes = [];

  const summary = section('判定', 'insight-summary');
  const list = el('dl', 'facts');
  definition(list, '質問', result.question);
  if (explain && explain.normalized !== result.question) definition(list, '正規化', explain.normalized);
  definition(list, '結果', decisionBadge(result, explain));
  if (explain && typeof explain.coverage === 'number')
    definition(list, 'カバー率', coverageBar(explain.coverage, explain.rule));
  if (explain?.decision?.askedUnit) definition(list, '聞かれた単位', explain.decision.askedUnit);
  if (explain?.decision?.missing)
    definition(list, '報告書にない事実', MISSING[explain.decision.missing] ?? explain.decision.missing);
  if (explain) definition(list, '理由', el('span', 'why', explain.why));
  for (const alt of altTexts(result.messages)) definition(list, '通知に表示される文', el('span', 'alt-text', alt));
  summary.append(list);
  nodes.push(summary);

  if (explain) {
    const terms = section('質問の語');
    const termList = el('dl', 'facts');
    const weightOf = new Map((explain.hits[0]?.terms ?? []).map((t) => [t.term, t.weight]));
    definition(
      termList,
      '内容語',
      chips(explain.contentTerms.map((t) => (weightOf.has(t) ? `${t}（${pct(weightOf.get(t))}）` : t))),
    );
    if (explain.background?.length > 0) {
      definition(termList, '前置きの語（判定に使わない）', chips(explain.background, 'term-chip term-chip-muted'));
    }
    definition(termList, '無視した語', chips(explain.genericTerms, 'term-chip term-chip-muted'));
    if (explain.synonyms.length > 0) {
      definition(
        termList,
        '同義語',
        chips(
          explain.synonyms.map((s) => `${s.phrase} → ${s.targets.join(' / ')}`),
          'term-chip term-chip-synonym',
        ),
      );
    }
    terms.append(termList);
    nodes.push(terms);
  }

  const hits = section(`検索結果（上位${result.hits.length}件）`, 'insight-hits');
  if (result.hits.length === 0) {
    hits.append(el('p', 'muted', '一致した情報はありません。'));
  } else {
    const shown = shownEntryIds(result.messages);
    const best = Math.max(...result.hits.map((h) => h.score));
    const byId = new Map((explain?.hits ?? []).map((h) => [h.id, h]));
    const ol = el('ol', 'hits');
    result.hits.forEach((hit, i) => {
      const explained = byId.get(hit.id) ?? { rank: i + 1, coverage: 0, terms: [] };
      ol.append(hitCard(hit, explained, shown.has(hit.id), best));
    });
    hits.append(ol);
  }
  nodes.push(hits);
  insight.replaceChildren(...nodes);
}

function drawPostbackInsight(data, displayText) {
  const summary = section('判定', 'insight-summary');
  const list = el('dl', 'facts');
  definition(list, '操作', displayText ? `ボタン「${displayText}」` : 'ボタン');
  definition(list, 'ポストバック', el('code', '', data));
  definition(list, '結果', el('span', 'badge badge-postback', 'ボタン操作への返信（検索なし）'));
  if (/(?:^|&)feedback=/u.test(data)) {
    definition(list, '注意', 'プレビューからの評価は記録されません。');
  }
  summary.append(list);
  insight.replaceChildren(summary);
}

// ---------------------------------------------------------------------------------------------
// Start

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void ask(input.value);
});
clearButton.addEventListener('click', () => clear());

clear();

const api = Object.freeze({ staffPanel, ask, postback, clear });
const hooks = (window.previewHooks ??= { onReady: [] });
if (!Array.isArray(hooks.onReady)) hooks.onReady = [];
const runHook = (hook) => {
  try {
    if (typeof hook === 'function') hook(api);
  } catch (err) {
    console.error('preview hook failed', err);
  }
};
for (const hook of hooks.onReady) runHook(hook);
// From now on a hook pushed by a later script runs at once.
hooks.onReady.push = (...added) => {
  added.forEach(runHook);
  return Array.prototype.push.apply(hooks.onReady, added);
};

const initial = new URLSearchParams(window.location.search).get('q');
document.body.dataset.ready = 'true';
if (initial && initial.trim() !== '') void ask(initial);
else input.focus();
