/**
 * What the rich menu needs of a PNG file without decoding it: its size (the IHDR chunk) and tEXt
 * chunks, a keyword with Latin-1 text, read back and added (the committed menu image carries the
 * fingerprint of the design it was drawn from in one).
 */
import { crc32 } from 'node:zlib';
import type { Size } from './rich-menu.js';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  readonly type: string;
  readonly data: Buffer;
  /** Offset of the chunk's length field. */
  readonly start: number;
}

/** The chunks of a PNG in order, or undefined when the bytes are not a PNG. */
function readChunks(bytes: Uint8Array): Chunk[] | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 8 || !buffer.subarray(0, 8).equals(signature)) return undefined;
  const chunks: Chunk[] = [];
  for (let start = 8; start + 12 <= buffer.length;) {
    const length = buffer.readUInt32BE(start);
    const end = start + 12 + length;
    if (end > buffer.length) return undefined;
    chunks.push({
      type: buffer.toString('latin1', start + 4, start + 8),
      data: buffer.subarray(start + 8, end - 4),
      start,
    });
    start = end;
  }
  return chunks[0]?.type === 'IHDR' ? chunks : undefined;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): Size | undefined {
  const header = readChunks(bytes)?.[0]?.data;
  if (header === undefined || header.length < 8) return undefined;
  return { width: header.readUInt32BE(0), height: header.readUInt32BE(4) };
}

/** The text of the PNG's first tEXt chunk with this keyword, if any. */
export function pngText(bytes: Uint8Array, keyword: string): string | undefined {
  const prefix = Buffer.from(`${keyword}\0`, 'latin1');
  const chunk = readChunks(bytes)?.find((c) => c.type === 'tEXt' && c.data.subarray(0, prefix.length).equals(prefix));
  return chunk?.data.toString('latin1', prefix.length);
}

/** The PNG with a tEXt chunk `keyword`: `text` added just before its end. */
export function withPngText(png: Uint8Array, keyword: string, text: string): Buffer {
  const end = readChunks(png)?.find((c) => c.type === 'IEND');
  if (end === undefined) throw new Error('not a PNG');
  const typeAndData = Buffer.concat([Buffer.from('tEXt', 'latin1'), Buffer.from(`${keyword}\0${text}`, 'latin1')]);
  const chunk = Buffer.alloc(typeAndData.length + 8);
  chunk.writeUInt32BE(typeAndData.length - 4, 0);
  typeAndData.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(typeAndData), chunk.length - 4);
  return Buffer.concat([png.subarray(0, end.start), chunk, png.subarray(end.start)]);
}
