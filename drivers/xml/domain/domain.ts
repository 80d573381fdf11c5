import { XmlDocument } from '../core/document.js';
import { XmlElement } from '../core/nodes.js';
import { readScaled, writeScaled } from '../core/scaled.js';
import { NamedXmlModel } from '../core/named-model.js';
import { XmlError } from '../core/xml-error.js';
import { DomainCpu } from './domain-cpu.js';
import { DomainOs } from './domain-os.js';
import { deviceView } from './devices/device-view.js';
import type { DomainDevice } from './devices/device.js';
import { DiskDevice } from './devices/disk.js';
import { InterfaceDevice } from './devices/interface.js';
import { GraphicsDevice } from './devices/graphics.js';

/** Top-level element order of <domain> as libvirt writes it, for inserting what is missing. */
export const domainOrder = [
  'name', 'uuid', 'genid', 'title', 'description', 'metadata', 'maxMemory', 'memory', 'currentMemory', 'blkiotune', 'memtune',
  'memoryBacking', 'vcpu', 'vcpus', 'iothreads', 'iothreadids', 'defaultiothread', 'cputune', 'numatune', 'resource', 'sysinfo',
  'bootloader', 'bootloader_args', 'os', 'idmap', 'throttlegroups', 'features', 'cpu', 'clock', 'on_poweroff', 'on_reboot',
  'on_crash', 'on_lockfailure', 'pm', 'perf', 'devices', 'seclabel', 'keywrap', 'launchSecurity',
];

/** Device element order inside <devices> (libvirt groups devices by class in this order). */
export const deviceOrder = [
  'emulator', 'disk', 'controller', 'lease', 'filesystem', 'interface', 'smartcard', 'serial', 'parallel', 'console', 'channel',
  'input', 'tpm', 'graphics', 'sound', 'audio', 'video', 'hostdev', 'redirdev', 'redirfilter', 'hub', 'watchdog', 'memballoon',
  'rng', 'panic', 'shmem', 'memory', 'iommu', 'vsock', 'crypto', 'pstore',
];

export const lifecycleActions = ['destroy', 'restart', 'preserve', 'rename-restart', 'coredump-destroy', 'coredump-restart'] as const;
export type LifecycleAction = (typeof lifecycleActions)[number];

/** Typed, lossless model of libvirt domain XML. */
export class DomainXml extends NamedXmlModel {
  protected readonly objectKind = 'domain';
  protected readonly childOrder = domainOrder;

  /** Hypervisor type: kvm, qemu, test, xen, lxc, … */
  get type(): string {
    return this.element.attr('type') ?? '';
  }

  set type(t: string) {
    if (t === '') throw new XmlError('type', 'a domain type is required');
    this.element.setAttr('type', t);
  }

  /** Running domain's ID (-1 / undefined when inactive). */
  get id(): number | undefined {
    return this.intOf(this.element.attr('id'), 'id');
  }

  get title(): string | undefined {
    return this.getText('title');
  }

  set title(title: string | undefined) {
    if (title !== undefined && /[\r\n]/.test(title)) throw new XmlError('title', 'a title must be a single line');
    this.setText('title', title === '' ? undefined : title, domainOrder);
  }

  get description(): string | undefined {
    return this.getText('description');
  }

  set description(text: string | undefined) {
    this.setText('description', text === '' ? undefined : text, domainOrder);
  }

  /** Maximum memory at boot, in bytes (`<memory>`). */
  get memory(): number | undefined {
    return readScaled(this.element.child('memory'), 'memory', 'KiB');
  }

  set memory(bytes: number | undefined) {
    this.setMemoryElement('memory', bytes);
  }

  /** Current (balloon) memory, in bytes; libvirt defaults it to `memory`. */
  get currentMemory(): number | undefined {
    return readScaled(this.element.child('currentMemory'), 'currentMemory', 'KiB');
  }

  set currentMemory(bytes: number | undefined) {
    const max = this.memory;
    if (bytes !== undefined && max !== undefined && bytes > max) {
      throw new XmlError('currentMemory', 'current memory cannot exceed the maximum memory');
    }
    this.setMemoryElement('currentMemory', bytes);
  }

  /** Hotplug ceiling (`<maxMemory slots=…>`), in bytes. */
  get maxMemory(): { readonly bytes: number; readonly slots?: number } | undefined {
    const el = this.element.child('maxMemory');
    const bytes = readScaled(el, 'maxMemory', 'KiB');
    if (el === undefined || bytes === undefined) return undefined;
    const slots = this.intOf(el.attr('slots'), 'maxMemory.slots');
    return { bytes, ...(slots === undefined ? {} : { slots }) };
  }

