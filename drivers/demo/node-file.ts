// libvirt's test-driver node file (<node> with cpu, memory, domains, networks, pools with volumes, devices, and
// the test namespace for run state): loading it into a Demo host, and writing a host back in the same format
// (which is how the Demo host persists itself). Attributes in the hangar namespace keep what libvirt's format
// cannot say (autostart, inactive networks and pools); libvirt ignores them.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import * as api from '../api/index.js';
import type { DemoHost } from './demo-host.js';
import {
  checkDomainDefinition, checkNetworkDefinition, checkPoolDefinition, checkVolumeDefinition, normalizeNodeDevice, parseVolumeDefinition,
  type VolumeDefinition,
} from './definitions.js';
import { DomainObject, type SnapshotRecord } from './domain-object.js';
import { testError, virError } from './errors.js';
import { NetworkObject } from './network-object.js';
import { NodeDeviceObject } from './node-device-object.js';
import { PoolObject, VolumeObject } from './pool-object.js';
import type { XmlElement } from '../xml/index.js';
import { parseTree, textOf, childText, element, textElement, insertAfter } from './xml-access.js';

export const TEST_NS = 'http://libvirt.org/schemas/domain/test/1.0';
export const HANGAR_NS = 'https://hangar.invalid/schemas/demo-host/1.0';

/** Reads a node file (and the files its elements point to with file='…'). */
export function readNodeFile(filePath: string): XmlElement {
  let text: string;
  try {
    text = readFileSync(filePath, 'utf8');
  } catch (e) {
    throw virError(api.VIR_ERR_OPEN_FAILED, api.VIR_FROM_TEST, `${filePath}: ${(e as Error).message}`);
  }
  return parseNodeText(text, dirname(filePath));
}

export function parseNodeText(text: string, baseDir: string | null): XmlElement {
  let root: XmlElement;
  try {
    root = parseTree(text);
  } catch (e) {
    throw virError(api.VIR_ERR_XML_DETAIL, api.VIR_FROM_XML, `(node):${(e as Error).message}`);
  }
  if (root.name !== 'node') throw testError(api.VIR_ERR_XML_ERROR, "Root element is not 'node'");
  if (baseDir !== null) inlineFiles(root, baseDir);
  return root;
}

/** Replaces <domain file='x.xml'/> and the like by the referenced documents, relative to the node file. */
function inlineFiles(el: XmlElement, baseDir: string): void {
  el.children = el.children.map((c) => {
    if (c.kind !== 'element') return c;
    const file = c.attr('file');
    const kinds = ['domain', 'network', 'pool', 'volume', 'device', 'domainsnapshot'];
    if (file !== undefined && (kinds.includes(c.name) || c.name.endsWith(':domainsnapshot'))) {
      const abs = isAbsolute(file) ? file : join(baseDir, file);
      let loaded: XmlElement;
      try {
        loaded = parseTree(readFileSync(abs, 'utf8'));
      } catch (e) {
        throw virError(api.VIR_ERR_OPEN_FAILED, api.VIR_FROM_TEST, `${abs}: ${(e as Error).message}`);
      }
      inlineFiles(loaded, dirname(abs));
      return loaded;
    }
    inlineFiles(c, baseDir);
    return c;
  });
}

/** The local name of `name` if its prefix is bound to `ns` on one of `scopes`. */
function localIn(name: string, ns: string, scopes: readonly XmlElement[]): string | null {
  const colon = name.indexOf(':');
  if (colon < 0) return null;
  const prefix = name.slice(0, colon);
  return scopes.some((s) => s.attr(`xmlns:${prefix}`) === ns) ? name.slice(colon + 1) : null;
}

function num(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n)) throw testError(api.VIR_ERR_XML_ERROR, `invalid number '${text}'`);
  return n;
}

function hangarAttr(el: XmlElement, root: XmlElement, local: string): string | undefined {
  for (const a of el.attributes) if (localIn(a.name, HANGAR_NS, [el, root]) === local) return el.attr(a.name);
  return undefined;
}

