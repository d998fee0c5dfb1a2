/**
 * The first words of the bot (follow event): what it answers about, as of when, and how to ask,
 * with example questions as quick replies (shared with the greeting replies); and the answer to the
 * rich menu's 使い方 tile, how to ask with three example questions.
 */
import type { messagingApi } from '@line/bot-sdk';
import type { CorpusMeta } from '../corpus/entry.js';
import { browsePillarsQuickReplyItem, pillarQuickReplyItems, progressQuickReplyItem } from './render-pillar.js';

/** Questions a citizen can tap to try the bot; each is answered by the report. */
export const exampleQuestions = ['ふるさと納税は？', '残業は減ったの？', 'ワイナリーバスはある？'] as const;

/** A question a quick reply sends, and its label when the question is too long for one. */
export interface ExampleQuestion {
  readonly text: string;
  readonly label?: string;
}

/**
 * Questions the 使い方 answer shows, as a citizen might write them politely, each with a label
 * short enough for a quick reply; each is answered by the report.
 */
export const helpExampleQuestions: readonly ExampleQuestion[] = [
  { text: 'ふるさと納税の寄付額はいくらですか？', label: 'ふるさと納税の寄付額' },
  { text: '残業は減りましたか？' },
  { text: 'ワイナリーバスについて教えてください', label: 'ワイナリーバスについて' },
  { text: '公約はどこまで進みましたか？', label: '公約の進み具合' },
];

/** Example questions as message quick replies (the tap sends the question). */
export function exampleQuickReplyItems(
  questions: readonly (string | ExampleQuestion)[] = exampleQuestions,
): messagingApi.QuickReplyItem[] {
  return questions.map((q) => {
    const { text, label = text } = typeof q === 'string' ? { text: q } : q;
    return { type: 'action', action: { type: 'message', label, text } };
  });
}

/** 「「ふるさと納税は？」「残業は減ったの？」…」 for a sentence. */
export function quotedExamples(): string {
  return exampleQuestions.map((q) => `「${q}」`).join('');
}

/** For the follow event: a greeting, what can be asked, and quick replies (examples, the pillars). */
export function renderWelcome(meta: CorpusMeta): messagingApi.Message[] {
  const text =
    `友だち追加ありがとうございます。小諸市の小泉俊博市長の政策集『こもろ未来プロジェクト』の進捗（${meta.source.asOf}）についてお答えします。\n\n` +
    `知りたいことを、話し言葉でそのまま送ってください。たとえば${quotedExamples()}のように聞けます。` +
    `5つの柱から選んで見ることもできます。「公約の進み具合」では、公約（具体的政策）ごとに報告に載っている実績を見られます。\n\n` +
    `※お答えは${meta.source.title}の内容で、数値は${meta.source.asOf}のものです。`;
  return [
    {
      type: 'text',
      text,
      quickReply: {
        items: [
          ...exampleQuickReplyItems(),
          progressQuickReplyItem(),
          browsePillarsQuickReplyItem(),
          ...pillarQuickReplyItems(meta),
        ],
      },
    },
  ];
}

/** For the rich menu's 使い方 tile: how to ask, three example questions (also as quick replies), the pillars. */
export function renderHelp(meta: CorpusMeta): messagingApi.Message[] {
  const text =
    `知りたいことを、ふだんの言葉でそのまま送ってください。小諸市の政策集『こもろ未来プロジェクト』の進捗（${meta.source.asOf}）からお答えします。\n\n` +
    `たとえば、次のように聞けます（下のボタンでも送れます）。\n${helpExampleQuestions.map((q) => `・${q.text}`).join('\n')}\n\n` +
    `メニューの柱をタップすると、その柱の公約（具体的政策）ごとに、報告に載っている実績を見られます。`;
  return [{ type: 'text', text, quickReply: { items: exampleQuickReplyItems(helpExampleQuestions) } }];
}
