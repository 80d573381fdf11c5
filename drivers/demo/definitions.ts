// Reading object definitions the way libvirt's parsers check them: well-formedness, root element, name, UUID.
// Error codes, domains and wording follow libvirt (virDomainDefParse, virNetworkDefParse, …).
import * as api from '../api/index.js';
import { virError } from './errors.js';
import { canonicalUuid, newUuid } from './uuid.js';
import { randomBytes } from 'node:crypto';
import { XmlSyntaxError, child, childElements, childText, element, insertAfter, parseXml, sizeIn, textElement, textOf, type XmlElement } from './xml-tree.js';

interface Kind {
  readonly root: string;
  /** Name used in libvirt's parse error prefix, e.g. "(domain_definition)". */
  readonly docName: string;
  readonly errDomain: number;
}

const DOMAIN: Kind = { root: 'domain', docName: 'domain_definition', errDomain: api.VIR_FROM_DOMAIN };
const NETWORK: Kind = { root: 'network', docName: 'network_definition', errDomain: api.VIR_FROM_NETWORK };
const POOL: Kind = { root: 'pool', docName: 'pool_definition', errDomain: api.VIR_FROM_STORAGE };
const VOLUME: Kind = { root: 'volume', docName: 'volume_definition', errDomain: api.VIR_FROM_STORAGE };
const NODEDEV: Kind = { root: 'device', docName: 'nodedev_definition', errDomain: api.VIR_FROM_NODEDEV };
const SNAPSHOT: Kind = { root: 'domainsnapshot', docName: 'domainsnapshot', errDomain: api.VIR_FROM_DOMAIN_SNAPSHOT };

function parseAs(kind: Kind, xml: string): XmlElement {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      throw virError(api.VIR_ERR_XML_DETAIL, kind.errDomain, `(${kind.docName}):${e.line}: ${e.message}`);
    }
    throw e;
  }
  if (root.name !== kind.root) {
    throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_XML, `expecting root element of '${kind.root}', not '${root.name}'`);
  }
  return root;
}

/** Ensures a valid <uuid> right after <name>, generating one if absent. */
function ensureUuid(root: XmlElement, kind: Kind): string {
  const text = childText(root, 'uuid');
  if (text === undefined) {
    const uuid = newUuid();
    insertAfter(root, textElement('uuid', uuid), ['name']);
    return uuid;
  }
  const uuid = canonicalUuid(text);
  if (!uuid) throw virError(api.VIR_ERR_INTERNAL_ERROR, kind.errDomain, 'malformed uuid element');
  const el = child(root, 'uuid');
  if (el) el.children = [{ text: uuid }];
  return uuid;
}

function requireName(root: XmlElement, kind: Kind): string {
  const name = childText(root, 'name');
  if (!name) throw virError(api.VIR_ERR_NO_NAME, kind.errDomain);
  return name;
}

export interface Definition {
  readonly def: XmlElement;
  readonly name: string;
  readonly uuid: string;
}

export function parseDomainDefinition(xml: string): Definition {
  const def = parseAs(DOMAIN, xml);
  if (!def.attrs.type) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_XML, "Missing required attribute 'type' in element 'domain'");
  const name = requireName(def, DOMAIN);
  if (name.includes('/')) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_DOMAIN, `name ${name} cannot contain '/'`);
  if (name.includes('\n')) throw virError(api.VIR_ERR_XML_DETAIL, api.VIR_FROM_DOMAIN, `invalid name '${name}': illegal character`);
  const uuid = ensureUuid(def, DOMAIN);
  if (!child(def, 'memory') && !child(def, 'currentMemory')) {
    throw virError(
      api.VIR_ERR_XML_ERROR,
      api.VIR_FROM_DOMAIN,
      'Memory size must be specified via <memory> or in the <numa> configuration',
    );
  }
  delete def.attrs.id;
  completeInterfaces(def);
  applyDomainDefaults(def);
  return { def, name, uuid };
}

/** libvirt's order of a domain's top-level elements; others (which libvirt would drop) go last. */
const DOMAIN_ORDER = [
  'name', 'uuid', 'genid', 'title', 'description', 'metadata', 'maxMemory', 'memory', 'currentMemory', 'blkiotune',
  'memtune', 'memoryBacking', 'vcpu', 'vcpus', 'iothreads', 'iothreadids', 'cputune', 'numatune', 'resource', 'sysinfo',
  'bootloader', 'bootloader_args', 'os', 'idmap', 'features', 'cpu', 'clock', 'on_poweroff', 'on_reboot', 'on_crash',
  'on_lockfailure', 'pm', 'perf', 'devices', 'seclabel', 'keywrap', 'launchSecurity',
];

