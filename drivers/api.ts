// The hypervisor-neutral driver contract. It mirrors libvirt's public API one to one so that what users read
// in libvirt's documentation applies: a method is named after its C function without the `vir` prefix (and
// without `Connect` for connection calls), e.g. virDomainLookupByName → Connection.domainLookupByName,
// virConnectListAllDomains → Connection.listAllDomains, virDomainShutdownFlags → Domain.shutdown(flags).
// Every numeric constant (flags, states, event and detail codes, error codes) is libvirt's own value, so the
// remote driver passes them through the wire unchanged.

// ───────────────────────────── errors (include/libvirt/virterror.h) ─────────────────────────────

/** virErrorLevel */
export const VIR_ERR_NONE = 0;
export const VIR_ERR_WARNING = 1;
export const VIR_ERR_ERROR = 2;

/** virErrorDomain: where an error came from. */
export const VIR_FROM_NONE = 0;
export const VIR_FROM_XML = 5;
export const VIR_FROM_DOM = 6;
export const VIR_FROM_RPC = 7;
export const VIR_FROM_CONF = 9;
export const VIR_FROM_QEMU = 10;
export const VIR_FROM_NET = 11;
export const VIR_FROM_TEST = 12;
export const VIR_FROM_REMOTE = 13;
export const VIR_FROM_STORAGE = 18;
export const VIR_FROM_NETWORK = 19;
export const VIR_FROM_DOMAIN = 20;
export const VIR_FROM_NODEDEV = 22;
export const VIR_FROM_SECURITY = 24;
export const VIR_FROM_CPU = 31;
export const VIR_FROM_DOMAIN_SNAPSHOT = 35;
export const VIR_FROM_STREAMS = 38;
export const VIR_FROM_EVENT = 40;
export const VIR_FROM_CAPABILITIES = 44;
export const VIR_FROM_URI = 45;
export const VIR_FROM_AUTH = 46;
export const VIR_FROM_DEVICE = 49;
export const VIR_FROM_SSH = 50;
export const VIR_FROM_LIBSSH = 66;

/** virErrorNumber: what went wrong. */
export const VIR_ERR_OK = 0;
export const VIR_ERR_INTERNAL_ERROR = 1;
export const VIR_ERR_NO_MEMORY = 2;
export const VIR_ERR_NO_SUPPORT = 3;
export const VIR_ERR_UNKNOWN_HOST = 4;
export const VIR_ERR_NO_CONNECT = 5;
export const VIR_ERR_INVALID_CONN = 6;
export const VIR_ERR_INVALID_DOMAIN = 7;
export const VIR_ERR_INVALID_ARG = 8;
export const VIR_ERR_OPERATION_FAILED = 9;
export const VIR_ERR_OS_TYPE = 16;
export const VIR_ERR_NO_SOURCE = 19;
export const VIR_ERR_NO_TARGET = 20;
export const VIR_ERR_NO_NAME = 21;
export const VIR_ERR_NO_OS = 22;
export const VIR_ERR_NO_DEVICE = 23;
export const VIR_ERR_XML_ERROR = 27;
export const VIR_ERR_DOM_EXIST = 28;
export const VIR_ERR_OPERATION_DENIED = 29;
export const VIR_ERR_OPEN_FAILED = 30;
export const VIR_ERR_READ_FAILED = 31;
export const VIR_ERR_PARSE_FAILED = 32;
export const VIR_ERR_CONF_SYNTAX = 33;
export const VIR_ERR_WRITE_FAILED = 34;
export const VIR_ERR_XML_DETAIL = 35;
export const VIR_ERR_INVALID_NETWORK = 36;
export const VIR_ERR_NETWORK_EXIST = 37;
export const VIR_ERR_SYSTEM_ERROR = 38;
export const VIR_ERR_RPC = 39;
export const VIR_WAR_NO_NETWORK = 41;
export const VIR_ERR_NO_DOMAIN = 42;
export const VIR_ERR_NO_NETWORK = 43;
export const VIR_ERR_INVALID_MAC = 44;
export const VIR_ERR_AUTH_FAILED = 45;
export const VIR_ERR_INVALID_STORAGE_POOL = 46;
export const VIR_ERR_INVALID_STORAGE_VOL = 47;
export const VIR_WAR_NO_STORAGE = 48;
export const VIR_ERR_NO_STORAGE_POOL = 49;
export const VIR_ERR_NO_STORAGE_VOL = 50;
export const VIR_WAR_NO_NODE = 51;
export const VIR_ERR_INVALID_NODE_DEVICE = 52;
export const VIR_ERR_NO_NODE_DEVICE = 53;
export const VIR_ERR_NO_SECURITY_MODEL = 54;
export const VIR_ERR_OPERATION_INVALID = 55;
export const VIR_ERR_CONFIG_UNSUPPORTED = 67;
export const VIR_ERR_OPERATION_TIMEOUT = 68;
export const VIR_ERR_INVALID_DOMAIN_SNAPSHOT = 71;
export const VIR_ERR_NO_DOMAIN_SNAPSHOT = 72;
export const VIR_ERR_INVALID_STREAM = 73;
export const VIR_ERR_ARGUMENT_UNSUPPORTED = 74;
export const VIR_ERR_STORAGE_PROBE_FAILED = 75;
export const VIR_ERR_STORAGE_POOL_BUILT = 76;
export const VIR_ERR_SNAPSHOT_REVERT_RISKY = 77;
export const VIR_ERR_OPERATION_ABORTED = 78;
export const VIR_ERR_AUTH_CANCELLED = 79;
export const VIR_ERR_NO_DOMAIN_METADATA = 80;
export const VIR_ERR_OVERFLOW = 82;
export const VIR_ERR_OPERATION_UNSUPPORTED = 84;
export const VIR_ERR_SSH = 85;
export const VIR_ERR_AGENT_UNRESPONSIVE = 86;
export const VIR_ERR_RESOURCE_BUSY = 87;
export const VIR_ERR_ACCESS_DENIED = 88;
export const VIR_ERR_STORAGE_VOL_EXIST = 90;
export const VIR_ERR_CPU_INCOMPATIBLE = 91;
export const VIR_ERR_XML_INVALID_SCHEMA = 92;
export const VIR_ERR_AUTH_UNAVAILABLE = 94;
export const VIR_ERR_DEVICE_MISSING = 99;
export const VIR_ERR_NO_HOSTNAME = 108;
export const VIR_ERR_MULTIPLE_DOMAINS = 110;
export const VIR_ERR_NO_NETWORK_METADATA = 111;

/** Extra fields libvirt's virError carries (and remote_error transports). */
export interface VirErrorExtras {
  readonly level?: number;
  readonly str1?: string | null;
  readonly str2?: string | null;
  readonly str3?: string | null;
  readonly int1?: number;
  readonly int2?: number;
}

/**
 * A libvirt error: `code` is a virErrorNumber, `domain` a virErrorDomain, and `message` the full text as
 * libvirt formats it (e.g. "Requested operation is not valid: domain is already running").
 */
export class VirError extends Error {
  readonly code: number;
  readonly domain: number;
  readonly level: number;
  readonly str1: string | null;
  readonly str2: string | null;
  readonly str3: string | null;
  readonly int1: number;
  readonly int2: number;

  constructor(code: number, domain: number, message: string, extras: VirErrorExtras = {}) {
    super(message);
    this.name = 'VirError';
    this.code = code;
    this.domain = domain;
    this.level = extras.level ?? VIR_ERR_ERROR;
    this.str1 = extras.str1 ?? null;
    this.str2 = extras.str2 ?? null;
    this.str3 = extras.str3 ?? null;
    this.int1 = extras.int1 ?? -1;
    this.int2 = extras.int2 ?? -1;
  }
}

/** True if `e` is a VirError, optionally with the given error code. */
export function isVirError(e: unknown, code?: number): e is VirError {
  return e instanceof VirError && (code === undefined || e.code === code);
}

