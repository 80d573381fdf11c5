import { decodeXml, encodeAttribute, encodeText } from './escape.js';

/** One attribute, value kept as written (entities unexpanded) so untouched ones serialize byte for byte. */
export interface XmlAttribute {
  name: string;
  raw: string;
  /** The quote it was written with, when the document mixes them; else the document's. */
  quote?: "'" | '"';
}

export class XmlText {
  readonly kind = 'text';
  constructor(public raw: string) {}
  get value(): string {
    return decodeXml(this.raw);
  }
  set value(v: string) {
    this.raw = encodeText(v);
  }
  /** Indentation and line breaks between elements. */
  get isWhitespace(): boolean {
    return /^[ \t\r\n]*$/.test(this.raw);
  }
}

export class XmlComment {
  readonly kind = 'comment';
  constructor(public raw: string) {}
}

export class XmlCData {
  readonly kind = 'cdata';
  constructor(public raw: string) {}
}

/** `<?target data?>`; the XML declaration is one too. */
export class XmlProcessingInstruction {
  readonly kind = 'pi';
  constructor(
    public target: string,
    public data: string,
  ) {}
}

export type XmlNode = XmlElement | XmlText | XmlComment | XmlCData | XmlProcessingInstruction;

/**
 * An element in document order. Everything is kept — unknown children, comments, namespaced
 * names (`qemu:commandline`, `xmlns:foo`) as plain qualified names, attribute order — so what the
 * models do not know survives a read-edit-write.
 */
export class XmlElement {
  readonly kind = 'element';
  attributes: XmlAttribute[];
  children: XmlNode[];

  constructor(
    public name: string,
    attributes: XmlAttribute[] = [],
    children: XmlNode[] = [],
  ) {
    this.attributes = attributes;
    this.children = children;
  }

  /** Creates an element from decoded values, skipping undefined attributes. */
  static create(name: string, attrs: Record<string, string | number | boolean | undefined> = {}, text?: string): XmlElement {
    const el = new XmlElement(name);
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttr(k, String(v));
    if (text !== undefined) el.text = text;
    return el;
  }

  /** Decoded attribute value, or undefined when absent. */
  attr(name: string): string | undefined {
    const a = this.attributes.find((x) => x.name === name);
    return a === undefined ? undefined : decodeXml(a.raw);
  }

  hasAttr(name: string): boolean {
    return this.attributes.some((x) => x.name === name);
  }

  /** Sets (in place, keeping its position) or appends an attribute; undefined removes it. */
  setAttr(name: string, value: string | number | undefined): this {
    const i = this.attributes.findIndex((x) => x.name === name);
    if (value === undefined) {
      if (i >= 0) this.attributes.splice(i, 1);
      return this;
    }
    const raw = encodeAttribute(String(value));
    const existing = this.attributes[i];
    if (existing !== undefined) {
      // Only rewrite when the value changes, so equivalent spellings (&#39; vs &apos;) stay as written.
      if (decodeXml(existing.raw) !== String(value)) existing.raw = raw;
    } else {
      this.attributes.push({ name, raw });
    }
    return this;
  }

  get elements(): XmlElement[] {
    return this.children.filter((c): c is XmlElement => c.kind === 'element');
  }

  /** First child element with this name. */
  child(name: string): XmlElement | undefined {
    for (const c of this.children) if (c.kind === 'element' && c.name === name) return c;
    return undefined;
  }

  childrenNamed(name: string): XmlElement[] {
    return this.children.filter((c): c is XmlElement => c.kind === 'element' && c.name === name);
  }

  /** Follows a `a/b/c` path of first children. */
  path(path: string): XmlElement | undefined {
    let at: XmlElement | undefined;
    for (const part of path.split('/')) {
      at = (at ?? this).child(part);
      if (at === undefined) return undefined;
    }
    return at;
  }

  /** Concatenated decoded character data of direct text and CDATA children. */
  get text(): string {
    let s = '';
    for (const c of this.children) {
      if (c.kind === 'text') s += c.value;
      else if (c.kind === 'cdata') s += c.raw;
    }
    return s;
  }

  /** Replaces text content; child elements and comments are kept. */
  set text(value: string) {
    if (this.text === value) return;
    const kept = this.children.filter((c) => c.kind !== 'text' && c.kind !== 'cdata');
    this.children = value === '' ? kept : [new XmlText(encodeText(value)), ...kept];
  }

  /** Returns the first child with this name, creating it (placed by `order`) when absent. */
  ensureChild(name: string, order?: readonly string[]): XmlElement {
    const found = this.child(name);
    if (found !== undefined) return found;
    const el = new XmlElement(name);
    this.insertChild(el, order);
    return el;
  }

  /**
   * Inserts a child, matching the surrounding indentation. With `order` (the schema's element
   * order) it goes before the first existing sibling that comes later in that order; otherwise last.
   */
  insertChild(el: XmlElement, order?: readonly string[]): XmlElement {
    let before: XmlElement | undefined;
    if (order !== undefined) {
      const rank = order.indexOf(el.name);
      if (rank >= 0) {
        before = this.elements.find((c) => {
          const r = order.indexOf(c.name);
          return r > rank;
        });
      }
    }
    return this.insertBefore(el, before);
  }

