/**
 * Staff tools under the preview (#staff-panel), registered through window.previewHooks:
 *
 * - コーパスの状態: how many entries serve and since when, from GET /api/status (polled). When a
 *   change staff saved was rejected, a red notice lists its problems (file:line field: message)
 *   while the previous corpus keeps answering; it goes away once the files are fixed. Also where
 *   citizens' questions are recorded, and whether the shared database can be reached.
 * - 市民の質問レポート: GET /admin/report with the admin session cookie (same origin): the questions
 *   the bot could not answer (a click asks one in the preview), the entries voted 役に立たなかった,
 *   the daily volume, a link to the report page (GET /admin/report in the browser, with the chart),
 *   a CSV download, POST /admin/reload and logout. Without a session it links
 *   to /admin/login (which comes back here); without ADMIN_TOKEN it says admin is disabled.
 *
 * Everything the server sends is written with textContent (el()), never as HTML: the page's CSP
 * allows no inline script, and question texts come from citizens.
 */
import { definition, el } from './flex-render.js';

const STATUS_EVERY_MS = 2000;
const REPORT_EVERY_MS = 60_000;
const DAILY_ROWS = 7;
const TIME_ZONE = 'Asia/Tokyo';

const CORPUS_ERROR_NOTICE = 'コーパスの変更にエラーがあります。前回の正しい内容で回答を続けています。';

// ---------------------------------------------------------------------------------------------
// Small helpers

function dateTime(iso, withSeconds = false) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toLocaleString('ja-JP', {
    timeZone: TIME_ZONE,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
  });
}

/** A report day (YYYY-MM-DD, Japan time) as staff read it: 6/3(火). */
function dayLabel(day) {
  const date = new Date(`${day}T12:00:00+09:00`);
  if (Number.isNaN(date.getTime())) return String(day);
  return date.toLocaleDateString('ja-JP', { timeZone: TIME_ZONE, month: 'numeric', day: 'numeric', weekday: 'short' });
}

function card(className, title) {
  const node = el('section', `staff-card ${className}`);
  const head = el('div', 'staff-card-head');
  head.append(el('h3', 'staff-card-title', title));
  node.append(head);
  return { node, head };
}

/** One problem line, "file:line field: message", with its place in bold. */
function problemItem(problem) {
  const item = el('li', 'staff-problem');
  const text = String(problem);
  const place = /^(\S+:\d+)\s+(.*)$/su.exec(text) ?? /^(\S+):\s+(.*)$/su.exec(text);
  if (place) item.append(el('code', 'staff-problem-where', place[1]), el('span', 'staff-problem-what', place[2]));
  else item.append(el('span', 'staff-problem-what', text));
  return item;
}

function problemList(problems) {
  const list = el('ul', 'staff-problems');
  for (const problem of problems) list.append(problemItem(problem));
  return list;
}