// ───────────────────────────── resources ─────────────────────────────

/** Something that holds a resource or a registration; dispose() releases it and is idempotent. */
export interface Disposable {
  dispose(): void;
}

/** A registration whose release needs a round trip to the host (e.g. an event callback on libvirtd). */
export interface AsyncDisposable {
  dispose(): Promise<void>;
}

// ───────────────────────────── connection ─────────────────────────────

/** virConnectCloseReason */
export const VIR_CONNECT_CLOSE_REASON_ERROR = 0;
export const VIR_CONNECT_CLOSE_REASON_EOF = 1;
export const VIR_CONNECT_CLOSE_REASON_KEEPALIVE = 2;
export const VIR_CONNECT_CLOSE_REASON_CLIENT = 3;

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

/** Flags of virConnectListAllDomains (virConnectListAllDomainsFlags). */
export const VIR_CONNECT_LIST_DOMAINS_ACTIVE = 1 << 0;
export const VIR_CONNECT_LIST_DOMAINS_INACTIVE = 1 << 1;
export const VIR_CONNECT_LIST_DOMAINS_PERSISTENT = 1 << 2;
export const VIR_CONNECT_LIST_DOMAINS_TRANSIENT = 1 << 3;
export const VIR_CONNECT_LIST_DOMAINS_RUNNING = 1 << 4;
export const VIR_CONNECT_LIST_DOMAINS_PAUSED = 1 << 5;
export const VIR_CONNECT_LIST_DOMAINS_SHUTOFF = 1 << 6;
export const VIR_CONNECT_LIST_DOMAINS_OTHER = 1 << 7;
export const VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE = 1 << 8;
export const VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE = 1 << 9;
export const VIR_CONNECT_LIST_DOMAINS_AUTOSTART = 1 << 10;
export const VIR_CONNECT_LIST_DOMAINS_NO_AUTOSTART = 1 << 11;
export const VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT = 1 << 12;
export const VIR_CONNECT_LIST_DOMAINS_NO_SNAPSHOT = 1 << 13;

/** Flags of virConnectListAllNetworks. */
export const VIR_CONNECT_LIST_NETWORKS_INACTIVE = 1 << 0;
export const VIR_CONNECT_LIST_NETWORKS_ACTIVE = 1 << 1;
export const VIR_CONNECT_LIST_NETWORKS_PERSISTENT = 1 << 2;
export const VIR_CONNECT_LIST_NETWORKS_TRANSIENT = 1 << 3;
export const VIR_CONNECT_LIST_NETWORKS_AUTOSTART = 1 << 4;
export const VIR_CONNECT_LIST_NETWORKS_NO_AUTOSTART = 1 << 5;

/** Flags of virConnectListAllStoragePools. */
export const VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE = 1 << 0;
export const VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE = 1 << 1;
export const VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT = 1 << 2;
export const VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT = 1 << 3;
export const VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART = 1 << 4;
export const VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART = 1 << 5;
export const VIR_CONNECT_LIST_STORAGE_POOLS_DIR = 1 << 6;
export const VIR_CONNECT_LIST_STORAGE_POOLS_FS = 1 << 7;
export const VIR_CONNECT_LIST_STORAGE_POOLS_NETFS = 1 << 8;
export const VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL = 1 << 9;
export const VIR_CONNECT_LIST_STORAGE_POOLS_DISK = 1 << 10;
export const VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI = 1 << 11;
export const VIR_CONNECT_LIST_STORAGE_POOLS_SCSI = 1 << 12;
export const VIR_CONNECT_LIST_STORAGE_POOLS_MPATH = 1 << 13;
export const VIR_CONNECT_LIST_STORAGE_POOLS_RBD = 1 << 14;
export const VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG = 1 << 15;
export const VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER = 1 << 16;
export const VIR_CONNECT_LIST_STORAGE_POOLS_ZFS = 1 << 17;
export const VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE = 1 << 18;
export const VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT = 1 << 19;

/** Flags of virConnectListAllNodeDevices (capability filters and state). */
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM = 1 << 0;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV = 1 << 1;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV = 1 << 2;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_INTERFACE = 1 << 3;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET = 1 << 4;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_HOST = 1 << 5;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_TARGET = 1 << 6;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI = 1 << 7;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_STORAGE = 1 << 8;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST = 1 << 9;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS = 1 << 10;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_GENERIC = 1 << 11;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_DRM = 1 << 12;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV_TYPES = 1 << 13;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_MDEV = 1 << 14;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_CCW_DEV = 1 << 15;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_CSS_DEV = 1 << 16;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_VDPA = 1 << 17;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_CARD = 1 << 18;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_QUEUE = 1 << 19;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_AP_MATRIX = 1 << 20;
export const VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPD = 1 << 21;
export const VIR_CONNECT_LIST_NODE_DEVICES_INACTIVE = 1 << 30;
/** 1U << 31 as an unsigned 32-bit value. */
export const VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE = 0x80000000;

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
}

// ───────────────────────────── domains ─────────────────────────────

/** virDomainState */
export const VIR_DOMAIN_NOSTATE = 0;
export const VIR_DOMAIN_RUNNING = 1;
export const VIR_DOMAIN_BLOCKED = 2;
export const VIR_DOMAIN_PAUSED = 3;
export const VIR_DOMAIN_SHUTDOWN = 4;
export const VIR_DOMAIN_SHUTOFF = 5;
export const VIR_DOMAIN_CRASHED = 6;
export const VIR_DOMAIN_PMSUSPENDED = 7;

/** virDomainRunningReason */
export const VIR_DOMAIN_RUNNING_UNKNOWN = 0;
export const VIR_DOMAIN_RUNNING_BOOTED = 1;
export const VIR_DOMAIN_RUNNING_MIGRATED = 2;
export const VIR_DOMAIN_RUNNING_RESTORED = 3;
export const VIR_DOMAIN_RUNNING_FROM_SNAPSHOT = 4;
export const VIR_DOMAIN_RUNNING_UNPAUSED = 5;
export const VIR_DOMAIN_RUNNING_WAKEUP = 8;
export const VIR_DOMAIN_RUNNING_CRASHED = 9;

/** virDomainPausedReason */
export const VIR_DOMAIN_PAUSED_UNKNOWN = 0;
export const VIR_DOMAIN_PAUSED_USER = 1;
export const VIR_DOMAIN_PAUSED_MIGRATION = 2;
export const VIR_DOMAIN_PAUSED_SAVE = 3;
export const VIR_DOMAIN_PAUSED_DUMP = 4;
export const VIR_DOMAIN_PAUSED_IOERROR = 5;
export const VIR_DOMAIN_PAUSED_WATCHDOG = 6;
export const VIR_DOMAIN_PAUSED_FROM_SNAPSHOT = 7;
export const VIR_DOMAIN_PAUSED_SHUTTING_DOWN = 8;
export const VIR_DOMAIN_PAUSED_SNAPSHOT = 9;
export const VIR_DOMAIN_PAUSED_CRASHED = 10;
export const VIR_DOMAIN_PAUSED_STARTING_UP = 11;

/** virDomainShutdownReason */
export const VIR_DOMAIN_SHUTDOWN_UNKNOWN = 0;
export const VIR_DOMAIN_SHUTDOWN_USER = 1;

/** virDomainShutoffReason */
export const VIR_DOMAIN_SHUTOFF_UNKNOWN = 0;
export const VIR_DOMAIN_SHUTOFF_SHUTDOWN = 1;
export const VIR_DOMAIN_SHUTOFF_DESTROYED = 2;
export const VIR_DOMAIN_SHUTOFF_CRASHED = 3;
export const VIR_DOMAIN_SHUTOFF_MIGRATED = 4;
export const VIR_DOMAIN_SHUTOFF_SAVED = 5;
export const VIR_DOMAIN_SHUTOFF_FAILED = 6;
export const VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT = 7;
export const VIR_DOMAIN_SHUTOFF_DAEMON = 8;

