// One domain's state in the Demo host: its persistent and live definitions, run state, flags and snapshots.
import * as api from '../api/index.js';
import type { GuestConsole } from './guest-console.js';
import type { GuestActivity } from './guest-activity.js';
import { child, childText, cloneXml, setChildText, sizeIn, type XmlElement } from './xml-tree.js';

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
    return childText(this.def, 'name') ?? '';
  }
  get persistent(): boolean {
    return this.config !== null;
  }
  get active(): boolean {
    return this.id !== -1;
  }

  /** Makes the live definition a copy of the persistent one (libvirt's virDomainObjSetDefTransient). */
  beginLive(id: number): void {
    if (this.config) this.live = cloneXml(this.config);
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
  const max = sizeIn(child(def, 'memory'), 'KiB', 'KiB') ?? sizeIn(child(def, 'currentMemory'), 'KiB', 'KiB') ?? 0;
  const cur = sizeIn(child(def, 'currentMemory'), 'KiB', 'KiB') ?? max;
  const vcpuEl = child(def, 'vcpu');
  const maxVcpus = Number(childText(def, 'vcpu') ?? '1') || 1;
  const vcpus = vcpuEl?.attrs.current !== undefined ? Number(vcpuEl.attrs.current) : maxVcpus;
  return { maxMemKiB: max, curMemKiB: Math.min(cur, max), maxVcpus, vcpus };
}

export function setCurrentMemory(def: XmlElement, kib: number): void {
  setChildText(def, 'currentMemory', String(kib), { unit: 'KiB' });
}

export function setMaxMemory(def: XmlElement, kib: number): void {
  setChildText(def, 'memory', String(kib), { unit: 'KiB' });
  const s = sizing(def);
  if (s.curMemKiB > kib || !child(def, 'currentMemory')) setCurrentMemory(def, Math.min(s.curMemKiB, kib));
}

export function setVcpus(def: XmlElement, count: number, maximum: boolean): void {
  const el = child(def, 'vcpu') ?? setChildText(def, 'vcpu', '1', { placement: 'static' });
  const s = sizing(def);
  if (maximum) {
    el.children = [{ text: String(count) }];
    if (s.vcpus > count || el.attrs.current === String(count)) delete el.attrs.current;
    return;
  }
  if (count === s.maxVcpus) delete el.attrs.current;
  else el.attrs.current = String(count);
}
