import { XmlDocument } from '../core/document.js';
import { readScaled, writeScaled } from '../core/scaled.js';
import { XmlModel } from '../core/xml-model.js';
import { XmlError } from '../core/xml-error.js';
import { validateName } from '../validate/name.js';
import { readPermissions, writePermissions, type Permissions } from './permissions.js';

const volumeOrder = ['name', 'key', 'source', 'capacity', 'allocation', 'physical', 'target', 'backingStore'];
const targetOrder = ['path', 'format', 'permissions', 'timestamps', 'compat', 'clusterSize', 'nocow', 'features'];

/** Typed, lossless model of libvirt storage volume XML. */
export class StorageVolumeXml extends XmlModel {
  /** file, block, dir, network, netdir, ploop. */
  get type(): string | undefined {
    return this.element.attr('type');
  }

  get name(): string {
    return this.requiredText('name');
  }

  set name(name: string) {
    const err = validateName(name, 'volume');
    if (err !== undefined) throw err;
    this.setText('name', name, volumeOrder);
  }

  get key(): string | undefined {
    return this.getText('key')?.trim();
  }

  /** Capacity in bytes. */
  get capacity(): number | undefined {
    return readScaled(this.element.child('capacity'), 'capacity', 'bytes');
  }

  set capacity(bytes: number | undefined) {
    this.setSize('capacity', bytes);
  }

  /** Allocation in bytes (0 for a sparse file). */
  get allocation(): number | undefined {
    return readScaled(this.element.child('allocation'), 'allocation', 'bytes');
  }

  set allocation(bytes: number | undefined) {
    const cap = this.capacity;
    if (bytes !== undefined && cap !== undefined && bytes > cap) throw new XmlError('allocation', 'allocation cannot exceed capacity');
    this.setSize('allocation', bytes);
  }

  private setSize(name: 'capacity' | 'allocation', bytes: number | undefined): void {
    if (bytes === undefined) {
      this.removePath(name);
      return;
    }
    if (!Number.isSafeInteger(bytes) || bytes < 0 || (name === 'capacity' && bytes === 0)) {
      throw new XmlError(name, `must be a ${name === 'capacity' ? 'positive' : 'non-negative'} whole number of bytes, got ${bytes}`);
    }
    const isNew = this.element.child(name) === undefined;
    const el = this.element.ensureChild(name, volumeOrder);
    if (isNew) el.setAttr('unit', 'bytes');
    writeScaled(el, bytes, name, 'bytes');
  }

  get format(): string | undefined {
    return this.getAttr('target/format@type');
  }

  set format(format: string | undefined) {
    if (format === undefined) this.removePath('target/format');
    else this.ensurePath('target', volumeOrder).ensureChild('format', targetOrder).setAttr('type', format);
  }

  get path(): string | undefined {
    return this.getText('target/path')?.trim();
  }

  get permissions(): Permissions | undefined {
    return readPermissions(this.element.path('target/permissions'));
  }

  set permissions(perms: Permissions) {
    writePermissions(this.ensurePath('target', volumeOrder).ensureChild('permissions', targetOrder), perms);
  }

  /** `<backingStore><path>…</path><format type=…/></backingStore>` (a qcow2 overlay's base). */
  get backingStore(): { readonly path: string; readonly format?: string } | undefined {
    const b = this.element.child('backingStore');
    const path = b?.child('path')?.text.trim();
    if (b === undefined || path === undefined || path === '') return undefined;
    const format = b.child('format')?.attr('type');
    return { path, ...(format === undefined ? {} : { format }) };
  }

  set backingStore(b: { readonly path: string; readonly format?: string } | undefined) {
    if (b === undefined) {
      this.removePath('backingStore');
      return;
    }
    const el = this.element.ensureChild('backingStore', volumeOrder);
    el.ensureChild('path', ['path', 'format']).text = b.path;
    if (b.format !== undefined) el.ensureChild('format', ['path', 'format']).setAttr('type', b.format);
  }
}

export function parseStorageVolume(xml: string): StorageVolumeXml {
  const model = new StorageVolumeXml(XmlDocument.parse(xml, 'volume'));
  void model.name;
  void model.capacity;
  void model.allocation;
  return model;
}
