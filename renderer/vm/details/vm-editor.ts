// The Details frame's working copy of one VM's definition (the "draft") and everything about applying it: what the
// edit started from, what the host has now, the live definition while the VM runs, and what waits for a shutdown.
// No React here: the frame subscribes (use-vm-editor.ts), pages edit `draft` in place and say so.
import { XmlError, parseDomain, type DomainXml, type XmlElement } from '../../../drivers/xml/index.js';
import type { ApiError, DomainSummary } from '../../../main/api/contract/index.js';
import type { ApiPort } from '../../state/api-port.js';
import type { LiveApply } from '../devices/device-page.js';
import { deviceElements, devicesByKey, keyOfDevice } from './device-key.js';
import { elementXml, mergeDefinitions } from './merge.js';
import { schemaErrorLine } from './schema-error.js';
import {
  changesBetween, deviceItem, isDeviceItem, deviceKeyOf, replaceDeviceXml, replaceSectionXml, SectionXmlError, type ItemKey, type Section,
} from './sections.js';

/** A VM runs (or is paused, or otherwise has a live definition) when it has an id. */
export const isRunning = (d: Pick<DomainSummary, 'id'>): boolean => d.id >= 0;

const errorOf = (e: unknown): ApiError => {
  if (typeof e === 'object' && e !== null && 'error' in e) return (e as { error: ApiError }).error;
  return { message: e instanceof Error ? e.message : String(e) };
};

/** What an XML tab's text is while it is not (yet) the draft's: typed, possibly malformed. */
interface XmlEdit {
  readonly text: string;
  readonly error?: { readonly line?: number; readonly message: string };
}

/** Apply could not define: libvirt's message, and the line of the edited XML it is about. */
export interface ApplyFailure {
  readonly message: string;
  readonly line?: number;
}

/** Edits that take effect at the next boot, per VM and per run: gone once the VM shuts down (its id changes). */
const pendingByVm = new Map<string, { readonly runId: number; readonly items: Set<ItemKey> }>();

function pendingOf(connection: string, uuid: string, runId: number): Set<ItemKey> {
  const key = `${connection}\n${uuid}`;
  const hit = pendingByVm.get(key);
  if (hit !== undefined && hit.runId === runId) return hit.items;
  const items = new Set<ItemKey>();
  if (runId >= 0) pendingByVm.set(key, { runId, items });
  else pendingByVm.delete(key);
  return items;
}

/** Strongest first: an edit that must wait for a boot outweighs one that can be applied live. */
const stronger = (a: LiveApply | undefined, b: LiveApply): LiveApply => (a === 'next-boot' || b === 'next-boot' ? 'next-boot' : 'update');

export class VmEditor {
  /** The persistent definition (secure XML) the draft started from. */
  base: string | undefined;
  /** The running VM's definition (undefined when shut off). */
  live: DomainXml | undefined;
  draft: DomainXml | undefined;
  loadError: string | undefined;
  /** A newer persistent definition found on the host while the draft had changes: Apply is refused until it is dealt with. */
  incoming: string | undefined;
  /** After a re-apply: what both sides had changed (the edit's version was kept there). */
  conflicts: readonly string[] = [];
  applying = false;
  applyError: ApplyFailure | undefined;
  /** Autostart as the user set it, when it differs from the host's. */
  autostart: boolean | undefined;
  /** Bumped on every change, for subscribers. */
  version = 0;

  private readonly deviceHow = new Map<string, LiveApply>();
  private readonly invalid = new Map<string, string>();
  private readonly xmlEdits = new Map<ItemKey, XmlEdit>();
  private readonly listeners = new Set<() => void>();
  /** `base`, parsed when first needed (read-only: a copy is parsed where one is changed). */
  private baseParsed: { readonly xml: string; readonly dom: DomainXml } | undefined;
  private get baseDom(): DomainXml | undefined {
    if (this.base === undefined) return undefined;
    if (this.baseParsed?.xml !== this.base) this.baseParsed = { xml: this.base, dom: parseDomain(this.base) };
    return this.baseParsed.dom;
  }
  private loadSeq = 0;
  /** The draft was just defined: the next definition read is its successor, not someone else's change. */
  private adoptNext = false;
  private draftText: { version: number; xml: string } | undefined;
  private runId = -1;

  constructor(private readonly api: ApiPort, readonly connection: string, readonly uuid: string) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(): void {
    this.version++;
    for (const l of [...this.listeners]) l();
  }

  /** The draft as XML (kept per version: the frame asks often). */
  get draftXml(): string | undefined {
    if (this.draft === undefined) return undefined;
    if (this.draftText?.version !== this.version) this.draftText = { version: this.version, xml: this.draft.toXml() };
    return this.draftText.xml;
  }

