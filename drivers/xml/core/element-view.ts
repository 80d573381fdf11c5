import type { XmlElement } from './nodes.js';
import { XmlError } from './xml-error.js';

/**
 * Base of every typed model: a view over one element of the lossless tree. Reads decode, writes
 * change only the touched node, so whatever the model does not know stays as it was.
 */
export abstract class ElementView {
  constructor(
    readonly element: XmlElement,
    /** How errors name this element's fields, e.g. 'devices.disk[1]'. */
    protected readonly field: string = element.name,
  ) {}

  protected fieldName(name: string): string {
    return this.field === '' ? name : `${this.field}.${name}`;
  }

  /** Decoded attribute at `path` ('@name' on self, 'a/b@name' on a descendant). */
  protected getAttr(path: string): string | undefined {
    const [elPath, name] = splitAttrPath(path);
    const el = elPath === '' ? this.element : this.element.path(elPath);
    return el?.attr(name);
  }

  /** Sets an attribute, creating the element path as needed; undefined removes the attribute. */
  protected setAttrAt(path: string, value: string | number | undefined, order?: readonly string[]): void {
    const [elPath, name] = splitAttrPath(path);
    if (value === undefined) {
      const el = elPath === '' ? this.element : this.element.path(elPath);
      el?.setAttr(name, undefined);
      return;
    }
    const el = elPath === '' ? this.element : this.ensurePath(elPath, order);
    el.setAttr(name, value);
  }

  protected getText(path: string): string | undefined {
    const el = this.element.path(path);
    return el === undefined ? undefined : el.text;
  }

  /** Sets an element's text, creating it (ordered by `order`) as needed; undefined removes the element. */
  protected setText(path: string, value: string | number | undefined, order?: readonly string[]): void {
    if (value === undefined) {
      this.removePath(path);
      return;
    }
    this.ensurePath(path, order).text = String(value);
  }

  protected ensurePath(path: string, order?: readonly string[]): XmlElement {
    let at = this.element;
    for (const [i, part] of path.split('/').entries()) at = at.ensureChild(part, i === 0 ? order : undefined);
    return at;
  }

  protected removePath(path: string): void {
    const parts = path.split('/');
    const last = parts.pop() ?? '';
    const parent = parts.length === 0 ? this.element : this.element.path(parts.join('/'));
    const el = parent?.child(last);
    if (parent !== undefined && el !== undefined) parent.removeChild(el);
  }

  /** A flag element such as `<readonly/>`. */
  protected hasChild(name: string): boolean {
    return this.element.child(name) !== undefined;
  }

  protected setFlagChild(name: string, on: boolean, order?: readonly string[]): void {
    if (on) this.element.ensureChild(name, order);
    else this.removePath(name);
  }

  /** Reads an integer, throwing XmlError naming the field when the XML holds something else. */
  protected intOf(raw: string | undefined, field: string): number | undefined {
    if (raw === undefined) return undefined;
    const t = raw.trim();
    if (!/^-?(0x[0-9a-fA-F]+|[0-9]+)$/.test(t)) throw new XmlError(this.fieldName(field), `'${raw}' is not an integer`);
    return Number(t);
  }

  protected checkInt(value: number, field: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new XmlError(this.fieldName(field), `must be an integer from ${min}${max === Number.MAX_SAFE_INTEGER ? '' : ` to ${max}`}, got ${value}`);
    }
    return value;
  }

  protected checkOneOf<T extends string>(value: string, allowed: readonly T[], field: string): T {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new XmlError(this.fieldName(field), `'${value}' is not one of ${allowed.join(', ')}`);
    }
    return value as T;
  }
}

function splitAttrPath(path: string): [string, string] {
  const at = path.lastIndexOf('@');
  return [path.slice(0, at).replace(/\/$/, ''), path.slice(at + 1)];
}

/** Reads all attributes of an element as decoded name → value (device addresses, for example). */
export function attributesOf(el: XmlElement | undefined): Record<string, string> | undefined {
  if (el === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const a of el.attributes) out[a.name] = el.attr(a.name) ?? '';
  return out;
}
