// What the Demo host does with definitions most, on drivers/xml's one tree: read text and sizes the way libvirt's
// parsers do (trimmed, absent when empty), build elements, and parse a document into the form libvirt keeps
// (no comments, no whitespace between elements: it reformats what it stores).
import { XmlDocument, XmlElement, XmlText, unitFactor, type XmlNode } from '../xml/index.js';

/** Parses a whole document and returns its root as libvirt keeps it; XmlError when it is not well formed. */
export function parseTree(text: string): XmlElement {
  const root = XmlDocument.parse(text).root;
  normalizeTree(root);
  return root;
}

/** Drops comments, processing instructions and whitespace between elements (libvirt stores neither). */
export function normalizeTree(el: XmlElement): void {
  el.indentHint = undefined;
  el.expandEmpty = false;
  const hasText = el.children.some((c) => c.kind === 'cdata' || (c.kind === 'text' && !c.isWhitespace));
  const hasElements = el.children.some((c) => c.kind === 'element');
  const kept: XmlNode[] = [];
  for (const c of el.children) {
    if (c.kind === 'comment' || c.kind === 'pi') continue;
    if (c.kind === 'text' && c.isWhitespace && (hasElements || !hasText)) continue;
    if (c.kind === 'element') normalizeTree(c);
    kept.push(c);
  }
  el.children = kept;
}

/** The trimmed text of an element, undefined if it is absent or holds none. */
export function textOf(el: XmlElement | undefined): string | undefined {
  if (el === undefined) return undefined;
  let any = false;
  for (const c of el.children) if (c.kind === 'text' || c.kind === 'cdata') any = true;
  return any ? el.text.trim() : undefined;
}

/** Text at a path of first children, e.g. childText(dom, 'os', 'type'). */
export function childText(el: XmlElement, ...names: string[]): string | undefined {
  return textOf(el.path(names.join('/')));
}

export function element(name: string, attrs: Record<string, string> = {}, children: XmlNode[] = []): XmlElement {
  const el = XmlElement.create(name, attrs);
  el.children = children;
  return el;
}

export function textElement(name: string, text: string, attrs: Record<string, string> = {}): XmlElement {
  return XmlElement.create(name, attrs, text);
}

/** Replaces an element's content with text. */
export function setText(el: XmlElement, text: string): void {
  el.children = text === '' ? [] : [textNode(text)];
}

function textNode(text: string): XmlText {
  const t = new XmlText('');
  t.value = text;
  return t;
}

/** Sets the text of the named child, creating it (appended) if absent; `attrs` replace its attributes. */
export function setChildText(el: XmlElement, name: string, text: string, attrs?: Record<string, string>): XmlElement {
  let c = el.child(name);
  if (!c) {
    c = new XmlElement(name);
    el.children.push(c);
  }
  setText(c, text);
  if (attrs) c.attributes = XmlElement.create(name, attrs).attributes;
  return c;
}

/** Inserts `node` after the first child named one of `after` (in that order of preference), else first. */
export function insertAfter(el: XmlElement, node: XmlElement, after: readonly string[]): void {
  for (const name of after) {
    const idx = el.children.findIndex((c) => c.kind === 'element' && c.name === name);
    if (idx >= 0) {
      el.children.splice(idx + 1, 0, node);
      return;
    }
  }
  el.children.unshift(node);
}

/** Removes every child element of that name. */
export function removeChildren(el: XmlElement, name: string): void {
  el.children = el.children.filter((c) => !(c.kind === 'element' && c.name === name));
}

/** Removes one child element (no whitespace to tidy in a normalised tree). */
export function detach(parent: XmlElement, node: XmlElement): boolean {
  const i = parent.children.indexOf(node);
  if (i < 0) return false;
  parent.children.splice(i, 1);
  return true;
}

/** Sets an attribute as the first one (libvirt writes e.g. type before id), replacing any of that name. */
export function setAttrFirst(el: XmlElement, name: string, value: string): void {
  el.setAttr(name, undefined);
  el.attributes.unshift(...XmlElement.create(el.name, { [name]: value }).attributes);
}

/** The attributes as decoded name → value pairs. */
export function attrsOf(el: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of el.attributes) out[a.name] = el.attr(a.name) ?? '';
  return out;
}

/** A memory-like size (`<memory unit='GiB'>2</memory>`) in the given unit, with libvirt's unit names. */
export function sizeIn(el: XmlElement | undefined, defaultUnit: string, wantUnit: 'KiB' | 'bytes'): number | undefined {
  const text = textOf(el);
  if (!el || text === undefined || !/^[0-9]+$/.test(text)) return undefined;
  const bytes = Number(text) * (unitFactor(el.attr('unit') ?? defaultUnit) ?? 1);
  return wantUnit === 'KiB' ? Math.floor(bytes / 1024) : bytes;
}
