import { XmlElement } from '../../core/nodes.js';
import { XmlError } from '../../core/xml-error.js';
import { DomainDevice } from './device.js';

export const diskDeviceKinds = ['disk', 'cdrom', 'floppy', 'lun'] as const;
export type DiskDeviceKind = (typeof diskDeviceKinds)[number];
export const diskCacheModes = ['default', 'none', 'writethrough', 'writeback', 'directsync', 'unsafe'] as const;
export type DiskCacheMode = (typeof diskCacheModes)[number];

export interface NetworkDiskHost {
  readonly name?: string;
  readonly port?: string;
  readonly transport?: string;
  readonly socket?: string;
}

/** Where a disk's data lives, by the disk's `type`. */
export type DiskSource =
  | { readonly type: 'file'; readonly file: string }
  | { readonly type: 'block'; readonly dev: string }
  | { readonly type: 'dir'; readonly dir: string }
  | { readonly type: 'network'; readonly protocol: string; readonly name?: string; readonly hosts: readonly NetworkDiskHost[] }
  | { readonly type: 'volume'; readonly pool: string; readonly volume: string; readonly mode?: string };

/** Element order inside <disk> as libvirt writes it, for inserting new children. */
const diskOrder = [
  'driver', 'source', 'backingStore', 'backenddomain', 'geometry', 'blockio', 'target', 'iotune', 'throttlefilters', 'readonly',
  'shareable', 'transient', 'serial', 'wwn', 'vendor', 'product', 'encryption', 'boot', 'alias', 'address',
];

/** `<disk>`: a disk, CD-ROM, floppy or LUN, with its source, bus and driver tuning. */
export class DiskDevice extends DomainDevice {
  get device(): DiskDeviceKind {
    return (this.element.attr('device') ?? 'disk') as DiskDeviceKind;
  }

  set device(kind: DiskDeviceKind) {
    this.element.setAttr('device', this.checkOneOf(kind, diskDeviceKinds, 'device'));
  }

  /** Guest device name (`vda`, `sdb`, `hdc`). */
  get targetDev(): string | undefined {
    return this.getAttr('target@dev');
  }

  set targetDev(dev: string | undefined) {
    this.setAttrAt('target@dev', dev, diskOrder);
  }

  get bus(): string | undefined {
    return this.getAttr('target@bus');
  }

  set bus(bus: string | undefined) {
    this.setAttrAt('target@bus', bus, diskOrder);
  }

  /** Image format (`qcow2`, `raw`, …): `<driver type=…>`. */
  get format(): string | undefined {
    return this.getAttr('driver@type');
  }

  set format(format: string | undefined) {
    this.setAttrAt('driver@type', format, diskOrder);
  }

  get driverName(): string | undefined {
    return this.getAttr('driver@name');
  }

  get cache(): DiskCacheMode | undefined {
    return this.getAttr('driver@cache') as DiskCacheMode | undefined;
  }

  set cache(mode: DiskCacheMode | undefined) {
    if (mode !== undefined) this.checkOneOf(mode, diskCacheModes, 'driver.cache');
    this.setAttrAt('driver@cache', mode === 'default' ? undefined : mode, diskOrder);
  }

  get discard(): 'unmap' | 'ignore' | undefined {
    return this.getAttr('driver@discard') as 'unmap' | 'ignore' | undefined;
  }

  set discard(mode: 'unmap' | 'ignore' | undefined) {
    if (mode !== undefined) this.checkOneOf(mode, ['unmap', 'ignore'], 'driver.discard');
    this.setAttrAt('driver@discard', mode, diskOrder);
  }

  get io(): string | undefined {
    return this.getAttr('driver@io');
  }

  set io(mode: string | undefined) {
    if (mode !== undefined) this.checkOneOf(mode, ['native', 'threads', 'io_uring'], 'driver.io');
    this.setAttrAt('driver@io', mode, diskOrder);
  }

  get readonly(): boolean {
    return this.hasChild('readonly');
  }

  set readonly(on: boolean) {
    this.setFlagChild('readonly', on, diskOrder);
  }

  get shareable(): boolean {
    return this.hasChild('shareable');
  }

  set shareable(on: boolean) {
    this.setFlagChild('shareable', on, diskOrder);
  }

