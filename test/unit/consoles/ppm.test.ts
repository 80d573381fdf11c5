import { describe, expect, it } from 'vitest';
import { decodePpm } from '../../../renderer/consoles/ppm-to-png.js';

describe('decodePpm', () => {
  it('reads a P6 image with a comment into RGBA', () => {
    const header = Buffer.from('P6\n# made by qemu\n2 1\n255\n');
    const ppm = new Uint8Array([...header, 255, 0, 0, 0, 128, 255]);
    const img = decodePpm(ppm);
    expect(img?.width).toBe(2);
    expect(img?.height).toBe(1);
    expect([...(img?.rgba ?? [])]).toEqual([255, 0, 0, 255, 0, 128, 255, 255]);
  });

  it('refuses what is not a whole P6 image', () => {
    expect(decodePpm(Buffer.from('\x89PNG\r\n'))).toBeNull();
    expect(decodePpm(Buffer.from('P6 4 4 255\n\x00\x00'))).toBeNull();
  });
});
