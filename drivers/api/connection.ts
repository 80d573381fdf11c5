// The Connection contract (virConnectPtr).
import type { AsyncDisposable, Disposable } from './disposable.js';
import type { Domain } from './domain.js';
import type { DomainEventId, DomainEventMap } from './domain-events.js';
import type { DomainStatsRecord } from './domain-stats.js';
import type { Network } from './network.js';
import type { NetworkEventId, NetworkEventMap } from './network-events.js';
import type { NodeDevice } from './node-device.js';
import type { NodeDeviceEventId, NodeDeviceEventMap } from './node-device-events.js';
import type { StoragePool, StorageVolume } from './storage.js';
import type { StoragePoolEventId, StoragePoolEventMap } from './storage-pool-events.js';
import type { Stream } from './stream.js';
import type { TunnelTarget } from './tunnel.js';

/** virNodeInfo. Memory in KiB. */
export interface NodeInfo {
  readonly model: string;
  readonly memory: number;
  readonly cpus: number;
  readonly mhz: number;
  readonly nodes: number;
  readonly sockets: number;
  readonly cores: number;
  readonly threads: number;
}

/** An open connection to one hypervisor (virConnectPtr). close() releases it. */
export interface Connection {
  /** The URI this connection was opened with (virConnectGetURI). */
  getURI(): Promise<string>;
  /** Driver name, e.g. "QEMU" or "TEST" (virConnectGetType). */
  getType(): Promise<string>;
  getHostname(): Promise<string>;
  /** Hypervisor version, major * 1_000_000 + minor * 1_000 + release (virConnectGetVersion). */
  getVersion(): Promise<number>;
  /** libvirt version, same encoding (virConnectGetLibVersion). */
  getLibVersion(): Promise<number>;
  /** virConnectGetMaxVcpus; `type` is a virt type such as "kvm", or null for the driver's default. */
  getMaxVcpus(type: string | null): Promise<number>;
  nodeGetInfo(): Promise<NodeInfo>;
  /** Free host memory in bytes (virNodeGetFreeMemory). */
  nodeGetFreeMemory(): Promise<number>;
  /** Capabilities XML (virConnectGetCapabilities). */
  getCapabilities(): Promise<string>;
  /** The host's SMBIOS description as <sysinfo> XML (virConnectGetSysinfo). */
  getSysinfo(flags?: number): Promise<string>;
  /** Domain capabilities XML (virConnectGetDomainCapabilities); null arguments take the driver's defaults. */
  getDomainCapabilities(
    emulatorBin: string | null,
    arch: string | null,
    machine: string | null,
    virtType: string | null,
    flags?: number,
  ): Promise<string>;

  /** virConnectIsAlive: false once the connection is closed or the transport failed. */
  isAlive(): boolean;
  /** Called once when the connection closes for any reason (virConnectRegisterCloseCallback). */
  onClose(listener: (reason: number) => void): Disposable;
  /** Closes the connection; outstanding calls fail with VIR_ERR_INVALID_CONN (or are settled). Idempotent. */
  close(): Promise<void>;

  // domains
  listAllDomains(flags?: number): Promise<Domain[]>;
  domainLookupByName(name: string): Promise<Domain>;
  /** UUID in its canonical string form. */
  domainLookupByUUID(uuid: string): Promise<Domain>;
  domainLookupByID(id: number): Promise<Domain>;
  /** Defines (or redefines) a persistent domain (virDomainDefineXMLFlags). */
  domainDefineXML(xml: string, flags?: number): Promise<Domain>;
  /** Creates and starts a transient domain (virDomainCreateXML); flags are VIR_DOMAIN_START_*. */
  domainCreateXML(xml: string, flags?: number): Promise<Domain>;
  /** Starts a domain from a file written by Domain.save (virDomainRestoreFlags); a path on the host. */
  domainRestore(from: string, dxml?: string | null, flags?: number): Promise<void>;
  /** Bulk stats of all domains matching `flags` (virConnectGetAllDomainStats); `stats` is VIR_DOMAIN_STATS_*. */
  getAllDomainStats(stats: number, flags?: number): Promise<DomainStatsRecord[]>;
  /** Bulk stats of the given domains (virDomainListGetStats). */
  domainListGetStats(domains: readonly Domain[], stats: number, flags?: number): Promise<DomainStatsRecord[]>;

  // networks
  listAllNetworks(flags?: number): Promise<Network[]>;
  networkLookupByName(name: string): Promise<Network>;
  networkLookupByUUID(uuid: string): Promise<Network>;
  networkDefineXML(xml: string, flags?: number): Promise<Network>;
  networkCreateXML(xml: string, flags?: number): Promise<Network>;

  // storage
  listAllStoragePools(flags?: number): Promise<StoragePool[]>;
  storagePoolLookupByName(name: string): Promise<StoragePool>;
  storagePoolLookupByUUID(uuid: string): Promise<StoragePool>;
  /** The pool that holds a volume (virStoragePoolLookupByVolume). */
  storagePoolLookupByVolume(volume: StorageVolume): Promise<StoragePool>;
  /** flags: VIR_STORAGE_POOL_DEFINE_VALIDATE */
  storagePoolDefineXML(xml: string, flags?: number): Promise<StoragePool>;
  /** flags: VIR_STORAGE_POOL_CREATE_* */
  storagePoolCreateXML(xml: string, flags?: number): Promise<StoragePool>;
  /** Pools of `type` the host could use, as <sources> XML (virConnectFindStoragePoolSources); `srcSpec` says where to look. */
  findStoragePoolSources(type: string, srcSpec: string | null, flags?: number): Promise<string>;
  storageVolLookupByKey(key: string): Promise<StorageVolume>;
  storageVolLookupByPath(path: string): Promise<StorageVolume>;

  // node devices
  listAllNodeDevices(flags?: number): Promise<NodeDevice[]>;
  nodeDeviceLookupByName(name: string): Promise<NodeDevice>;
  nodeDeviceCreateXML(xml: string, flags?: number): Promise<NodeDevice>;
  nodeDeviceDefineXML(xml: string, flags?: number): Promise<NodeDevice>;

  // events: each registration maps onto one libvirt callback registration; dispose() deregisters it.
  /** virConnectDomainEventRegisterAny; `domain` limits the events to one domain. */
  domainEventRegisterAny<K extends DomainEventId>(
    eventId: K,
    listener: (event: DomainEventMap[K]) => void,
    domain?: Domain,
  ): Promise<AsyncDisposable>;
  networkEventRegisterAny<K extends NetworkEventId>(
    eventId: K,
    listener: (event: NetworkEventMap[K]) => void,
    network?: Network,
  ): Promise<AsyncDisposable>;
  storagePoolEventRegisterAny<K extends StoragePoolEventId>(
    eventId: K,
    listener: (event: StoragePoolEventMap[K]) => void,
    pool?: StoragePool,
  ): Promise<AsyncDisposable>;
  nodeDeviceEventRegisterAny<K extends NodeDeviceEventId>(
    eventId: K,
    listener: (event: NodeDeviceEventMap[K]) => void,
    device?: NodeDevice,
  ): Promise<AsyncDisposable>;

  /**
   * Not libvirt's: a byte stream to a TCP port or unix socket on the hypervisor's host (a guest's VNC server), over
   * the connection's own transport — a further channel of its SSH connection, or a direct socket for a local one.
   * Drivers that cannot reach the host's sockets leave it out. The caller owns the stream.
   */
  openTunnel?(target: TunnelTarget): Promise<Stream>;
}
