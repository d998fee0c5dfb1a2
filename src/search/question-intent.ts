/**
 * What kind of answer a question wants. A question about an amount, a count, a ratio or a
 * change (「何倍？」「何人？」「いくら？」「減った？」) is best answered by an entry with figures,
 * so those entries rank first for it.
 */

export interface QuestionIntent {
  /** The question asks for a number or for how something changed. */
  readonly asksForFigure: boolean;
}

const FIGURE_QUESTION = new RegExp(
  [
    '何(?:人|件|倍|円|%|パーセント|割|時間|区|団体|回|名|万|億|か所|カ所|ヶ所|箇所|校|社|%)',
    'なん(?:にん|けん|ばい|えん|ぱーせんと|わり|じかん)',
    'いくら', 'いくつ', 'どれ(?:くらい|ぐらい|ほど|だけ)', 'どの(?:くらい|ぐらい|程度)',
    '割合', '比率', '率', '人数', '件数', '金額', '額', '数字', '数値', '倍',
    '増え', '減っ', '減り', '減少', '増加', '削減', '伸び', '上がっ', '下がっ', '変わっ', 'どうなった', '実績', '成果',
  ].join('|'),
  'u',
);

export function questionIntent(normalized: string): QuestionIntent {
  return { asksForFigure: FIGURE_QUESTION.test(normalized) };
}