  get dirty(): boolean {
    return this.draft !== undefined && (this.draftXml !== this.base || this.autostart !== undefined || this.xmlEdits.size > 0);
  }

  /** Field errors (drivers/xml field → message) and malformed XML tabs: any blocks Apply. */
  get errors(): readonly string[] {
    return [...this.invalid.values(), ...[...this.xmlEdits.values()].flatMap((x) => (x.error ? [x.error.message] : []))];
  }

  /** The draft gives the VM another name (Apply renames it, which libvirt allows only while it is shut off). */
  get renamed(): boolean {
    return this.draft !== undefined && this.baseDom !== undefined && this.draft.name !== this.baseDom.name;
  }

  /** The items whose edits wait for the VM to shut down. */
  get pending(): ReadonlySet<ItemKey> {
    return pendingOf(this.connection, this.uuid, this.runId);
  }

  /** Items the draft changes (for marking them in the hardware list). */
  changedItems(): ReadonlySet<ItemKey> {
    if (this.draft === undefined || this.base === undefined || !this.dirty) return new Set();
    const { sections, devices } = changesBetween((this.baseDom ?? parseDomain(this.base)).element, this.draft.element);
    const out = new Set<ItemKey>([...sections, ...[...devices].map(deviceItem)]);
    if (this.autostart !== undefined) out.add('boot');
    for (const item of this.xmlEdits.keys()) out.add(item);
    return out;
  }

  /**
   * Reads the definitions from the host: first, and again whenever the VM's summary changes. A newer persistent
   * definition replaces the draft when it has no changes; with changes, it becomes `incoming`.
   */
  async load(domain: DomainSummary, options: { adopt?: boolean } = {}): Promise<void> {
    const seq = ++this.loadSeq;
    const running = isRunning(domain);
    this.runId = domain.id;
    try {
      const [inactive, live] = await Promise.all([
        this.api.call('domains.xml', { connection: this.connection, key: this.uuid, inactive: true, secure: true }),
        running ? this.api.call('domains.xml', { connection: this.connection, key: this.uuid }) : Promise.resolve(undefined),
      ]);
      if (seq !== this.loadSeq) return;
      this.live = live === undefined ? undefined : parseDomain(live.xml);
      if (this.base === undefined || options.adopt === true || this.adoptNext || (!this.dirty && inactive.xml !== this.base)) {
        this.adopt(inactive.xml);
      } else {
        // The host's definition is the draft's base again (or still): nothing came in meanwhile.
        this.incoming = inactive.xml === this.base ? undefined : inactive.xml;
      }
      this.loadError = undefined;
    } catch (e) {
      if (seq !== this.loadSeq) return;
      this.loadError = e instanceof XmlError ? `${e.field}: ${e.message}` : errorOf(e).message;
    }
    this.emit();
  }

  private adopt(xml: string): void {
    this.adoptNext = false;
    this.base = xml;
    this.draft = parseDomain(xml);
    this.incoming = undefined;
    this.conflicts = [];
    this.autostart = undefined;
    this.applyError = undefined;
    this.deviceHow.clear();
    this.invalid.clear();
    this.xmlEdits.clear();
  }

  /**
   * A page edited the draft in place. `device` names the device it edited and `how` how that edit reaches the running
   * VM (device pages); section pages leave it to Apply to tell from what changed.
   */
  edited(device?: XmlElement, how?: LiveApply): void {
    if (this.draft !== undefined && device !== undefined && how !== undefined) {
      const key = keyOfDevice(this.draft.element, device);
      if (key !== undefined) this.deviceHow.set(key, stronger(this.deviceHow.get(key), how));
    }
    // The forms now say what the draft is: the XML tabs show it again.
    this.xmlEdits.clear();
    this.applyError = undefined;
    this.emit();
  }

  setInvalid(field: string, message: string | undefined): void {
    if (message === undefined ? !this.invalid.delete(field) : this.invalid.get(field) === message) return;
    if (message !== undefined) this.invalid.set(field, message);
    this.emit();
  }

  setAutostart(autostart: boolean, now: boolean): void {
    this.autostart = autostart === now ? undefined : autostart;
    this.emit();
  }

  /** An XML tab's text: itself while typed, else the draft's. */
  xmlEdit(item: ItemKey): XmlEdit | undefined {
    return this.xmlEdits.get(item);
  }

