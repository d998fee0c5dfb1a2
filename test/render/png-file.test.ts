/** Reading a PNG's size and text chunks, and adding one, without decoding the image. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundledCorpusDir } from '../../src/corpus/read-corpus.js';
import { pngSize, pngText, withPngText } from '../../src/render/png-file.js';

describe('png-file', () => {
  it('adds a text chunk that reads back, keeping the image and every chunk whole', async () => {
    const png = await readFile(path.join(bundledCorpusDir, 'rich-menu.png'));
    const stamped = withPngText(png, 'note', 'made for a test');
    expect(pngText(stamped, 'note')).toBe('made for a test');
    expect(pngText(stamped, 'other')).toBeUndefined();
    expect(pngSize(stamped)).toEqual(pngSize(png));
    expect(stamped.length).toBe(png.length + 12 + 'note\0made for a test'.length);

    // Every chunk's CRC is right, and the image data is untouched and still inflates.
    const idat = (bytes: Buffer): Buffer => {
      const parts: Buffer[] = [];
      for (let at = 8; at < bytes.length; at += 12 + bytes.readUInt32BE(at)) {
        const length = bytes.readUInt32BE(at);
        expect(crc32(bytes.subarray(at + 4, at + 8 + length))).toBe(bytes.readUInt32BE(at + 8 + length));
        if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(bytes.subarray(at + 8, at + 8 + length));
      }
      return inflateSync(Buffer.concat(parts));
    };
    expect(idat(stamped).equals(idat(png))).toBe(true);
  });

  it('says what is not a PNG', () => {
    expect(pngSize(Buffer.from('GIF89a, not a PNG at all'))).toBeUndefined();
    expect(pngText(Buffer.alloc(0), 'note')).toBeUndefined();
    expect(() => withPngText(Buffer.from('nope'), 'note', 'x')).toThrow('not a PNG');
  });
});
