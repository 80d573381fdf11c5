// storage.*: a host's storage pools and their volumes. A volume is addressed by its pool's UUID and its name.
import { z } from 'zod';
import type { CollectionList, DeltaEvent, HostScope, Keyed, ResetEvent } from './collections.js';
import type { ChannelOpened } from './channels.js';
import { bytes, connectionId, uuid, uuidRef, xmlDocument } from './common.js';

export interface VolumeSummary {
  /** libvirt's volume key (often its path). */
  readonly key: string;
  readonly name: string;
  readonly path: string;
  /** virStorageVolType */
  readonly type: number;
  readonly capacity: number;
  readonly allocation: number;
}

/** `key` is the pool's UUID. */
export interface PoolSummary extends Keyed {
  readonly uuid: string;
  readonly name: string;
  /** virStoragePoolState */
  readonly state: number;
  readonly active: boolean;
  readonly persistent: boolean;
  readonly autostart: boolean;
  readonly capacity: number;
  readonly allocation: number;
  readonly available: number;
  readonly xml: string;
  /** Only for active pools (libvirt lists no volumes of an inactive one). */
  readonly volumes: readonly VolumeSummary[];
}

export const volumeName = z.string().min(1, 'a volume name is required').max(255).regex(/^[^/]+$/, 'a volume name has no "/"');
export const volumeRef = z.object({ connection: connectionId, pool: uuid, volume: volumeName });

export const storageCalls = {
  'storage.list': z.object({ connection: connectionId }),
  'storage.poolXml': uuidRef.extend({ inactive: z.boolean().default(false) }),
  /** Defines a pool; libvirt validates the XML. */
  'storage.definePool': z.object({ connection: connectionId, xml: xmlDocument }),
  'storage.undefinePool': uuidRef,
  'storage.startPool': uuidRef,
  'storage.stopPool': uuidRef,
  'storage.refreshPool': uuidRef,
  /** Builds the pool's target (makes the directory, formats the disk, …). */
  'storage.buildPool': uuidRef.extend({ mode: z.enum(['new', 'overwrite', 'no-overwrite']).default('new') }),
  /** Deletes the pool's underlying storage (not only its definition). */
  'storage.deletePool': uuidRef,
  'storage.setPoolAutostart': uuidRef.extend({ autostart: z.boolean() }),
  /** What pools of a type the host could use (virConnectFindStoragePoolSources), as <sources> XML. */
  'storage.findPoolSources': z.object({
    connection: connectionId,
    type: z.enum(['netfs', 'iscsi', 'logical', 'disk', 'fs', 'gluster', 'scsi', 'rbd', 'zfs', 'iscsi-direct']),
    /** A <source> saying where to look (the host of a netfs or iscsi server). */
    sourceSpec: z.string().min(1).max(100_000).optional(),
  }),
  'storage.volumeXml': volumeRef,
  'storage.deleteVolume': volumeRef,
  'storage.wipeVolume': volumeRef,
  /** New capacity in bytes; growing only, unless `shrink`. */
  'storage.resizeVolume': volumeRef.extend({ capacity: bytes.min(1, 'at least 1 byte'), shrink: z.boolean().default(false), allocate: z.boolean().default(false) }),
  /**
   * Opens a byte channel whose bytes are written into the volume from `offset` (`length` 0: up to its end).
   * The client sends, then ends its side; the channel completes once libvirt has taken everything.
   */
  'storage.uploadVolume': volumeRef.extend({ offset: bytes.default(0), length: bytes.default(0) }),
  /** Opens a byte channel carrying the volume's bytes from `offset` (`length` 0: to its end), then closed. */
  'storage.downloadVolume': volumeRef.extend({ offset: bytes.default(0), length: bytes.default(0) }),
} as const;

export interface StorageResults {
  'storage.list': CollectionList<PoolSummary>;
  'storage.poolXml': { readonly xml: string };
  'storage.definePool': { readonly key: string; readonly name: string };
  'storage.undefinePool': null;
  'storage.startPool': null;
  'storage.stopPool': null;
  'storage.refreshPool': null;
  'storage.buildPool': null;
  'storage.deletePool': null;
  'storage.setPoolAutostart': null;
  'storage.findPoolSources': { readonly xml: string };
  'storage.volumeXml': { readonly xml: string };
  'storage.deleteVolume': null;
  'storage.wipeVolume': null;
  'storage.resizeVolume': null;
  'storage.uploadVolume': ChannelOpened;
  'storage.downloadVolume': ChannelOpened;
}

export type StorageEvent =
  | ResetEvent<'pools.reset', PoolSummary, HostScope>
  | DeltaEvent<'pools.delta', PoolSummary, HostScope>;