/** virDomainCrashedReason */
export const VIR_DOMAIN_CRASHED_UNKNOWN = 0;
export const VIR_DOMAIN_CRASHED_PANICKED = 1;

/** virDomainPMSuspendedReason */
export const VIR_DOMAIN_PMSUSPENDED_UNKNOWN = 0;

/** virDomainXMLFlags (getXMLDesc) */
export const VIR_DOMAIN_XML_SECURE = 1 << 0;
export const VIR_DOMAIN_XML_INACTIVE = 1 << 1;
export const VIR_DOMAIN_XML_UPDATE_CPU = 1 << 2;
export const VIR_DOMAIN_XML_MIGRATABLE = 1 << 3;

/** virDomainDefineFlags */
export const VIR_DOMAIN_DEFINE_VALIDATE = 1 << 0;

/** virDomainCreateFlags (create, createXML) */
export const VIR_DOMAIN_NONE = 0;
export const VIR_DOMAIN_START_PAUSED = 1 << 0;
export const VIR_DOMAIN_START_AUTODESTROY = 1 << 1;
export const VIR_DOMAIN_START_BYPASS_CACHE = 1 << 2;
export const VIR_DOMAIN_START_FORCE_BOOT = 1 << 3;
export const VIR_DOMAIN_START_VALIDATE = 1 << 4;
export const VIR_DOMAIN_START_RESET_NVRAM = 1 << 5;

/** virDomainShutdownFlagValues / virDomainRebootFlagValues (same bits) */
export const VIR_DOMAIN_SHUTDOWN_DEFAULT = 0;
export const VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN = 1 << 0;
export const VIR_DOMAIN_SHUTDOWN_GUEST_AGENT = 1 << 1;
export const VIR_DOMAIN_SHUTDOWN_INITCTL = 1 << 2;
export const VIR_DOMAIN_SHUTDOWN_SIGNAL = 1 << 3;
export const VIR_DOMAIN_SHUTDOWN_PARAVIRT = 1 << 4;
export const VIR_DOMAIN_REBOOT_DEFAULT = 0;
export const VIR_DOMAIN_REBOOT_ACPI_POWER_BTN = 1 << 0;
export const VIR_DOMAIN_REBOOT_GUEST_AGENT = 1 << 1;

/** virDomainDestroyFlagsValues */
export const VIR_DOMAIN_DESTROY_DEFAULT = 0;
export const VIR_DOMAIN_DESTROY_GRACEFUL = 1 << 0;

/** virDomainSaveRestoreFlags (managedSave) */
export const VIR_DOMAIN_SAVE_BYPASS_CACHE = 1 << 0;
export const VIR_DOMAIN_SAVE_RUNNING = 1 << 1;
export const VIR_DOMAIN_SAVE_PAUSED = 1 << 2;

/** virDomainUndefineFlagsValues */
export const VIR_DOMAIN_UNDEFINE_MANAGED_SAVE = 1 << 0;
export const VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA = 1 << 1;
export const VIR_DOMAIN_UNDEFINE_NVRAM = 1 << 2;
export const VIR_DOMAIN_UNDEFINE_KEEP_NVRAM = 1 << 3;
export const VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA = 1 << 4;

/** virDomainModificationImpact (setVcpus, setMemory, metadata, …) */
export const VIR_DOMAIN_AFFECT_CURRENT = 0;
export const VIR_DOMAIN_AFFECT_LIVE = 1 << 0;
export const VIR_DOMAIN_AFFECT_CONFIG = 1 << 1;

/** virDomainVcpuFlags */
export const VIR_DOMAIN_VCPU_CURRENT = 0;
export const VIR_DOMAIN_VCPU_LIVE = 1 << 0;
export const VIR_DOMAIN_VCPU_CONFIG = 1 << 1;
export const VIR_DOMAIN_VCPU_MAXIMUM = 1 << 2;
export const VIR_DOMAIN_VCPU_GUEST = 1 << 3;
export const VIR_DOMAIN_VCPU_HOTPLUGGABLE = 1 << 4;

/** virDomainMemoryModFlags */
export const VIR_DOMAIN_MEM_CURRENT = 0;
export const VIR_DOMAIN_MEM_LIVE = 1 << 0;
export const VIR_DOMAIN_MEM_CONFIG = 1 << 1;
export const VIR_DOMAIN_MEM_MAXIMUM = 1 << 2;

/** virDomainDeviceModifyFlags (attach/detach/update device) */
export const VIR_DOMAIN_DEVICE_MODIFY_CURRENT = 0;
export const VIR_DOMAIN_DEVICE_MODIFY_LIVE = 1 << 0;
export const VIR_DOMAIN_DEVICE_MODIFY_CONFIG = 1 << 1;
export const VIR_DOMAIN_DEVICE_MODIFY_FORCE = 1 << 2;

/** virDomainMetadataType */
export const VIR_DOMAIN_METADATA_DESCRIPTION = 0;
export const VIR_DOMAIN_METADATA_TITLE = 1;
export const VIR_DOMAIN_METADATA_ELEMENT = 2;

/** virDomainConsoleFlags */
export const VIR_DOMAIN_CONSOLE_FORCE = 1 << 0;
export const VIR_DOMAIN_CONSOLE_SAFE = 1 << 1;

/** virDomainInfo. Memory in KiB, cpuTime in nanoseconds. */
export interface DomainInfo {
  readonly state: number;
  readonly maxMem: number;
  readonly memory: number;
  readonly nrVirtCpu: number;
  readonly cpuTime: number;
}

/** virDomainGetState: state (virDomainState) and its reason (e.g. virDomainShutoffReason). */
export interface DomainStateReason {
  readonly state: number;
  readonly reason: number;
}

/**
 * A handle on a domain (virDomainPtr). Like libvirt's, it names the domain; `id` is the ID at the time the
 * handle was obtained (-1 if it was not running). Two handles on the same domain compare equal by uuid.
 */
export interface Domain {
  readonly name: string;
  readonly uuid: string;
  readonly id: number;

  getState(): Promise<DomainStateReason>;
  getInfo(): Promise<DomainInfo>;
  /** flags: VIR_DOMAIN_XML_* */
  getXMLDesc(flags?: number): Promise<string>;
  isActive(): Promise<boolean>;
  isPersistent(): Promise<boolean>;
  /** True if the live definition differs from the persistent one (virDomainIsUpdated). */
  isUpdated(): Promise<boolean>;
  getAutostart(): Promise<boolean>;
  setAutostart(autostart: boolean): Promise<void>;
  /** Maximum memory in KiB (virDomainGetMaxMemory). */
  getMaxMemory(): Promise<number>;
  /** virDomainGetVcpusFlags; flags: VIR_DOMAIN_VCPU_* */
  getVcpusFlags(flags?: number): Promise<number>;

  /** Starts a defined domain (virDomainCreateWithFlags); flags: VIR_DOMAIN_START_* */
  create(flags?: number): Promise<void>;
  /** virDomainShutdownFlags; flags: VIR_DOMAIN_SHUTDOWN_* */
  shutdown(flags?: number): Promise<void>;
  /** flags: VIR_DOMAIN_REBOOT_* */
  reboot(flags?: number): Promise<void>;
  reset(flags?: number): Promise<void>;
  /** virDomainDestroyFlags; flags: VIR_DOMAIN_DESTROY_* */
  destroy(flags?: number): Promise<void>;
  suspend(): Promise<void>;
  resume(): Promise<void>;
  /** flags: VIR_DOMAIN_SAVE_* */
  managedSave(flags?: number): Promise<void>;
  hasManagedSaveImage(flags?: number): Promise<boolean>;
  managedSaveRemove(flags?: number): Promise<void>;
  /** virDomainUndefineFlags; flags: VIR_DOMAIN_UNDEFINE_* */
  undefine(flags?: number): Promise<void>;

