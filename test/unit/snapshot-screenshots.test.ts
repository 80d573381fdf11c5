import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ppmToPng } from '../../main/services/snapshot-screenshots.js';

describe('snapshot screenshots', () => {
  it('turn QEMU’s PPM into a PNG with the same pixels', () => {
    const ppm = Buffer.concat([Buffer.from('P6\n# by qemu\n2 1\n255\n'), Buffer.from([255, 0, 0, 0, 0, 255])]);
    const png = ppmToPng(ppm);
    if (!png) throw new Error('no PNG');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16)).toBe(2);
    expect(png.readUInt32BE(20)).toBe(1);
    const idatAt = png.indexOf('IDAT');
    const length = png.readUInt32BE(idatAt - 4);
    expect([...inflateSync(png.subarray(idatAt + 4, idatAt + 4 + length))]).toEqual([0, 255, 0, 0, 0, 0, 255]);
  });

  it('refuse what is not a whole binary PPM', () => {
    expect(ppmToPng(Buffer.from('P3\n1 1\n255\n0 0 0'))).toBeUndefined();
    expect(ppmToPng(Buffer.concat([Buffer.from('P6 2 2 255\n'), Buffer.from([1, 2, 3])]))).toBeUndefined();
  });
});
