import { exactSize, sizeToBytes, unitFactor } from '../validate/size.js';
import type { XmlElement } from './nodes.js';
import { XmlError } from './xml-error.js';

/** Bytes of an element like `<memory unit='KiB'>1024</memory>` (unit attribute `unitAttr`, else `defaultUnit`). */
export function readScaled(el: XmlElement | undefined, field: string, defaultUnit: string, unitAttr = 'unit'): number | undefined {
  if (el === undefined) return undefined;
  const text = el.text.trim();
  if (!/^[0-9]+$/.test(text)) throw new XmlError(field, `'${el.text}' is not a non-negative integer`);
  return sizeToBytes({ value: Number(text), unit: el.attr(unitAttr) ?? defaultUnit }, field);
}

/** Writes bytes, in the element's current unit when that is exact (so only the number changes), else the largest exact one. */
export function writeScaled(el: XmlElement, bytes: number, field: string, defaultUnit: string, unitAttr = 'unit'): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0) throw new XmlError(field, `must be a whole, non-negative number of bytes, got ${bytes}`);
  const current = el.attr(unitAttr) ?? defaultUnit;
  const f = unitFactor(current);
  if (f !== undefined && bytes % f === 0) {
    el.text = String(bytes / f);
    return;
  }
  const s = exactSize(bytes);
  el.setAttr(unitAttr, s.unit);
  el.text = String(s.value);
}
