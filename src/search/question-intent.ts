/**
 * What kind of answer a question wants. A question about an amount, a count, a ratio or a
 * change (「何倍？」「何人？」「いくら？」「減った？」) is best answered by an entry with figures,
 * so those entries rank first for it.
 */

export interface QuestionIntent {
  /** The question asks for a number or for how something changed. */
  readonly asksForFigure: boolean;
  /** The unit of the number asked for, when the question names it (何人 → 人, 何パーセント → %). */
  readonly unit?: string;
}

// Which unit a way of asking points to; the first that matches wins.
const UNIT_QUESTIONS: readonly (readonly [RegExp, string])[] = [
  [/何倍|なんばい|倍に/u, '倍'],
  [/何人|なんにん|人数|何名/u, '人'],
  [/何件|なんけん|件数/u, '件'],
  [/何時間|なんじかん/u, '時間'],
  [/何区|なんく/u, '区'],
  [/何団体/u, '団体'],
  [/何%|何パーセント|なんぱーせんと|何割|割合|比率|率/u, '%'],
  [/いくら|何円|なんえん|金額|額/u, '円'],
];

const FIGURE_QUESTION = new RegExp(
  [
    '何(?:人|件|倍|円|%|パーセント|割|時間|区|団体|回|名|万|億|か所|カ所|ヶ所|箇所|校|社|%)',
    'なん(?:にん|けん|ばい|えん|ぱーせんと|わり|じかん)',
    'いくら',
    'いくつ',
    'どれ(?:くらい|ぐらい|ほど|だけ)',
    'どの(?:くらい|ぐらい|程度)',
    '割合',
    '比率',
    '率',
    '人数',
    '件数',
    '金額',
    '額',
    '数字',
    '数値',
    '倍',
    '増え',
    '減っ',
    '減り',
    '減少',
    '増加',
    '削減',
    '伸び',
    '上がっ',
    '下がっ',
    '変わっ',
    'どうなった',
    '実績',
    '成果',
  ].join('|'),
  'u',
);

export function questionIntent(normalized: string): QuestionIntent {
  const unit = UNIT_QUESTIONS.find(([pattern]) => pattern.test(normalized))?.[1];
  return { asksForFigure: unit !== undefined || FIGURE_QUESTION.test(normalized), ...(unit ? { unit } : {}) };
}

/** True when a figure's unit answers a question asking for `unit` (円 is answered by 千円 too). */
export function unitAnswers(figureUnit: string, unit: string): boolean {
  return figureUnit === unit || (unit === '円' && figureUnit.endsWith('円'));
}