  set maxMemory(m: { readonly bytes: number; readonly slots?: number } | undefined) {
    this.setMemoryElement('maxMemory', m?.bytes);
    if (m !== undefined) this.element.child('maxMemory')?.setAttr('slots', m.slots);
  }

  /** Sets memory and, when present and larger, clamps currentMemory (what users mean by "memory"). */
  setMemory(bytes: number): void {
    this.memory = bytes;
    const cur = this.currentMemory;
    if (cur === undefined || cur !== bytes) this.setMemoryElement('currentMemory', bytes);
  }

  private setMemoryElement(name: 'memory' | 'currentMemory' | 'maxMemory', bytes: number | undefined): void {
    if (bytes === undefined) {
      this.removePath(name);
      return;
    }
    if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new XmlError(name, `must be a positive number of bytes, got ${bytes}`);
    if (bytes % 1024 !== 0) throw new XmlError(name, 'must be a whole number of KiB');
    const isNew = this.element.child(name) === undefined;
    const el = this.element.ensureChild(name, domainOrder);
    if (isNew) el.setAttr('unit', 'KiB');
    writeScaled(el, bytes, name, 'KiB');
  }

  /** Maximum vCPUs (`<vcpu>N</vcpu>`). */
  get vcpus(): number | undefined {
    return this.intOf(this.getText('vcpu'), 'vcpu');
  }

  set vcpus(n: number | undefined) {
    if (n === undefined) {
      this.removePath('vcpu');
      return;
    }
    this.checkInt(n, 'vcpu', 1, 4096);
    const cur = this.currentVcpus;
    if (cur !== undefined && cur > n) this.element.child('vcpu')?.setAttr('current', undefined);
    this.setText('vcpu', n, domainOrder);
  }

  /** vCPUs online at boot (`current=`), undefined when all are. */
  get currentVcpus(): number | undefined {
    return this.intOf(this.getAttr('vcpu@current'), 'vcpu.current');
  }

  set currentVcpus(n: number | undefined) {
    if (n !== undefined) {
      this.checkInt(n, 'vcpu.current', 1);
      const max = this.vcpus;
      if (max !== undefined && n > max) throw new XmlError('vcpu.current', `cannot exceed the maximum of ${max} vCPUs`);
    }
    this.setAttrAt('vcpu@current', n, domainOrder);
  }

  get vcpuPlacement(): 'static' | 'auto' | undefined {
    return this.getAttr('vcpu@placement') as 'static' | 'auto' | undefined;
  }

  set vcpuPlacement(p: 'static' | 'auto' | undefined) {
    if (p !== undefined) this.checkOneOf(p, ['static', 'auto'], 'vcpu.placement');
    this.setAttrAt('vcpu@placement', p, domainOrder);
  }

  get cpu(): DomainCpu | undefined {
    const el = this.element.child('cpu');
    return el === undefined ? undefined : new DomainCpu(el, 'cpu');
  }

  /** The `<cpu>` element, created when absent. */
  ensureCpu(): DomainCpu {
    return new DomainCpu(this.element.ensureChild('cpu', domainOrder), 'cpu');
  }

  /** `<os>`, when present (reading never adds it). */
  get os(): DomainOs | undefined {
    const el = this.element.child('os');
    return el === undefined ? undefined : new DomainOs(el, 'os');
  }

  /** The `<os>` element, created when absent (for edits). */
  ensureOs(): DomainOs {
    return new DomainOs(this.element.ensureChild('os', domainOrder), 'os');
  }

  /** Names of enabled hypervisor features (`<features><acpi/><apic/>…`). */
  get features(): string[] {
    return (this.element.child('features')?.elements ?? []).map((e) => e.name);
  }

  hasFeature(name: string): boolean {
    return this.element.child('features')?.child(name) !== undefined;
  }

  /** Turns a simple feature on (`<acpi/>`) or off; features with settings keep theirs. */
  setFeature(name: string, on: boolean): void {
    const features = this.element.child('features');
    const existing = features?.child(name);
    if (on && existing === undefined) this.element.ensureChild('features', domainOrder).insertChild(new XmlElement(name));
    if (!on && features !== undefined && existing !== undefined) {
      features.removeChild(existing);
      if (features.elements.length === 0) this.element.removeChild(features);
    }
  }

  get clockOffset(): string | undefined {
    return this.getAttr('clock@offset');
  }

  set clockOffset(offset: string | undefined) {
    if (offset !== undefined) this.checkOneOf(offset, ['utc', 'localtime', 'timezone', 'variable', 'absolute'], 'clock.offset');
    this.setAttrAt('clock@offset', offset, domainOrder);
  }