  /** flags: VIR_DOMAIN_VCPU_* */
  setVcpus(count: number, flags?: number): Promise<void>;
  /** Memory in KiB (virDomainSetMemoryFlags); flags: VIR_DOMAIN_MEM_* */
  setMemory(kib: number, flags?: number): Promise<void>;
  /** flags: VIR_DOMAIN_DEVICE_MODIFY_* */
  attachDevice(xml: string, flags?: number): Promise<void>;
  detachDevice(xml: string, flags?: number): Promise<void>;
  updateDevice(xml: string, flags?: number): Promise<void>;
  /** virDomainSetMetadata; `key` and `uri` are only for VIR_DOMAIN_METADATA_ELEMENT; null metadata removes. */
  setMetadata(type: number, metadata: string | null, key: string | null, uri: string | null, flags?: number): Promise<void>;
  getMetadata(type: number, uri: string | null, flags?: number): Promise<string>;

  // snapshots
  /** flags: VIR_DOMAIN_SNAPSHOT_CREATE_* */
  snapshotCreateXML(xml: string, flags?: number): Promise<DomainSnapshot>;
  /** flags: VIR_DOMAIN_SNAPSHOT_LIST_* */
  listAllSnapshots(flags?: number): Promise<DomainSnapshot[]>;
  snapshotLookupByName(name: string, flags?: number): Promise<DomainSnapshot>;
  hasCurrentSnapshot(flags?: number): Promise<boolean>;
  /** The current snapshot; VIR_ERR_NO_DOMAIN_SNAPSHOT if there is none. */
  snapshotCurrent(flags?: number): Promise<DomainSnapshot>;
  /** virDomainRevertToSnapshot; flags: VIR_DOMAIN_SNAPSHOT_REVERT_* */
  revertToSnapshot(snapshot: DomainSnapshot, flags?: number): Promise<void>;

  /**
   * Opens a console of a running domain (virDomainOpenConsole); `devName` null means the first console or
   * serial port. The caller owns the stream and must finish, abort or dispose of it.
   */
  openConsole(devName: string | null, flags?: number): Promise<Stream>;

  /** Renames a shut off persistent domain (virDomainRename). */
  rename(newName: string, flags?: number): Promise<void>;
  /** Saves a running domain's state to a file on the host and stops it (virDomainSaveFlags). */
  save(to: string, dxml?: string | null, flags?: number): Promise<void>;
  /** Sends key presses (virDomainSendKey); `codeset` is VIR_KEYCODE_SET_*, `holdtime` in ms. */
  sendKey(codeset: number, holdtime: number, keycodes: readonly number[], flags?: number): Promise<void>;
  /** A screenshot of a running domain's display (virDomainScreenshot). */
  screenshot(screen?: number, flags?: number): Promise<DomainScreenshot>;
  /** The guest's IP addresses per interface (virDomainInterfaceAddresses); `source` is VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_*. */
  interfaceAddresses(source: number, flags?: number): Promise<DomainInterface[]>;
  /** Progress of the domain's current job (virDomainGetJobInfo). */
  getJobInfo(): Promise<DomainJobInfo>;
  /** Details of the current (or, with VIR_DOMAIN_JOB_STATS_COMPLETED, last) job (virDomainGetJobStats). */
  getJobStats(flags?: number): Promise<DomainJobStats>;
  /** Cancels the current job (virDomainAbortJob). */
  abortJob(): Promise<void>;
  /**
   * Peer-to-peer migration with the params API (virDomainMigrateToURI3; flags VIR_MIGRATE_*, params e.g.
   * `bandwidth` in MiB/s): the source daemon connects to `dconnuri` itself. Absent where the driver cannot migrate.
   */
  migrateToURI3?(dconnuri: string, params: Readonly<Record<string, string | number>>, flags: number): Promise<void>;
}

/** virDomainMigrateFlags */
export const VIR_MIGRATE_LIVE = 1 << 0;
export const VIR_MIGRATE_PEER2PEER = 1 << 1;
export const VIR_MIGRATE_TUNNELLED = 1 << 2;
export const VIR_MIGRATE_PERSIST_DEST = 1 << 3;
export const VIR_MIGRATE_UNDEFINE_SOURCE = 1 << 4;

/** virDomainInterfaceAddressesSource */
export const VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE = 0;
export const VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT = 1;
export const VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP = 2;

/** virIPAddrType */
export const VIR_IP_ADDR_TYPE_IPV4 = 0;
export const VIR_IP_ADDR_TYPE_IPV6 = 1;

/** One guest interface and its addresses (virDomainInterface). */
export interface DomainInterface {
  readonly name: string;
  readonly hwaddr: string | null;
  readonly addrs: readonly { readonly type: number; readonly addr: string; readonly prefix: number }[];
}

/** virKeycodeSet */
export const VIR_KEYCODE_SET_LINUX = 0;
export const VIR_KEYCODE_SET_XT = 1;
export const VIR_KEYCODE_SET_ATSET1 = 2;
export const VIR_KEYCODE_SET_ATSET2 = 3;
export const VIR_KEYCODE_SET_ATSET3 = 4;
export const VIR_KEYCODE_SET_OSX = 5;
export const VIR_KEYCODE_SET_XT_KBD = 6;
export const VIR_KEYCODE_SET_USB = 7;
export const VIR_KEYCODE_SET_WIN32 = 8;
export const VIR_KEYCODE_SET_QNUM = 9;

export interface DomainScreenshot {
  /** MIME type of `data`, e.g. "image/png". */
  readonly mime: string;
  readonly data: Uint8Array;
}

/** virDomainJobType */
export const VIR_DOMAIN_JOB_NONE = 0;
export const VIR_DOMAIN_JOB_BOUNDED = 1;
export const VIR_DOMAIN_JOB_UNBOUNDED = 2;
export const VIR_DOMAIN_JOB_COMPLETED = 3;
export const VIR_DOMAIN_JOB_FAILED = 4;
export const VIR_DOMAIN_JOB_CANCELLED = 5;

/** virDomainJobOperation (the "operation" field of job stats) */
export const VIR_DOMAIN_JOB_OPERATION_UNKNOWN = 0;
export const VIR_DOMAIN_JOB_OPERATION_START = 1;
export const VIR_DOMAIN_JOB_OPERATION_SAVE = 2;
export const VIR_DOMAIN_JOB_OPERATION_RESTORE = 3;
export const VIR_DOMAIN_JOB_OPERATION_MIGRATION_IN = 4;
export const VIR_DOMAIN_JOB_OPERATION_MIGRATION_OUT = 5;
export const VIR_DOMAIN_JOB_OPERATION_SNAPSHOT = 6;
export const VIR_DOMAIN_JOB_OPERATION_SNAPSHOT_REVERT = 7;
export const VIR_DOMAIN_JOB_OPERATION_DUMP = 8;

/** virDomainGetJobStatsFlags */
export const VIR_DOMAIN_JOB_STATS_COMPLETED = 1 << 0;
export const VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED = 1 << 1;

/** virDomainJobInfo; times in ms, data in bytes. */
export interface DomainJobInfo {
  readonly type: number;
  readonly timeElapsed: number;
  readonly dataTotal: number;
  readonly dataProcessed: number;
  readonly dataRemaining: number;
}

/** virDomainGetJobStats: the job type and its typed parameters by field name (e.g. "time_elapsed"). */
export interface DomainJobStats {
  readonly type: number;
  readonly params: Readonly<Record<string, number | boolean | string>>;
}

// ───────────────────────────── domain stats ─────────────────────────────

