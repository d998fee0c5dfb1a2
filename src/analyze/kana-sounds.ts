/**
 * Readings compared as they are heard rather than spelled. Voice input and hurried typing confuse
 * voiced and unvoiced kana (センダー / センター, インバウント / インバウンド) and drop or add a long
 * vowel (ねみんぐらいつ / ネーミングライツ, かんこきょく / 観光局): these forms ignore both.
 */

/**
 * A katakana reading with ヂ and ヅ as ジ and ズ, which sound the same: citizens type つずき for
 * 続き, and romaji (tetsuzuki) gives ず.
 */
export function foldedDentals(reading: string): string {
  return reading.replace(/ヂ/gu, 'ジ').replace(/ヅ/gu, 'ズ');
}

/** A katakana reading with voicing marks removed: ガ → カ, ダ → タ, バ and パ → ハ. */
export function unvoiced(reading: string): string {
  return reading
    .normalize('NFD')
    .replace(/[\u3099\u309A]/gu, '')
    .normalize('NFC');
}

// Kana of the o and u rows, after which ウ lengthens the vowel (コウ, キョウ, シュウ, スウ)...
const O_OR_U_ROW = /([オコソトノホモヨロゴゾドボポョォウクスツヌフムユルグズヅブプュゥ])ウ/gu;
// ...and of the e row, after which イ does (セイ, ケイ).
const E_ROW = /([エケセテネヘメレゲゼデベペェ])イ/gu;

// A vowel said twice, as romaji spells a long vowel (supootsu: スポオツ, keeki: ケエキ, paatii: パアティイ).
const DOUBLED_VOWEL =
  /([アカサタナハマヤラワガザダバパャァ])ア|([イキシチニヒミリギジヂビピィ])イ|([オコソトノホモヨロゴゾドボポョォ])オ|([エケセテネヘメレゲゼデベペェ])エ/gu;

/** A katakana reading with its long vowels left out: ネーミング → ネミング, カンコウ → カンコ, セイサク → セサク, スポオツ → スポツ. */
export function withoutLongVowels(reading: string): string {
  return reading
    .replace(/ー/gu, '')
    .replace(O_OR_U_ROW, '$1')
    .replace(E_ROW, '$1')
    .replace(DOUBLED_VOWEL, (_m, a?: string, i?: string, o?: string, e?: string) => a ?? i ?? o ?? e ?? '');
}

/**
 * A katakana word as heard when voicing and the long-vowel mark are lost: センダー and センター
 * both read センタ. Only ー: a katakana word spells its long vowels with it.
 */
export function looseKatakana(reading: string): string {
  return unvoiced(reading).replace(/ー/gu, '');
}

/** Small kana, which join the sound before them (しゅ, じょ): no sound of their own. */
const SMALL_KANA = /[ァィゥェォャュョヮぁぃぅぇぉゃゅょゎ]/gu;

/** How many sounds (morae) a reading has: しゅう has two, ふるさと four. */
export function moraCount(reading: string): number {
  return [...reading.replace(SMALL_KANA, '')].length;
}
