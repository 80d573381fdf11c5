// What the contract suite runs against: a connection to a host loaded from a node fixture, and what kind of
// backend it is (a few behaviours exist only on some backends; everything else must match exactly).
import { fileURLToPath } from 'node:url';
import type { Connection } from '../../drivers/api/index.js';

export type Backend = 'demo' | 'libvirt-test' | 'libvirt-qemu';

export interface ContractTarget {
  readonly conn: Connection;
  /** Closes the connection and anything else the target opened. */
  close(): Promise<void>;
}

/** Which case a target is opened for (a real hypervisor prepares some cases differently). */
export interface CaseInfo {
  readonly name: string;
}

export interface ContractOptions {
  readonly backend: Backend;
  /**
   * Opens a fresh host loaded from `fixture` (an absolute path to a test-driver node file): the Demo host via
   * `test://<fixture>`, libvirtd's test driver via `test+unix://<fixture>?socket=…`. Each call must give
   * pristine state (libvirt's test driver keeps no state between file-based connections); a real hypervisor
   * brings its host back to an equivalent state instead.
   */
  open(fixture: string, info: CaseInfo): Promise<ContractTarget>;
  /**
   * 'real-hypervisor': declare only the cases gated by a feature (the ones libvirt's test driver cannot run); the
   * others rely on fixture state only a node file gives.
   */
  readonly only?: 'real-hypervisor';
  /** Cases skipped on this backend, by name, with why (differences from the Demo host not yet resolved). */
  readonly notRun?: Readonly<Record<string, string>>;
  /** How long a freshly started guest may take to print its boot log and reach its shell (default 5 s). */
  readonly guestBootMs?: number;
  /** Time limit for open() (default: vitest's hook timeout). */
  readonly openTimeoutMs?: number;
}

/** The suite's fixture host. */
export const CONTRACT_NODE = fileURLToPath(new URL('../fixtures/node/contract-node.xml', import.meta.url));

/** Behaviour that only some backends have. */
export interface Features {
  /** Serial console streams (libvirt's test driver has none). */
  readonly console: boolean;
  /** attach/detach/update device. */
  readonly hotplug: boolean;
  /** Volume resize, wipe, upload and download. */
  readonly volumeData: boolean;
  /** getAllDomainStats beyond state.* (cpu, balloon, vcpu, net, block). */
  readonly richStats: boolean;
  readonly domainCapabilities: boolean;
  /** Undefining a transient domain fails (qemu does; libvirt's test driver lets it pass). */
  readonly refusesTransientUndefine: boolean;
  /** virNodeGetFreeMemory works (libvirt's test driver has no NUMA cells for a node file, reports 0 = error). */
  readonly freeMemory: boolean;
  /** Job info/stats/abort and network DHCP leases (not in libvirt's test driver). */
  readonly jobsAndLeases: boolean;
  /** REBOOT and BALLOON_CHANGE events, which libvirt's test driver never sends. */
  readonly guestEvents: boolean;
}

export function featuresOf(backend: Backend): Features {
  switch (backend) {
    case 'demo':
      return { console: true, hotplug: true, volumeData: true, richStats: true, domainCapabilities: true, refusesTransientUndefine: true, freeMemory: true, jobsAndLeases: true, guestEvents: true };
    case 'libvirt-test':
      return { console: false, hotplug: false, volumeData: false, richStats: false, domainCapabilities: false, refusesTransientUndefine: false, freeMemory: false, jobsAndLeases: false, guestEvents: false };
    case 'libvirt-qemu':
      return { console: true, hotplug: true, volumeData: true, richStats: true, domainCapabilities: true, refusesTransientUndefine: true, freeMemory: true, jobsAndLeases: true, guestEvents: true };
  }
}