/** virDomainStatsTypes */
export const VIR_DOMAIN_STATS_STATE = 1 << 0;
export const VIR_DOMAIN_STATS_CPU_TOTAL = 1 << 1;
export const VIR_DOMAIN_STATS_BALLOON = 1 << 2;
export const VIR_DOMAIN_STATS_VCPU = 1 << 3;
export const VIR_DOMAIN_STATS_INTERFACE = 1 << 4;
export const VIR_DOMAIN_STATS_BLOCK = 1 << 5;
export const VIR_DOMAIN_STATS_PERF = 1 << 6;
export const VIR_DOMAIN_STATS_IOTHREAD = 1 << 7;
export const VIR_DOMAIN_STATS_MEMORY = 1 << 8;
export const VIR_DOMAIN_STATS_DIRTYRATE = 1 << 9;
export const VIR_DOMAIN_STATS_VM = 1 << 10;

/** virConnectGetAllDomainStatsFlags */
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE = 1 << 0;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE = 1 << 1;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT = 1 << 2;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT = 1 << 3;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING = 1 << 4;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED = 1 << 5;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF = 1 << 6;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER = 1 << 7;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT = 1 << 29;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING = 1 << 30;
/** 1 << 31 as an unsigned 32-bit value. */
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS = 0x80000000;

/** virTypedParameterType */
export const VIR_TYPED_PARAM_INT = 1;
export const VIR_TYPED_PARAM_UINT = 2;
export const VIR_TYPED_PARAM_LLONG = 3;
export const VIR_TYPED_PARAM_ULLONG = 4;
export const VIR_TYPED_PARAM_DOUBLE = 5;
export const VIR_TYPED_PARAM_BOOLEAN = 6;
export const VIR_TYPED_PARAM_STRING = 7;

/**
 * One virTypedParameter. 64-bit integers are carried as numbers: counters beyond 2^53 lose precision, which
 * no rate or graph can notice.
 */
export interface TypedParameter {
  readonly field: string;
  readonly type: number;
  readonly value: number | string | boolean;
}

/**
 * One domain's stats (virDomainStatsRecord): libvirt's flat, dotted field names, e.g. "state.state",
 * "cpu.time" (ns), "balloon.current" (KiB), "vcpu.0.time", "net.count", "net.0.rx.bytes", "block.0.wr.reqs".
 */
export interface DomainStatsRecord {
  readonly domain: Domain;
  readonly params: readonly TypedParameter[];
}

// ───────────────────────────── domain snapshots ─────────────────────────────

/** virDomainSnapshotCreateFlags */
export const VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT = 1 << 1;
export const VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA = 1 << 2;
export const VIR_DOMAIN_SNAPSHOT_CREATE_HALT = 1 << 3;
export const VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY = 1 << 4;
export const VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT = 1 << 5;
export const VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE = 1 << 6;
export const VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC = 1 << 7;
export const VIR_DOMAIN_SNAPSHOT_CREATE_LIVE = 1 << 8;
export const VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE = 1 << 9;

/** virDomainSnapshotListFlags */
export const VIR_DOMAIN_SNAPSHOT_LIST_ROOTS = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_LIST_METADATA = 1 << 1;
export const VIR_DOMAIN_SNAPSHOT_LIST_LEAVES = 1 << 2;
export const VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES = 1 << 3;
export const VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA = 1 << 4;
export const VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE = 1 << 5;
export const VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE = 1 << 6;
export const VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY = 1 << 7;
export const VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL = 1 << 8;
export const VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL = 1 << 9;
export const VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL = 1 << 10;

/** virDomainSnapshotRevertFlags */
export const VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED = 1 << 1;
export const VIR_DOMAIN_SNAPSHOT_REVERT_FORCE = 1 << 2;

/** virDomainSnapshotDeleteFlags */
export const VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY = 1 << 1;
export const VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY = 1 << 2;

/** A handle on a domain snapshot (virDomainSnapshotPtr). */
export interface DomainSnapshot {
  readonly name: string;
  /** The domain it belongs to. */
  readonly domain: Domain;
  getXMLDesc(flags?: number): Promise<string>;
  /** VIR_ERR_NO_DOMAIN_SNAPSHOT if it is a root. */
  getParent(flags?: number): Promise<DomainSnapshot>;
  isCurrent(flags?: number): Promise<boolean>;
  hasMetadata(flags?: number): Promise<boolean>;
  /** flags: VIR_DOMAIN_SNAPSHOT_LIST_* (DESCENDANTS for all, not only direct children) */
  listAllChildren(flags?: number): Promise<DomainSnapshot[]>;
  /** flags: VIR_DOMAIN_SNAPSHOT_DELETE_* */
  delete(flags?: number): Promise<void>;
}

// ───────────────────────────── networks ─────────────────────────────

/** A handle on a virtual network (virNetworkPtr). */
export interface Network {
  readonly name: string;
  readonly uuid: string;
  /** flags: VIR_NETWORK_XML_INACTIVE */
  getXMLDesc(flags?: number): Promise<string>;
  getBridgeName(): Promise<string>;
  isActive(): Promise<boolean>;
  isPersistent(): Promise<boolean>;
  getAutostart(): Promise<boolean>;
  setAutostart(autostart: boolean): Promise<void>;
  /** Starts a defined network (virNetworkCreate). */
  create(): Promise<void>;
  destroy(): Promise<void>;
  undefine(): Promise<void>;
  /** The network's DHCP leases, optionally of one MAC address (virNetworkGetDHCPLeases). */
  getDHCPLeases(mac?: string | null, flags?: number): Promise<DhcpLease[]>;
  /**
   * Changes one section of the definition in place (virNetworkUpdate): `command` VIR_NETWORK_UPDATE_COMMAND_*,
   * `section` VIR_NETWORK_SECTION_*, `parentIndex` which <ip> (-1: the first that fits), `xml` the element,
   * flags VIR_NETWORK_UPDATE_AFFECT_*.
   */
  update(command: number, section: number, parentIndex: number, xml: string, flags?: number): Promise<void>;
}

/** One DHCP lease of a libvirt-managed network (virNetworkDHCPLease). */
export interface DhcpLease {
  readonly iface: string;
  /** Seconds since the epoch. */
  readonly expirytime: number;
  /** VIR_IP_ADDR_TYPE_* */
  readonly type: number;
  readonly mac: string | null;
  readonly iaid: string | null;
  readonly ipaddr: string;
  readonly prefix: number;
  readonly hostname: string | null;
  readonly clientid: string | null;
}

export const VIR_NETWORK_XML_INACTIVE = 1 << 0;
export const VIR_NETWORK_DEFINE_VALIDATE = 1 << 0;
export const VIR_NETWORK_CREATE_VALIDATE = 1 << 0;

/** virNetworkUpdateCommand */
export const VIR_NETWORK_UPDATE_COMMAND_NONE = 0;
export const VIR_NETWORK_UPDATE_COMMAND_MODIFY = 1;
export const VIR_NETWORK_UPDATE_COMMAND_DELETE = 2;
export const VIR_NETWORK_UPDATE_COMMAND_ADD_LAST = 3;
export const VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST = 4;

/** virNetworkUpdateSection */
export const VIR_NETWORK_SECTION_NONE = 0;
export const VIR_NETWORK_SECTION_BRIDGE = 1;
export const VIR_NETWORK_SECTION_DOMAIN = 2;
export const VIR_NETWORK_SECTION_IP = 3;
export const VIR_NETWORK_SECTION_IP_DHCP_HOST = 4;
export const VIR_NETWORK_SECTION_IP_DHCP_RANGE = 5;
export const VIR_NETWORK_SECTION_FORWARD = 6;
export const VIR_NETWORK_SECTION_FORWARD_INTERFACE = 7;
export const VIR_NETWORK_SECTION_FORWARD_PF = 8;
export const VIR_NETWORK_SECTION_PORTGROUP = 9;
export const VIR_NETWORK_SECTION_DNS_HOST = 10;
export const VIR_NETWORK_SECTION_DNS_TXT = 11;
export const VIR_NETWORK_SECTION_DNS_SRV = 12;

