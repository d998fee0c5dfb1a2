/**
 * The Japanese that staff read about a decision: the 理由 sentence of the preview page and of
 * `npm run ask -- --explain`, the labels of the terminal explanation, and the names of the match
 * paths, fields, decisions and missing kinds of fact. One place, so that the preview, the CLI and
 * the JSON say the same thing in the same words; identifiers (entry ids, reasons) stay as they are.
 */
import type { AskedKind } from '../analyze/question-intent.js';
import type { AbstainReason } from './decision.js';
import type { DecisionRule } from './decide.js';

export const pct = (n: number): string => `${Math.round(n * 100)}%`;

/** A reason of not answering, as staff read it beside its identifier: 該当なし (no-match). */
export const abstainReasonNames: Readonly<Record<AbstainReason, string>> = {
  empty: '空の質問',
  greeting: 'あいさつ',
  thanks: 'お礼',
  'no-match': '該当なし',
  'not-in-report': '報告書にない事実',
};

/** The kind of fact a question asks for, when the entry on its topic does not give it. */
export const askedKindNames: Readonly<Record<AskedKind, string>> = {
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
  contents: '中身（入るものの一覧）',
  breakdown: '内訳（どれが多いか）',
  benefit: '特典やもらえるもの',
  municipality: '市町村や都道府県の名前',
  country: '国の名前',
  outcome: '実際の結果',
  reason: '理由（なぜそうなったか）',
  detail: 'くわしい案内',
};

/** How a term of the question was found in an entry (TermMatch['via']). */
export const matchPathNames: Readonly<Record<string, string>> = {
  text: '語が一致',
  approximate: '近い語（カタカナの前方一致か一字違い）',
  reading: '読みが一致（かなの2文字組）',
  heard: '同じ読みの語（聞き違い・変換違いとみなす）',
  synonym: '同義語',
};

/** The fields of an entry a term can match in. */
export const fieldNames: Readonly<Record<string, string>> = {
  title: 'タイトル',
  keywords: 'キーワード',
  phrasings: 'よくある言い方',
  body: '本文',
  figures: '数値',
  reading: '読み',
  grams: '文字の並び',
};

const thresholds = (rule: DecisionRule) =>
  `基準: 回答は ${pct(rule.answer)} 以上、関連する情報は ${pct(rule.related)} 以上`;

/** The best hit's coverage, the figure every decision is judged on. */
export interface BestHit {
  readonly id: string;
  readonly coverage: number;
}

/** "x covers 100%": the figure that decides, stated plainly. */
const covers = (best: BestHit) => `最上位の項目（${best.id}）が質問の重みの ${pct(best.coverage)} を満たします`;
/** "x covers only 38%": said when that is not enough. */
const coversOnly = (best: BestHit) => `最上位の項目（${best.id}）が満たすのは質問の重みの ${pct(best.coverage)} で`;

/** The 理由 of an answer: `confidence` full or partial, `askedUnit` when the reply leads with a figure. */
export function answeredWhy(
  confidence: 'full' | 'partial',
  best: BestHit | undefined,
  rule: DecisionRule,
  askedUnit?: string,
): string {
  const unit = askedUnit ? `。質問は「${askedUnit}」の数値を聞いているので、返信はその数値から始めます` : '';
  if (confidence === 'full') {
    return `回答しました: ${best ? covers(best) : '該当する項目があります'}（${thresholds(rule)}）${unit}`;
  }
  const covered = best ? `${coversOnly(best)}、` : '';
  return `関連する情報として回答しました: ${covered}回答の基準には届きませんが、関連する情報の基準を満たします（${thresholds(rule)}）${unit}`;
}

/** The 理由 of not answering, by reason. */
export function abstainedWhy(
  reason: AbstainReason,
  context: {
    readonly best: BestHit | undefined;
    readonly rule: DecisionRule;
    readonly hasContentTerms: boolean;
    readonly missing?: AskedKind;
  },
): string {
  const head = `回答しませんでした（${abstainReasonNames[reason]}）`;
  const { best, rule } = context;
  switch (reason) {
    case 'empty':
      return `${head}: 記号や絵文字を除くと、調べる語が残りません`;
    case 'greeting':
    case 'thanks':
      return `${head}: あいさつやお礼には、コーパスの一致にかかわらず決まった返事をします`;
    case 'no-match':
      if (!context.hasContentTerms) return `${head}: 質問に内容語がなく、質問の形を作る語（何・教えて など）だけです`;
      if (!best) return `${head}: 質問の内容語に一致する項目がありません`;
      return `${head}: ${coversOnly(best)}、関連する情報の基準に届きません（${thresholds(rule)}）`;
    case 'not-in-report': {
      const missing = context.missing ? askedKindNames[context.missing] : '別の種類の事実';
      const covered = best ? `${covers(best)}が、` : '';
      return `${head}: ${covered}質問は「${missing}」を聞いていて、その項目には書かれていません。関連する情報として、問い合わせ先とともに案内します`;
    }
  }
}

/** Labels of `npm run ask -- --explain`. */
export const explainLabels = {
  why: '理由',
  contentTerms: '内容語',
  none: 'なし',
  background: '前置きの語（順位付けのみ、判定に使わない）',
  generic: '無視した語',
  synonyms: '同義語',
  score: 'スコア',
  coverage: 'カバー率',
  notMatched: '一致なし',
  in: '一致した所:',
  share: '一致',
  /** A synonym match: the corpus word, and how many of its terms matched. */
  synonymPath: (target: string, matched: readonly string[], of: number) =>
    `同義語「${target}」（${of}語中 ${matched.length}語: ${matched.join('、')}）`,
  noTermMatched: '（質問の内容語はどれも一致せず、部分的な一致だけで順位が付いています）',
} as const;
