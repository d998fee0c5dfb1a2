/**
 * Bytes of a spreadsheet file ↔ text (pure). Excel saves 「CSV UTF-8」 with a byte order mark and
 * plain 「CSV」 in Shift_JIS (Windows code page 932), so reading tries, in order: a UTF-8 BOM,
 * valid UTF-8, then CP932 when it reads cleanly. Anything else (Latin-1, broken UTF-8) is refused
 * with the line where it stops making sense, never decoded into U+FFFD. Writing gives UTF-8 with a
 * BOM (which Excel opens correctly) or CP932.
 */
import iconv from 'iconv-lite';
import { csvMessages } from './check-messages.js';

/** The encodings spreadsheet files are read and written in. */
export type TextEncodingName = 'utf-8' | 'cp932';

export interface DecodedText {
  readonly text: string;
  /** How the bytes were read; `bom` tells whether they started with a UTF-8 byte order mark. */
  readonly encoding: TextEncodingName;
  readonly bom: boolean;
}

const utf8Bom = [0xef, 0xbb, 0xbf] as const;

/** Bytes that are neither UTF-8 nor Shift_JIS; `reason` is for staff, in Japanese. */
export class TextEncodingError extends Error {
  override readonly name = 'TextEncodingError';
  constructor(
    /** 1-based line of the file where the bytes stop reading as either encoding. */
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${line}行目: ${reason}`);
  }
}

const unreadable = csvMessages.unreadableEncoding;

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The text when the bytes are CP932 that decodes without U+FFFD and encodes back to the same bytes. */
function cleanCp932(bytes: Uint8Array): string | undefined {
  const text = iconv.decode(asBuffer(bytes), 'cp932');
  if (text.includes('\uFFFD')) return undefined;
  return asBuffer(iconv.encode(text, 'cp932')).equals(bytes) ? text : undefined;
}

/** 1-based number of the first line (split at LF, as in both encodings) that `reads` refuses. */
function firstLineNotRead(bytes: Uint8Array, reads: (line: Uint8Array) => boolean): number {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    const lf = bytes.indexOf(0x0a, start);
    const end = lf === -1 ? bytes.length : lf;
    if (!reads(bytes.subarray(start, end))) return line;
    if (lf === -1) break;
    start = lf + 1;
    line++;
  }
  return line;
}

/**
 * Decode a file's bytes: UTF-8 when they start with a BOM (which is dropped) or are valid UTF-8
 * (pure ASCII included), otherwise Shift_JIS as Windows writes it (CP932, with NEC and IBM
 * extensions such as ① and ㈱) when it decodes cleanly and encodes back to the same bytes.
 * Throws TextEncodingError otherwise (a Latin-1 file, broken UTF-8), naming the first line by
 * which the file reads as neither; a Latin-1 file that happens to be valid Shift_JIS cannot be
 * told apart and reads as Shift_JIS.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  if (bytes[0] === utf8Bom[0] && bytes[1] === utf8Bom[1] && bytes[2] === utf8Bom[2]) {
    const rest = bytes.subarray(3);
    if (!isUtf8(rest)) throw new TextEncodingError(firstLineNotRead(rest, isUtf8), unreadable);
    return { text: decoder.decode(rest), encoding: 'utf-8', bom: true };
  }
  if (isUtf8(bytes)) return { text: decoder.decode(bytes), encoding: 'utf-8', bom: false };
  const text = cleanCp932(bytes);
  if (text !== undefined) return { text, encoding: 'cp932', bom: false };
  const line = Math.max(
    firstLineNotRead(bytes, isUtf8),
    firstLineNotRead(bytes, (l) => cleanCp932(l) !== undefined),
  );
  throw new TextEncodingError(line, unreadable);
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
