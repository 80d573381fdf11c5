// Re-applying an edit on top of a definition that changed meanwhile: a three-way merge on the lossless model.
// The edit is what changed between the definition it started from (base) and the draft (mine); the host's newer
// definition (theirs) is the starting point, and each element the edit changed is carried over onto it — the
// domain's own elements (<memory>, <os>, <cpu>…) whole, devices one by one (matched by device-key), metadata one
// namespace at a time. Everything the edit did not touch stays as the host has it now, byte for byte.
import { DomainXml, XmlDocument, domainOrder, type XmlElement } from '../../../drivers/xml/index.js';
import { deviceKeys } from './device-key.js';

/** An element's XML exactly as written (whitespace inside included). */
export function elementXml(el: XmlElement | undefined): string | undefined {
  return el === undefined ? undefined : new XmlDocument([el], el, "'").toXml();
}

export interface MergeResult {
  /** The host's newer definition with the edit carried over. */
  readonly xml: string;
  /**
   * What both sides changed differently ('memory', 'devices/disk:vda', 'metadata/<namespace>', 'domain@type'): the
   * edit's version was kept there, so the user should look at those before applying.
   */
  readonly conflicts: readonly string[];
}

type KeyedChildren = Map<string, XmlElement>;

/** The domain's own children, keyed by name (and position among that name, for the rare repeated one). */
function topLevel(root: XmlElement): KeyedChildren {
  const out: KeyedChildren = new Map();
  const n = new Map<string, number>();
  for (const el of root.elements) {
    const k = n.get(el.name) ?? 0;
    n.set(el.name, k + 1);
    out.set(k === 0 ? el.name : `${el.name}#${k}`, el);
  }
  return out;
}

function devicesOf(root: XmlElement): KeyedChildren {
  const els = (root.child('devices')?.elements ?? []).filter((e) => e.name !== 'emulator');
  const keys = deviceKeys(els);
  const out: KeyedChildren = new Map(keys.map((k, i) => [k, els[i] as XmlElement]));
  const emulator = root.child('devices')?.child('emulator');
  if (emulator !== undefined) out.set('emulator', emulator);
  return out;
}

/** A metadata element's key: its namespace (what libvirt and apps address it by), else its name. */
function metadataOf(root: XmlElement): KeyedChildren {
  const out: KeyedChildren = new Map();
  for (const el of root.child('metadata')?.elements ?? []) {
    const ns = el.attributes.find((a) => a.name.startsWith('xmlns'));
    out.set(ns === undefined ? el.name : (el.attr(ns.name) ?? el.name), el);
  }
  return out;
}

function replaceChild(parent: XmlElement, old: XmlElement, el: XmlElement): void {
  const i = parent.children.indexOf(old);
  if (i >= 0) parent.children[i] = el;
}

interface Level {
  readonly path: string;
  readonly children: (root: XmlElement) => KeyedChildren;
  /** Where a child the edit added goes in theirs. */
  readonly insert: (theirs: DomainXml, el: XmlElement) => void;
  /** The parent element of a child in theirs. */
  readonly parentOf: (theirs: XmlElement) => XmlElement | undefined;
  /** Children merged a level deeper, rather than whole. */
  readonly nested?: Readonly<Record<string, Level>>;
}

const DEVICES: Level = {
  path: 'devices/',
  children: devicesOf,
  insert: (theirs, el) => {
    if (el.name === 'emulator') theirs.element.ensureChild('devices', domainOrder).insertBefore(el, theirs.element.child('devices')?.elements[0]);
    else theirs.addDevice(el);
  },
  parentOf: (root) => root.child('devices'),
};

const METADATA: Level = {
  path: 'metadata/',
  children: metadataOf,
  insert: (theirs, el) => {
    theirs.element.ensureChild('metadata', domainOrder).insertChild(el);
  },
  parentOf: (root) => root.child('metadata'),
};

const DOMAIN: Level = {
  path: '',
  children: topLevel,
  insert: (theirs, el) => {
    theirs.element.insertChild(el, domainOrder);
  },
  parentOf: (root) => root,
  nested: { devices: DEVICES, metadata: METADATA },
};

function mergeLevel(level: Level, b: XmlElement, m: XmlElement, t: DomainXml, conflicts: string[]): void {
  const bs = level.children(b);
  const ms = level.children(m);
  const ts = level.children(t.element);
  const keys = [...new Set([...bs.keys(), ...ms.keys()])];
  for (const key of keys) {
    const bEl = bs.get(key);
    const mEl = ms.get(key);
    const tEl = ts.get(key);
    const sb = elementXml(bEl);
    const sm = elementXml(mEl);
    if (sm === sb) continue;
    const nested = level.nested?.[key];
    if (nested !== undefined && bEl !== undefined && mEl !== undefined && tEl !== undefined) {
      mergeLevel(nested, b, m, t, conflicts);
      continue;
    }
    const st = elementXml(tEl);
    if (st === sm) continue;
    if (st !== sb) conflicts.push(`${level.path}${key}`);
    const parent = level.parentOf(t.element);
    if (mEl === undefined) {
      if (tEl !== undefined) parent?.removeChild(tEl);
    } else if (tEl !== undefined && parent !== undefined) {
      replaceChild(parent, tEl, mEl.clone());
    } else {
      level.insert(t, mEl.clone());
    }
  }
}

/** Carries the edit from `base` to `mine` over onto `theirs` (all three domain XML documents). */
export function mergeDefinitions(base: string, mine: string, theirs: string): MergeResult {
  const b = XmlDocument.parse(base, 'domain').root;
  const m = XmlDocument.parse(mine, 'domain').root;
  const t = new DomainXml(XmlDocument.parse(theirs, 'domain'));
  const conflicts: string[] = [];
  const names = new Set([...b.attributes, ...m.attributes].map((a) => a.name));
  for (const name of names) {
    const mv = m.attr(name);
    const bv = b.attr(name);
    if (mv === bv) continue;
    const tv = t.element.attr(name);
    if (tv !== bv && tv !== mv) conflicts.push(`domain@${name}`);
    t.element.setAttr(name, mv);
  }
  mergeLevel(DOMAIN, b, m, t, conflicts);
  return { xml: t.toXml(), conflicts };
}

/** What an edit changed: the domain's own elements by name, and devices by key (see device-key). */
export interface ChangedParts {
  readonly elements: ReadonlySet<string>;
  readonly devices: ReadonlySet<string>;
}

function changedKeys(a: KeyedChildren, b: KeyedChildren): Set<string> {
  const out = new Set<string>();
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (elementXml(a.get(key)) !== elementXml(b.get(key))) out.add(key);
  }
  return out;
}

/** The parts of a definition that differ between two versions of it. */
export function changedParts(before: XmlElement, after: XmlElement): ChangedParts {
  const elements = changedKeys(topLevel(before), topLevel(after));
  const devices = elements.has('devices') ? changedKeys(devicesOf(before), devicesOf(after)) : new Set<string>();
  return { elements, devices };
}
