// The Domain contract (virDomainPtr) and the records its calls answer.
import type { DomainSnapshot } from './snapshot.js';
import type { Stream } from './stream.js';

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
   * `bandwidth` in MiB/s): the source daemon connects to `dconnuri` itself. A driver that cannot migrate answers
   * as libvirt does (VIR_ERR_ARGUMENT_UNSUPPORTED from libvirt's test driver).
   */
  migrateToURI3(dconnuri: string, params: Readonly<Record<string, string | number>>, flags: number): Promise<void>;
}

/** One guest interface and its addresses (virDomainInterface). */
export interface DomainInterface {
  readonly name: string;
  readonly hwaddr: string | null;
  readonly addrs: readonly { readonly type: number; readonly addr: string; readonly prefix: number }[];
}

export interface DomainScreenshot {
  /** MIME type of `data`, e.g. "image/png". */
  readonly mime: string;
  readonly data: Uint8Array;
}

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
