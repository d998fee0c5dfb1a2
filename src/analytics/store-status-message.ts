/**
 * The analytics store's state as staff read it on the preview page (GET /api/status): where the
 * questions are kept and, when the database cannot be reached, that replies go on and the
 * questions wait in memory. One module for this wording.
 */
import type { AnalyticsStoreStatus } from './analytics-store.js';

const places: Record<AnalyticsStoreStatus['store'], string> = {
  memory: 'メモリ（テスト用、再起動で消えます）',
  sqlite: 'このサーバーの SQLite ファイル（DATA_DIR）',
  postgresql: 'PostgreSQL（全インスタンスで共有）',
};

/** A sentence or two for staff, in Japanese; no user data (the status holds none). */
export function storeStatusMessage(status: AnalyticsStoreStatus): string {
  const dropped =
    status.dropped > 0
      ? ` 起動後 ${status.dropped.toLocaleString('ja-JP')} 件を記録できませんでした（サーバーのログに理由があります）。`
      : '';
  if (status.state === 'ok') return `市民の質問を${places[status.store]}に記録しています。${dropped}`;
  const since = status.unreachableSince
    ? `${new Date(status.unreachableSince).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' })}から`
    : '';
  const code = status.errorCode ? `（${status.errorCode}）` : '';
  return (
    `${since}データベースに接続できません${code}。市民への返信は続いています。` +
    `記録待ちの質問 ${status.waiting.toLocaleString('ja-JP')} 件はメモリに保持し、接続が戻りしだい書き込みます。${dropped}`
  );
}
