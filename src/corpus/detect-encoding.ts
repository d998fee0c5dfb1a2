/**
 * Bytes of a spreadsheet file ↔ text (pure). Excel saves 「CSV UTF-8」 with a byte order mark and
 * plain 「CSV」 in Shift_JIS (Windows code page 932), so reading tries, in order: a UTF-8 BOM,
 * valid UTF-8, then CP932. Writing gives UTF-8 with a BOM (which Excel opens correctly) or CP932.
 */
import iconv from 'iconv-lite';

/** The encodings spreadsheet files are read and written in. */
export type TextEncodingName = 'utf-8' | 'cp932';

export interface DecodedText {
  readonly text: string;
  /** How the bytes were read; `bom` tells whether they started with a UTF-8 byte order mark. */
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
}

const utf8Bom = [0xef, 0xbb, 0xbf] as const;

/**
 * Decode a file's bytes: UTF-8 when they start with a BOM (which is dropped) or are valid UTF-8
 * (pure ASCII included), otherwise Shift_JIS as Windows writes it (CP932, with NEC and IBM
 * extensions such as ① and ㈱).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === utf8Bom[0] && bytes[1] === utf8Bom[1] && bytes[2] === utf8Bom[2]) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932'), encoding: 'cp932', bom: false };
  }
}

/** Encode text for a spreadsheet: UTF-8 starts with a BOM so that Excel does not take it for Shift_JIS. */
export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  if (encoding === 'cp932') return iconv.encode(text, 'cp932');
  return Buffer.concat([Buffer.from(utf8Bom), Buffer.from(text, 'utf8')]);
}

/**
 * The characters of `text` that CP932 cannot hold (they would be written as '?'), each once,
 * in order of appearance. For instance the em dash — (U+2014): Shift_JIS only has ― (U+2015).
 */
export function charactersNotInCp932(text: string): string[] {
  const missing = new Set<string>();
  for (const ch of new Set(text)) {
    if (iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') !== ch) missing.add(ch);
  }
  return [...missing];
}