/** Puts a domain's top-level elements in libvirt's order (stable for the rest). */
export function orderDomainChildren(def: XmlElement): void {
  const rank = (c: XmlElement['children'][number]): number => {
    if (!('name' in c)) return DOMAIN_ORDER.length;
    const i = DOMAIN_ORDER.indexOf(c.name);
    return i < 0 ? DOMAIN_ORDER.length : i;
  };
  def.children = def.children
    .filter((c) => 'name' in c || 'comment' in c)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * What libvirt's parser fills in on every domain it keeps: memory in KiB with a current size, a static vCPU
 * placement, an architecture (the test driver's default is i686), a boot device, a UTC clock and the default
 * lifecycle actions.
 */
function applyDomainDefaults(def: XmlElement): void {
  for (const tag of ['memory', 'currentMemory']) {
    const el = child(def, tag);
    const kib = sizeIn(el, 'KiB', 'KiB');
    if (el && kib !== undefined) {
      el.attrs = { unit: 'KiB', ...Object.fromEntries(Object.entries(el.attrs).filter(([k]) => k !== 'unit')) };
      el.children = [{ text: String(kib) }];
    }
  }
  const memory = child(def, 'memory');
  if (memory && !child(def, 'currentMemory')) def.children.push(textElement('currentMemory', textOf(memory) ?? '0', { unit: 'KiB' }));
  if (!memory) {
    const cur = child(def, 'currentMemory');
    if (cur) def.children.push(textElement('memory', textOf(cur) ?? '0', { unit: 'KiB' }));
  }
  const vcpu = child(def, 'vcpu') ?? textElement('vcpu', '1');
  if (!def.children.includes(vcpu)) def.children.push(vcpu);
  vcpu.attrs = { placement: vcpu.attrs.placement ?? 'static', ...vcpu.attrs };
  let os = child(def, 'os');
  if (!os) {
    os = element('os', {}, [textElement('type', 'hvm')]);
    def.children.push(os);
  }
  const type = child(os, 'type');
  if (type) type.attrs = { arch: type.attrs.arch ?? 'i686', ...type.attrs };
  const devices = child(def, 'devices');
  const deviceBoot = devices ? devices.children.some((d) => 'name' in d && child(d, 'boot') !== undefined) : false;
  if (!child(os, 'boot') && !child(os, 'kernel') && !deviceBoot) os.children.push(element('boot', { dev: 'hd' }));
  if (!child(def, 'clock')) def.children.push(element('clock', { offset: 'utc' }));
  for (const [tag, action] of [['on_poweroff', 'destroy'], ['on_reboot', 'restart'], ['on_crash', 'destroy']] as const) {
    if (!child(def, tag)) def.children.push(textElement(tag, action));
  }
  orderDomainChildren(def);
}

/** What libvirt fills in on every NIC it parses: a MAC address, and (test driver) an ifname testnetN. */
function completeInterfaces(def: XmlElement): void {
  const devices = child(def, 'devices');
  if (!devices) return;
  const nics = childElements(devices, 'interface');
  const used = new Set(nics.map((n) => child(n, 'target')?.attrs.dev).filter((d): d is string => d !== undefined));
  for (const nic of nics) {
    if (!child(nic, 'mac')) {
      const bytes = randomBytes(3);
      const mac = `52:54:00:${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
      nic.children.unshift(element('mac', { address: mac }));
    }
    if (!child(nic, 'target')?.attrs.dev) {
      let n = 0;
      while (used.has(`testnet${n}`)) n++;
      used.add(`testnet${n}`);
      const existing = child(nic, 'target');
      if (existing) existing.attrs.dev = `testnet${n}`;
      else insertAfter(nic, element('target', { dev: `testnet${n}` }), ['source', 'mac']);
    }
  }
}

export function parseNetworkDefinition(xml: string): Definition {
  const def = parseAs(NETWORK, xml);
  const name = requireName(def, NETWORK);
  const uuid = ensureUuid(def, NETWORK);
  return { def, name, uuid };
}

export function parsePoolDefinition(xml: string): Definition {
  const def = parseAs(POOL, xml);
  if (!def.attrs.type) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_XML, "Missing required attribute 'type' in element 'pool'");
  const name = childText(def, 'name');
  if (!name) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_STORAGE, 'missing pool source name element');
  const uuid = ensureUuid(def, POOL);
  return { def, name, uuid };
}

export interface VolumeDefinition {
  readonly def: XmlElement;
  readonly name: string;
}

export function parseVolumeDefinition(xml: string): VolumeDefinition {
  const def = parseAs(VOLUME, xml);
  const name = childText(def, 'name');
  if (!name) throw virError(api.VIR_ERR_NO_NAME, api.VIR_FROM_STORAGE);
  if (!child(def, 'capacity')) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_STORAGE, 'missing capacity element');
  return { def, name };
}

export function parseNodeDeviceDefinition(xml: string): XmlElement {
  return parseAs(NODEDEV, xml);
}

export function parseSnapshotDefinition(xml: string): XmlElement {
  return parseAs(SNAPSHOT, xml);
}
