/**
 * The staff report page (report.html): fetches GET /admin/report as JSON with the session cookie
 * and draws the period, the totals, the daily questions as a stacked bar chart (Chart.js, loaded
 * before this script as window.Chart), the most asked unanswered questions and the entries voted
 * 役に立たなかった. `?days=N` picks the period (7 by default: the week at a glance).
 *
 * Everything the server sends is written with textContent, never as HTML: question texts come
 * from citizens, and the page's CSP allows no inline script.
 *
 * body[data-state] says where the page is: loading, ready, login, disabled or error.
 */

const TIME_ZONE = 'Asia/Tokyo';
const DEFAULT_DAYS = 7;
const MAX_DAYS = 366;
const LIST_LIMIT = 20;
const FONT_FAMILY =
  "'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans JP', 'Noto Sans CJK JP', 'Yu Gothic UI', Meiryo, 'IPAPGothic', 'IPAGothic', system-ui, sans-serif";

/** The chart's three outcomes of a citizen's question, in stacking order (small talk is left out). */
const OUTCOMES = [
  { label: '回答', color: '#2563eb', count: (day) => day.answered - (day.partial ?? 0) },
  { label: '関連する情報', color: '#f59e0b', count: (day) => day.partial ?? 0 },
  { label: '回答できず', color: '#dc2626', count: (day) => day.unanswered },
];

// ---------------------------------------------------------------------------------------------
// Small helpers

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function byId(id) {
  return /** @type {HTMLElement} */ (document.getElementById(id));
}

/** The period asked for in the address (?days=N), or the week. */
function daysAsked() {
  const raw = new URLSearchParams(window.location.search).get('days') ?? '';
  const days = /^[1-9]\d{0,2}$/u.test(raw) ? Number(raw) : DEFAULT_DAYS;
  return days <= MAX_DAYS ? days : DEFAULT_DAYS;
}

/** A report day (YYYY-MM-DD, Japan time) at noon in Japan, so the date never shifts. */
function dayDate(day) {
  return new Date(`${day}T12:00:00+09:00`);
}

/** 6/3(火) */
function shortDay(day) {
  const date = dayDate(day);
  if (Number.isNaN(date.getTime())) return String(day);
  const md = date.toLocaleDateString('ja-JP', { timeZone: TIME_ZONE, month: 'numeric', day: 'numeric' });
  const weekday = date.toLocaleDateString('ja-JP', { timeZone: TIME_ZONE, weekday: 'short' });
  return `${md}(${weekday})`;
}

/** 2025年6月3日(火) */
function longDay(day) {
  const date = dayDate(day);
  if (Number.isNaN(date.getTime())) return String(day);
  const ymd = date.toLocaleDateString('ja-JP', { timeZone: TIME_ZONE, year: 'numeric', month: 'long', day: 'numeric' });
  const weekday = date.toLocaleDateString('ja-JP', { timeZone: TIME_ZONE, weekday: 'short' });
  return `${ymd}(${weekday})`;
}

