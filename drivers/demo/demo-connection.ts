// A connection to a Demo host: the api.Connection over a DemoHost, with libvirt's test-driver semantics for
// defining, creating, listing and looking up every object kind, bulk stats, and event registrations.
import { hostname } from 'node:os';
import * as api from '../api/index.js';
import { capabilitiesXml, domainCapabilitiesXml } from './capabilities.js';
import type { DemoContext } from './demo-context.js';
import { DemoDomain, TEST_MAX_VCPUS } from './demo-domain.js';
import type { DemoHost } from './demo-host.js';
import { DemoNetwork } from './demo-network.js';
import { DemoNodeDevice } from './demo-node-device.js';
import { DemoPool } from './demo-pool.js';
import { DemoVolume } from './demo-volume.js';
import { parseDomainDefinition, parseNetworkDefinition, parseNodeDeviceDefinition, parsePoolDefinition } from './definitions.js';
import { DomainObject, sizing } from './domain-object.js';
import { domainStats, resolveStats, statsFilterMatches } from './domain-stats.js';
import { findPoolSources } from './pool-sources.js';
import { checkFlags, testError, virError } from './errors.js';
import { readSaveImage } from './save-image.js';
import type { HostEvent } from './event-bus.js';
import { NetworkObject } from './network-object.js';
import { NodeDeviceObject } from './node-device-object.js';
import { PoolObject, type VolumeObject } from './pool-object.js';
import { type XmlElement } from '../xml/index.js';
import { childText, element, insertAfter, setAttrFirst, textElement } from './xml-access.js';

/** The libvirt version whose test-driver behaviour the Demo host follows. */
const EMULATED_LIBVIRT_VERSION = 9_000_000;
/** libvirt's test driver reports hypervisor version 2. */
const TEST_HV_VERSION = 2;
const HOST_UUID = '8a2f3c1e-5b7d-4e90-9c11-2d4e6f8a0b1c';
const SYSINFO = `<sysinfo type='smbios'>
  <bios>
    <entry name='vendor'>Hangar</entry>
    <entry name='version'>Demo 1.0</entry>
    <entry name='date'>01/01/2026</entry>
    <entry name='release'>1.0</entry>
  </bios>
  <system>
    <entry name='manufacturer'>Hangar</entry>
    <entry name='product'>Demo host</entry>
    <entry name='uuid'>${HOST_UUID}</entry>
  </system>
</sysinfo>
`;

interface Registration {
  readonly kind: HostEvent['kind'];
  readonly eventId: number;
  /** UUID (or node device name) the registration is limited to. */
  readonly only: string | null;
  readonly listener: (event: never) => void;
}

const NODEDEV_CAP_BITS: readonly [number, string][] = [
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM, 'system'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV, 'pci'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV, 'usb_device'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_INTERFACE, 'usb'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET, 'net'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_HOST, 'scsi_host'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_TARGET, 'scsi_target'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI, 'scsi'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_STORAGE, 'storage'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST, 'fc_host'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS, 'vport_ops'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_GENERIC, 'scsi_generic'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_DRM, 'drm'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV_TYPES, 'mdev_types'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV, 'mdev'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_CCW_DEV, 'ccw'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_CSS_DEV, 'css'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VDPA, 'vdpa'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_CARD, 'ap_card'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_QUEUE, 'ap_queue'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_MATRIX, 'ap_matrix'],
  [api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPD, 'vpd'],
];

const POOL_TYPE_BITS: readonly [number, string][] = [
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_DIR, 'dir'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_FS, 'fs'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_NETFS, 'netfs'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL, 'logical'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_DISK, 'disk'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI, 'iscsi'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_SCSI, 'scsi'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_MPATH, 'mpath'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_RBD, 'rbd'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG, 'sheepdog'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER, 'gluster'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_ZFS, 'zfs'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE, 'vstorage'],
  [api.VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT, 'iscsi-direct'],
];

/** `flags` selects one side of a pair of filter bits: true if neither bit is set or the value matches a set one. */
function pair(flags: number, yesBit: number, noBit: number, value: boolean): boolean {
  if (!(flags & (yesBit | noBit))) return true;
  return (value && (flags & yesBit) !== 0) || (!value && (flags & noBit) !== 0);
}