/** Populates an empty host from a node document, following libvirt's test driver (testOpenParse). */
export function loadNode(host: DemoHost, root: XmlElement): void {
  const cpu = root.child('cpu');
  const info = { ...host.nodeInfo };
  if (cpu) {
    info.nodes = num(childText(cpu, 'nodes')) ?? info.nodes;
    info.sockets = num(childText(cpu, 'sockets')) ?? info.sockets;
    info.cores = num(childText(cpu, 'cores')) ?? info.cores;
    info.threads = num(childText(cpu, 'threads')) ?? info.threads;
  }
  info.cpus = info.nodes * info.sockets * info.cores * info.threads;
  if (cpu) {
    const active = num(childText(cpu, 'active'));
    if (active !== undefined && active < info.cpus) info.cpus = active;
    info.mhz = num(childText(cpu, 'mhz')) ?? info.mhz;
    info.model = childText(cpu, 'model') ?? info.model;
  }
  info.memory = num(childText(root, 'memory')) ?? info.memory;
  host.nodeInfo = info;

  // Names seen so far, so that a large file is not a scan of every domain per domain.
  const names = new Map<string, DomainObject>();
  for (const d of host.domains.values()) names.set(d.name, d);
  for (const el of root.childrenNamed('domain')) loadDomain(host, root, el, names);
  for (const el of root.childrenNamed('network')) {
    const ext = { active: hangarAttr(el, root, 'active'), autostart: hangarAttr(el, root, 'autostart') };
    const clean = withoutHangarAttrs(el, root);
    const { def, name, uuid } = checkNetworkDefinition(clean);
    if (host.networks.has(uuid) || host.networkByName(name)) {
      throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_NETWORK, `network '${name}' already exists`);
    }
    const net = new NetworkObject(def, uuid, true);
    net.active = ext.active !== 'no';
    net.autostart = ext.autostart === 'yes';
    host.networks.set(uuid, net);
  }
  for (const el of root.childrenNamed('pool')) {
    const ext = { active: hangarAttr(el, root, 'active'), autostart: hangarAttr(el, root, 'autostart') };
    const volumes = el.childrenNamed('volume');
    const clean = withoutHangarAttrs(el, root);
    clean.children = clean.children.filter((c) => !(c.kind === 'element' && c.name === 'volume'));
    const { def, name, uuid } = checkPoolDefinition(clean);
    if (host.pools.has(uuid) || host.poolByName(name)) {
      throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_STORAGE, `pool '${name}' already exists`);
    }
    const pool = new PoolObject(def, uuid, true);
    pool.active = ext.active !== 'no';
    pool.autostart = ext.autostart === 'yes';
    for (const v of volumes) addVolumeDefinition(pool, checkVolumeDefinition(v.clone()));
    host.pools.set(uuid, pool);
  }
  for (const el of root.childrenNamed('device')) {
    const copy = el.clone();
    normalizeNodeDevice(copy);
    const dev = new NodeDeviceObject(copy, false);
    if (!dev.name) throw virError(api.VIR_ERR_NO_NAME, api.VIR_FROM_NODEDEV);
    host.devices.set(dev.name, dev);
  }
}

function withoutHangarAttrs(el: XmlElement, root: XmlElement): XmlElement {
  const copy = el.clone();
  for (const a of [...copy.attributes]) {
    if (localIn(a.name, HANGAR_NS, [el, root]) !== null || copy.attr(a.name) === HANGAR_NS) copy.setAttr(a.name, undefined);
  }
  return copy;
}

/** Adds a volume from its XML the way the test driver does: default path and key, no space check. */
export function addVolume(pool: PoolObject, xml: string): VolumeObject {
  return addVolumeDefinition(pool, parseVolumeDefinition(xml));
}

function addVolumeDefinition(pool: PoolObject, { def, name }: VolumeDefinition): VolumeObject {
  normalizeVolume(pool, def, name);
  const vol = new VolumeObject(def, pool.name);
  pool.volumes.set(name, vol);
  return vol;
}

/** The volume format libvirt reports when none is given, per pool type (files and RBD images raw, partitions none). */
const VOLUME_FORMATS: Readonly<Record<string, string>> = { dir: 'raw', fs: 'raw', netfs: 'raw', disk: 'none', rbd: 'raw' };