  get clockTimers(): { readonly name: string; readonly present?: string; readonly tickpolicy?: string }[] {
    return (this.element.child('clock')?.childrenNamed('timer') ?? []).map((t) => {
      const present = t.attr('present');
      const tickpolicy = t.attr('tickpolicy');
      return { name: t.attr('name') ?? '', ...(present === undefined ? {} : { present }), ...(tickpolicy === undefined ? {} : { tickpolicy }) };
    });
  }

  getLifecycle(event: 'poweroff' | 'reboot' | 'crash'): string | undefined {
    return this.getText(`on_${event}`)?.trim();
  }

  setLifecycle(event: 'poweroff' | 'reboot' | 'crash', action: LifecycleAction | undefined): void {
    if (action !== undefined) this.checkOneOf(action, lifecycleActions, `on_${event}`);
    this.setText(`on_${event}`, action, domainOrder);
  }

  /** Emulator binary path. */
  get emulator(): string | undefined {
    return this.getText('devices/emulator')?.trim();
  }

  /** Every device, in document order, with a typed view per class. */
  get devices(): DomainDevice[] {
    const devs = this.element.child('devices');
    if (devs === undefined) return [];
    const counts = new Map<string, number>();
    const out: DomainDevice[] = [];
    for (const el of devs.elements) {
      if (el.name === 'emulator') continue;
      const n = counts.get(el.name) ?? 0;
      counts.set(el.name, n + 1);
      out.push(deviceView(el, `devices.${el.name}[${n}]`));
    }
    return out;
  }

  get disks(): DiskDevice[] {
    return this.devices.filter((d): d is DiskDevice => d instanceof DiskDevice);
  }

  get interfaces(): InterfaceDevice[] {
    return this.devices.filter((d): d is InterfaceDevice => d instanceof InterfaceDevice);
  }

  get graphics(): GraphicsDevice[] {
    return this.devices.filter((d): d is GraphicsDevice => d instanceof GraphicsDevice);
  }

  /**
   * Adds a device (an element, a device view, or XML text), after the last device of its class, as
   * libvirt would place it. Returns its typed view.
   */
  addDevice(device: XmlElement | DomainDevice | string): DomainDevice {
    const el = typeof device === 'string' ? XmlDocument.parse(device).root : device instanceof XmlElement ? device : device.element;
    const devs = this.element.ensureChild('devices', domainOrder);
    const sameKind = devs.childrenNamed(el.name);
    const lastSame = sameKind[sameKind.length - 1];
    if (lastSame !== undefined) {
      const next = devs.elements[devs.elements.indexOf(lastSame) + 1];
      devs.insertBefore(el, next);
    } else {
      devs.insertChild(el, deviceOrder);
    }
    return deviceView(el, `devices.${el.name}[${sameKind.length}]`);
  }

  /** Removes a device (by view or element); false when it is not in this domain. */
  removeDevice(device: DomainDevice | XmlElement): boolean {
    const el = device instanceof XmlElement ? device : device.element;
    return this.element.child('devices')?.removeChild(el) ?? false;
  }

  /**
   * The `<metadata>` child in a namespace (how apps store their own data, e.g.
   * libosinfo's `<libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">`).
   */
  metadata(namespaceUri: string): XmlElement | undefined {
    return this.element.child('metadata')?.elements.find((e) => e.attributes.some((a) => a.name.startsWith('xmlns') && e.attr(a.name) === namespaceUri));
  }

  /** Adds or replaces the metadata element of the fragment's namespace. */
  setMetadata(fragment: string | XmlElement): void {
    const el = typeof fragment === 'string' ? XmlDocument.parse(fragment).root : fragment;
    const ns = el.attributes.find((a) => a.name.startsWith('xmlns'));
    if (ns === undefined) throw new XmlError('metadata', 'a metadata element needs its own XML namespace (xmlns)');
    const existing = this.metadata(el.attr(ns.name) ?? '');
    const md = this.element.ensureChild('metadata', domainOrder);
    if (existing !== undefined) {
      const next = md.elements[md.elements.indexOf(existing) + 1];
      md.removeChild(existing);
      md.insertBefore(el, next);
    } else {
      md.insertChild(el);
    }
  }
}

/** Parses domain XML (`<domain>`), throwing XmlError on malformed input or another root. */
export function parseDomain(xml: string): DomainXml {
  const model = new DomainXml(XmlDocument.parse(xml, 'domain'));
  // Touch what every consumer relies on, so impossible values surface here, named, not later.
  void model.name;
  void model.memory;
  void model.currentMemory;
  void model.vcpus;
  return model;
}