export class DemoConnection implements api.Connection, DemoContext {
  private closed = false;
  private readonly closeListeners = new Set<(reason: number) => void>();
  private readonly registrations = new Set<Registration>();
  private readonly subscription: api.Disposable;
  /** Events matched at emit time, waiting for asynchronous delivery. */
  private pending: { reg: Registration; event: unknown }[] = [];
  private flushing: NodeJS.Immediate | null = null;
  /** Streams opened through this connection and still open. */
  private readonly streams = new Set<api.Stream>();

  constructor(
    readonly host: DemoHost,
    private readonly uri: string,
    private readonly release: () => Promise<void>,
  ) {
    this.subscription = host.events.subscribe((e) => this.deliver(e));
  }

  // ── DemoContext ──

  check(fn: string): void {
    if (this.closed || this.host.isDisposed) throw virError(api.VIR_ERR_INVALID_CONN, api.VIR_FROM_NONE, fn);
  }
  domain(ref: { readonly name: string; readonly uuid: string; readonly id: number }): api.Domain {
    return new DemoDomain(this, ref.name, ref.uuid, ref.id);
  }
  network(net: { readonly name: string; readonly uuid: string }): api.Network {
    return new DemoNetwork(this, net.name, net.uuid);
  }
  pool(pool: { readonly name: string; readonly uuid: string }): api.StoragePool {
    return new DemoPool(this, pool.name, pool.uuid);
  }
  volume(pool: PoolObject, vol: VolumeObject): api.StorageVolume {
    return new DemoVolume(this, pool.name, vol.name, vol.key);
  }
  nodeDevice(name: string): api.NodeDevice {
    return new DemoNodeDevice(this, name);
  }
  adopt<S extends api.Stream>(stream: S): S {
    this.streams.add(stream);
    stream.onEnd(() => this.streams.delete(stream));
    return stream;
  }

  // ── connection info ──

  async getURI(): Promise<string> {
    this.check('virConnectGetURI');
    return this.uri;
  }
  async getType(): Promise<string> {
    this.check('virConnectGetType');
    return 'TEST';
  }
  async getHostname(): Promise<string> {
    this.check('virConnectGetHostname');
    return hostname();
  }
  async getVersion(): Promise<number> {
    this.check('virConnectGetVersion');
    return TEST_HV_VERSION;
  }
  async getLibVersion(): Promise<number> {
    this.check('virConnectGetLibVersion');
    return EMULATED_LIBVIRT_VERSION;
  }
  async getMaxVcpus(_type: string | null): Promise<number> {
    this.check('virConnectGetMaxVcpus');
    return TEST_MAX_VCPUS;
  }
  async nodeGetInfo(): Promise<api.NodeInfo> {
    this.check('virNodeGetInfo');
    return { ...this.host.nodeInfo };
  }
  async nodeGetFreeMemory(): Promise<number> {
    this.check('virNodeGetFreeMemory');
    let usedKiB = 0;
    for (const d of this.host.domains.values()) if (d.active) usedKiB += sizing(d.def).curMemKiB;
    return Math.max(0, this.host.nodeInfo.memory - usedKiB) * 1024;
  }
  async getCapabilities(): Promise<string> {
    this.check('virConnectGetCapabilities');
    return capabilitiesXml(this.host.nodeInfo, HOST_UUID);
  }
  async getSysinfo(flags = 0): Promise<string> {
    this.check('virConnectGetSysinfo');
    checkFlags(flags, 0, 'testConnectGetSysinfo');
    return SYSINFO;
  }
  async getDomainCapabilities(
    _emulatorBin: string | null,
    arch: string | null,
    machine: string | null,
    virtType: string | null,
    flags = 0,
  ): Promise<string> {
    this.check('virConnectGetDomainCapabilities');
    checkFlags(flags, 0, 'testConnectGetDomainCapabilities');
    return domainCapabilitiesXml(arch, machine, virtType);
  }

