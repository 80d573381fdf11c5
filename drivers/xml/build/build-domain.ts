import { XmlElement } from '../core/nodes.js';
import { newDocument } from '../core/new-document.js';
import { XmlError } from '../core/xml-error.js';
import { DomainXml } from '../domain/domain.js';
import type { BootDevice } from '../domain/domain-os.js';
import { buildDisk, buildInterface, type DiskSpec, type InterfaceSpec } from './build-device.js';

/** A short description of a new VM; the wizard applies OS defaults before calling buildDomain. */
export interface DomainSpec {
  readonly name: string;
  /** Hypervisor type (default kvm). */
  readonly type?: string;
  /** Memory in bytes (whole KiB). */
  readonly memory: number;
  readonly vcpus: number;
  readonly uuid?: string;
  readonly title?: string;
  readonly description?: string;
  readonly arch?: string;
  readonly machine?: string;
  readonly osType?: string;
  readonly firmware?: 'bios' | 'efi';
  readonly bootOrder?: readonly BootDevice[];
  readonly kernel?: { readonly path: string; readonly initrd?: string; readonly cmdline?: string };
  readonly cpuMode?: 'host-passthrough' | 'host-model' | 'maximum';
  readonly features?: readonly string[];
  readonly clockOffset?: 'utc' | 'localtime';
  readonly emulator?: string;
  readonly disks?: readonly DiskSpec[];
  readonly interfaces?: readonly InterfaceSpec[];
  /** Graphics console (default none). */
  readonly graphics?: 'vnc' | 'spice' | 'none';
  /** A serial port with a pty console (default true). */
  readonly serialConsole?: boolean;
  /** Extra devices as elements or XML text, appended as given. */
  readonly extraDevices?: readonly (XmlElement | string)[];
}

/** Builds a new domain from a spec; every field is validated and errors name the spec field. */
export function buildDomain(spec: DomainSpec): DomainXml {
  const root = XmlElement.create('domain', { type: spec.type ?? 'kvm' });
  const dom = new DomainXml(newDocument(root));
  dom.name = spec.name;
  if (spec.uuid !== undefined) dom.uuid = spec.uuid;
  if (spec.title !== undefined) dom.title = spec.title;
  if (spec.description !== undefined) dom.description = spec.description;
  dom.setMemory(spec.memory);
  dom.vcpus = spec.vcpus;
  const os = dom.ensureOs();
  os.type = spec.osType ?? 'hvm';
  if (spec.arch !== undefined) os.arch = spec.arch;
  if (spec.machine !== undefined) os.machine = spec.machine;
  if (spec.firmware !== undefined) os.firmware = spec.firmware;
  if (spec.kernel !== undefined) {
    os.kernel = spec.kernel.path;
    if (spec.kernel.initrd !== undefined) os.initrd = spec.kernel.initrd;
    if (spec.kernel.cmdline !== undefined) os.cmdline = spec.kernel.cmdline;
  }
  const anyDeviceBoot = (spec.disks ?? []).some((d) => d.bootOrder !== undefined) || (spec.interfaces ?? []).some((n) => n.bootOrder !== undefined);
  // libvirt refuses <os><boot> together with per-device boot order.
  if (!anyDeviceBoot) os.bootOrder = spec.bootOrder ?? ['hd'];
  else if (spec.bootOrder !== undefined) throw new XmlError('bootOrder', 'use either a boot device list or per-device boot order, not both');
  for (const f of spec.features ?? ['acpi', 'apic']) dom.setFeature(f, true);
  if (spec.cpuMode !== undefined) dom.ensureCpu().mode = spec.cpuMode;
  dom.clockOffset = spec.clockOffset ?? 'utc';
  dom.setLifecycle('poweroff', 'destroy');
  dom.setLifecycle('reboot', 'restart');
  dom.setLifecycle('crash', 'destroy');
  const devices = root.ensureChild('devices', ['name', 'uuid', 'title', 'description', 'memory', 'currentMemory', 'vcpu', 'os', 'features', 'cpu', 'clock', 'on_poweroff', 'on_reboot', 'on_crash', 'devices']);
  if (spec.emulator !== undefined) devices.insertChild(XmlElement.create('emulator', {}, spec.emulator));
  for (const [i, d] of (spec.disks ?? []).entries()) dom.addDevice(buildDisk(d, `disks[${i}]`));
  for (const [i, n] of (spec.interfaces ?? []).entries()) dom.addDevice(buildInterface(n, `interfaces[${i}]`));
  if (spec.serialConsole !== false) {
    dom.addDevice(XmlElement.create('serial', { type: 'pty' }));
    const console = dom.addDevice(XmlElement.create('console', { type: 'pty' }));
    console.element.insertChild(XmlElement.create('target', { type: 'serial', port: 0 }));
  }
  const graphics = spec.graphics ?? 'none';
  if (graphics !== 'none') {
    const g = dom.addDevice(XmlElement.create('graphics', { type: graphics, autoport: 'yes' }));
    g.element.insertChild(XmlElement.create('listen', { type: 'address', address: '127.0.0.1' }));
    dom.addDevice(XmlElement.create('video'));
  }
  for (const x of spec.extraDevices ?? []) dom.addDevice(x);
  return dom;
}