function button(label, className, onClick) {
  const node = el('button', className, label);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/** GET or POST same-origin JSON; resolves with { status, body } (body {} when not JSON), or { status: 0 } offline. */
async function fetchJson(url, init) {
  try {
    const res = await fetch(url, {
      credentials: 'same-origin',
      cache: 'no-store',
      ...init,
      headers: { accept: 'application/json' },
    });
    const body = await res.json().catch(() => ({}));
    return { status: res.status, body };
  } catch {
    return { status: 0, body: {} };
  }
}

// ---------------------------------------------------------------------------------------------
// コーパスの状態

function corpusCard() {
  const { node } = card('staff-corpus', 'コーパスの状態');
  const content = el('div', 'staff-card-body');
  content.append(el('p', 'muted', '読み込み中…'));
  node.append(content);
  let shown = '';

  function draw(result) {
    // Redraw only on a change, so a poll does not disturb staff reading or selecting the problems.
    const key = JSON.stringify(result);
    if (key === shown) return;
    shown = key;
    const { status, body } = result;
    if (status !== 200) {
      node.dataset.state = 'unknown';
      content.replaceChildren(
        el(
          'p',
          'staff-message staff-message-error',
          status === 0
            ? 'サーバーに接続できません。サーバーが動いているかご確認ください。'
            : `状態を取得できませんでした（${status}）。`,
        ),
      );
      return;
    }
    if (!body.ready) {
      node.dataset.state = 'starting';
      content.replaceChildren(el('p', 'muted', 'ボットを起動中です。しばらくお待ちください。'));
      return;
    }
    const corpus = body.corpus;
    const problems = Array.isArray(corpus?.problems) ? corpus.problems : [];
    node.dataset.state = problems.length > 0 ? 'error' : 'ok';
    const facts = el('dl', 'facts');
    definition(facts, '登録件数', `${Number(body.entries) || 0}件`);
    definition(
      facts,
      '読み込み',
      corpus?.loadedAt ? `${dateTime(corpus.loadedAt, true)}（変更は保存すると自動で反映されます）` : '—',
    );
    definition(
      facts,
      '状態',
      problems.length > 0
        ? el('span', 'badge staff-badge-error', 'エラーあり（前回の内容で回答中）')
        : el('span', 'badge badge-answer', '正常'),
    );
    const analytics = body.analytics;
    if (analytics) {
      // Where citizens' questions are recorded; while the shared database is down, that they wait.
      const recording = el('span', 'staff-analytics');
      if (analytics.state !== 'ok')
        recording.append(el('span', 'badge staff-badge-error', 'データベース接続待ち'), ' ');
      recording.append(String(analytics.message ?? ''));
      definition(facts, '質問の記録', recording);
    }
    const nodes = [facts];
    if (problems.length > 0) {
      const alert = el('div', 'staff-alert');
      alert.setAttribute('role', 'alert');
      alert.append(el('p', 'staff-alert-title', CORPUS_ERROR_NOTICE));
      alert.append(problemList(problems));
      const detected = corpus.failedAt ? `（${dateTime(corpus.failedAt, true)} に検出）` : '';
      alert.append(
        el(
          'p',
          'staff-alert-hint',
          `上の場所を直してファイルを保存すると、自動で読み込み直します${detected}。npm run corpus:check でも確認できます。`,
        ),
      );
      nodes.push(alert);
    }
    content.replaceChildren(...nodes);
  }

  async function refresh() {
    draw(await fetchJson('/api/status'));
  }

  return { node, refresh };
}

// ---------------------------------------------------------------------------------------------
// 市民の質問レポート

function reportCard(preview, onCorpusChanged) {
  const { node, head } = card('staff-report', '市民の質問レポート');
  const refreshButton = button('更新', 'text-button staff-refresh', () => void refresh());
  head.append(refreshButton);
  const content = el('div', 'staff-card-body');
  content.append(el('p', 'muted', '読み込み中…'));
  node.append(content);

  /** The CSV, reload and logout row (see actionsSection). */
  let actions;

  function loginUrl() {
    const next = `${window.location.pathname}${window.location.search}`;
    return `/admin/login?${new URLSearchParams({ next })}`;
  }

  function drawLogin(message) {
    node.dataset.state = 'login';
    actions = undefined;
    refreshButton.hidden = true;
    const link = el('a', 'staff-button staff-login', '管理者としてログイン');
    link.href = loginUrl();
    // The preview's URL changes with every question (?q=): come back to the one on screen now.
    link.addEventListener('click', () => {
      link.href = loginUrl();
    });
    content.replaceChildren(el('p', 'staff-message', message), link);
  }

  function drawMessage(state, message, detail) {
    node.dataset.state = state;
    refreshButton.hidden = state === 'disabled';
    const nodes = [el('p', `staff-message${state === 'error' ? ' staff-message-error' : ''}`, message)];
    if (detail) nodes.push(el('p', 'muted staff-detail', detail));
    content.replaceChildren(...nodes);
  }

  function unansweredSection(rows) {
    const part = el('section', 'staff-part staff-unanswered');
    part.append(el('h4', 'staff-part-title', '回答できなかった質問（多い順）'));
    if (rows.length === 0) {
      part.append(el('p', 'muted', '回答できなかった質問はありません。'));
      return part;
    }
    part.append(
      el(
        'p',
        'muted staff-hint',
        '質問を押すと、上のプレビューで試せます（プレビューからの質問はレポートに記録されません）。',
      ),
    );
    const list = el('ol', 'staff-questions');
    for (const row of rows) {
      const item = el('li', 'staff-question-row');
      const ask = button(row.question, 'staff-question', () => {
        document.getElementById('chat')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        void preview.ask(row.question);
      });
      ask.title = 'プレビューでこの質問をする';
      const meta = el('span', 'staff-question-meta');
      meta.append(
        el('span', 'staff-count', `${row.count}回`),
        el('span', 'muted', `${row.users}人・最終 ${dateTime(row.lastAskedAt)}`),
      );
      item.append(ask, meta);
      list.append(item);
    }
    part.append(list);
    return part;
  }

  function negativeSection(rows) {
    const part = el('section', 'staff-part staff-negative');
    part.append(el('h4', 'staff-part-title', '「役に立たなかった」が多い回答'));
    if (rows.length === 0) {
      part.append(el('p', 'muted', '「役に立たなかった」と評価された回答はありません。'));
      return part;
    }
    const list = el('ol', 'staff-entries');
    for (const row of rows) {
      const item = el('li', 'staff-entry-row');
      const votes = el('span', 'staff-question-meta');
      votes.append(
        el('span', 'staff-count staff-count-down', `役に立たなかった ${row.down}`),
        el('span', 'muted', `役に立った ${row.up}・最終 ${dateTime(row.lastDownAt)}`),
      );
      item.append(el('code', 'staff-entry-id', row.entryId), votes);
      list.append(item);
    }
    part.append(list);
    return part;
  }

  function dailySection(rows) {
    const part = el('section', 'staff-part staff-daily');
    const recent = rows.slice(-DAILY_ROWS).reverse();
    part.append(el('h4', 'staff-part-title', `日ごとの件数（直近${recent.length}日）`));
    const table = el('table', 'staff-table');
    const head = el('tr');
    for (const title of ['日付', '質問', '回答', '回答できず', 'あいさつ等', '評価 良／否'])
      head.append(el('th', '', title));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const row of recent) {
      const tr = el('tr');
      tr.append(
        el('th', '', dayLabel(row.day)),
        el('td', '', row.questions),
        el('td', '', row.answered),
        el('td', row.unanswered > 0 ? 'staff-cell-warn' : '', row.unanswered),
        el('td', '', row.smallTalk),
        el('td', '', `${row.feedbackUp}／${row.feedbackDown}`),
      );
      tbody.append(tr);
    }
    table.append(thead, tbody);
    part.append(table);
    return part;
  }

  /** Built once, so the result of a reload stays on screen when the report is refreshed. */
  function actionsSection() {
    const part = el('section', 'staff-part staff-actions');
    const csv = el('a', 'staff-button staff-csv', 'CSVでダウンロード');
    csv.href = '/admin/report?format=csv';
    csv.setAttribute('download', '');
    // The same report as a page of its own, with the week as a chart.
    const reportPage = el('a', 'staff-button staff-report-page', 'グラフで見る');
    reportPage.href = '/admin/report';
    const result = el('div', 'staff-reload-result');
    result.setAttribute('role', 'status');
    const reload = button('コーパスを再読み込み', 'staff-button staff-reload', () => void reloadCorpus(reload, result));
    const logout = button('ログアウト', 'text-button staff-logout', () => void logOut());
    const row = el('div', 'staff-actions-row');
    row.append(reportPage, csv, reload, logout);
    part.append(row, result);
    return part;
  }

  function drawReport(report) {
    actions ??= actionsSection();
    node.dataset.state = 'report';
    refreshButton.hidden = false;
    const firstDay = report.dailyVolume?.[0]?.day;
    const since = firstDay ? `${dayLabel(firstDay)}から` : '';
    const summary = el(
      'p',
      'muted staff-detail',
      `過去${report.days}日（${since}${dateTime(report.generatedAt)} 時点）`,
    );
    content.replaceChildren(
      summary,
      unansweredSection(Array.isArray(report.unanswered) ? report.unanswered : []),
      negativeSection(Array.isArray(report.negativeFeedback) ? report.negativeFeedback : []),
      dailySection(Array.isArray(report.dailyVolume) ? report.dailyVolume : []),
      actions,
    );
  }

  async function reloadCorpus(reloadButton, result) {
    reloadButton.disabled = true;
    result.replaceChildren(el('p', 'muted', '再読み込み中…'));
    const { status, body } = await fetchJson('/admin/reload', { method: 'POST' });
    reloadButton.disabled = false;
    onCorpusChanged();
    switch (status) {
      case 200:
        result.replaceChildren(
          el(
            'p',
            'staff-message staff-message-ok',
            `再読み込みしました。登録件数 ${body.entries}件（${dateTime(body.loadedAt, true)}）。`,
          ),
        );
        return;
      case 422: {
        const problems = Array.isArray(body.problems) ? body.problems : [];
        const alert = el('div', 'staff-alert');
        alert.append(el('p', 'staff-alert-title', CORPUS_ERROR_NOTICE), problemList(problems));
        result.replaceChildren(alert);
        return;
      }
      case 401:
        drawLogin('ログインの有効期限が切れました。もう一度ログインしてください。');
        return;
      case 403:
        drawMessage('disabled', '管理機能は無効です（ADMIN_TOKEN が未設定）');
        return;
      default:
        result.replaceChildren(
          el(
            'p',
            'staff-message staff-message-error',
            status === 0
              ? 'サーバーに接続できませんでした。'
              : `再読み込みできませんでした（${status}）: ${body.message ?? ''}`,
          ),
        );
    }
  }

  async function logOut() {
    try {
      await fetch('/admin/logout', { method: 'POST', credentials: 'same-origin' });
    } catch {
      // The report below says whether the session is gone.
    }
    await refresh();
  }

  let loading;
  async function refresh() {
    loading ??= (async () => {
      const { status, body } = await fetchJson('/admin/report');
      switch (status) {
        case 200:
          drawReport(body);
          break;
        case 401:
          drawLogin('市民の質問を見るには、管理者としてログインしてください。');
          break;
        case 403:
          drawMessage(
            'disabled',
            '管理機能は無効です（ADMIN_TOKEN が未設定）',
            'サーバーに ADMIN_TOKEN（16文字以上）を設定して再起動すると、ここに市民の質問が表示されます。',
          );
          break;
        case 503:
          drawMessage(
            'error',
            'レポートを表示できません。',
            body.message ?? '集計データベースを開けませんでした（起動時のログをご確認ください）。',
          );
          break;
        case 0:
          drawMessage('error', 'サーバーに接続できませんでした。サーバーが動いているかご確認ください。');
          break;
        default:
          drawMessage('error', `レポートを取得できませんでした（${status}）。`, body.message);
      }
    })().finally(() => {
      loading = undefined;
    });
    return loading;
  }

  return { node, refresh, state: () => node.dataset.state };
}

// ---------------------------------------------------------------------------------------------
// Start

function start(preview) {
  const corpus = corpusCard();
  const report = reportCard(preview, () => void corpus.refresh());
  preview.staffPanel.append(corpus.node, report.node);
  void corpus.refresh();
  void report.refresh();
  setInterval(() => {
    if (!document.hidden) void corpus.refresh();
  }, STATUS_EVERY_MS);
  // Only a shown report is kept fresh; logging in reloads the page anyway.
  setInterval(() => {
    if (!document.hidden && report.state() === 'report') void report.refresh();
  }, REPORT_EVERY_MS);
}

const hooks = (window.previewHooks ??= { onReady: [] });
if (!Array.isArray(hooks.onReady)) hooks.onReady = [];
hooks.onReady.push(start);
