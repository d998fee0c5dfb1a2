import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  charactersNotInCp932,
  decodeText,
  encodeText,
  TextEncodingError,
} from '../../src/corpus/detect-encoding.js';

const csv = 'id,title,text\r\nfurusato,ふるさと納税の寄付額,就任前の679万円から3億4300万円に（①～③、㈱）\r\n';

describe('decodeText', () => {
  it('reads a Shift_JIS file as Excel writes it (CP932, with ① and ㈱)', () => {
    const decoded = decodeText(iconv.encode(csv, 'cp932'));
    expect(decoded).toEqual({ text: csv, encoding: 'cp932', bom: false });
  });

  it('reads UTF-8 with a byte order mark and drops the mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ text: csv, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-8 without a byte order mark', () => {
    expect(decodeText(Buffer.from(csv, 'utf8'))).toEqual({ text: csv, encoding: 'utf-8', bom: false });
  });

  it('reads plain ASCII as UTF-8, and an empty file as empty text', () => {
    expect(decodeText(Buffer.from('id,title\r\n'))).toMatchObject({ text: 'id,title\r\n', encoding: 'utf-8' });
    expect(decodeText(new Uint8Array())).toMatchObject({ text: '', encoding: 'utf-8' });
  });

  it('reads a Uint8Array that is a view into a larger buffer', () => {
    const whole = Buffer.concat([Buffer.from('xxxx'), iconv.encode('小諸', 'cp932')]);
    expect(decodeText(new Uint8Array(whole.buffer, whole.byteOffset + 4, whole.byteLength - 4)).text).toBe('小諸');
  });
});

describe('decodeText refuses what it cannot read cleanly', () => {
  /** The error decodeText throws for these bytes. */
  function refusal(bytes: Uint8Array): TextEncodingError {
    try {
      decodeText(bytes);
    } catch (err) {
      if (err instanceof TextEncodingError) return err;
      throw err;
    }
    throw new Error('decodeText did not refuse the bytes');
  }

  it('refuses a Latin-1 file instead of turning its accents into U+FFFD, naming the line', () => {
    const err = refusal(Buffer.from('id,title,text\r\ncafe,Caf\u00e9,ok\r\nnaive,na\u00efve cr\u00e8me,x\r\n', 'latin1'));
    expect(err.line).toBe(2);
    expect(err.message).toMatch(/^2行目: /);
    expect(err.reason).toContain('UTF-8');
    expect(err.reason).toContain('Shift_JIS');
  });

  it('refuses broken UTF-8, with or without a byte order mark, at the line of the broken character', () => {
    const good = Buffer.from('id,title\r\nfurusato,ふるさと納税\r\n', 'utf8');
    // A character cut in two: the first two bytes of 「あ」 (E3 81 82), then a line break.
    const broken = Buffer.concat([good, Buffer.from('gomi,ごみ'), Buffer.from([0xe3, 0x81]), Buffer.from('\r\n')]);
    expect(refusal(broken).line).toBe(3);
    expect(refusal(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), broken])).line).toBe(3);
  });

  it('refuses bytes that decode as Shift_JIS only with a replacement character', () => {
    // 0x81 starts a two-byte character; 0x0A cannot end it.
    expect(refusal(Buffer.from([0x69, 0x64, 0x0a, 0x81, 0x0a])).line).toBe(2);
  });
});

describe('encodeText', () => {
  it('writes UTF-8 with a byte order mark, which reads back as the same text', () => {
    const bytes = encodeText(csv, 'utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeText(bytes)).toEqual({ text: csv, encoding: 'utf-8', bom: true });
  });

  it('writes Shift_JIS that reads back as the same text', () => {
    expect(decodeText(encodeText(csv, 'cp932'))).toEqual({ text: csv, encoding: 'cp932', bom: false });
  });
});

describe('charactersNotInCp932', () => {
  it('names the characters Shift_JIS cannot hold, each once', () => {
    expect(charactersNotInCp932('1. 財政— 囲み — 🍇 ～')).toEqual(['—', '🍇']);
    expect(charactersNotInCp932(csv)).toEqual([]);
  });
});