  /**
   * Text typed on an XML tab: when it is well-formed it becomes the draft's at once (the other pages show it);
   * otherwise it is kept, with the parser's error at its line, and Apply waits. Returns the device's new key, for
   * a device whose identity the edit changed.
   */
  editXml(item: ItemKey, text: string): ItemKey {
    const draft = this.draft;
    if (draft === undefined) return item;
    let next = item;
    try {
      if (item === 'overview') {
        this.draft = parseDomain(text);
      } else if (isDeviceItem(item)) {
        const el = devicesByKey(draft.element).get(deviceKeyOf(item));
        if (el === undefined) throw new Error('the device is no longer in the definition');
        const replaced = replaceDeviceXml(draft, el, text);
        const key = keyOfDevice(draft.element, replaced);
        if (key !== undefined) {
          next = deviceItem(key);
          this.deviceHow.set(key, 'next-boot');
        }
      } else {
        replaceSectionXml(draft, item as Section, text);
      }
      this.xmlEdits.set(next, { text });
      if (next !== item) this.xmlEdits.delete(item);
    } catch (e) {
      const line = e instanceof XmlError ? e.line : undefined;
      const message = e instanceof XmlError ? e.message : e instanceof SectionXmlError || e instanceof Error ? e.message : String(e);
      this.xmlEdits.set(item, { text, error: { message, ...(line === undefined ? {} : { line }) } });
    }
    this.applyError = undefined;
    this.emit();
    return next;
  }

  revert(): void {
    if (this.base === undefined) return;
    const incoming = this.incoming;
    this.adopt(incoming ?? this.base);
    this.emit();
  }

  /** Carries the draft's changes over onto the newer definition (three-way, see merge.ts); Apply is possible again. */
  reapply(): void {
    const { base, incoming } = this;
    const mine = this.draftXml;
    if (base === undefined || incoming === undefined || mine === undefined) return;
    const merged = mergeDefinitions(base, mine, incoming);
    const how = new Map(this.deviceHow);
    const autostart = this.autostart;
    this.adopt(incoming);
    this.draft = parseDomain(merged.xml);
    this.conflicts = merged.conflicts;
    for (const [k, v] of how) this.deviceHow.set(k, v);
    this.autostart = autostart;
    this.emit();
  }

  /** A device element's key in the draft now (it follows the device's identity: a new MAC, a new target). */
  keyOf(device: XmlElement): string | undefined {
    return this.draft === undefined ? undefined : keyOfDevice(this.draft.element, device);
  }

  /** The device element of the draft (or live definition) with this key. */
  device(item: `dev:${string}`, from: 'draft' | 'live' = 'draft'): XmlElement | undefined {
    const dom = from === 'draft' ? this.draft : this.live;
    return dom === undefined ? undefined : devicesByKey(dom.element).get(deviceKeyOf(item));
  }

  /**
   * Defines the draft (only if the host's definition is still the one it started from), renames and sets autostart
   * if asked, then changes the running VM where it can: device updates the device pages asked for, the vCPU count,
   * the balloon, title and description. What it cannot is marked pending until the VM shuts down. Resolves with
   * 'conflict' when the host's definition had changed (see `incoming`), 'failed' when libvirt refused (applyError).
   */
  async apply(domain: DomainSummary): Promise<'applied' | 'conflict' | 'failed' | 'nothing'> {
    const { base, draft } = this;
    const draftXml = this.draftXml;
    if (base === undefined || draft === undefined || draftXml === undefined || !this.dirty) return 'nothing';
    if (this.incoming !== undefined) return 'conflict';
    if (this.errors.length > 0) return 'failed';
    const before = this.baseDom ?? parseDomain(base);
    // A new name is a rename (libvirt keeps the UUID, NVRAM and snapshots), not part of the define.
    const renameTo = draft.name !== before.name ? draft.name : undefined;
    let toDefine = draftXml;
    if (renameTo !== undefined) {
      const copy = parseDomain(draftXml);
      copy.name = before.name;
      toDefine = copy.toXml();
    }
    const ref = { connection: this.connection, key: this.uuid };
    // What the edit said about itself, kept: a read of the new definition may replace the draft's state meanwhile.
    const how = new Map(this.deviceHow);
    const autostart = this.autostart;
    this.applying = true;
    this.applyError = undefined;
    this.emit();
    if (toDefine !== base) {
      try {
        await this.api.call('domains.define', { connection: this.connection, xml: toDefine, base });
      } catch (e) {
        this.applying = false;
        const err = errorOf(e);
        if (err.field === 'base') {
          // The host's definition is newer than the draft's base: read it, so that it shows as the incoming change.
          await this.load(domain);
          return 'conflict';
        }
        // The draft stays as it is, with libvirt's message at the line it is about.
        const line = schemaErrorLine(err.message, draftXml, base);
        this.applyError = { message: err.message, ...(line === undefined ? {} : { line }) };
        this.emit();
        return 'failed';
      }
    }
    // Defined: what follows changes the VM further; a step that fails is said, the others still happen.
    this.adoptNext = true;
    const failures: string[] = [];
    const step = async (what: () => Promise<unknown>, onFail?: () => void): Promise<void> => {
      try {
        await what();
      } catch (e) {
        failures.push(errorOf(e).message);
        onFail?.();
      }
    };
    if (renameTo !== undefined) await step(() => this.api.call('domains.rename', { ...ref, name: renameTo }));
    if (autostart !== undefined) await step(() => this.api.call('domains.setAutostart', { ...ref, autostart }));
    if (isRunning(domain)) await this.applyLive(before, draft, how, pendingOf(this.connection, this.uuid, domain.id), step);
    this.applying = false;
    await this.load(domain, { adopt: true });
    if (failures.length === 0) return 'applied';
    this.applyError = { message: failures.join('\n') };
    this.emit();
    return 'failed';
  }

