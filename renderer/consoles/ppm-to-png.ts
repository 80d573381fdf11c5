// libvirt's QEMU screenshots come as PPM (P6): drawn on a canvas here so that the saved file is a PNG.

/** The pixels of a binary PPM (P6, maxval ≤ 255) as RGBA, or null when the bytes are not one. */
export function decodePpm(bytes: Uint8Array): { width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> } | null {
  let pos = 0;
  const token = (): string | null => {
    for (;;) {
      while (pos < bytes.length && /\s/.test(String.fromCharCode(bytes[pos] ?? 0))) pos++;
      if (bytes[pos] !== 0x23) break; // '#' comment to end of line
      while (pos < bytes.length && bytes[pos] !== 0x0a) pos++;
    }
    const start = pos;
    while (pos < bytes.length && !/\s/.test(String.fromCharCode(bytes[pos] ?? 0))) pos++;
    return pos > start ? String.fromCharCode(...bytes.subarray(start, pos)) : null;
  };
  if (token() !== 'P6') return null;
  const width = Number(token());
  const height = Number(token());
  const max = Number(token());
  pos++; // the single whitespace before the raster
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || max <= 0 || max > 255) return null;
  if (bytes.length - pos < width * height * 3) return null;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const scale = 255 / max;
  for (let i = 0, j = pos; i < width * height; i++, j += 3) {
    rgba[i * 4] = (bytes[j] ?? 0) * scale;
    rgba[i * 4 + 1] = (bytes[j + 1] ?? 0) * scale;
    rgba[i * 4 + 2] = (bytes[j + 2] ?? 0) * scale;
    rgba[i * 4 + 3] = 255;
  }
  return { width, height, rgba };
}

function base64Bytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A screenshot from domains.screenshot as a PNG blob (PNG kept as it is, PPM converted). */
export async function screenshotPng(shot: { readonly mime: string; readonly base64: string }): Promise<Blob> {
  const bytes = base64Bytes(shot.base64);
  if (shot.mime === 'image/png') return new Blob([bytes.slice().buffer], { type: 'image/png' });
  const ppm = decodePpm(bytes);
  if (!ppm) throw new Error(`the screenshot is neither PNG nor PPM (${shot.mime})`);
  const canvas = document.createElement('canvas');
  canvas.width = ppm.width;
  canvas.height = ppm.height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2D canvas');
  g.putImageData(new ImageData(ppm.rgba, ppm.width, ppm.height), 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
}

/** Saves a blob as a file through the browser's download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