  /** USB/SCSI disks: presented as removable media (`<target removable='on'>`). */
  get removable(): boolean {
    return this.getAttr('target@removable') === 'on';
  }

  set removable(on: boolean) {
    this.setAttrAt('target@removable', on ? 'on' : undefined, diskOrder);
  }

  /** CD-ROM/floppy media: what happens when the file is missing at start (`source@startupPolicy`). */
  get startupPolicy(): string | undefined {
    return this.getAttr('source@startupPolicy');
  }

  /** The path (file, block device, directory) or `pool/volume` the disk reads, for showing; undefined when empty. */
  get sourceLabel(): string | undefined {
    const s = this.source;
    if (s === undefined) return undefined;
    switch (s.type) {
      case 'file': return s.file;
      case 'block': return s.dev;
      case 'dir': return s.dir;
      case 'volume': return `${s.pool}/${s.volume}`;
      case 'network': return `${s.protocol}://${s.hosts[0]?.name ?? ''}${s.hosts[0]?.port === undefined ? '' : `:${s.hosts[0].port}`}/${s.name ?? ''}`;
    }
  }

  get serial(): string | undefined {
    return this.getText('serial');
  }

  set serial(serial: string | undefined) {
    // QEMU takes at most 20 characters of a drive serial and none of the characters that would break its command line.
    if (serial !== undefined && !/^[A-Za-z0-9_ .+-]{1,20}$/.test(serial)) {
      throw new XmlError(this.fieldName('serial'), 'a serial has 1–20 letters, digits, spaces and _ . + -');
    }
    this.setText('serial', serial, diskOrder);
  }

  /** The source for the disk's type; undefined for an empty CD-ROM drive. */
  get source(): DiskSource | undefined {
    const src = this.element.child('source');
    if (src === undefined) return undefined;
    switch (this.type ?? 'file') {
      case 'file': {
        const file = src.attr('file');
        return file === undefined ? undefined : { type: 'file', file };
      }
      case 'block': return { type: 'block', dev: src.attr('dev') ?? '' };
      case 'dir': return { type: 'dir', dir: src.attr('dir') ?? '' };
      case 'volume': {
        const mode = src.attr('mode');
        return { type: 'volume', pool: src.attr('pool') ?? '', volume: src.attr('volume') ?? '', ...(mode === undefined ? {} : { mode }) };
      }
      case 'network': {
        const name = src.attr('name');
        const hosts = src.childrenNamed('host').map((h) => {
          const host: { name?: string; port?: string; transport?: string; socket?: string } = {};
          for (const k of ['name', 'port', 'transport', 'socket'] as const) {
            const v = h.attr(k);
            if (v !== undefined) host[k] = v;
          }
          return host;
        });
        return { type: 'network', protocol: src.attr('protocol') ?? '', ...(name === undefined ? {} : { name }), hosts };
      }
      default: return undefined;
    }
  }

  /**
   * Points the disk somewhere else (or ejects media with undefined). Switches the disk's `type`;
   * a source of the same type keeps its other attributes and children (e.g. `<seclabel>`).
   */
  set source(source: DiskSource | undefined) {
    const existing = this.element.child('source');
    if (source === undefined) {
      if (existing !== undefined) this.element.removeChild(existing);
      return;
    }
    const sameType = (this.type ?? 'file') === source.type && existing !== undefined;
    const src = sameType ? existing : new XmlElement('source');
    if (!sameType && existing !== undefined) this.element.removeChild(existing);
    this.element.setAttr('type', source.type);
    switch (source.type) {
      case 'file':
        if (source.file === '') throw new XmlError(this.fieldName('source.file'), 'a file path is required');
        src.setAttr('file', source.file);
        break;
      case 'block': src.setAttr('dev', source.dev); break;
      case 'dir': src.setAttr('dir', source.dir); break;
      case 'volume':
        src.setAttr('pool', source.pool).setAttr('volume', source.volume).setAttr('mode', source.mode);
        break;
      case 'network': {
        src.setAttr('protocol', source.protocol).setAttr('name', source.name);
        for (const h of src.childrenNamed('host')) src.removeChild(h);
        for (const h of source.hosts) src.insertChild(XmlElement.create('host', { ...h }));
        break;
      }
    }
    if (!sameType) this.element.insertChild(src, diskOrder);
  }
}