  isAlive(): boolean {
    return !this.closed && !this.host.isDisposed;
  }
  onClose(listener: (reason: number) => void): api.Disposable {
    this.closeListeners.add(listener);
    return { dispose: () => void this.closeListeners.delete(listener) };
  }
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subscription.dispose();
    this.registrations.clear();
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = null;
    this.pending = [];
    for (const st of [...this.streams]) await st.abort();
    this.streams.clear();
    for (const l of [...this.closeListeners]) l(api.VIR_CONNECT_CLOSE_REASON_CLIENT);
    this.closeListeners.clear();
    await this.release();
  }

  // ── domains ──

  async listAllDomains(flags = 0): Promise<api.Domain[]> {
    this.check('virConnectListAllDomains');
    checkFlags(flags, 0xffff, 'testConnectListAllDomains');
    const out: api.Domain[] = [];
    for (const d of this.host.domains.values()) {
      if (!pair(flags, api.VIR_CONNECT_LIST_DOMAINS_ACTIVE, api.VIR_CONNECT_LIST_DOMAINS_INACTIVE, d.active)) continue;
      if (!pair(flags, api.VIR_CONNECT_LIST_DOMAINS_PERSISTENT, api.VIR_CONNECT_LIST_DOMAINS_TRANSIENT, d.persistent)) continue;
      if (!pair(flags, api.VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE, api.VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE, d.hasManagedSave)) continue;
      if (!pair(flags, api.VIR_CONNECT_LIST_DOMAINS_AUTOSTART, api.VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART, d.autostart)) continue;
      if (!pair(flags, api.VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT, api.VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT, d.snapshots.size > 0)) continue;
      const stateBits =
        flags &
        (api.VIR_CONNECT_LIST_DOMAINS_RUNNING | api.VIR_CONNECT_LIST_DOMAINS_PAUSED | api.VIR_CONNECT_LIST_DOMAINS_SHUTOFF | api.VIR_CONNECT_LIST_DOMAINS_OTHER);
      if (stateBits) {
        const s = d.state;
        const other = s !== api.VIR_DOMAIN_RUNNING && s !== api.VIR_DOMAIN_PAUSED && s !== api.VIR_DOMAIN_SHUTOFF;
        const ok =
          (flags & api.VIR_CONNECT_LIST_DOMAINS_RUNNING && s === api.VIR_DOMAIN_RUNNING) ||
          (flags & api.VIR_CONNECT_LIST_DOMAINS_PAUSED && s === api.VIR_DOMAIN_PAUSED) ||
          (flags & api.VIR_CONNECT_LIST_DOMAINS_SHUTOFF && s === api.VIR_DOMAIN_SHUTOFF) ||
          (flags & api.VIR_CONNECT_LIST_DOMAINS_OTHER && other);
        if (!ok) continue;
      }
      out.push(this.domain(this.host.domainRef(d)));
    }
    return out;
  }

  async domainLookupByName(name: string): Promise<api.Domain> {
    this.check('virDomainLookupByName');
    const d = this.host.domainByName(name);
    if (!d) throw testError(api.VIR_ERR_NO_DOMAIN);
    return this.domain(this.host.domainRef(d));
  }
  async domainLookupByUUID(uuid: string): Promise<api.Domain> {
    this.check('virDomainLookupByUUID');
    const d = this.host.domains.get(uuid.toLowerCase());
    if (!d) throw testError(api.VIR_ERR_NO_DOMAIN);
    return this.domain(this.host.domainRef(d));
  }
  async domainLookupByID(id: number): Promise<api.Domain> {
    this.check('virDomainLookupByID');
    const d = this.host.domainById(id);
    if (!d) throw testError(api.VIR_ERR_NO_DOMAIN);
    return this.domain(this.host.domainRef(d));
  }

  /** libvirt's virDomainObjListAdd duplicate checks; returns the existing object the definition replaces. */
  private existingDomain(name: string, uuid: string, live: boolean): DomainObject | undefined {
    const byUuid = this.host.domains.get(uuid);
    if (byUuid) {
      if (byUuid.name !== name) {
        throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_DOMAIN, `domain '${byUuid.name}' is already defined with uuid ${uuid}`);
      }
      if (live && byUuid.active) {
        throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_DOMAIN, `domain '${name}' is already active`);
      }
      if (live && !byUuid.persistent) {
        throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_DOMAIN, `domain '${name}' is already being started`);
      }
      return byUuid;
    }
    const byName = this.host.domainByName(name);
    if (byName) {
      throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_DOMAIN, `domain '${name}' already exists with uuid ${byName.uuid}`);
    }
    return undefined;
  }

  async domainDefineXML(xml: string, flags = 0): Promise<api.Domain> {
    this.check('virDomainDefineXMLFlags');
    checkFlags(flags, api.VIR_DOMAIN_DEFINE_VALIDATE, 'testDomainDefineXMLFlags');
    const { def, name, uuid } = parseDomainDefinition(xml);
    const existing = this.existingDomain(name, uuid, false);
    let dom: DomainObject;
    let detail: number = api.VIR_DOMAIN_EVENT_DEFINED_ADDED;
    if (existing) {
      if (existing.persistent) detail = api.VIR_DOMAIN_EVENT_DEFINED_UPDATED;
      existing.config = def;
      dom = existing;
    } else {
      dom = new DomainObject(def, uuid, true);
      this.host.domains.set(uuid, dom);
    }
    this.host.emitLifecycle(dom, api.VIR_DOMAIN_EVENT_DEFINED, detail);
    this.host.changed();
    return this.domain(this.host.domainRef(dom));
  }

  async domainCreateXML(xml: string, flags = 0): Promise<api.Domain> {
    this.check('virDomainCreateXML');
    checkFlags(flags, api.VIR_DOMAIN_START_VALIDATE | api.VIR_DOMAIN_START_PAUSED | api.VIR_DOMAIN_START_AUTODESTROY, 'testDomainCreateXML');
    const { def, name, uuid } = parseDomainDefinition(xml);
    const existing = this.existingDomain(name, uuid, true);
    const dom = existing ?? new DomainObject(def, uuid, false);
    if (!existing) this.host.domains.set(uuid, dom);
    this.host.startGuest(dom, api.VIR_DOMAIN_RUNNING, api.VIR_DOMAIN_RUNNING_BOOTED);
    dom.live = def;
    this.host.emitLifecycle(dom, api.VIR_DOMAIN_EVENT_STARTED, api.VIR_DOMAIN_EVENT_STARTED_BOOTED);
    if (flags & api.VIR_DOMAIN_START_PAUSED) {
      dom.state = api.VIR_DOMAIN_PAUSED;
      dom.reason = api.VIR_DOMAIN_PAUSED_USER;
      dom.activity?.setRunning(false);
      this.host.emitLifecycle(dom, api.VIR_DOMAIN_EVENT_SUSPENDED, api.VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    }
    this.host.changed();
    return this.domain(this.host.domainRef(dom));
  }

  async domainRestore(from: string, dxml: string | null = null, flags = 0): Promise<void> {
    this.check('virDomainRestoreFlags');
    checkFlags(flags, 0, 'testDomainRestoreFlags');
    if (dxml !== null) throw testError(api.VIR_ERR_ARGUMENT_UNSUPPORTED, 'xml modification unsupported');
    const { def, name, uuid } = parseDomainDefinition(readSaveImage(from));
    const existing = this.existingDomain(name, uuid, true);
    const dom = existing ?? new DomainObject(def, uuid, false);
    if (!existing) this.host.domains.set(uuid, dom);
    this.host.startGuest(dom, api.VIR_DOMAIN_RUNNING, api.VIR_DOMAIN_RUNNING_RESTORED);
    dom.live = def;
    this.host.emitLifecycle(dom, api.VIR_DOMAIN_EVENT_STARTED, api.VIR_DOMAIN_EVENT_STARTED_RESTORED);
    this.host.changed();
  }

  async getAllDomainStats(stats: number, flags = 0): Promise<api.DomainStatsRecord[]> {
    this.check('virConnectGetAllDomainStats');
    const groups = resolveStats(stats, flags);
    const now = Date.now();
    const out: api.DomainStatsRecord[] = [];
    for (const d of this.host.domains.values()) {
      if (!statsFilterMatches(d, flags)) continue;
      out.push({ domain: this.domain(this.host.domainRef(d)), params: domainStats(d, groups, now) });
    }
    return out;
  }

  async domainListGetStats(domains: readonly api.Domain[], stats: number, flags = 0): Promise<api.DomainStatsRecord[]> {
    this.check('virDomainListGetStats');
    const groups = resolveStats(stats, flags);
    const now = Date.now();
    const out: api.DomainStatsRecord[] = [];
    for (const handle of domains) {
      const d = this.host.domains.get(handle.uuid);
      if (!d || !statsFilterMatches(d, flags)) continue;
      out.push({ domain: this.domain(this.host.domainRef(d)), params: domainStats(d, groups, now) });
    }
    return out;
  }

  // ── networks ──

  async listAllNetworks(flags = 0): Promise<api.Network[]> {
    this.check('virConnectListAllNetworks');
    checkFlags(flags, 0x3f, 'testConnectListAllNetworks');
    return [...this.host.networks.values()]
      .filter(
        (n) =>
          pair(flags, api.VIR_CONNECT_LIST_NETWORKS_ACTIVE, api.VIR_CONNECT_LIST_NETWORKS_INACTIVE, n.active) &&
          pair(flags, api.VIR_CONNECT_LIST_NETWORKS_PERSISTENT, api.VIR_CONNECT_LIST_NETWORKS_TRANSIENT, n.persistent) &&
          pair(flags, api.VIR_CONNECT_LIST_NETWORKS_AUTOSTART, api.VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART, n.autostart),
      )
      .map((n) => this.network(n));
  }
  async networkLookupByName(name: string): Promise<api.Network> {
    this.check('virNetworkLookupByName');
    const n = this.host.networkByName(name);
    if (!n) throw testError(api.VIR_ERR_NO_NETWORK, `no network with matching name '${name}'`);
    return this.network(n);
  }
  async networkLookupByUUID(uuid: string): Promise<api.Network> {
    this.check('virNetworkLookupByUUID');
    const n = this.host.networks.get(uuid.toLowerCase());
    if (!n) throw testError(api.VIR_ERR_NO_NETWORK, `no network with matching uuid '${uuid}'`);
    return this.network(n);
  }

  private existingNetwork(name: string, uuid: string, live: boolean): NetworkObject | undefined {
    const byUuid = this.host.networks.get(uuid);
    if (byUuid) {
      if (byUuid.name !== name) {
        throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_NETWORK, `network '${byUuid.name}' is already defined with uuid ${uuid}`);
      }
      if (live && byUuid.active) {
        throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_NETWORK, `network is already active as '${name}'`);
      }
      return byUuid;
    }
    const byName = this.host.networkByName(name);
    if (byName) {
      throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_NETWORK, `network '${name}' already exists with uuid ${byName.uuid}`);
    }
    return undefined;
  }

  async networkDefineXML(xml: string, flags = 0): Promise<api.Network> {
    this.check('virNetworkDefineXMLFlags');
    checkFlags(flags, api.VIR_NETWORK_DEFINE_VALIDATE, 'testNetworkDefineXMLFlags');
    const { def, name, uuid } = parseNetworkDefinition(xml);
    normalizeNetwork(def);
    const existing = this.existingNetwork(name, uuid, false);
    const net = existing ?? new NetworkObject(def, uuid, true);
    net.def = def;
    net.persistent = true;
    if (!existing) this.host.networks.set(uuid, net);
    this.host.emitNetwork(net, api.VIR_NETWORK_EVENT_DEFINED);
    this.host.changed();
    return this.network(net);
  }

  async networkCreateXML(xml: string, flags = 0): Promise<api.Network> {
    this.check('virNetworkCreateXMLFlags');
    checkFlags(flags, api.VIR_NETWORK_CREATE_VALIDATE, 'testNetworkCreateXMLFlags');
    const { def, name, uuid } = parseNetworkDefinition(xml);
    normalizeNetwork(def);
    const existing = this.existingNetwork(name, uuid, true);
    const net = existing ?? new NetworkObject(def, uuid, false);
    net.def = def;
    net.active = true;
    if (!existing) this.host.networks.set(uuid, net);
    this.host.emitNetwork(net, api.VIR_NETWORK_EVENT_STARTED);
    this.host.changed();
    return this.network(net);
  }

  // ── storage ──

  async listAllStoragePools(flags = 0): Promise<api.StoragePool[]> {
    this.check('virConnectListAllStoragePools');
    checkFlags(flags, 0xfffff, 'testConnectListAllStoragePools');
    const typeBits = POOL_TYPE_BITS.filter(([bit]) => flags & bit).map(([, t]) => t);
    return [...this.host.pools.values()]
      .filter(
        (p) =>
          pair(flags, api.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, api.VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE, p.active) &&
          pair(flags, api.VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT, api.VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT, p.persistent) &&
          pair(flags, api.VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART, api.VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART, p.persistent && p.autostart) &&
          (typeBits.length === 0 || typeBits.includes(p.type)),
      )
      .map((p) => this.pool(p));
  }
  async storagePoolLookupByName(name: string): Promise<api.StoragePool> {
    this.check('virStoragePoolLookupByName');
    const p = this.host.poolByName(name);
    if (!p) throw testError(api.VIR_ERR_NO_STORAGE_POOL, `no storage pool with matching name '${name}'`);
    return this.pool(p);
  }
  async storagePoolLookupByUUID(uuid: string): Promise<api.StoragePool> {
    this.check('virStoragePoolLookupByUUID');
    const p = this.host.pools.get(uuid.toLowerCase());
    if (!p) throw testError(api.VIR_ERR_NO_STORAGE_POOL, `no storage pool with matching uuid '${uuid}'`);
    return this.pool(p);
  }
  async storagePoolLookupByVolume(volume: api.StorageVolume): Promise<api.StoragePool> {
    return this.storagePoolLookupByName(volume.pool);
  }

  /** virStoragePoolObjListAdd's checks: a conflicting source first, then name and UUID. */
  private existingPool(def: XmlElement, name: string, uuid: string, live: boolean): PoolObject | undefined {
    const source = poolSourceKey(def);
    for (const p of this.host.pools.values()) {
      if (p.name !== name && source !== null && poolSourceKey(p.def) === source) {
        throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_STORAGE, `Storage source conflict with pool: '${p.name}'`);
      }
    }
    const byUuid = this.host.pools.get(uuid);
    if (byUuid) {
      if (byUuid.name !== name) {
        throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_STORAGE, `pool '${byUuid.name}' is already defined with uuid ${uuid}`);
      }
      if (live && byUuid.active) {
        throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_STORAGE, `storage pool '${name}' is already active`);
      }
      return byUuid;
    }
    const byName = this.host.poolByName(name);
    if (byName) {
      throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_STORAGE, `pool '${name}' already exists with uuid ${byName.uuid}`);
    }
    return undefined;
  }

  async storagePoolDefineXML(xml: string, flags = 0): Promise<api.StoragePool> {
    this.check('virStoragePoolDefineXML');
    checkFlags(flags, api.VIR_STORAGE_POOL_DEFINE_VALIDATE, 'testStoragePoolDefineXML');
    const { def, name, uuid } = parsePoolDefinition(xml);
    const existing = this.existingPool(def, name, uuid, false);
    const pool = existing ?? new PoolObject(def, uuid, true);
    pool.def = def;
    pool.persistent = true;
    if (!existing) this.host.pools.set(uuid, pool);
    this.host.emitPool(pool, api.VIR_STORAGE_POOL_EVENT_DEFINED);
    this.host.changed();
    return this.pool(pool);
  }

  async findStoragePoolSources(type: string, srcSpec: string | null, flags = 0): Promise<string> {
    this.check('virConnectFindStoragePoolSources');
    checkFlags(flags, 0, 'testConnectFindStoragePoolSources');
    return findPoolSources(type, srcSpec);
  }

  async storagePoolCreateXML(xml: string, flags = 0): Promise<api.StoragePool> {
    this.check('virStoragePoolCreateXML');
    checkFlags(flags, 0x7, 'testStoragePoolCreateXML');
    const { def, name, uuid } = parsePoolDefinition(xml);
    const existing = this.existingPool(def, name, uuid, true);
    const pool = existing ?? new PoolObject(def, uuid, false);
    pool.def = def;
    pool.active = true;
    if (!existing) this.host.pools.set(uuid, pool);
    this.host.emitPool(pool, api.VIR_STORAGE_POOL_EVENT_STARTED);
    this.host.changed();
    return this.pool(pool);
  }

  async storageVolLookupByKey(key: string): Promise<api.StorageVolume> {
    this.check('virStorageVolLookupByKey');
    for (const p of this.host.pools.values()) {
      if (!p.active) continue;
      for (const v of p.volumes.values()) if (v.key === key) return this.volume(p, v);
    }
    throw testError(api.VIR_ERR_NO_STORAGE_VOL, `no storage vol with matching key '${key}'`);
  }
  async storageVolLookupByPath(volPath: string): Promise<api.StorageVolume> {
    this.check('virStorageVolLookupByPath');
    for (const p of this.host.pools.values()) {
      if (!p.active) continue;
      for (const v of p.volumes.values()) if (v.path === volPath) return this.volume(p, v);
    }
    throw testError(api.VIR_ERR_NO_STORAGE_VOL, `no storage vol with matching path '${volPath}'`);
  }

  // ── node devices ──

  async listAllNodeDevices(flags = 0): Promise<api.NodeDevice[]> {
    this.check('virConnectListAllNodeDevices');
    checkFlags(flags, 0xffffffff, 'testConnectListAllNodeDevices');
    const caps = NODEDEV_CAP_BITS.filter(([bit]) => flags & bit).map(([, c]) => c);
    return [...this.host.devices.values()]
      .filter((d) => {
        if (caps.length > 0 && !d.allCaps.some((c) => caps.includes(c))) return false;
        if (!pair(flags >>> 0, api.VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE, api.VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE, d.active)) return false;
        return true;
      })
      .map((d) => this.nodeDevice(d.name));
  }
  async nodeDeviceLookupByName(name: string): Promise<api.NodeDevice> {
    this.check('virNodeDeviceLookupByName');
    if (!this.host.devices.has(name)) throw testError(api.VIR_ERR_NO_NODE_DEVICE, `no node device with matching name '${name}'`);
    return this.nodeDevice(name);
  }
  private addNodeDevice(xml: string, persistent: boolean, active: boolean): NodeDeviceObject {
    const def = parseNodeDeviceDefinition(xml);
    const parent = childText(def, 'parent');
    if (parent !== undefined && !this.host.devices.has(parent)) {
      throw testError(api.VIR_ERR_NO_NODE_DEVICE, `no node device with matching name '${parent}'`);
    }
    let name = childText(def, 'name');
    if (!name) {
      const kind = def.child('capability')?.attr('type') ?? 'dev';
      let n = 1;
      while (this.host.devices.has(`${kind}_${n}`)) n++;
      name = `${kind}_${n}`;
      insertAfter(def, textElement('name', name), []);
    }
    if (this.host.devices.has(name)) throw testError(api.VIR_ERR_OPERATION_FAILED, `node device '${name}' already exists`);
    const dev = new NodeDeviceObject(def, persistent);
    dev.active = active;
    this.host.devices.set(name, dev);
    return dev;
  }
  async nodeDeviceCreateXML(xml: string, flags = 0): Promise<api.NodeDevice> {
    this.check('virNodeDeviceCreateXML');
    checkFlags(flags, 1, 'testNodeDeviceCreateXML');
    const dev = this.addNodeDevice(xml, false, true);
    this.host.emitNodeDevice(dev.name, api.VIR_NODE_DEVICE_EVENT_CREATED);
    this.host.changed();
    return this.nodeDevice(dev.name);
  }
  async nodeDeviceDefineXML(xml: string, flags = 0): Promise<api.NodeDevice> {
    this.check('virNodeDeviceDefineXML');
    checkFlags(flags, 1, 'testNodeDeviceDefineXML');
    const dev = this.addNodeDevice(xml, true, false);
    this.host.emitNodeDevice(dev.name, api.VIR_NODE_DEVICE_EVENT_DEFINED);
    this.host.changed();
    return this.nodeDevice(dev.name);
  }

  // ── events ──

  private register(kind: HostEvent['kind'], eventId: number, only: string | null, listener: (event: never) => void): api.AsyncDisposable {
    this.check('virConnectEventRegisterAny');
    const reg: Registration = { kind, eventId, only, listener };
    this.registrations.add(reg);
    return { dispose: async () => void this.registrations.delete(reg) };
  }

  async domainEventRegisterAny<K extends api.DomainEventId>(
    eventId: K,
    listener: (event: api.DomainEventMap[K]) => void,
    domain?: api.Domain,
  ): Promise<api.AsyncDisposable> {
    return this.register('domain', eventId, domain?.uuid ?? null, listener as (event: never) => void);
  }
  async networkEventRegisterAny<K extends api.NetworkEventId>(
    eventId: K,
    listener: (event: api.NetworkEventMap[K]) => void,
    network?: api.Network,
  ): Promise<api.AsyncDisposable> {
    return this.register('network', eventId, network?.uuid ?? null, listener as (event: never) => void);
  }
  async storagePoolEventRegisterAny<K extends api.StoragePoolEventId>(
    eventId: K,
    listener: (event: api.StoragePoolEventMap[K]) => void,
    pool?: api.StoragePool,
  ): Promise<api.AsyncDisposable> {
    return this.register('pool', eventId, pool?.uuid ?? null, listener as (event: never) => void);
  }
  async nodeDeviceEventRegisterAny<K extends api.NodeDeviceEventId>(
    eventId: K,
    listener: (event: api.NodeDeviceEventMap[K]) => void,
    device?: api.NodeDevice,
  ): Promise<api.AsyncDisposable> {
    return this.register('nodedev', eventId, device?.name ?? null, listener as (event: never) => void);
  }

  private deliver(e: HostEvent): void {
    if (this.closed) return;
    for (const reg of [...this.registrations]) {
      if (reg.kind !== e.kind || reg.eventId !== e.body.eventId) continue;
      const key = e.kind === 'nodedev' ? e.ref.name : e.ref.uuid;
      if (reg.only !== null && reg.only !== key) continue;
      let event: unknown;
      switch (e.kind) {
        case 'domain':
          event = { ...e.body, domain: this.domain(e.ref) };
          break;
        case 'network':
          event = { ...e.body, network: this.network(e.ref) };
          break;
        case 'pool':
          event = { ...e.body, pool: this.pool(e.ref) };
          break;
        case 'nodedev':
          event = { ...e.body, device: this.nodeDevice(e.ref.name) };
          break;
      }
      this.pending.push({ reg, event });
    }
    if (this.pending.length > 0) this.flushing ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushing = null;
    const batch = this.pending;
    this.pending = [];
    for (const { reg, event } of batch) {
      // A registration disposed in the meantime gets nothing more.
      if (!this.registrations.has(reg)) continue;
      try {
        (reg.listener as (event: unknown) => void)(event);
      } catch {
        // One failing listener must not stop delivery to the others.
      }
    }
  }
}

