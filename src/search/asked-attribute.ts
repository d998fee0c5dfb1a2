/**
 * Questions that ask for a practical detail — a fare, opening hours, a timetable, how to apply —
 * are answered only by an entry that gives that detail. When the best entry is about the right
 * topic but does not mention the detail (「市民バスの運賃は？」 against an entry about the bus
 * service), answering with it would look like an answer and is not: the bot abstains instead.
 */

// Words that name the detail asked for (patterns: 何時 but not 何時間, which asks for a figure).
// Each is matched in the normalised question, and what it matched is looked for in the entry's text.
const ATTRIBUTE_WORDS = [
  '運賃',
  '料金',
  '値段',
  '使用料',
  '手数料',
  '時刻表',
  '時刻',
  '時間帯',
  '営業時間',
  '開館時間',
  '開庁時間',
  '受付時間',
  '診療時間',
  '何時(?!間)',
  '休館日',
  '休館',
  '定休日',
  '休み',
  '予約',
  '申込',
  '申し込み',
  '申請',
  '手続き',
  '手続',
  '必要書類',
  '持ち物',
  '電話番号',
  '連絡先',
  '住所',
  '地図',
  '行き方',
  'アクセス',
  '締め切り',
  '締切',
  '期限',
];
const ATTRIBUTE = new RegExp(ATTRIBUTE_WORDS.join('|'), 'u');

/** The practical detail a question asks for, or undefined. */
export function askedAttribute(normalized: string): string | undefined {
  return ATTRIBUTE.exec(normalized)?.[0];
}

/** True when an entry's text gives the detail (the word itself appears in it). */
export function givesAttribute(entryText: string, attribute: string): boolean {
  return entryText.includes(attribute);
}
