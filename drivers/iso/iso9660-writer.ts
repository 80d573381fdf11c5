// A small ISO 9660 image writer: one root directory of small files, with a Joliet tree beside the primary one
// (so Linux and Windows guests see the names as given). Enough for a cloud-init NoCloud seed; isomorphic.

const SECTOR = 2048;

export interface IsoFile {
  /** The name as the guest should see it (Joliet); the primary tree gets an upper-case ISO 9660 form of it. */
  readonly name: string;
  readonly data: Uint8Array;
}

export interface IsoOptions {
  /** Volume identifier (label), at most 32 characters: `cidata` for a NoCloud seed. */
  readonly volumeId: string;
  readonly systemId?: string;
  readonly publisherId?: string;
  readonly applicationId?: string;
  readonly date?: Date;
}

const le16 = (b: Uint8Array, at: number, v: number): void => { b[at] = v & 255; b[at + 1] = (v >> 8) & 255; };
const be16 = (b: Uint8Array, at: number, v: number): void => { b[at] = (v >> 8) & 255; b[at + 1] = v & 255; };
const le32 = (b: Uint8Array, at: number, v: number): void => { for (let i = 0; i < 4; i++) b[at + i] = Math.floor(v / 256 ** i) & 255; };
const be32 = (b: Uint8Array, at: number, v: number): void => { for (let i = 0; i < 4; i++) b[at + 3 - i] = Math.floor(v / 256 ** i) & 255; };
const both16 = (b: Uint8Array, at: number, v: number): void => { le16(b, at, v); be16(b, at + 2, v); };
const both32 = (b: Uint8Array, at: number, v: number): void => { le32(b, at, v); be32(b, at + 4, v); };

function ascii(b: Uint8Array, at: number, length: number, text: string): void {
  for (let i = 0; i < length; i++) b[at + i] = i < text.length ? text.charCodeAt(i) & 0x7f : 0x20;
}

function ucs2(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) be16(out, i * 2, text.charCodeAt(i));
  return out;
}

/** A Joliet identifier field: UCS-2 big-endian, padded with UCS-2 spaces. */
function ucs2Field(b: Uint8Array, at: number, length: number, text: string): void {
  for (let i = 0; i < length / 2; i++) be16(b, at + i * 2, i < text.length ? text.charCodeAt(i) : 0x20);
}

/** The primary tree's name: ISO 9660 d-characters, upper case, with the version suffix. */
export function primaryName(name: string): string {
  const cleaned = name.toUpperCase().replace(/[^A-Z0-9_.-]/g, '_');
  const dot = cleaned.lastIndexOf('.');
  const base = (dot > 0 ? cleaned.slice(0, dot) : cleaned).replace(/\./g, '_').slice(0, 30);
  const ext = dot > 0 ? cleaned.slice(dot + 1).slice(0, 30 - base.length) : '';
  return `${base}.${ext};1`;
}

function dirDate(b: Uint8Array, at: number, d: Date): void {
  b[at] = d.getUTCFullYear() - 1900;
  b[at + 1] = d.getUTCMonth() + 1;
  b[at + 2] = d.getUTCDate();
  b[at + 3] = d.getUTCHours();
  b[at + 4] = d.getUTCMinutes();
  b[at + 5] = d.getUTCSeconds();
  b[at + 6] = 0;
}

