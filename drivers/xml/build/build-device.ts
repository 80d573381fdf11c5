import { XmlElement } from '../core/nodes.js';
import { XmlError } from '../core/xml-error.js';
import { DiskDevice, type DiskCacheMode, type DiskDeviceKind, type DiskSource } from '../domain/devices/disk.js';
import { InterfaceDevice, type InterfaceSource } from '../domain/devices/interface.js';

export interface DiskSpec {
  readonly device?: DiskDeviceKind;
  /** Undefined for an empty CD-ROM drive. */
  readonly source?: DiskSource;
  readonly targetDev: string;
  readonly bus?: string;
  readonly format?: string;
  readonly cache?: DiskCacheMode;
  readonly readonly?: boolean;
  readonly bootOrder?: number;
  readonly serial?: string;
}

/** A new `<disk>` element (for buildDomain or DomainXml.addDevice). */
export function buildDisk(spec: DiskSpec, field = 'disk'): XmlElement {
  if (!/^[a-z]+[a-z0-9]*$/.test(spec.targetDev)) throw new XmlError(`${field}.target.dev`, `'${spec.targetDev}' is not a device name like vda or sdb`);
  const device = spec.device ?? 'disk';
  const el = XmlElement.create('disk', { type: spec.source?.type ?? 'file', device });
  const view = new DiskDevice(el, field);
  view.device = device;
  el.insertChild(XmlElement.create('driver', { name: 'qemu', type: spec.format ?? (device === 'cdrom' || device === 'floppy' ? 'raw' : 'qcow2'), cache: spec.cache }));
  if (spec.source !== undefined) view.source = spec.source;
  el.insertChild(XmlElement.create('target', { dev: spec.targetDev, bus: spec.bus ?? defaultBus(device) }));
  if (spec.bootOrder !== undefined) view.bootOrder = spec.bootOrder;
  if (spec.readonly === true || device === 'cdrom') view.readonly = true;
  if (spec.serial !== undefined) view.serial = spec.serial;
  return el;
}

function defaultBus(device: DiskDeviceKind): string {
  return device === 'cdrom' ? 'sata' : device === 'floppy' ? 'fdc' : device === 'lun' ? 'scsi' : 'virtio';
}

export interface InterfaceSpec {
  readonly source: InterfaceSource;
  readonly mac?: string;
  readonly model?: string;
  readonly linkState?: 'up' | 'down';
  readonly bootOrder?: number;
}

/** A new `<interface>` element. */
export function buildInterface(spec: InterfaceSpec, field = 'interface'): XmlElement {
  const el = XmlElement.create('interface', { type: spec.source.type });
  const view = new InterfaceDevice(el, field);
  if (spec.mac !== undefined) view.mac = spec.mac;
  view.source = spec.source;
  view.model = spec.model ?? 'virtio';
  if (spec.linkState === 'down') view.linkState = 'down';
  if (spec.bootOrder !== undefined) view.bootOrder = spec.bootOrder;
  return el;
}
