// Reads osinfo-db's XML files (its `os/` and `device/` folders) into plain records, before inheritance.
import { XMLParser } from 'fast-xml-parser';
import type { OsMediaRule, OsResources } from '../../api/contract/osinfo.js';

/** An OS as one file states it: relations are ids, to be resolved against the whole database. */
export interface RawOs {
  readonly id: string;
  readonly shortIds: string[];
  readonly name: string;
  readonly vendor?: string;
  readonly family?: string;
  readonly distro?: string;
  readonly version?: string;
  readonly codename?: string;
  readonly releaseDate?: string;
  readonly eolDate?: string;
  readonly releaseStatus?: string;
  readonly derivesFrom?: string;
  readonly upgrades?: string;
  readonly clones?: string;
  /** By architecture (`all` or x86_64…). */
  readonly minimum: Map<string, OsResources>;
  readonly recommended: Map<string, OsResources>;
  /** Device ids with whether supported (`supported="false"` removes an inherited one). */
  readonly devices: Map<string, boolean>;
  readonly firmware: { arch: string; type: string; supported: boolean }[];
  readonly media: OsMediaRule[];
  /** `<tree>` entries with a `<treeinfo>`: what an install tree's .treeinfo says for this OS (regular expressions). */
  readonly trees: OsTreeRule[];
}

export interface OsTreeRule {
  readonly arch: string;
  readonly family?: string;
  readonly version?: string;
  readonly treeArch?: string;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Every element as an array, so one and many read alike.
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

function children(node: unknown, tag: string): unknown[] {
  if (typeof node !== 'object' || node === null) return [];
  const v = (node as Node)[tag];
  return Array.isArray(v) ? v : [];
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    const t = (v as Node)['#text'];
    return typeof t === 'string' ? t : undefined;
  }
  return undefined;
}

function attr(node: unknown, name: string): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const v = (node as Node)[`@${name}`];
  return typeof v === 'string' ? v : undefined;
}

/** The untranslated value: osinfo-db repeats names and vendors once per language with xml:lang. */
function plain(node: unknown, tag: string): string | undefined {
  for (const c of children(node, tag)) if (attr(c, 'xml:lang') === undefined) return text(c)?.trim();
  return undefined;
}