/** What libvirt adds to a network definition it stores: a bridge with STP defaults for a routed or isolated network. */
function normalizeNetwork(def: XmlElement): void {
  const forward = def.path('forward');
  if (forward && !forward.attr('mode')) setAttrFirst(forward, 'mode', 'nat');
  const mode = forward?.attr('mode') ?? 'none';
  let bridge = def.path('bridge');
  if (!bridge && ['none', 'nat', 'route', 'open'].includes(mode)) {
    bridge = element('bridge');
    insertAfter(def, bridge, ['forward', 'metadata', 'uuid', 'name']);
  }
  if (bridge && ['none', 'nat', 'route', 'open'].includes(mode)) {
    if (!bridge.hasAttr('stp')) bridge.setAttr('stp', 'on');
    if (!bridge.hasAttr('delay')) bridge.setAttr('delay', '0');
  }
}

/** What identifies a pool's storage, for libvirt's "Storage source conflict" check. */
function poolSourceKey(def: XmlElement): string | null {
  const type = def.attr('type') ?? '';
  const source = def.path('source');
  switch (type) {
    case 'dir':
      return `path:${childText(def, 'target', 'path') ?? ''}`;
    case 'fs':
    case 'disk':
    case 'logical':
      if (type === 'logical' && source && childText(source, 'name')) return `vg:${childText(source, 'name')}`;
      return source && source.path('device')?.attr('path') ? `dev:${source.path('device')?.attr('path')}` : null;
    case 'netfs':
      return source ? `nfs:${source.path('host')?.attr('name') ?? ''}:${source.path('dir')?.attr('path') ?? ''}` : null;
    case 'rbd':
    case 'gluster':
    case 'zfs':
    case 'sheepdog':
      return source && childText(source, 'name') ? `${type}:${childText(source, 'name')}` : null;
    case 'iscsi':
    case 'iscsi-direct':
      return source ? `iscsi:${source.path('host')?.attr('name') ?? ''}:${source.path('device')?.attr('path') ?? ''}` : null;
    default:
      return null;
  }
}
