import { access, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { rgbPng } from '../../drivers/image/rgb-png.js';

// virt-manager keeps each snapshot's screenshot on disk beside its own data; Hangar does the same in its data
// folder, one PNG per snapshot under the connection and the domain's UUID. QEMU hands out PPM, which no browser
// shows, so it becomes PNG here (drivers/image's RGB encoder).

/** A binary PPM (P6, maxval < 256) as PNG; undefined when the bytes are not such a PPM. */
export function ppmToPng(ppm: Uint8Array): Buffer | undefined {
  const bytes = Buffer.from(ppm);
  // The header: P6, width, height, maxval, separated by whitespace (comments start with #), then one whitespace.
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4 && i < bytes.length) {
    while (i < bytes.length && /\s/.test(String.fromCharCode(bytes[i] ?? 0))) i++;
    if (bytes[i] === 0x23) {
      while (i < bytes.length && bytes[i] !== 0x0a) i++;
      continue;
    }
    const start = i;
    while (i < bytes.length && !/\s/.test(String.fromCharCode(bytes[i] ?? 0))) i++;
    fields.push(bytes.subarray(start, i).toString('ascii'));
  }
  i++;
  const [magic, w, h, max] = fields;
  const width = Number(w);
  const height = Number(h);
  if (magic !== 'P6' || !(width > 0) || !(height > 0) || Number(max) > 255) return undefined;
  const row = width * 3;
  if (bytes.length - i < row * height) return undefined;
  const raw = Buffer.alloc((row + 1) * height);
  for (let y = 0; y < height; y++) bytes.copy(raw, y * (row + 1) + 1, i + y * row, i + (y + 1) * row);
  return rgbPng(width, height, raw);
}

const safe = (s: string): string => encodeURIComponent(s).replace(/\./g, '%2E');

/** The snapshots' pictures in the data folder. */
export class SnapshotScreenshots {
  constructor(private readonly dir: string) {}

  private folder(connection: string, domain: string): string {
    return join(this.dir, 'snapshot-screenshots', safe(connection), safe(domain));
  }

  private file(connection: string, domain: string, name: string): string {
    return join(this.folder(connection, domain), `${safe(name)}.png`);
  }

  /** Keeps a screenshot as PNG (PPM converted); false when the image is of a kind it cannot read. */
  async save(connection: string, domain: string, name: string, image: { mime: string; data: Uint8Array }): Promise<boolean> {
    const png = image.mime === 'image/png' ? Buffer.from(image.data) : ppmToPng(image.data);
    if (!png) return false;
    await mkdir(this.folder(connection, domain), { recursive: true });
    await writeFile(this.file(connection, domain, name), png);
    return true;
  }

  async read(connection: string, domain: string, name: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.file(connection, domain, name));
    } catch {
      return undefined;
    }
  }

  async has(connection: string, domain: string, name: string): Promise<boolean> {
    try {
      await access(this.file(connection, domain, name));
      return true;
    } catch {
      return false;
    }
  }

  async remove(connection: string, domain: string, name: string): Promise<void> {
    await rm(this.file(connection, domain, name), { force: true });
  }

  /** Removes every picture of a deleted VM. */
  async forget(connection: string, domain: string): Promise<void> {
    await rm(this.folder(connection, domain), { recursive: true, force: true });
  }
}
