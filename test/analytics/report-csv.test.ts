import { describe, expect, it } from 'vitest';
import { reportToCsv } from '../../src/analytics/report-csv.js';
import type { AnalyticsReport } from '../../src/analytics/report.js';

const at = '2025-04-01T09:00:00.000Z';

function reportWith(question: string): AnalyticsReport {
  return {
    generatedAt: at,
    days: 7,
    since: at,
    unanswered: [{ question, normalized: question, count: 2, users: 1, lastAskedAt: at }],
    negativeFeedback: [{ entryId: 'furusato-nozei-growth', up: 0, down: 1, lastDownAt: at }],
    dailyVolume: [],
    topEntries: [],
  };
}

describe('reportToCsv', () => {
  it('writes four sections, each a title, a header and its rows, separated by an empty line, in CRLF', () => {
    const lines = reportToCsv(reportWith('粗大ごみの出し方は？')).split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      '回答できなかった質問（多い順）、直近 7 日',
      '質問,正規化した質問,回数,人数,最後に聞かれた日時（UTC）',
      `粗大ごみの出し方は？,粗大ごみの出し方は？,2,1,${at}`,
      '',
    ]);
    expect(lines.filter((l) => l === '')).toHaveLength(4); // three separators and the final CRLF
  });

  it("prefixes a citizen's question that a spreadsheet would run as a formula, and leaves numbers as numbers", () => {
    const csv = reportToCsv(reportWith('=HYPERLINK("http://evil.test","詳細")'));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""詳細"")",`);
    expect(reportToCsv(reportWith('-1+1'))).toContain(`'-1+1,'-1+1,2,1,`);
  });
});