function volumeDate(d: Date | undefined): string {
  if (!d) return '0000000000000000';
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}00`;
}

function dirRecord(name: Uint8Array, extent: number, length: number, isDir: boolean, date: Date): Uint8Array {
  const len = 33 + name.length + (name.length % 2 === 0 ? 1 : 0);
  const r = new Uint8Array(len);
  r[0] = len;
  both32(r, 2, extent);
  both32(r, 10, length);
  dirDate(r, 18, date);
  r[25] = isDir ? 2 : 0;
  both16(r, 28, 1);
  r[32] = name.length;
  r.set(name, 33);
  return r;
}

/** Builds the image. Files and the directory must fit in one directory sector (a seed has two or three). */
export function buildIso(given: readonly IsoFile[], options: IsoOptions): Uint8Array {
  // Directory records are in name order (ECMA-119 9.3).
  const files = [...given].sort((a, b) => (primaryName(a.name) < primaryName(b.name) ? -1 : 1));
  if (options.volumeId.length === 0 || options.volumeId.length > 32) throw new Error('an ISO volume id has 1–32 characters');
  const date = options.date ?? new Date();
  // Sectors: 16 PVD, 17 Joliet SVD, 18 terminator, 19–22 path tables, 23 primary root, 24 Joliet root, then data.
  const PVD = 16, SVD = 17, TERM = 18, LPATH = 19, MPATH = 20, JLPATH = 21, JMPATH = 22, ROOT = 23, JROOT = 24;
  let next = 25;
  const extents = files.map((f) => {
    const at = next;
    next += Math.max(1, Math.ceil(f.data.length / SECTOR));
    return at;
  });
  const total = next;
  const image = new Uint8Array(total * SECTOR);
  const sector = (n: number): Uint8Array => image.subarray(n * SECTOR, (n + 1) * SECTOR);

  const writeDir = (n: number, joliet: boolean): void => {
    const recs = [dirRecord(new Uint8Array([0]), n, SECTOR, true, date), dirRecord(new Uint8Array([1]), n, SECTOR, true, date)];
    files.forEach((f, i) => {
      const name = joliet ? ucs2(f.name) : new TextEncoder().encode(primaryName(f.name));
      recs.push(dirRecord(name, extents[i]!, f.data.length, false, date));
    });
    const s = sector(n);
    let at = 0;
    for (const r of recs) {
      if (at + r.length > SECTOR) throw new Error('too many files for one directory sector');
      s.set(r, at);
      at += r.length;
    }
  };
  writeDir(ROOT, false);
  writeDir(JROOT, true);
  files.forEach((f, i) => image.set(f.data, extents[i]! * SECTOR));

  const pathTable = (n: number, root: number, bigEndian: boolean): void => {
    const s = sector(n);
    s[0] = 1; // name length
    if (bigEndian) { be32(s, 2, root); be16(s, 6, 1); } else { le32(s, 2, root); le16(s, 6, 1); }
  };
  pathTable(LPATH, ROOT, false);
  pathTable(MPATH, ROOT, true);
  pathTable(JLPATH, JROOT, false);
  pathTable(JMPATH, JROOT, true);

  const descriptor = (n: number, joliet: boolean): void => {
    const s = sector(n);
    s[0] = joliet ? 2 : 1;
    ascii(s, 1, 5, 'CD001');
    s[6] = 1;
    const text = (at: number, len: number, v: string): void => (joliet ? ucs2Field(s, at, len, v) : ascii(s, at, len, v));
    text(8, 32, options.systemId ?? '');
    text(40, 32, options.volumeId);
    both32(s, 80, total);
    if (joliet) ascii(s, 88, 3, '%/E'); // UCS-2 level 3
    both16(s, 120, 1);
    both16(s, 124, 1);
    both16(s, 128, SECTOR);
    both32(s, 132, 10);
    if (joliet) { le32(s, 140, JLPATH); be32(s, 148, JMPATH); } else { le32(s, 140, LPATH); be32(s, 148, MPATH); }
    s.set(dirRecord(new Uint8Array([0]), joliet ? JROOT : ROOT, SECTOR, true, date), 156);
    text(190, 128, '');
    text(318, 128, options.publisherId ?? '');
    text(446, 128, '');
    text(574, 128, options.applicationId ?? '');
    text(702, 36, '');
    text(738, 36, '');
    text(774, 36, '');
    for (const at of [813, 830, 847, 864]) ascii(s, at, 16, at === 813 || at === 830 ? volumeDate(date) : '0000000000000000');
    s[881] = 1;
  };
  descriptor(PVD, false);
  descriptor(SVD, true);
  const term = sector(TERM);
  term[0] = 255;
  ascii(term, 1, 5, 'CD001');
  term[6] = 1;
  return image;
}