/** 6/3 14:05 in Japan time. */
function dateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleString('ja-JP', {
    timeZone: TIME_ZONE,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function sum(rows, count) {
  return rows.reduce((total, row) => total + (Number(count(row)) || 0), 0);
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

// ---------------------------------------------------------------------------------------------
// Drawing

function drawPeriod(report, days) {
  const rows = list(report.dailyVolume);
  const first = rows[0]?.day;
  const last = rows.at(-1)?.day;
  byId('period').textContent =
    first && last
      ? `期間：${longDay(first)} 〜 ${longDay(last)}（${report.days}日間・日本時間）／ ${dateTime(report.generatedAt)} 時点`
      : `期間：過去${report.days}日間`;
  for (const link of document.querySelectorAll('.period-choice a')) {
    if (Number(link.dataset.days) === days) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  /** @type {HTMLAnchorElement} */ (byId('csv')).href = `/admin/report?format=csv&days=${days}`;
}

function drawTotals(rows) {
  const totals = byId('totals');
  const figures = [
    ['質問', sum(rows, (d) => d.questions), ''],
    ...OUTCOMES.map((o) => [o.label, sum(rows, o.count), o.color]),
    ['あいさつ等', sum(rows, (d) => d.smallTalk), ''],
    ['役に立った', sum(rows, (d) => d.feedbackUp), ''],
    ['役に立たなかった', sum(rows, (d) => d.feedbackDown), ''],
  ];
  totals.replaceChildren();
  for (const [label, value, color] of figures) {
    const item = el('div', 'total');
    const term = el('dt', '', label);
    if (color) {
      const swatch = el('span', 'swatch');
      swatch.style.backgroundColor = color;
      term.prepend(swatch);
    }
    item.append(term, el('dd', '', `${value}件`));
    totals.append(item);
  }
}

function drawChart(rows) {
  const canvas = /** @type {HTMLCanvasElement} */ (byId('daily-chart'));
  const box = /** @type {HTMLElement} */ (canvas.parentElement);
  const questions = sum(rows, (d) => d.answered + d.unanswered);
  byId('chart-empty').hidden = questions > 0;
  box.hidden = questions === 0;
  if (questions === 0) return;
  const Chart = window.Chart;
  if (typeof Chart !== 'function') {
    box.hidden = true;
    const empty = byId('chart-empty');
    empty.textContent = 'グラフを表示できませんでした。下の表で件数をご確認ください。';
    empty.hidden = false;
    /** @type {HTMLDetailsElement} */ (document.querySelector('.daily-details')).open = true;
    return;
  }
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#374151';
  Chart.getChart(canvas)?.destroy();
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: rows.map((d) => shortDay(d.day)),
      datasets: OUTCOMES.map((o) => ({
        label: o.label,
        data: rows.map(o.count),
        backgroundColor: o.color,
        borderColor: o.color,
        stack: 'questions',
        maxBarThickness: 48,
      })),
    },
    options: {
      // A report, not a show: drawn at once, the same on every load.
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      locale: 'ja-JP',
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: '件数' },
        },
      },
      plugins: {
        legend: { position: 'top', labels: { boxWidth: 14, boxHeight: 14 } },
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label}：${item.formattedValue}件`,
            footer: (items) => `合計：${items.reduce((total, item) => total + Number(item.raw), 0)}件`,
          },
        },
      },
    },
  });
}

function drawDailyTable(rows) {
  const body = /** @type {HTMLElement} */ (document.querySelector('#daily-table tbody'));
  body.replaceChildren();
  for (const d of [...rows].reverse()) {
    const tr = el('tr');
    tr.append(el('th', '', shortDay(d.day)));
    for (const value of [d.questions, ...OUTCOMES.map((o) => o.count(d)), d.smallTalk, d.feedbackUp, d.feedbackDown])
      tr.append(el('td', '', value));
    body.append(tr);
  }
}

/** Fill a table's body with one row per item, or show its empty text. */
function drawList(tableId, emptyId, items, cells) {
  const table = byId(tableId);
  const body = /** @type {HTMLElement} */ (table.querySelector('tbody'));
  body.replaceChildren();
  table.hidden = items.length === 0;
  byId(emptyId).hidden = items.length > 0;
  for (const item of items) {
    const tr = el('tr');
    for (const [text, className] of cells(item)) tr.append(el('td', className, text));
    body.append(tr);
  }
}

function drawReport(report, days) {
  const rows = list(report.dailyVolume);
  drawPeriod(report, days);
  drawTotals(rows);
  drawChart(rows);
  drawDailyTable(rows);
  drawList('unanswered-table', 'unanswered-empty', list(report.unanswered), (u) => [
    [u.question, 'question'],
    [`${u.count}回`, 'number'],
    [`${u.users}人`, 'number'],
    [dateTime(u.lastAskedAt), 'when'],
  ]);
  drawList('negative-table', 'negative-empty', list(report.negativeFeedback), (f) => [
    [f.entryId, 'entry-id'],
    [`${f.down}件`, 'number down'],
    [`${f.up}件`, 'number'],
    [dateTime(f.lastDownAt), 'when'],
  ]);
  byId('message').hidden = true;
  document.body.dataset.state = 'ready';
}

/** A notice instead of the report: the session ended, admin is off, or the server did not answer. */
function drawMessage(state, text, link) {
  const message = byId('message');
  message.replaceChildren(el('p', '', text));
  if (link) {
    const a = el('a', 'button', link.label);
    a.href = link.href;
    message.append(a);
  }
  message.className = `message message-${state}`;
  message.hidden = false;
  byId('period').textContent = '';
  document.body.dataset.state = state;
}

// ---------------------------------------------------------------------------------------------
// Start

async function start() {
  const days = daysAsked();
  let status = 0;
  let body = {};
  try {
    const res = await fetch(`/admin/report?days=${days}&limit=${LIST_LIMIT}`, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
    status = res.status;
    body = await res.json().catch(() => ({}));
  } catch {
    // Offline or the server is down: status stays 0.
  }
  switch (status) {
    case 200:
      drawReport(body, days);
      return;
    case 401: {
      const next = `${window.location.pathname}${window.location.search}`;
      drawMessage('login', 'ログインの有効期限が切れました。もう一度ログインしてください。', {
        label: '管理者としてログイン',
        href: `/admin/login?${new URLSearchParams({ next })}`,
      });
      return;
    }
    case 403:
      drawMessage('disabled', '管理機能は無効です（ADMIN_TOKEN が未設定）。');
      return;
    case 503:
      drawMessage(
        'error',
        'レポートを表示できません。集計データベースを開けませんでした（起動時のログをご確認ください）。',
      );
      return;
    case 0:
      drawMessage('error', 'サーバーに接続できませんでした。サーバーが動いているかご確認ください。');
      return;
    default:
      drawMessage('error', `レポートを取得できませんでした（${status}）。`);
  }
}

void start();
