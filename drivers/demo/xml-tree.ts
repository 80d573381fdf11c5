// A small ordered XML tree for the Demo host: parse, find, edit, serialize. The Demo host keeps every object's
// definition as such a tree, so unknown elements and attributes survive untouched. It is deliberately tiny and
// kept in this one file, so that it can give way to the lossless models of drivers/xml.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export interface XmlText {
  text: string;
}
export interface XmlComment {
  comment: string;
}
export type XmlNode = XmlElement | XmlText | XmlComment;

export function isElement(node: XmlNode): node is XmlElement {
  return 'name' in node;
}

/** Why a document could not be parsed; line is 1-based. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  commentPropName: '#comment',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type RawNode = Record<string, unknown>;

function convert(raw: RawNode): XmlNode | null {
  if ('#text' in raw) {
    const text = String(raw['#text']);
    return text.trim() === '' ? null : { text };
  }
  if ('#comment' in raw) {
    const inner = raw['#comment'];
    const text = Array.isArray(inner) ? inner.map((n: RawNode) => String(n['#text'] ?? '')).join('') : '';
    return { comment: text };
  }
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (name === undefined) return null;
  const attrsRaw = (raw[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsRaw)) attrs[k] = String(v);
  const kids = raw[name];
  const children: XmlNode[] = [];
  if (Array.isArray(kids)) {
    for (const kid of kids as RawNode[]) {
      const c = convert(kid);
      if (c) children.push(c);
    }
  }
  return { name, attrs, children };
}

/** Parses a document and returns its root element. Throws XmlSyntaxError if it is not well formed. */
export function parseXml(text: string): XmlElement {
  const check = XMLValidator.validate(text);
  if (check !== true) throw new XmlSyntaxError(check.err.msg, check.err.line);
  const raw = parser.parse(text) as RawNode[];
  for (const node of raw) {
    const c = convert(node);
    if (c && isElement(c)) return c;
  }
  throw new XmlSyntaxError('Document is empty', 1);
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
function escapeAttr(s: string): string {
  return escapeText(s).replace(/'/g, '&apos;');
}

/** Serializes with two-space indentation, like libvirt's formatter; text-only elements stay on one line. */
export function serializeXml(el: XmlElement, indent = ''): string {
  const attrs = Object.entries(el.attrs)
    .map(([k, v]) => ` ${k}='${escapeAttr(v)}'`)
    .join('');
  if (el.children.length === 0) return `${indent}<${el.name}${attrs}/>`;
  if (el.children.every((c) => 'text' in c)) {
    const text = el.children.map((c) => escapeText((c as XmlText).text)).join('');
    return `${indent}<${el.name}${attrs}>${text}</${el.name}>`;
  }
  const inner = el.children
    .map((c) => {
      if (isElement(c)) return serializeXml(c, `${indent}  `);
      if ('comment' in c) return `${indent}  <!--${c.comment}-->`;
      return `${indent}  ${escapeText(c.text.trim())}`;
    })
    .join('\n');
  return `${indent}<${el.name}${attrs}>\n${inner}\n${indent}</${el.name}>`;
}

export function element(name: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  return { name, attrs, children };
}

export function textElement(name: string, text: string, attrs: Record<string, string> = {}): XmlElement {
  return { name, attrs, children: [{ text }] };
}

export function cloneXml(el: XmlElement): XmlElement {
  return {
    name: el.name,
    attrs: { ...el.attrs },
    children: el.children.map((c) => (isElement(c) ? cloneXml(c) : { ...c })),
  };
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => isElement(c) && (name === undefined || c.name === name));
}

export function child(el: XmlElement, name: string): XmlElement | undefined {
  return childElements(el, name)[0];
}

/** Follows a path of element names, e.g. path(dom, 'os', 'type'). */
export function path(el: XmlElement, ...names: string[]): XmlElement | undefined {
  let cur: XmlElement | undefined = el;
  for (const n of names) {
    if (!cur) return undefined;
    cur = child(cur, n);
  }
  return cur;
}

export function textOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const parts = el.children.filter((c): c is XmlText => 'text' in c).map((c) => c.text);
  return parts.length ? parts.join('').trim() : undefined;
}

export function childText(el: XmlElement, ...names: string[]): string | undefined {
  return textOf(path(el, ...names));
}

/** Sets the text of the named child, creating it (appended) if absent. */
export function setChildText(el: XmlElement, name: string, text: string, attrs?: Record<string, string>): XmlElement {
  let c = child(el, name);
  if (!c) {
    c = element(name);
    el.children.push(c);
  }
  c.children = [{ text }];
  if (attrs) c.attrs = { ...attrs };
  return c;
}

/** Inserts `node` after the first child named one of `after` (in that order of preference), else first. */
export function insertAfter(el: XmlElement, node: XmlElement, after: readonly string[]): void {
  for (const name of after) {
    const idx = el.children.findIndex((c) => isElement(c) && c.name === name);
    if (idx >= 0) {
      el.children.splice(idx + 1, 0, node);
      return;
    }
  }
  el.children.unshift(node);
}

export function removeChild(el: XmlElement, node: XmlElement): boolean {
  const idx = el.children.indexOf(node);
  if (idx < 0) return false;
  el.children.splice(idx, 1);
  return true;
}

export function removeChildren(el: XmlElement, name: string): void {
  el.children = el.children.filter((c) => !(isElement(c) && c.name === name));
}

/** A memory-like size (`<memory unit='GiB'>2</memory>`) in the given unit, libvirt's unit names. */
export function sizeIn(el: XmlElement | undefined, defaultUnit: string, wantUnit: 'KiB' | 'bytes'): number | undefined {
  const text = textOf(el);
  if (!el || text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value)) return undefined;
  const bytes = value * unitFactor(el.attrs.unit ?? defaultUnit);
  return wantUnit === 'KiB' ? Math.floor(bytes / 1024) : bytes;
}

function unitFactor(unit: string): number {
  switch (unit) {
    case 'b':
    case 'byte':
    case 'bytes':
      return 1;
    case 'KB':
      return 1e3;
    case 'k':
    case 'K':
    case 'KiB':
      return 1024;
    case 'MB':
      return 1e6;
    case 'M':
    case 'MiB':
      return 1024 ** 2;
    case 'GB':
      return 1e9;
    case 'G':
    case 'GiB':
      return 1024 ** 3;
    case 'TB':
      return 1e12;
    case 'T':
    case 'TiB':
      return 1024 ** 4;
    case 'PB':
      return 1e15;
    case 'P':
    case 'PiB':
      return 1024 ** 5;
    default:
      return 1;
  }
}
