// A screenshot for Demo host guests: a small PNG that looks like a text console (dark screen, a title bar in the
// state's colour, a few "text lines"), encoded here with zlib so no image library is needed.
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.byteLength, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A width × height RGB PNG of a console screen; `seed` varies the text lines, `accent` colours the title bar. */
export function consolePng(width: number, height: number, accent: readonly [number, number, number], seed: number): Uint8Array {
  const row = 1 + width * 3;
  const raw = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    raw[y * row] = 0;
    const line = Math.floor((y - 24) / 14);
    const inText = y >= 24 && (y - 24) % 14 < 8;
    const lineLen = ((line * 7919 + seed) % 60) + 10;
    for (let x = 0; x < width; x++) {
      const o = y * row + 1 + x * 3;
      let px: readonly [number, number, number] = [16, 18, 24];
      if (y < 16) px = accent;
      else if (inText && x >= 8 && (x - 8) / 6 < lineLen && (x - 8) % 6 < 5) px = [190, 200, 190];
      raw[o] = px[0];
      raw[o + 1] = px[1];
      raw[o + 2] = px[2];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}
