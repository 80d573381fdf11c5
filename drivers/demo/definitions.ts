// Reading object definitions the way libvirt's parsers check them: well-formedness, root element, name, UUID.
// Error codes, domains and wording follow libvirt (virDomainDefParse, virNetworkDefParse, …).
import * as api from '../api/index.js';
import { completeDevices, orderChildren } from './domain-devices.js';
import { virError } from './errors.js';
import { randomBytes } from 'node:crypto';
import { generateUuid, networkOrder, normalizeUuid, unitFactor, validateUuid, XmlError, type XmlElement } from '../xml/index.js';
import { childText, element, insertAfter, parseTree, removeChildren, setAttrFirst, setText, sizeIn, textElement, textOf } from './xml-access.js';

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
  normalizeNumaCells(def);
  const numaKiB = def.path('cpu/numa')?.childrenNamed('cell').reduce((sum, c) => sum + Number(c.attr('memory') ?? 0), 0) ?? 0;
  // libvirt takes the size from the NUMA cells when <memory> is absent; <currentMemory> alone is not enough.
  if (!def.child('memory') && numaKiB > 0) insertAfter(def, textElement('memory', String(numaKiB), { unit: 'KiB' }), ['metadata', 'description', 'title', 'genid', 'uuid', 'name']);
  if (!def.child('memory')) {
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

/** libvirt's order of <os> children (virDomainDefFormatInternal). */
const OS_ORDER = [
  'type', 'firmware', 'loader', 'nvram', 'init', 'initarg', 'initenv', 'initdir', 'inituser', 'initgroup', 'kernel', 'initrd',
  'cmdline', 'shim', 'dtb', 'acpi', 'boot', 'bootmenu', 'smbios', 'bios',
];

/** NUMA cells' memory in KiB, as libvirt formats it. */
function normalizeNumaCells(def: XmlElement): void {
  for (const cell of def.path('cpu/numa')?.childrenNamed('cell') ?? []) {
    const memory = cell.attr('memory');
    if (memory === undefined || !/^[0-9]+$/.test(memory.trim())) continue;
    const kib = Math.floor(Number(memory) * (unitFactor(cell.attr('unit') ?? 'KiB') ?? 1024) / 1024);
    cell.setAttr('memory', String(kib));
    cell.setAttr('unit', 'KiB');
  }
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
  const current = def.child('currentMemory');
  // A current size above the maximum (or none) is the maximum.
  if (memory && !current) def.children.push(textElement('currentMemory', textOf(memory) ?? '0', { unit: 'KiB' }));
  else if (memory && current && Number(textOf(current)) > Number(textOf(memory))) setText(current, textOf(memory) ?? '0');
  const vcpu = def.child('vcpu') ?? textElement('vcpu', '1');
  if (!def.children.includes(vcpu)) def.children.push(vcpu);
  setAttrFirst(vcpu, 'placement', vcpu.attr('placement') ?? 'static');
  let os = def.child('os');
  if (!os) {
    // A domain booted by a host-side bootloader is a Xen paravirtualised one to libvirt.
    os = element('os', {}, [textElement('type', def.child('bootloader') ? 'xen' : 'hvm')]);
    def.children.push(os);
  }
  const type = os.child('type');
  if (type) setAttrFirst(type, 'arch', type.attr('arch') ?? 'i686');
  const devices = def.child('devices');
  const deviceBoot = devices ? devices.children.some((d) => d.kind === 'element' && d.child('boot') !== undefined) : false;
  const hvm = (type ? textOf(type) : 'hvm') === 'hvm';
  if (hvm && !os.child('boot') && !os.child('kernel') && !deviceBoot) os.children.push(element('boot', { dev: 'hd' }));
  orderChildren(os, OS_ORDER);
  completeDevices(def);
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
  return checkNetworkDefinition(parseAs(NETWORK, xml));
}

/** libvirt's checks and defaults on a parsed <network> tree, changed in place. */
export function checkNetworkDefinition(def: XmlElement): Definition {
  const name = requireName(def, NETWORK);
  const uuid = ensureUuid(def, NETWORK);
  normalizeForward(def);
  orderChildren(def, networkOrder);
  // A bridge libvirt manages gets STP on and no forward delay unless told otherwise.
  const forward = def.child('forward');
  const mode = forward ? forward.attr('mode') ?? 'nat' : 'none';
  const bridge = def.child('bridge');
  if (bridge && ['none', 'nat', 'route', 'open'].includes(mode)) {
    if (!bridge.hasAttr('stp')) bridge.setAttr('stp', 'on');
    if (!bridge.hasAttr('delay')) bridge.setAttr('delay', '0');
  }
  return { def, name, uuid };
}

export function parsePoolDefinition(xml: string): Definition {
  return checkPoolDefinition(parseAs(POOL, xml));
}

/** libvirt's checks and defaults on a parsed <pool> tree, changed in place. */
export function checkPoolDefinition(def: XmlElement): Definition {
  if (!def.attr('type')) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_XML, "Missing required attribute 'type' in element 'pool'");
  const name = childText(def, 'name');
  if (!name) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_STORAGE, 'missing pool source name element');
  const uuid = ensureUuid(def, POOL);
  const path = def.path('target/path');
  const text = textOf(path);
  if (path && text !== undefined) setText(path, sanitizePath(text));
  return { def, name, uuid };
}

/** libvirt's virFileSanitizePath: repeated slashes collapsed, a trailing one dropped. */
export function sanitizePath(path: string): string {
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/**
 * A network's <forward>: libvirt writes dev first, names the first <interface> in it, and lists a lone dev as
 * an <interface>.
 */
function normalizeForward(def: XmlElement): void {
  const forward = def.child('forward');
  if (!forward) return;
  const interfaces = forward.childrenNamed('interface');
  const dev = forward.attr('dev') ?? interfaces[0]?.attr('dev');
  if (dev === undefined) return;
  setAttrFirst(forward, 'dev', dev);
  const mode = forward.attr('mode') ?? 'nat';
  if (interfaces.length === 0 && ['route', 'nat', 'bridge', 'private', 'vepa', 'passthrough'].includes(mode)) {
    forward.children.unshift(element('interface', { dev }));
  }
}

/** What libvirt's node device parser does not keep from a node file (sizes it reads from the host, not XML). */
export function normalizeNodeDevice(def: XmlElement): void {
  for (const cap of def.childrenNamed('capability')) {
    if (cap.attr('type') === 'storage') {
      removeChildren(cap, 'logical_block_size');
      removeChildren(cap, 'num_blocks');
    }
    for (const ops of cap.childrenNamed('capability')) {
      const max = ops.attr('type') === 'vport_ops' ? ops.child('max_vports') : undefined;
      if (max) setText(max, '0');
    }
  }
}

export interface VolumeDefinition {
  readonly def: XmlElement;
  readonly name: string;
}

export function parseVolumeDefinition(xml: string): VolumeDefinition {
  return checkVolumeDefinition(parseAs(VOLUME, xml));
}

/** libvirt's checks on a parsed <volume> tree. */
export function checkVolumeDefinition(def: XmlElement): VolumeDefinition {
  const name = childText(def, 'name');
  if (!name) throw virError(api.VIR_ERR_NO_NAME, api.VIR_FROM_STORAGE);
  if (!def.child('capacity')) throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_STORAGE, 'missing capacity element');
  return { def, name };
}

export function parseNodeDeviceDefinition(xml: string): XmlElement {
  const def = parseAs(NODEDEV, xml);
  normalizeNodeDevice(def);
  return def;
}

export function parseSnapshotDefinition(xml: string): XmlElement {
  return parseAs(SNAPSHOT, xml);
}
