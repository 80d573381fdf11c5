// One domain's state in the Demo host: its persistent and live definitions, run state, flags and snapshots.
import * as api from '../api/index.js';
import type { GuestConsole } from './guest-console.js';
import type { GuestActivity } from './guest-activity.js';
import { DomainXml, XmlDocument, type XmlElement } from '../xml/index.js';
import { childText, sizeIn, textOf } from './xml-access.js';

export interface SnapshotRecord {
  name: string;
  parent: string | null;
  /** The <domainsnapshot> definition as libvirt would format it (with the domain copy inside). */
  def: XmlElement;
  /** The domain definition the snapshot restores. */
  domain: XmlElement;
  /** Run state at snapshot time: 'running', 'paused', 'shutoff', … */
  state: string;
  creationTime: number;
}

export class DomainObject {
  /** Persistent definition; null for a transient domain. */
  config: XmlElement | null;
  /** Live definition; non-null while active. */
  live: XmlElement | null = null;
  state: number = api.VIR_DOMAIN_SHUTOFF;
  reason: number = api.VIR_DOMAIN_SHUTOFF_UNKNOWN;
  id = -1;
  autostart = false;
  hasManagedSave = false;
  readonly snapshots = new Map<string, SnapshotRecord>();
  currentSnapshot: string | null = null;
  /** Guest-side simulation while active (counters, serial console). */
  activity: GuestActivity | null = null;
  console: GuestConsole | null = null;
  /** Stats of the last completed job (save, managed save), for getJobStats(COMPLETED). */
  lastJob: Readonly<Record<string, number | boolean | string>> | null = null;
  /** The open console stream, if any: only one at a time, like libvirt. */
  consoleSession: { close(error?: api.VirError | null): void } | null = null;

  constructor(
    def: XmlElement,
    readonly uuid: string,
    persistent: boolean,
  ) {
    this.config = persistent ? def : null;
    if (!persistent) this.live = def;
  }

  /** The definition in force: the live one while active, else the persistent one. */
  get def(): XmlElement {
    const d = this.live ?? this.config;
    if (!d) throw new Error('domain object without definition');
    return d;
  }
  get name(): string {
    // Hot (every lookup by name walks the domains): the first child, read directly.
    return textOf(this.def.child('name')) ?? '';
  }
  get persistent(): boolean {
    return this.config !== null;
  }
  get active(): boolean {
    return this.id !== -1;
  }

  /** Makes the live definition a copy of the persistent one (libvirt's virDomainObjSetDefTransient). */
  beginLive(id: number): void {
    if (this.config) this.live = this.config.clone();
    this.id = id;
  }
  /** Drops the live definition; a transient domain keeps it as its only definition until removed. */
  endLive(): void {
    this.id = -1;
    if (this.config) this.live = null;
  }
}

/** Memory and vCPU figures of a definition, in libvirt's units (KiB). */
export interface DomainSizing {
  maxMemKiB: number;
  curMemKiB: number;
  maxVcpus: number;
  vcpus: number;
}

export function sizing(def: XmlElement): DomainSizing {
  const max = sizeIn(def.child('memory'), 'KiB', 'KiB') ?? sizeIn(def.child('currentMemory'), 'KiB', 'KiB') ?? 0;
  const cur = sizeIn(def.child('currentMemory'), 'KiB', 'KiB') ?? max;
  const vcpuEl = def.child('vcpu');
  const maxVcpus = Number(childText(def, 'vcpu') ?? '1') || 1;
  const vcpus = vcpuEl?.attr('current') !== undefined ? Number(vcpuEl.attr('current')) : maxVcpus;
  return { maxMemKiB: max, curMemKiB: Math.min(cur, max), maxVcpus, vcpus };
}

/** DomainXml's view of a stored definition, for the edits it knows (memory, vCPUs). */
export function domainModel(def: XmlElement): DomainXml {
  return new DomainXml(new XmlDocument([def], def));
}