/** virNetworkUpdateFlags */
export const VIR_NETWORK_UPDATE_AFFECT_CURRENT = 0;
export const VIR_NETWORK_UPDATE_AFFECT_LIVE = 1 << 0;
export const VIR_NETWORK_UPDATE_AFFECT_CONFIG = 1 << 1;

// ───────────────────────────── storage ─────────────────────────────

/** virStoragePoolState */
export const VIR_STORAGE_POOL_INACTIVE = 0;
export const VIR_STORAGE_POOL_BUILDING = 1;
export const VIR_STORAGE_POOL_RUNNING = 2;
export const VIR_STORAGE_POOL_DEGRADED = 3;
export const VIR_STORAGE_POOL_INACCESSIBLE = 4;

/** virStoragePoolBuildFlags */
export const VIR_STORAGE_POOL_BUILD_NEW = 0;
export const VIR_STORAGE_POOL_BUILD_REPAIR = 1 << 0;
export const VIR_STORAGE_POOL_BUILD_RESIZE = 1 << 1;
export const VIR_STORAGE_POOL_BUILD_NO_OVERWRITE = 1 << 2;
export const VIR_STORAGE_POOL_BUILD_OVERWRITE = 1 << 3;

/** virStoragePoolCreateFlags */
export const VIR_STORAGE_POOL_CREATE_NORMAL = 0;
export const VIR_STORAGE_POOL_CREATE_WITH_BUILD = 1 << 0;
export const VIR_STORAGE_POOL_CREATE_WITH_BUILD_OVERWRITE = 1 << 1;
export const VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE = 1 << 2;

/** virStoragePoolDefineFlags */
export const VIR_STORAGE_POOL_DEFINE_VALIDATE = 1 << 0;

/** virStoragePoolDeleteFlags */
export const VIR_STORAGE_POOL_DELETE_NORMAL = 0;
export const VIR_STORAGE_POOL_DELETE_ZEROED = 1 << 0;

/** virStorageXMLFlags */
export const VIR_STORAGE_XML_INACTIVE = 1 << 0;

/** virStorageVolType */
export const VIR_STORAGE_VOL_FILE = 0;
export const VIR_STORAGE_VOL_BLOCK = 1;
export const VIR_STORAGE_VOL_DIR = 2;
export const VIR_STORAGE_VOL_NETWORK = 3;
export const VIR_STORAGE_VOL_NETDIR = 4;
export const VIR_STORAGE_VOL_PLOOP = 5;

/** virStorageVolCreateFlags */
export const VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA = 1 << 0;
export const VIR_STORAGE_VOL_CREATE_REFLINK = 1 << 1;
export const VIR_STORAGE_VOL_CREATE_VALIDATE = 1 << 2;

/** virStorageVolDeleteFlags */
export const VIR_STORAGE_VOL_DELETE_NORMAL = 0;
export const VIR_STORAGE_VOL_DELETE_ZEROED = 1 << 0;
export const VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS = 1 << 1;

/** virStorageVolResizeFlags */
export const VIR_STORAGE_VOL_RESIZE_ALLOCATE = 1 << 0;
export const VIR_STORAGE_VOL_RESIZE_DELTA = 1 << 1;
export const VIR_STORAGE_VOL_RESIZE_SHRINK = 1 << 2;

/** virStorageVolWipeAlgorithm */
export const VIR_STORAGE_VOL_WIPE_ALG_ZERO = 0;

/** virStorageVolUploadFlags / virStorageVolDownloadFlags */
export const VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM = 1 << 0;
export const VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM = 1 << 0;

/** virStoragePoolInfo; sizes in bytes. */
export interface StoragePoolInfo {
  readonly state: number;
  readonly capacity: number;
  readonly allocation: number;
  readonly available: number;
}

/** virStorageVolInfo; sizes in bytes. */
export interface StorageVolumeInfo {
  readonly type: number;
  readonly capacity: number;
  readonly allocation: number;
}

/** A handle on a storage pool (virStoragePoolPtr). */
export interface StoragePool {
  readonly name: string;
  readonly uuid: string;
  getInfo(): Promise<StoragePoolInfo>;
  /** flags: VIR_STORAGE_XML_INACTIVE */
  getXMLDesc(flags?: number): Promise<string>;
  isActive(): Promise<boolean>;
  isPersistent(): Promise<boolean>;
  getAutostart(): Promise<boolean>;
  setAutostart(autostart: boolean): Promise<void>;
  /** flags: VIR_STORAGE_POOL_BUILD_* */
  build(flags?: number): Promise<void>;
  /** Starts a defined pool; flags: VIR_STORAGE_POOL_CREATE_* */
  create(flags?: number): Promise<void>;
  destroy(): Promise<void>;
  /** Deletes the pool's underlying storage (it must be inactive); flags: VIR_STORAGE_POOL_DELETE_* */
  delete(flags?: number): Promise<void>;
  refresh(flags?: number): Promise<void>;
  undefine(): Promise<void>;
  listAllVolumes(flags?: number): Promise<StorageVolume[]>;
  storageVolLookupByName(name: string): Promise<StorageVolume>;
  /** flags: VIR_STORAGE_VOL_CREATE_* */
  storageVolCreateXML(xml: string, flags?: number): Promise<StorageVolume>;
  /** Creates a volume in this pool as a copy of `source` (virStorageVolCreateXMLFrom). */
  storageVolCreateXMLFrom(xml: string, source: StorageVolume, flags?: number): Promise<StorageVolume>;
}

/** A handle on a storage volume (virStorageVolPtr). */
export interface StorageVolume {
  readonly name: string;
  /** Unique key (often the path). */
  readonly key: string;
  /** The name of the pool that holds it. */
  readonly pool: string;
  getInfo(): Promise<StorageVolumeInfo>;
  getXMLDesc(flags?: number): Promise<string>;
  getPath(): Promise<string>;
  /** flags: VIR_STORAGE_VOL_DELETE_* */
  delete(flags?: number): Promise<void>;
  /** virStorageVolWipe */
  wipe(flags?: number): Promise<void>;
  /** New capacity in bytes; flags: VIR_STORAGE_VOL_RESIZE_* */
  resize(capacity: number, flags?: number): Promise<void>;
  /** A stream the caller sends `length` bytes into, written at `offset` (0 length: to the end). */
  upload(offset: number, length: number, flags?: number): Promise<Stream>;
  /** A stream of the volume's bytes from `offset`, `length` long (0: to the end). */
  download(offset: number, length: number, flags?: number): Promise<Stream>;
}

// ───────────────────────────── node devices ─────────────────────────────

/** A handle on a host device (virNodeDevicePtr). */
export interface NodeDevice {
  readonly name: string;
  getXMLDesc(flags?: number): Promise<string>;
  /** The parent device's name, or null for the root ("computer"). */
  getParent(): Promise<string | null>;
  /** Capability names, e.g. ["pci"], ["net"], ["scsi_host"]. */
  listCaps(): Promise<string[]>;
  isActive(): Promise<boolean>;
  isPersistent(): Promise<boolean>;
  /** Destroys a device created with nodeDeviceCreateXML (e.g. an NPIV vHBA or mdev). */
  destroy(): Promise<void>;
  undefine(flags?: number): Promise<void>;
  /** Unbinds a PCI device from its host driver for passthrough (virNodeDeviceDetachFlags); `driverName` e.g. "vfio". */
  detach(driverName: string | null, flags?: number): Promise<void>;
  /** Gives a detached device back to its host driver (virNodeDeviceReAttach). */
  reAttach(): Promise<void>;
}

// ───────────────────────────── streams ─────────────────────────────

