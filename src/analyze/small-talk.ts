/**
 * Recognise greetings and thanks, which deserve a friendly word rather than corpus facts.
 * Works on normalised text; a message counts as small talk only when nothing else is left
 * once the greeting words and punctuation are taken away.
 */

export type SmallTalk = 'greeting' | 'thanks';

const THANKS = [
  'ありがとうございました',
  'ありがとうございます',
  'ありがとう',
  'ありがと',
  'あざす',
  'あざっす',
  'サンキュー',
  'thank you',
  'thanks',
  'thx',
  '感謝します',
  '感謝です',
  '感謝',
  'どうも',
  '助かりました',
  '助かります',
  '助かった',
  '助かる',
  'たすかった',
  'さんきゅー',
  'さんきゅ',
  'あざまる',
  '了解しました',
  '了解です',
  '了解',
  'りょうかい',
  'わかりました',
  '分かりました',
  'わかった',
  '分かった',
  'なるほど',
  'ok',
  'おk',
  'おけ',
  'オッケー',
  'おっけー',
];
const GREETINGS = [
  'おはようございます',
  'おはよう',
  'こんにちは',
  'こんにちわ',
  'こんばんは',
  'こんばんわ',
  'はじめまして',
  '初めまして',
  'よろしくお願いします',
  'よろしくおねがいします',
  'よろしくお願いいたします',
  'よろしく',
  '宜しく',
  'もしもし',
  'やあ',
  'ハロー',
  'hello',
  'hi',
  'hey',
  'おつかれさまです',
  'お疲れ様です',
  'お疲れさまです',
  'おやすみなさい',
  'おやすみ',
  'さようなら',
  'バイバイ',
  // A first message sent to see whether the account answers at all.
  'テスト送信',
  'テスト',
  'てすと',
  'test',
];
// Longest first so that ありがとうございます is removed whole, not as ありがとう + ございます.
const byLength = (a: string, b: string) => b.length - a.length;
const THANKS_SORTED = [...THANKS].sort(byLength);
const GREETINGS_SORTED = [...GREETINGS].sort(byLength);
const FILLER = /[\s\p{P}\p{S}ー〜~wｗ笑]+/gu;

function strip(text: string, phrases: readonly string[]): { rest: string; found: boolean } {
  let rest = text;
  let found = false;
  for (const p of phrases) {
    if (rest.includes(p)) {
      rest = rest.split(p).join(' ');
      found = true;
    }
  }
  return { rest, found };
}

/** 'thanks' or 'greeting' when the whole message is small talk, else undefined. */
export function detectSmallTalk(normalized: string): SmallTalk | undefined {
  const thanks = strip(normalized, THANKS_SORTED);
  const greeting = strip(thanks.rest, GREETINGS_SORTED);
  if (greeting.rest.replace(FILLER, '').replace(/(です|ます|ございます|市長|さん|bot|ボット)/gu, '').length > 0) {
    return undefined;
  }
  if (thanks.found) return 'thanks';
  if (greeting.found) return 'greeting';
  return undefined;
}
