import { XmlError } from '../core/xml-error.js';

/**
 * libvirt's size units (virScaleInteger): a single letter or "XiB" is a power of 1024, "XB" a
 * power of 1000; "b"/"bytes" are bytes. Matching is case-insensitive, as in libvirt.
 */
const unitFactors: ReadonlyMap<string, number> = new Map([
  ['b', 1], ['byte', 1], ['bytes', 1],
  ['k', 1024], ['kib', 1024], ['kb', 1000],
  ['m', 1024 ** 2], ['mib', 1024 ** 2], ['mb', 1000 ** 2],
  ['g', 1024 ** 3], ['gib', 1024 ** 3], ['gb', 1000 ** 3],
  ['t', 1024 ** 4], ['tib', 1024 ** 4], ['tb', 1000 ** 4],
  ['p', 1024 ** 5], ['pib', 1024 ** 5], ['pb', 1000 ** 5],
  ['e', 1024 ** 6], ['eib', 1024 ** 6], ['eb', 1000 ** 6],
]);

/** A size as libvirt writes it: a value and a unit. */
export interface ScaledSize {
  readonly value: number;
  readonly unit: string;
}

/** Bytes per unit, or undefined for a unit libvirt does not know. */
export function unitFactor(unit: string): number | undefined {
  return unitFactors.get(unit.trim().toLowerCase());
}

/**
 * Parses "4 GiB", "512M", "1.5 TB", "1024" (in `defaultUnit`) into bytes. Throws XmlError naming
 * `field` for anything else, including negative or fractional-byte results.
 */
export function parseSize(text: string, defaultUnit = 'bytes', field = 'size'): number {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([A-Za-z]*)\s*$/.exec(text);
  if (m === null) throw new XmlError(field, `'${text}' is not a size (expected a number and a unit, e.g. 4 GiB)`);
  const unit = m[2] === '' || m[2] === undefined ? defaultUnit : m[2];
  const factor = unitFactor(unit);
  if (factor === undefined) throw new XmlError(field, `unknown unit '${unit}' (use bytes, KiB, MiB, GiB, TiB, KB, MB, GB, TB)`);
  const bytes = Number(m[1]) * factor;
  if (!Number.isFinite(bytes) || bytes > Number.MAX_SAFE_INTEGER) throw new XmlError(field, `'${text}' is too large`);
  return Math.round(bytes);
}

/** Bytes from a value in a unit (as read from `<memory unit='KiB'>…`). */
export function sizeToBytes(size: ScaledSize, field = 'size'): number {
  const factor = unitFactor(size.unit);
  if (factor === undefined) throw new XmlError(field, `unknown unit '${size.unit}'`);
  if (!Number.isFinite(size.value) || size.value < 0) throw new XmlError(field, `size must be a non-negative number, got ${size.value}`);
  return size.value * factor;
}

/** The largest binary unit that represents `bytes` exactly (what libvirt itself writes is KiB or bytes). */
export function exactSize(bytes: number): ScaledSize {
  for (const unit of ['TiB', 'GiB', 'MiB', 'KiB'] as const) {
    const f = unitFactors.get(unit.toLowerCase()) ?? 1;
    if (bytes !== 0 && bytes % f === 0) return { value: bytes / f, unit };
  }
  return { value: bytes, unit: 'bytes' };
}

/** Human-readable size, e.g. "1.5 GiB" (binary units) or "1.6 GB" with `decimal`. */
export function formatSize(bytes: number, options: { decimal?: boolean; digits?: number } = {}): string {
  const base = options.decimal === true ? 1000 : 1024;
  const units = options.decimal === true ? ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] : ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= base && i < units.length - 1) {
    value /= base;
    i++;
  }
  const digits = options.digits ?? 1;
  const shown = i === 0 ? String(value) : Number.isInteger(value) ? String(value) : value.toFixed(digits).replace(/\.?0+$/, '');
  return `${shown} ${units[i] ?? 'bytes'}`;
}