/**
 * A duplex byte stream (virStreamPtr): a console, a volume upload or download.
 *
 * Sending: `send` resolves once the bytes are accepted by the transport; awaiting it before the next send is
 * the back-pressure. `finish` says we sent everything (virStreamFinish) and resolves when the peer
 * acknowledges; `abort` cancels (virStreamAbort).
 *
 * Receiving: while at least one `onData` listener is attached, incoming chunks go to the listeners;
 * otherwise they queue for async iteration, which pulls at the consumer's pace (the producer is paused while
 * the queue is full). Iteration ends when the peer finishes and throws a VirError when the stream fails.
 * `dispose` aborts the stream if it is still open.
 */
export interface Stream extends AsyncIterable<Uint8Array>, Disposable {
  send(data: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Disposable;
  /** Called once when the stream ends: `error` null for a clean end of stream from the peer. */
  onEnd(listener: (error: VirError | null) => void): Disposable;
  finish(): Promise<void>;
  abort(): Promise<void>;
  /** True until the stream ends (peer finished, aborted, failed, or disposed). */
  readonly open: boolean;
}

// ───────────────────────────── events ─────────────────────────────

/** virDomainEventID */
export const VIR_DOMAIN_EVENT_ID_LIFECYCLE = 0;
export const VIR_DOMAIN_EVENT_ID_REBOOT = 1;
export const VIR_DOMAIN_EVENT_ID_RTC_CHANGE = 2;
export const VIR_DOMAIN_EVENT_ID_WATCHDOG = 3;
export const VIR_DOMAIN_EVENT_ID_IO_ERROR = 4;
export const VIR_DOMAIN_EVENT_ID_GRAPHICS = 5;
export const VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON = 6;
export const VIR_DOMAIN_EVENT_ID_CONTROL_ERROR = 7;
export const VIR_DOMAIN_EVENT_ID_BLOCK_JOB = 8;
export const VIR_DOMAIN_EVENT_ID_DISK_CHANGE = 9;
export const VIR_DOMAIN_EVENT_ID_TRAY_CHANGE = 10;
export const VIR_DOMAIN_EVENT_ID_PMWAKEUP = 11;
export const VIR_DOMAIN_EVENT_ID_PMSUSPEND = 12;
export const VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE = 13;
export const VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK = 14;
export const VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED = 15;
export const VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 = 16;
export const VIR_DOMAIN_EVENT_ID_TUNABLE = 17;
export const VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE = 18;
export const VIR_DOMAIN_EVENT_ID_DEVICE_ADDED = 19;
export const VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION = 20;
export const VIR_DOMAIN_EVENT_ID_JOB_COMPLETED = 21;
export const VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED = 22;
export const VIR_DOMAIN_EVENT_ID_METADATA_CHANGE = 23;
export const VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD = 24;

/** virDomainEventType (lifecycle events) */
export const VIR_DOMAIN_EVENT_DEFINED = 0;
export const VIR_DOMAIN_EVENT_UNDEFINED = 1;
export const VIR_DOMAIN_EVENT_STARTED = 2;
export const VIR_DOMAIN_EVENT_SUSPENDED = 3;
export const VIR_DOMAIN_EVENT_RESUMED = 4;
export const VIR_DOMAIN_EVENT_STOPPED = 5;
export const VIR_DOMAIN_EVENT_SHUTDOWN = 6;
export const VIR_DOMAIN_EVENT_PMSUSPENDED = 7;
export const VIR_DOMAIN_EVENT_CRASHED = 8;

/** Lifecycle event details, per event type. */
export const VIR_DOMAIN_EVENT_DEFINED_ADDED = 0;
export const VIR_DOMAIN_EVENT_DEFINED_UPDATED = 1;
export const VIR_DOMAIN_EVENT_DEFINED_RENAMED = 2;
export const VIR_DOMAIN_EVENT_DEFINED_FROM_SNAPSHOT = 3;
export const VIR_DOMAIN_EVENT_UNDEFINED_REMOVED = 0;
export const VIR_DOMAIN_EVENT_UNDEFINED_RENAMED = 1;
export const VIR_DOMAIN_EVENT_STARTED_BOOTED = 0;
export const VIR_DOMAIN_EVENT_STARTED_MIGRATED = 1;
export const VIR_DOMAIN_EVENT_STARTED_RESTORED = 2;
export const VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT = 3;
export const VIR_DOMAIN_EVENT_STARTED_WAKEUP = 4;
export const VIR_DOMAIN_EVENT_SUSPENDED_PAUSED = 0;
export const VIR_DOMAIN_EVENT_SUSPENDED_MIGRATED = 1;
export const VIR_DOMAIN_EVENT_SUSPENDED_IOERROR = 2;
export const VIR_DOMAIN_EVENT_SUSPENDED_WATCHDOG = 3;
export const VIR_DOMAIN_EVENT_SUSPENDED_RESTORED = 4;
export const VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT = 5;
export const VIR_DOMAIN_EVENT_SUSPENDED_API_ERROR = 6;
export const VIR_DOMAIN_EVENT_RESUMED_UNPAUSED = 0;
export const VIR_DOMAIN_EVENT_RESUMED_MIGRATED = 1;
export const VIR_DOMAIN_EVENT_RESUMED_FROM_SNAPSHOT = 2;
export const VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN = 0;
export const VIR_DOMAIN_EVENT_STOPPED_DESTROYED = 1;
export const VIR_DOMAIN_EVENT_STOPPED_CRASHED = 2;
export const VIR_DOMAIN_EVENT_STOPPED_MIGRATED = 3;
export const VIR_DOMAIN_EVENT_STOPPED_SAVED = 4;
export const VIR_DOMAIN_EVENT_STOPPED_FAILED = 5;
export const VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT = 6;
export const VIR_DOMAIN_EVENT_SHUTDOWN_FINISHED = 0;
export const VIR_DOMAIN_EVENT_SHUTDOWN_GUEST = 1;
export const VIR_DOMAIN_EVENT_SHUTDOWN_HOST = 2;
export const VIR_DOMAIN_EVENT_PMSUSPENDED_MEMORY = 0;
export const VIR_DOMAIN_EVENT_PMSUSPENDED_DISK = 1;
export const VIR_DOMAIN_EVENT_CRASHED_PANICKED = 0;

/** virDomainEventTrayChangeReason */
export const VIR_DOMAIN_EVENT_TRAY_CHANGE_OPEN = 0;
export const VIR_DOMAIN_EVENT_TRAY_CHANGE_CLOSE = 1;

/** virDomainEventWatchdogAction */
export const VIR_DOMAIN_EVENT_WATCHDOG_NONE = 0;
export const VIR_DOMAIN_EVENT_WATCHDOG_PAUSE = 1;
export const VIR_DOMAIN_EVENT_WATCHDOG_RESET = 2;
export const VIR_DOMAIN_EVENT_WATCHDOG_POWEROFF = 3;
export const VIR_DOMAIN_EVENT_WATCHDOG_SHUTDOWN = 4;
export const VIR_DOMAIN_EVENT_WATCHDOG_DEBUG = 5;
export const VIR_DOMAIN_EVENT_WATCHDOG_INJECTNMI = 6;

/** virConnectDomainEventAgentLifecycleState / Reason */
export const VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_CONNECTED = 1;
export const VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED = 2;

interface DomainEventBase {
  readonly domain: Domain;
}
export interface DomainLifecycleEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_LIFECYCLE;
  /** virDomainEventType */
  readonly event: number;
  /** The detail code for that type, e.g. VIR_DOMAIN_EVENT_STOPPED_DESTROYED. */
  readonly detail: number;
}
export interface DomainRebootEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_REBOOT;
}
export interface DomainRTCChangeEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_RTC_CHANGE;
  /** Seconds of offset from UTC. */
  readonly utcOffset: number;
}
export interface DomainWatchdogEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_WATCHDOG;
  readonly action: number;
}
export interface DomainIOErrorReasonEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON;
  readonly srcPath: string;
  readonly devAlias: string;
  readonly action: number;
  readonly reason: string;
}
export interface DomainTrayChangeEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_TRAY_CHANGE;
  readonly devAlias: string;
  /** VIR_DOMAIN_EVENT_TRAY_CHANGE_* */
  readonly reason: number;
}
export interface DomainPMWakeupEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_PMWAKEUP;
  readonly reason: number;
}
export interface DomainPMSuspendEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_PMSUSPEND;
  readonly reason: number;
}
export interface DomainBalloonChangeEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE;
  /** New balloon size in KiB. */
  readonly actual: number;
}
export interface DomainDeviceRemovedEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED;
  readonly devAlias: string;
}
export interface DomainBlockJobEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2;
  /** Target (e.g. "vda") or source path. */
  readonly disk: string;
  /** virDomainBlockJobType */
  readonly type: number;
  /** virConnectDomainEventBlockJobStatus */
  readonly status: number;
}
export interface DomainTunableEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_TUNABLE;
  readonly params: readonly TypedParameter[];
}
export interface DomainAgentLifecycleEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE;
  readonly state: number;
  readonly reason: number;
}
export interface DomainDeviceAddedEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_DEVICE_ADDED;
  readonly devAlias: string;
}
export interface DomainJobCompletedEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_JOB_COMPLETED;
  readonly params: readonly TypedParameter[];
}
export interface DomainDeviceRemovalFailedEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED;
  readonly devAlias: string;
}
export interface DomainMetadataChangeEvent extends DomainEventBase {
  readonly eventId: typeof VIR_DOMAIN_EVENT_ID_METADATA_CHANGE;
  /** virDomainMetadataType */
  readonly type: number;
  /** Namespace URI for VIR_DOMAIN_METADATA_ELEMENT, else null. */
  readonly nsuri: string | null;
}

