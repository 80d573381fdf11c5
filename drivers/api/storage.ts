// The StoragePool and StorageVolume contracts (virStoragePoolPtr, virStorageVolPtr).
import type { Stream } from './stream.js';

/** virStoragePoolInfo; sizes in bytes. */
export interface StoragePoolInfo {
  readonly state: number;
  readonly capacity: number;
  readonly allocation: number;
  readonly available: number;
}

/** virStorageVolInfo; sizes in bytes. */
export interface StorageVolumeInfo {
  readonly type: number;
  readonly capacity: number;
  readonly allocation: number;
}

/** A handle on a storage pool (virStoragePoolPtr). */
export interface StoragePool {
  readonly name: string;
  readonly uuid: string;
  getInfo(): Promise<StoragePoolInfo>;
  /** flags: VIR_STORAGE_XML_INACTIVE */
  getXMLDesc(flags?: number): Promise<string>;
  isActive(): Promise<boolean>;
  isPersistent(): Promise<boolean>;
  getAutostart(): Promise<boolean>;
  setAutostart(autostart: boolean): Promise<void>;
  /** flags: VIR_STORAGE_POOL_BUILD_* */
  build(flags?: number): Promise<void>;
  /** Starts a defined pool; flags: VIR_STORAGE_POOL_CREATE_* */
  create(flags?: number): Promise<void>;
  destroy(): Promise<void>;
  /** Deletes the pool's underlying storage (it must be inactive); flags: VIR_STORAGE_POOL_DELETE_* */
  delete(flags?: number): Promise<void>;
  refresh(flags?: number): Promise<void>;
  undefine(): Promise<void>;
  listAllVolumes(flags?: number): Promise<StorageVolume[]>;
  storageVolLookupByName(name: string): Promise<StorageVolume>;
  /** flags: VIR_STORAGE_VOL_CREATE_* */
  storageVolCreateXML(xml: string, flags?: number): Promise<StorageVolume>;
  /** Creates a volume in this pool as a copy of `source` (virStorageVolCreateXMLFrom). */
  storageVolCreateXMLFrom(xml: string, source: StorageVolume, flags?: number): Promise<StorageVolume>;
}

/** A handle on a storage volume (virStorageVolPtr). */
export interface StorageVolume {
  readonly name: string;
  /** Unique key (often the path). */
  readonly key: string;
  /** The name of the pool that holds it. */
  readonly pool: string;
  getInfo(): Promise<StorageVolumeInfo>;
  getXMLDesc(flags?: number): Promise<string>;
  getPath(): Promise<string>;
  /** flags: VIR_STORAGE_VOL_DELETE_* */
  delete(flags?: number): Promise<void>;
  /** virStorageVolWipe */
  wipe(flags?: number): Promise<void>;
  /** New capacity in bytes; flags: VIR_STORAGE_VOL_RESIZE_* */
  resize(capacity: number, flags?: number): Promise<void>;
  /** A stream the caller sends `length` bytes into, written at `offset` (0 length: to the end). */
  upload(offset: number, length: number, flags?: number): Promise<Stream>;
  /** A stream of the volume's bytes from `offset`, `length` long (0: to the end). */
  download(offset: number, length: number, flags?: number): Promise<Stream>;
}
