/**
 * A small readable corpus for stage tests: a few entries shaped like the real ones.
 */
import type { Corpus, Entry } from '../../src/corpus/entry.js';

function entry(id: string, title: string, body: string, extra: Partial<Entry> = {}): Entry {
  return {
    id,
    pillar: 1,
    kind: 'achievement',
    title,
    body,
    figures: [],
    keywords: [],
    phrasings: [],
    source: { section: '1', line: 1 },
    ...extra,
  };
}

export const fixtureEntries: Entry[] = [
  entry(
    'furusato-nozei',
    'ふるさと納税の寄付額が50.5倍に',
    'ふるさと納税の寄付額は就任前の679万円から3億4300万円に増えました。',
    {
      kind: 'highlight',
      keywords: ['寄付', '返礼品'],
      figures: [{ label: '寄付額の伸び', after: 50.5, unit: '倍', period: '就任前→2020年1月現在' }],
    },
  ),
  entry('overtime', '超過勤務時間を12.81%削減', '職員の超過勤務時間はH29からH30で12.81%、約3200時間減りました。', {
    kind: 'highlight',
    keywords: ['残業', '時間外勤務'],
    figures: [{ label: '超過勤務時間の削減率', after: -12.81, unit: '%', period: 'H29→H30' }],
  }),
  entry('zero-overtime', '「残業ゼロ」を目指す', '行政手続の迅速化と「残業ゼロ」を目指すことを掲げました。', {
    kind: 'policy',
  }),
  entry('komoro-station', '小諸駅のバリアフリー化', 'しなの鉄道と連携して小諸駅のバリアフリー化を進めました。', {
    pillar: 5,
  }),
  entry('winery-bus', 'ワイナリーバスの運行', '「ワイナリーバス」「こもろ巡りバス」などの巡回バスを運行しています。', {
    pillar: 5,
  }),
  entry(
    'children-medical',
    '子どもの福祉医療費',
    '高校生までの子どもの福祉医療費は、病院の窓口で500円を支払うだけで受診できます。',
    { pillar: 3 },
  ),
];

export const fixtureCorpus: Corpus = {
  meta: {
    source: { title: 'こもろ未来プロジェクト進捗報告', asOf: '2020年1月時点' },
    pillars: [1, 3, 5].map((number) => ({ number, name: `柱${number}`, color: '#1E5AA8' })),
  },
  entries: fixtureEntries,
  synonyms: [],
  english: [],
};