function num(node: unknown, tag: string): number | undefined {
  const t = plain(node, tag);
  if (t === undefined) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function resources(node: unknown): OsResources {
  const r: { cpuHz?: number; cpus?: number; ram?: number; storage?: number } = {};
  const cpu = num(node, 'cpu');
  const cpus = num(node, 'n-cpus');
  const ram = num(node, 'ram');
  const storage = num(node, 'storage');
  if (cpu !== undefined) r.cpuHz = cpu;
  if (cpus !== undefined) r.cpus = cpus;
  if (ram !== undefined) r.ram = ram;
  if (storage !== undefined) r.storage = storage;
  return r;
}

const isTrue = (v: string | undefined, dflt: boolean): boolean => (v === undefined ? dflt : v === 'true' || v === 'yes');

function media(node: unknown): OsMediaRule | undefined {
  const iso = children(node, 'iso')[0];
  if (iso === undefined) return undefined;
  const rule: {
    arch: string; live: boolean; installer: boolean; variants: string[];
    volumeId?: string; publisherId?: string; applicationId?: string; systemId?: string; volumeSize?: number;
  } = {
    arch: attr(node, 'arch') ?? 'all',
    live: isTrue(attr(node, 'live'), false),
    installer: isTrue(attr(node, 'installer'), true),
    variants: children(node, 'variant').map((v) => attr(v, 'id')).filter((v): v is string => v !== undefined),
  };
  const set = (key: 'volumeId' | 'publisherId' | 'applicationId' | 'systemId', tag: string) => {
    const v = plain(iso, tag);
    if (v) rule[key] = v;
  };
  set('volumeId', 'volume-id');
  set('publisherId', 'publisher-id');
  set('applicationId', 'application-id');
  set('systemId', 'system-id');
  const size = num(iso, 'volume-size');
  if (size !== undefined) rule.volumeSize = size;
  return rule;
}

function tree(node: unknown): OsTreeRule | undefined {
  const info = children(node, 'treeinfo')[0];
  if (info === undefined) return undefined;
  const rule: { arch: string; family?: string; version?: string; treeArch?: string } = { arch: attr(node, 'arch') ?? 'all' };
  const family = plain(info, 'family');
  const version = plain(info, 'version');
  const treeArch = plain(info, 'arch');
  if (family) rule.family = family;
  if (version) rule.version = version;
  if (treeArch) rule.treeArch = treeArch;
  return rule.family ? rule : undefined;
}

function relation(node: unknown, tag: string): string | undefined {
  return attr(children(node, tag)[0], 'id');
}

/** The `<os>` elements of one osinfo-db file. */
export function parseOsFile(xml: string): RawOs[] {
  const doc = parser.parse(xml) as Node;
  const out: RawOs[] = [];
  for (const root of children(doc, 'libosinfo')) {
    for (const os of children(root, 'os')) {
      const id = attr(os, 'id');
      if (!id) continue;
      const minimum = new Map<string, OsResources>();
      const recommended = new Map<string, OsResources>();
      for (const r of children(os, 'resources')) {
        const arch = attr(r, 'arch') ?? 'all';
        const min = children(r, 'minimum')[0];
        const rec = children(r, 'recommended')[0];
        if (min !== undefined) minimum.set(arch, resources(min));
        if (rec !== undefined) recommended.set(arch, resources(rec));
      }
      const devices = new Map<string, boolean>();
      for (const list of children(os, 'devices')) {
        for (const d of children(list, 'device')) {
          const did = attr(d, 'id');
          if (did) devices.set(did, isTrue(attr(d, 'supported'), true));
        }
      }
      const firmware = children(os, 'firmware').map((f) => ({
        arch: attr(f, 'arch') ?? 'all', type: attr(f, 'type') ?? 'bios', supported: isTrue(attr(f, 'supported'), true),
      }));
      const entry: RawOs = {
        id,
        shortIds: children(os, 'short-id').map((s) => text(s)?.trim()).filter((s): s is string => !!s),
        name: plain(os, 'name') ?? id,
        minimum, recommended, devices, firmware,
        media: children(os, 'media').map(media).filter((m): m is OsMediaRule => m !== undefined),
        trees: children(os, 'tree').map(tree).filter((t): t is OsTreeRule => t !== undefined),
      };
      const optional = {
        vendor: plain(os, 'vendor'), family: plain(os, 'family'), distro: plain(os, 'distro'), version: plain(os, 'version'),
        codename: plain(os, 'codename'), releaseDate: plain(os, 'release-date'), eolDate: plain(os, 'eol-date'),
        releaseStatus: plain(os, 'release-status'),
        derivesFrom: relation(os, 'derives-from'), upgrades: relation(os, 'upgrades'), clones: relation(os, 'clones'),
      };
      for (const [k, v] of Object.entries(optional)) if (v !== undefined) (entry as unknown as Record<string, string>)[k] = v;
      out.push(entry);
    }
  }
  return out;
}

/** The `<device>` elements of one file: id → name (virtio1.0-net…). */
export function parseDeviceFile(xml: string): Map<string, string> {
  const doc = parser.parse(xml) as Node;
  const out = new Map<string, string>();
  for (const root of children(doc, 'libosinfo')) {
    for (const d of children(root, 'device')) {
      const id = attr(d, 'id');
      const name = plain(d, 'name');
      if (id && name) out.set(id, name);
    }
  }
  return out;
}

/** The database's version stamp (its VERSION file), e.g. 20221130. */
export function parseVersion(text: string): string {
  return text.trim();
}
