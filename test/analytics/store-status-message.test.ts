import { describe, expect, it } from 'vitest';
import { storeStatusMessage } from '../../src/analytics/store-status-message.js';

describe('storeStatusMessage', () => {
  it('says where the questions are recorded while they get there', () => {
    expect(storeStatusMessage({ store: 'postgresql', state: 'ok', waiting: 3, dropped: 0 })).toBe(
      '市民の質問をPostgreSQL（全インスタンスで共有）に記録しています。',
    );
  });

  it('tells staff, while the database is down, that replies go on and how many questions wait', () => {
    const message = storeStatusMessage({
      store: 'postgresql',
      state: 'buffering',
      waiting: 1234,
      dropped: 0,
      unreachableSince: '2026-12-03T01:02:03.000Z',
      errorCode: 'ECONNREFUSED',
    });
    expect(message).toContain('2026/12/3 10:02:03から'); // Japan time
    expect(message).toContain('データベースに接続できません（ECONNREFUSED）');
    expect(message).toContain('市民への返信は続いています');
    expect(message).toContain('記録待ちの質問 1,234 件');
  });

  it('counts the questions it could not record', () => {
    expect(storeStatusMessage({ store: 'sqlite', state: 'ok', waiting: 0, dropped: 20 })).toContain(
      '起動後 20 件を記録できませんでした',
    );
  });
});
