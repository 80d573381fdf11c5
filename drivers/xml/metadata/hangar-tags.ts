// Hangar's tags of a VM, kept in the domain's <metadata> under Hangar's own namespace so that they travel with
// the VM (migration, another workstation, virsh dumpxml) and survive other tools' edits. libvirt stores it as
//   <hangar:tags xmlns:hangar="urn:hangar:tags:1"><hangar:tag>web</hangar:tag></hangar:tags>
import { XmlElement } from '../core/nodes.js';
import { XmlError } from '../core/xml-error.js';
import type { DomainXml } from '../domain/domain.js';
import { newDocument } from '../core/new-document.js';

export const HANGAR_TAGS_NS = 'urn:hangar:tags:1';
/** The prefix libvirt is given (virDomainSetMetadata's key) for the namespace. */
export const HANGAR_TAGS_PREFIX = 'hangar';
export const MAX_TAGS = 64;

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** A tag as the user typed it, trimmed; refused when empty, too long or with control characters. */
export function validateTag(tag: string): string {
  const t = tag.trim();
  if (t === '') throw new XmlError('tag', 'a tag cannot be empty');
  if (t.length > 64) throw new XmlError('tag', `"${t.slice(0, 20)}…" is longer than 64 characters`);
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f<>&]/.test(t)) throw new XmlError('tag', `"${t}" has characters a tag cannot hold (<, >, &, control characters)`);
  return t;
}

/** The VM's tags in the order saved; none when it has no Hangar metadata. */
export function readTags(domain: DomainXml): string[] {
  const el = domain.metadata(HANGAR_TAGS_NS);
  if (!el) return [];
  return el.elements.filter((e) => localName(e.name) === 'tag').map((e) => e.text.trim()).filter((t) => t !== '');
}

/** The tags after adding and removing some: order kept, duplicates (case-insensitive) dropped. */
export function changeTags(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const gone = new Set(remove.map((t) => t.trim().toLowerCase()));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const t of [...current, ...add.map(validateTag)]) {
    const k = t.toLowerCase();
    if (gone.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  if (out.length > MAX_TAGS) throw new XmlError('tag', `a VM holds at most ${MAX_TAGS} tags`);
  return out;
}

/** The metadata element to hand virDomainSetMetadata (ELEMENT) with HANGAR_TAGS_PREFIX and HANGAR_TAGS_NS. */
export function tagsElementXml(tags: readonly string[]): string {
  const root = XmlElement.create('tags', {});
  for (const t of tags) {
    root.insertChild(XmlElement.create('tag', {}, validateTag(t)));
  }
  return newDocument(root).toXml().trim();
}
