import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { consolePng } from '../../../drivers/demo/screenshot-png.js';

/** The chunks of a PNG, in order. */
function chunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const out: { type: string; data: Buffer; crcOk: boolean }[] = [];
  let at = 8;
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const crcOk = crc32(png.subarray(at + 4, at + 8 + len)) === png.readUInt32BE(at + 8 + len);
    out.push({ type: png.toString('ascii', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + len), crcOk });
    at += 12 + len;
  }
  return out;
}

describe('Demo host screenshots', () => {
  it('is a PNG of the asked size whose pixels decode', () => {
    const png = Buffer.from(consolePng(64, 40, [10, 200, 30], 3));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const ihdr = list[0]?.data as Buffer;
    expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), ihdr[8], ihdr[9]]).toEqual([64, 40, 8, 2]);
    const raw = inflateSync(list[1]?.data as Buffer);
    expect(raw.length).toBe(40 * (1 + 64 * 3));
    // The title bar has the accent colour.
    expect([...raw.subarray(1, 4)]).toEqual([10, 200, 30]);
  });
});
