// A screenshot for Demo host guests: a small PNG that looks like a text console (dark screen, a title bar in the
// state's colour, a few "text lines"), encoded by the shared RGB PNG encoder.
import { rgbPng } from '../image/rgb-png.js';

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
  return rgbPng(width, height, raw);
}
