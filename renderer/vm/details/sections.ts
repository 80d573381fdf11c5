// The Details pages other than devices, and the parts of the definition each one is about: for telling what an edit
// changed (and so what Apply can do to the running VM and what waits for the next boot), and for each page's XML tab.
import { LIBOSINFO_NS, XmlDocument, domainOrder, type DomainXml, type XmlElement } from '../../../drivers/xml/index.js';
import { elementXml } from './merge.js';
import { deviceElements, deviceKeys } from './device-key.js';

export const SECTIONS = ['overview', 'osinfo', 'performance', 'cpus', 'memory', 'boot'] as const;
export type Section = (typeof SECTIONS)[number];

/** An entry of the hardware list: a section, or a device by its key (`dev:disk:vda`). */
export type ItemKey = Section | `dev:${string}`;

export const deviceItem = (key: string): ItemKey => `dev:${key}`;
export const isDeviceItem = (item: ItemKey): item is `dev:${string}` => item.startsWith('dev:');
export const deviceKeyOf = (item: `dev:${string}`): string => item.slice(4);

/** The domain's own elements a page's XML tab shows and edits (Overview shows the whole definition). */
export const SECTION_ELEMENTS: Readonly<Partial<Record<Section, readonly string[]>>> = {
  cpus: ['vcpu', 'vcpus', 'cputune', 'cpu'],
  memory: ['maxMemory', 'memory', 'currentMemory', 'memoryBacking'],
  boot: ['os'],
};

/** <os> children the Overview page is about (machine, firmware); the rest of <os> is the Boot page's. */
const OVERVIEW_OS = ['type', 'firmware', 'loader', 'nvram'];

function osPart(dom: XmlElement, overview: boolean): string {
  const os = dom.child('os');
  if (os === undefined) return '';
  const attrs = overview ? os.attributes.map((a) => `${a.name}=${a.raw}`).join(' ') : '';
  return `${attrs}|${os.elements.filter((e) => OVERVIEW_OS.includes(e.name) === overview).map((e) => elementXml(e)).join('')}`;
}

function elementsPart(dom: XmlElement, names: readonly string[]): string {
  return dom.elements.filter((e) => names.includes(e.name)).map((e) => elementXml(e)).join('');
}

function osinfoPart(dom: XmlElement): string {
  const md = dom.child('metadata');
  return md?.elements.filter((e) => e.attributes.some((a) => a.name.startsWith('xmlns') && e.attr(a.name) === LIBOSINFO_NS)).map((e) => elementXml(e)).join('') ?? '';
}

function otherMetadata(dom: XmlElement): string {
  const md = dom.child('metadata');
  return md?.elements.filter((e) => !e.attributes.some((a) => a.name.startsWith('xmlns') && e.attr(a.name) === LIBOSINFO_NS)).map((e) => elementXml(e)).join('') ?? '';
}

const CLAIMED = new Set(['os', 'metadata', 'devices', ...Object.values(SECTION_ELEMENTS).flat()]);

/** The part of a definition that is each section's, as text to compare. */
function sectionParts(dom: XmlElement): Record<Exclude<Section, 'performance'>, string> {
  const rest = dom.elements.filter((e) => !CLAIMED.has(e.name)).map((e) => elementXml(e)).join('');
  return {
    // Name, title, description, machine and firmware, and whatever no page is about (features, clock, on_*…).
    overview: `${dom.attributes.map((a) => `${a.name}=${a.raw}`).join(' ')}|${rest}|${osPart(dom, true)}|${otherMetadata(dom)}|${elementXml(dom.path('devices/emulator')) ?? ''}`,
    osinfo: osinfoPart(dom),
    cpus: elementsPart(dom, SECTION_ELEMENTS.cpus ?? []),
    memory: elementsPart(dom, SECTION_ELEMENTS.memory ?? []),
    boot: osPart(dom, false),
  };
}

export interface Changes {
  readonly sections: ReadonlySet<Section>;
  /** Device keys (of either version) whose XML differs, added and removed ones included. */
  readonly devices: ReadonlySet<string>;
}

/** What differs between two versions of a definition, by section and device. */
export function changesBetween(before: XmlElement, after: XmlElement): Changes {
  const a = sectionParts(before);
  const b = sectionParts(after);
  const sections = new Set<Section>();
  for (const s of Object.keys(a) as (keyof typeof a)[]) if (a[s] !== b[s]) sections.add(s);
  const devices = new Set<string>();
  const da = deviceElements(before);
  const db = deviceElements(after);
  const ka = new Map(deviceKeys(da).map((k, i) => [k, elementXml(da[i])]));
  const kb = new Map(deviceKeys(db).map((k, i) => [k, elementXml(db[i])]));
  for (const k of new Set([...ka.keys(), ...kb.keys()])) if (ka.get(k) !== kb.get(k)) devices.add(k);
  return { sections, devices };
}

/** The XML a section's tab shows: its elements, one after the other, as they stand in the definition. */
export function sectionXml(dom: DomainXml, section: Section): string {
  const names = SECTION_ELEMENTS[section];
  if (names === undefined) return dom.toXml();
  return dom.element.elements.filter((e) => names.includes(e.name)).map((e) => `${e.ownIndent() ?? '  '}${elementXml(e) ?? ''}`).join('\n');
}

/**
 * Puts a section's elements, as edited on its XML tab, into the definition: its old elements go, the new ones take
 * their place. Throws XmlError (with its line) for malformed text, or for an element that is not the section's.
 */
export function replaceSectionXml(dom: DomainXml, section: Section, text: string): void {
  const names = SECTION_ELEMENTS[section];
  if (names === undefined) throw new Error(`the ${section} page has no fragment of its own`);
  // Wrapped on the same line, so that an error's line is the line in the text.
  const wrapper = XmlDocument.parse(`<fragment>${text}</fragment>`).root;
  const incoming = wrapper.elements;
  const stranger = incoming.find((e) => !names.includes(e.name));
  if (stranger !== undefined) throw new SectionXmlError(`<${stranger.name}> does not belong on this page; it takes ${names.map((n) => `<${n}>`).join(', ')}`, stranger.name);
  const root = dom.element;
  const old = root.elements.filter((e) => names.includes(e.name));
  const anchor = old[0];
  for (const el of incoming) {
    const copy = el.clone();
    copy.indentHint = undefined;
    if (anchor !== undefined) {
      root.insertBefore(copy, anchor);
    } else {
      root.insertChild(copy, domainOrder);
    }
  }
  for (const el of old) root.removeChild(el);
}

/** A fragment that is well-formed but not the page's. */
export class SectionXmlError extends Error {
  constructor(message: string, readonly element: string) {
    super(message);
  }
}

/** Replaces one device element of the definition with the one edited on its XML tab; returns the new element. */
export function replaceDeviceXml(dom: DomainXml, device: XmlElement, text: string): XmlElement {
  const el = XmlDocument.parse(text).root;
  const devices = dom.element.child('devices');
  if (devices === undefined) throw new Error('the definition has no <devices>');
  const i = devices.children.indexOf(device);
  if (i < 0) throw new Error('the device is no longer in the definition');
  devices.children[i] = el;
  return el;
}
