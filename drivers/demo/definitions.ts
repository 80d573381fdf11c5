// Reading object definitions the way libvirt's parsers check them: well-formedness, root element, name, UUID.
// Error codes, domains and wording follow libvirt (virDomainDefParse, virNetworkDefParse, …).
import * as api from '../api/index.js';
import { virError } from './errors.js';
import { randomBytes } from 'node:crypto';
import { generateUuid, normalizeUuid, validateUuid, XmlError, type XmlElement } from '../xml/index.js';
import { childText, element, insertAfter, parseTree, setAttrFirst, setText, sizeIn, textElement, textOf } from './xml-access.js';

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
    root = parseTree(xml);
  } catch (e) {
    if (e instanceof XmlError) {
      throw virError(api.VIR_ERR_XML_DETAIL, kind.errDomain, `(${kind.docName}):${e.line ?? 1}: ${e.message.replace(/^xml: (not well-formed XML: )?/, '')}`);
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
    const uuid = generateUuid();
    insertAfter(root, textElement('uuid', uuid), ['name']);
    return uuid;
  }
  // libvirt takes dashes between any digits; 32 hex digits are what matter.
  const hex = text.replace(/-/g, '');
  if (validateUuid(hex) !== undefined) throw virError(api.VIR_ERR_INTERNAL_ERROR, kind.errDomain, 'malformed uuid element');
  const uuid = normalizeUuid(hex);
  const el = root.child('uuid');
  if (el) setText(el, uuid);
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
  return checkDomainDefinition(parseAs(DOMAIN, xml));
}

/** libvirt's checks and defaults on a parsed (normalised) <domain> tree, which it changes in place. */
export function checkDomainDefinition(def: XmlElement): Definition {
  if (!def.attr('type')) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_XML, "Missing required attribute 'type' in element 'domain'");
  const name = requireName(def, DOMAIN);
  if (name.includes('/')) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_DOMAIN, `name ${name} cannot contain '/'`);
  if (name.includes('\n')) throw virError(api.VIR_ERR_XML_DETAIL, api.VIR_FROM_DOMAIN, `invalid name '${name}': illegal character`);
  const uuid = ensureUuid(def, DOMAIN);
  if (!def.child('memory') && !def.child('currentMemory')) {
    throw virError(
      api.VIR_ERR_XML_ERROR,
      api.VIR_FROM_DOMAIN,
      'Memory size must be specified via <memory> or in the <numa> configuration',
    );
  }
  def.setAttr('id', undefined);
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
    if (!(c.kind === 'element')) return DOMAIN_ORDER.length;
    const i = DOMAIN_ORDER.indexOf(c.name);
    return i < 0 ? DOMAIN_ORDER.length : i;
  };
  def.children = def.children
    .filter((c) => c.kind === 'element' || c.kind === 'comment')
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
    const el = def.child(tag);
    const kib = sizeIn(el, 'KiB', 'KiB');
    if (el && kib !== undefined) {
      setAttrFirst(el, 'unit', 'KiB');
      setText(el, String(kib));
    }
  }
  const memory = def.child('memory');
  if (memory && !def.child('currentMemory')) def.children.push(textElement('currentMemory', textOf(memory) ?? '0', { unit: 'KiB' }));
  if (!memory) {
    const cur = def.child('currentMemory');
    if (cur) def.children.push(textElement('memory', textOf(cur) ?? '0', { unit: 'KiB' }));
  }
  const vcpu = def.child('vcpu') ?? textElement('vcpu', '1');
  if (!def.children.includes(vcpu)) def.children.push(vcpu);
  setAttrFirst(vcpu, 'placement', vcpu.attr('placement') ?? 'static');
  let os = def.child('os');
  if (!os) {
    os = element('os', {}, [textElement('type', 'hvm')]);
    def.children.push(os);
  }
  const type = os.child('type');
  if (type) setAttrFirst(type, 'arch', type.attr('arch') ?? 'i686');
  const devices = def.child('devices');
  const deviceBoot = devices ? devices.children.some((d) => d.kind === 'element' && d.child('boot') !== undefined) : false;
  if (!os.child('boot') && !os.child('kernel') && !deviceBoot) os.children.push(element('boot', { dev: 'hd' }));
  if (!def.child('clock')) def.children.push(element('clock', { offset: 'utc' }));
  for (const [tag, action] of [['on_poweroff', 'destroy'], ['on_reboot', 'restart'], ['on_crash', 'destroy']] as const) {
    if (!def.child(tag)) def.children.push(textElement(tag, action));
  }
  orderDomainChildren(def);
}

/** What libvirt fills in on every NIC it parses: a MAC address, and (test driver) an ifname testnetN. */
function completeInterfaces(def: XmlElement): void {
  const devices = def.child('devices');
  if (!devices) return;
  const nics = devices.childrenNamed('interface');
  const used = new Set(nics.map((n) => n.child('target')?.attr('dev')).filter((d): d is string => d !== undefined));
  for (const nic of nics) {
    if (!nic.child('mac')) {
      const bytes = randomBytes(3);
      const mac = `52:54:00:${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join(':')}`;
      nic.children.unshift(element('mac', { address: mac }));
    }
    if (!nic.child('target')?.attr('dev')) {
      let n = 0;
      while (used.has(`testnet${n}`)) n++;
      used.add(`testnet${n}`);
      const existing = nic.child('target');
      if (existing) existing.setAttr('dev', `testnet${n}`);
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
  if (!def.attr('type')) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_XML, "Missing required attribute 'type' in element 'pool'");
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
  if (!def.child('capacity')) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_STORAGE, 'missing capacity element');
  return { def, name };
}

export function parseNodeDeviceDefinition(xml: string): XmlElement {
  return parseAs(NODEDEV, xml);
}

export function parseSnapshotDefinition(xml: string): XmlElement {
  return parseAs(SNAPSHOT, xml);
}