  /** The running VM's share of an applied edit; what it cannot take joins `pending`. */
  private async applyLive(before: DomainXml, draft: DomainXml, how: ReadonlyMap<string, LiveApply>, pending: Set<ItemKey>, step: (what: () => Promise<unknown>, onFail?: () => void) => Promise<void>): Promise<void> {
    const call = this.api.call.bind(this.api);
    const ref = { connection: this.connection, key: this.uuid };
    const liveOnly = { live: true, config: false };
    const changes = changesBetween(before.element, draft.element);
    const draftDevices = devicesByKey(draft.element);
    const liveDevices = this.live === undefined ? new Map<string, XmlElement>() : devicesByKey(this.live.element);
    for (const key of changes.devices) {
      const item = deviceItem(key);
      const el = draftDevices.get(key);
      if (how.get(key) === 'update' && el !== undefined && liveDevices.has(key)) {
        const xml = elementXml(el) ?? '';
        await step(() => call('domains.updateDevice', { ...ref, xml, affect: liveOnly }), () => pending.add(item));
      } else {
        pending.add(item);
      }
    }
    // What the live calls below cannot change: the rest of the section, compared without what they do change.
    const restChanged = (section: Section, drop: (d: XmlElement) => void): boolean => {
      const strip = (d: DomainXml): XmlElement => {
        const copy = d.element.clone();
        drop(copy);
        return copy;
      };
      const a = strip(before);
      const b = strip(draft);
      return changesBetween(a, b).sections.has(section);
    };
    const removeChildren = (el: XmlElement, names: readonly string[]): void => {
      for (const c of el.elements.filter((x) => names.includes(x.name))) el.removeChild(c);
    };
    if (changes.sections.has('cpus')) {
      const count = draft.currentVcpus ?? draft.vcpus;
      if (count !== undefined && count !== (before.currentVcpus ?? before.vcpus)) {
        await step(() => call('domains.setVcpus', { ...ref, count, affect: liveOnly }), () => pending.add('cpus'));
      }
      if (restChanged('cpus', (d) => d.child('vcpu')?.setAttr('current', undefined))) pending.add('cpus');
    }
    if (changes.sections.has('memory')) {
      const bytes = draft.currentMemory ?? draft.memory;
      if (bytes !== undefined && bytes !== (before.currentMemory ?? before.memory)) {
        await step(() => call('domains.setMemory', { ...ref, kib: bytes / 1024, affect: liveOnly }), () => pending.add('memory'));
      }
      if (restChanged('memory', (d) => removeChildren(d, ['currentMemory']))) pending.add('memory');
    }
    if (changes.sections.has('overview')) {
      for (const type of ['title', 'description'] as const) {
        const text = draft[type] ?? '';
        if (text !== (before[type] ?? '')) await step(() => call('domains.setMetadataText', { ...ref, type, text, affect: liveOnly }), () => pending.add('overview'));
      }
      if (restChanged('overview', (d) => removeChildren(d, ['title', 'description']))) pending.add('overview');
    }
    // The boot order, menu and kernel are read at boot; the OS id is metadata nothing in the guest reads.
    if (changes.sections.has('boot')) pending.add('boot');
  }

  /** Devices of the draft in document order, for the hardware list. */
  devices(): { readonly key: string; readonly element: XmlElement }[] {
    const draft = this.draft;
    if (draft === undefined) return [];
    const map = devicesByKey(draft.element);
    return [...map].map(([key, element]) => ({ key, element }));
  }

  /** How many devices the draft has (without building their keys). */
  get deviceCount(): number {
    return this.draft === undefined ? 0 : deviceElements(this.draft.element).length;
  }
}
