import { XmlElement } from '../core/nodes.js';
import { newDocument } from '../core/new-document.js';
import { XmlError } from '../core/xml-error.js';
import { poolTypes, StoragePoolXml, type PoolSource, type PoolType } from '../storage/storage-pool.js';
import type { Permissions } from '../storage/permissions.js';
import { StorageVolumeXml } from '../storage/storage-volume.js';

export interface StoragePoolSpec {
  readonly type: PoolType;
  readonly name: string;
  readonly uuid?: string;
  readonly source?: PoolSource;
  readonly targetPath?: string;
  readonly permissions?: Permissions;
}

/** What each pool type needs, so the wizard gets a named error instead of libvirt's. */
const required: Partial<Record<PoolType, readonly (keyof PoolSource | 'targetPath')[]>> = {
  dir: ['targetPath'],
  fs: ['devices', 'targetPath'],
  netfs: ['hosts', 'dir', 'targetPath'],
  logical: ['name'],
  disk: ['devices', 'targetPath'],
  iscsi: ['hosts', 'devices', 'targetPath'],
  'iscsi-direct': ['hosts', 'devices', 'initiatorIqn'],
  scsi: ['adapter', 'targetPath'],
  mpath: ['targetPath'],
  rbd: ['hosts', 'name'],
  sheepdog: ['hosts', 'name'],
  gluster: ['hosts', 'name'],
  zfs: ['name'],
  vstorage: ['name', 'targetPath'],
};

/** Builds a pool of any type; checks the fields that type requires. */
export function buildStoragePool(spec: StoragePoolSpec): StoragePoolXml {
  if (!(poolTypes as readonly string[]).includes(spec.type)) throw new XmlError('type', `'${spec.type}' is not a pool type (${poolTypes.join(', ')})`);
  for (const k of required[spec.type] ?? []) {
    const v = k === 'targetPath' ? spec.targetPath : spec.source?.[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0) || v === '') {
      throw new XmlError(k === 'targetPath' ? 'target.path' : `source.${k}`, `required for a ${spec.type} pool`, 'missing');
    }
  }
  const pool = new StoragePoolXml(newDocument(XmlElement.create('pool', { type: spec.type })));
  pool.name = spec.name;
  if (spec.uuid !== undefined) pool.uuid = spec.uuid;
  if (spec.source !== undefined) pool.setSource(spec.source);
  if (spec.targetPath !== undefined) pool.targetPath = spec.targetPath;
  if (spec.permissions !== undefined) pool.targetPermissions = spec.permissions;
  return pool;
}

/** The `<source>` document a find-pool-sources call is given (netfs, iscsi, gluster, rbd: the host to ask). */
export function buildPoolSourceSpec(source: PoolSource): string {
  const pool = new StoragePoolXml(newDocument(XmlElement.create('pool', { type: 'dir' })));
  pool.setSource(source);
  const el = pool.element.child('source');
  if (el === undefined) throw new XmlError('source', 'nothing to ask for', 'missing');
  return newDocument(el.clone()).toXml();
}

export interface StorageVolumeSpec {
  readonly name: string;
  /** Bytes. */
  readonly capacity: number;
  /** Bytes to preallocate (default 0: sparse). */
  readonly allocation?: number;
  readonly format?: string;
  readonly backingStore?: { readonly path: string; readonly format?: string };
  readonly permissions?: Permissions;
}

/** Builds a volume for `virStorageVolCreateXML`. */
export function buildStorageVolume(spec: StorageVolumeSpec): StorageVolumeXml {
  const vol = new StorageVolumeXml(newDocument(new XmlElement('volume')));
  vol.name = spec.name;
  vol.capacity = spec.capacity;
  vol.allocation = spec.allocation ?? 0;
  if (spec.format !== undefined) vol.format = spec.format;
  if (spec.permissions !== undefined) vol.permissions = spec.permissions;
  if (spec.backingStore !== undefined) vol.backingStore = spec.backingStore;
  return vol;
}