/** The domain events this contract delivers, by virDomainEventID. */
export interface DomainEventMap {
  [VIR_DOMAIN_EVENT_ID_LIFECYCLE]: DomainLifecycleEvent;
  [VIR_DOMAIN_EVENT_ID_REBOOT]: DomainRebootEvent;
  [VIR_DOMAIN_EVENT_ID_RTC_CHANGE]: DomainRTCChangeEvent;
  [VIR_DOMAIN_EVENT_ID_WATCHDOG]: DomainWatchdogEvent;
  [VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON]: DomainIOErrorReasonEvent;
  [VIR_DOMAIN_EVENT_ID_TRAY_CHANGE]: DomainTrayChangeEvent;
  [VIR_DOMAIN_EVENT_ID_PMWAKEUP]: DomainPMWakeupEvent;
  [VIR_DOMAIN_EVENT_ID_PMSUSPEND]: DomainPMSuspendEvent;
  [VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE]: DomainBalloonChangeEvent;
  [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED]: DomainDeviceRemovedEvent;
  [VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2]: DomainBlockJobEvent;
  [VIR_DOMAIN_EVENT_ID_TUNABLE]: DomainTunableEvent;
  [VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE]: DomainAgentLifecycleEvent;
  [VIR_DOMAIN_EVENT_ID_DEVICE_ADDED]: DomainDeviceAddedEvent;
  [VIR_DOMAIN_EVENT_ID_JOB_COMPLETED]: DomainJobCompletedEvent;
  [VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED]: DomainDeviceRemovalFailedEvent;
  [VIR_DOMAIN_EVENT_ID_METADATA_CHANGE]: DomainMetadataChangeEvent;
}
export type DomainEventId = keyof DomainEventMap;
export type DomainEvent = DomainEventMap[DomainEventId];

/** virNetworkEventID and virNetworkEventLifecycleType */
export const VIR_NETWORK_EVENT_ID_LIFECYCLE = 0;
export const VIR_NETWORK_EVENT_ID_METADATA_CHANGE = 1;
export const VIR_NETWORK_EVENT_DEFINED = 0;
export const VIR_NETWORK_EVENT_UNDEFINED = 1;
export const VIR_NETWORK_EVENT_STARTED = 2;
export const VIR_NETWORK_EVENT_STOPPED = 3;

export interface NetworkLifecycleEvent {
  readonly eventId: typeof VIR_NETWORK_EVENT_ID_LIFECYCLE;
  readonly network: Network;
  /** VIR_NETWORK_EVENT_* */
  readonly event: number;
  readonly detail: number;
}
export interface NetworkEventMap {
  [VIR_NETWORK_EVENT_ID_LIFECYCLE]: NetworkLifecycleEvent;
}
export type NetworkEventId = keyof NetworkEventMap;
export type NetworkEvent = NetworkEventMap[NetworkEventId];

/** virStoragePoolEventID and virStoragePoolEventLifecycleType */
export const VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE = 0;
export const VIR_STORAGE_POOL_EVENT_ID_REFRESH = 1;
export const VIR_STORAGE_POOL_EVENT_DEFINED = 0;
export const VIR_STORAGE_POOL_EVENT_UNDEFINED = 1;
export const VIR_STORAGE_POOL_EVENT_STARTED = 2;
export const VIR_STORAGE_POOL_EVENT_STOPPED = 3;
export const VIR_STORAGE_POOL_EVENT_CREATED = 4;
export const VIR_STORAGE_POOL_EVENT_DELETED = 5;

export interface StoragePoolLifecycleEvent {
  readonly eventId: typeof VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE;
  readonly pool: StoragePool;
  /** VIR_STORAGE_POOL_EVENT_* */
  readonly event: number;
  readonly detail: number;
}
export interface StoragePoolRefreshEvent {
  readonly eventId: typeof VIR_STORAGE_POOL_EVENT_ID_REFRESH;
  readonly pool: StoragePool;
}
export interface StoragePoolEventMap {
  [VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE]: StoragePoolLifecycleEvent;
  [VIR_STORAGE_POOL_EVENT_ID_REFRESH]: StoragePoolRefreshEvent;
}
export type StoragePoolEventId = keyof StoragePoolEventMap;
export type StoragePoolEvent = StoragePoolEventMap[StoragePoolEventId];

/** virNodeDeviceEventID and virNodeDeviceEventLifecycleType */
export const VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE = 0;
export const VIR_NODE_DEVICE_EVENT_ID_UPDATE = 1;
export const VIR_NODE_DEVICE_EVENT_CREATED = 0;
export const VIR_NODE_DEVICE_EVENT_DELETED = 1;
export const VIR_NODE_DEVICE_EVENT_DEFINED = 2;
export const VIR_NODE_DEVICE_EVENT_UNDEFINED = 3;

export interface NodeDeviceLifecycleEvent {
  readonly eventId: typeof VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE;
  readonly device: NodeDevice;
  /** VIR_NODE_DEVICE_EVENT_* */
  readonly event: number;
  readonly detail: number;
}
export interface NodeDeviceUpdateEvent {
  readonly eventId: typeof VIR_NODE_DEVICE_EVENT_ID_UPDATE;
  readonly device: NodeDevice;
}
export interface NodeDeviceEventMap {
  [VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE]: NodeDeviceLifecycleEvent;
  [VIR_NODE_DEVICE_EVENT_ID_UPDATE]: NodeDeviceUpdateEvent;
}
export type NodeDeviceEventId = keyof NodeDeviceEventMap;
export type NodeDeviceEvent = NodeDeviceEventMap[NodeDeviceEventId];

// ───────────────────────────── opening ─────────────────────────────

/** Options for opening any connection; drivers ignore what does not apply to them. */
export interface OpenOptions {
  /** Read-only connection (VIR_CONNECT_RO). */
  readonly readOnly?: boolean;
  /** Demo host only: a folder where its state is saved and restored from (persistence across restarts). */
  readonly stateDir?: string;
}