  /** Inserts `el` before `ref` (or last when ref is undefined), with indentation. */
  insertBefore(el: XmlElement, ref: XmlElement | undefined): XmlElement {
    const indent = this.childIndent();
    if (indent !== undefined) formatNew(el, indent);
    if (ref !== undefined) {
      const i = this.children.indexOf(ref);
      if (i < 0) throw new Error('insertBefore: reference is not a child');
      // ws, el, ws, ref: the new element takes the reference's indentation.
      const nodes: XmlNode[] = indent !== undefined ? [el, new XmlText(`\n${indent}`)] : [el];
      this.children.splice(i, 0, ...nodes);
      return el;
    }
    const last = this.children[this.children.length - 1];
    if (indent === undefined) {
      this.children.push(el);
    } else if (last !== undefined && last.kind === 'text' && last.isWhitespace && this.elements.length > 0) {
      this.children.splice(this.children.length - 1, 0, new XmlText(`\n${indent}`), el);
    } else if (this.children.length === 0) {
      this.children.push(new XmlText(`\n${indent}`), el, new XmlText(`\n${this.ownIndent() ?? ''}`));
    } else {
      this.children.push(new XmlText(`\n${indent}`), el);
    }
    return el;
  }

  /** Removes a child element with the indentation before it. */
  removeChild(el: XmlElement): boolean {
    const i = this.children.indexOf(el);
    if (i < 0) return false;
    const prev = this.children[i - 1];
    if (prev !== undefined && prev.kind === 'text' && prev.isWhitespace) this.children.splice(i - 1, 2);
    else this.children.splice(i, 1);
    // An element left with only whitespace becomes empty again (`<devices/>`, as libvirt writes it).
    if (this.children.every((c) => c.kind === 'text' && c.isWhitespace)) this.children = [];
    return true;
  }

  /** Parent pointers are not stored (cheap trees); callers pass the root to find one. */
  findParent(target: XmlElement): XmlElement | undefined {
    for (const c of this.elements) {
      if (c === target) return this;
      const p = c.findParent(target);
      if (p !== undefined) return p;
    }
    return undefined;
  }

  /** Indentation of this element's own line, inferred from its closing whitespace. */
  ownIndent(): string | undefined {
    const last = this.children[this.children.length - 1];
    if (last !== undefined && last.kind === 'text' && last.isWhitespace && last.raw.includes('\n')) {
      return last.raw.slice(last.raw.lastIndexOf('\n') + 1);
    }
    return this.indentHint;
  }

  /** Set on elements whose indentation is known from their parent (see childIndent). */
  indentHint: string | undefined;

  /** Written as `<a></a>` rather than `<a/>` in the input; kept while it stays empty. */
  expandEmpty = false;

  /** Indentation for this element's children: copied from an existing child, else own + 2 spaces. */
  childIndent(): string | undefined {
    for (let i = 1; i < this.children.length; i++) {
      const c = this.children[i];
      const prev = this.children[i - 1];
      if (c?.kind === 'element' && prev?.kind === 'text' && prev.isWhitespace && prev.raw.includes('\n')) {
        return prev.raw.slice(prev.raw.lastIndexOf('\n') + 1);
      }
    }
    // Element children written without line breaks: a compact document, keep it compact.
    if (this.children.some((c) => c.kind === 'element')) return undefined;
    const own = this.ownIndent();
    if (own !== undefined) return `${own}  `;
    return undefined;
  }

  /** A deep copy (for templates and undo). */
  clone(): XmlElement {
    const el = new XmlElement(
      this.name,
      this.attributes.map((a) => ({ ...a })),
      this.children.map((c) => cloneNode(c)),
    );
    el.indentHint = this.indentHint;
    el.expandEmpty = this.expandEmpty;
    return el;
  }
}

function cloneNode(n: XmlNode): XmlNode {
  switch (n.kind) {
    case 'element': return n.clone();
    case 'text': return new XmlText(n.raw);
    case 'comment': return new XmlComment(n.raw);
    case 'cdata': return new XmlCData(n.raw);
    case 'pi': return new XmlProcessingInstruction(n.target, n.data);
  }
}

/**
 * Pretty-prints a freshly built subtree (one with no whitespace of its own) at `indent`, so that
 * an inserted device looks like libvirt wrote it. Subtrees that already carry whitespace are left alone.
 */
export function formatNew(el: XmlElement, indent: string): void {
  el.indentHint = indent;
  const hasText = el.children.some((c) => c.kind === 'text' || c.kind === 'cdata');
  if (hasText || el.children.length === 0) return;
  const inner = `${indent}  `;
  const out: XmlNode[] = [];
  for (const c of el.children) {
    out.push(new XmlText(`\n${inner}`), c);
    if (c.kind === 'element') formatNew(c, inner);
  }
  out.push(new XmlText(`\n${indent}`));
  el.children = out;
}
