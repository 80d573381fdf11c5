// A minimal PNG encoder (8-bit RGB, no filter, zlib): the Demo host draws its guests' screens with it and main turns
// QEMU's PPM screenshots into something a browser shows, without an image library.
import { deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

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
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(8 + data.byteLength + 4);
  out.writeUInt32BE(data.byteLength, 0);
  typed.copy(out, 4);
  out.writeUInt32BE(crc32(typed), 8 + data.byteLength);
  return out;
}

/**
 * A PNG of `height` scanlines, each a filter byte (0, none) then `width` RGB pixels, as `scanlines` holds them
 * ((1 + 3 × width) × height bytes).
 */
export function rgbPng(width: number, height: number, scanlines: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(scanlines)), chunk('IEND', new Uint8Array(0))]);
}