/** Fills in type, key, target path, units and format the way libvirt formats a volume. */
export function normalizeVolume(pool: PoolObject, def: XmlElement, name: string): void {
  let target = def.child('target');
  if (!target) {
    target = element('target');
    def.children.push(target);
  }
  if (!childText(def, 'target', 'path')) {
    target.children.unshift(textElement('path', `${pool.targetPath}/${name}`));
  }
  const volPath = childText(def, 'target', 'path') ?? '';
  if (!childText(def, 'key')) insertAfter(def, textElement('key', volPath), ['name']);
  const vol = new VolumeObject(def, pool.name);
  const capacity = vol.capacity;
  const allocation = def.child('allocation') ? vol.allocation : capacity;
  vol.capacity = capacity;
  vol.allocation = allocation;
  // Backends with a format of their own name it when the XML gives none.
  const defaultFormat = VOLUME_FORMATS[pool.type];
  if (defaultFormat !== undefined && !target.child('format')) target.children.push(element('format', { type: defaultFormat }));
  // libvirt formats the type the XML gave, 'file' by default (virStorageVolGetInfo derives the real one).
  if (!def.attr('type')) def.setAttr('type', 'file');
  // Keep libvirt's element order: name, key, capacity, allocation, target.
  const order = ['name', 'key', 'source', 'capacity', 'allocation', 'physical', 'target', 'backingStore'];
  def.children.sort((a, b) => {
    const ia = a.kind === 'element' ? order.indexOf(a.name) : -1;
    const ib = b.kind === 'element' ? order.indexOf(b.name) : -1;
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
}

function loadDomain(host: DemoHost, root: XmlElement, el: XmlElement, names: Map<string, DomainObject>): void {
  let runstate = api.VIR_DOMAIN_RUNNING;
  let transient = false;
  let managedSave = false;
  let autostart = false;
  const snapshotEls: XmlElement[] = [];
  const clean = el.clone();
  clean.children = clean.children.filter((c) => {
    if (c.kind !== 'element') return true;
    // A <test:domainsnapshot file='…'/> was replaced by the file's <domainsnapshot> root.
    const local = c.name === 'domainsnapshot' ? 'domainsnapshot' : localIn(c.name, TEST_NS, [el, root]);
    if (local === null) {
      if (localIn(c.name, HANGAR_NS, [el, root]) === 'autostart') {
        autostart = textOf(c) === 'yes';
        return false;
      }
      return true;
    }
    if (local === 'runstate') {
      const n = Number(textOf(c));
      if (!Number.isInteger(n)) throw testError(api.VIR_ERR_XML_ERROR, 'invalid runstate');
      if (n < 0 || n > api.VIR_DOMAIN_PMSUSPENDED) throw testError(api.VIR_ERR_XML_ERROR, `runstate '${n}' out of range'`);
      runstate = n;
    } else if (local === 'transient') transient = true;
    else if (local === 'hasmanagedsave') managedSave = true;
    else if (local === 'domainsnapshot') {
      const snap = c.clone();
      snap.name = 'domainsnapshot';
      snapshotEls.push(snap);
    }
    return false;
  });
  for (const a of [...clean.attributes]) {
    const v = clean.attr(a.name);
    if (v === TEST_NS || v === HANGAR_NS) clean.setAttr(a.name, undefined);
  }
  if (transient && runstate === api.VIR_DOMAIN_SHUTOFF) {
    throw testError(api.VIR_ERR_XML_ERROR, "transient domain cannot have runstate 'shutoff'");
  }
  if (managedSave && runstate !== api.VIR_DOMAIN_SHUTOFF) {
    throw testError(api.VIR_ERR_XML_ERROR, "domain with managedsave data can only have runstate 'shutoff'");
  }
  const { def, name, uuid } = checkDomainDefinition(clean);
  const byName = names.get(name);
  if (host.domains.has(uuid) || byName) {
    throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_DOMAIN, `domain '${name}' already exists with uuid ${byName?.uuid ?? uuid}`);
  }
  const dom = new DomainObject(def, uuid, !transient);
  dom.autostart = autostart;
  host.domains.set(uuid, dom);
  names.set(name, dom);
  for (const s of snapshotEls) loadSnapshot(dom, s);
  dom.hasManagedSave = managedSave;
  if (runstate !== api.VIR_DOMAIN_SHUTOFF) {
    host.startGuest(dom, api.VIR_DOMAIN_RUNNING, api.VIR_DOMAIN_RUNNING_BOOTED);
    dom.state = runstate;
    dom.reason = 0;
    dom.activity?.setRunning(runstate === api.VIR_DOMAIN_RUNNING);
  } else {
    dom.state = api.VIR_DOMAIN_SHUTOFF;
    dom.reason = 0;
  }
}

function loadSnapshot(dom: DomainObject, el: XmlElement): void {
  const name = childText(el, 'name');
  if (!name) throw virError(api.VIR_ERR_NO_NAME, api.VIR_FROM_DOMAIN_SNAPSHOT);
  const domEl = el.child('domain');
  const def = el.clone();
  def.children = def.children.filter((c) => !(c.kind === 'element' && c.name === 'active'));
  const rec: SnapshotRecord = {
    name,
    parent: childText(el, 'parent', 'name') ?? null,
    def,
    domain: domEl ? domEl.clone() : dom.def.clone(),
    state: childText(el, 'state') ?? 'shutoff',
    creationTime: Number(childText(el, 'creationTime') ?? '0') || 0,
  };
  if (!def.child('domain')) def.children.push(rec.domain.clone());
  dom.snapshots.set(name, rec);
  if (childText(el, 'active') === '1') {
    if (dom.currentSnapshot !== null) throw testError(api.VIR_ERR_INTERNAL_ERROR, 'more than one snapshot claims to be active');
    dom.currentSnapshot = name;
  }
}

/** The host as a node document: reloading it gives the same inventory and states. */
export function dumpNode(host: DemoHost): XmlElement {
  const root = element('node', { 'xmlns:test': TEST_NS, 'xmlns:hangar': HANGAR_NS });
  const n = host.nodeInfo;
  root.children.push(
    element('cpu', {}, [
      textElement('mhz', String(n.mhz)),
      textElement('model', n.model),
      textElement('nodes', String(n.nodes)),
      textElement('sockets', String(n.sockets)),
      textElement('cores', String(n.cores)),
      textElement('threads', String(n.threads)),
      textElement('active', String(n.cpus)),
    ]),
    textElement('memory', String(n.memory)),
  );
  for (const d of host.domains.values()) {
    const def = (d.config ?? d.def).clone();
    def.setAttr('id', undefined);
    def.children.push(textElement('test:runstate', String(d.state)));
    if (!d.persistent) def.children.push(element('test:transient'));
    if (d.hasManagedSave) def.children.push(element('test:hasmanagedsave'));
    if (d.autostart) def.children.push(textElement('hangar:autostart', 'yes'));
    for (const s of d.snapshots.values()) {
      const snap = s.def.clone();
      snap.name = 'test:domainsnapshot';
      // libvirt's internal snapshot format requires <active> on every snapshot.
      snap.children.push(textElement('active', d.currentSnapshot === s.name ? '1' : '0'));
      def.children.push(snap);
    }
    root.children.push(def);
  }
  for (const net of host.networks.values()) {
    if (!net.persistent) continue;
    const def = net.def.clone();
    def.setAttr('hangar:active', net.active ? 'yes' : 'no');
    def.setAttr('hangar:autostart', net.autostart ? 'yes' : 'no');
    root.children.push(def);
  }
  for (const pool of host.pools.values()) {
    if (!pool.persistent) continue;
    const def = pool.def.clone();
    def.setAttr('hangar:active', pool.active ? 'yes' : 'no');
    def.setAttr('hangar:autostart', pool.autostart ? 'yes' : 'no');
    for (const v of pool.volumes.values()) def.children.push(v.def.clone());
    root.children.push(def);
  }
  for (const dev of host.devices.values()) root.children.push(dev.def.clone());
  return root;
}
