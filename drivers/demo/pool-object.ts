// One storage pool's state in the Demo host, with its volumes and the capacity accounting libvirt's test driver
// does: allocation is the sum of the volumes' allocations, available is capacity minus allocation.
import * as api from '../api/index.js';
import { type XmlElement } from '../xml/index.js';
import { childText, setChildText, sizeIn } from './xml-access.js';

/** libvirt's test driver gives every pool 100 GiB. */
export const DEFAULT_POOL_CAPACITY = 100 * 1024 ** 3;

export class VolumeObject {
  /** Bytes written through upload, from offset 0; the rest of the volume reads as zeros. */
  data: Uint8Array = new Uint8Array(0);
  constructor(
    public def: XmlElement,
    readonly poolName: string,
  ) {}
  get name(): string {
    return childText(this.def, 'name') ?? '';
  }
  get key(): string {
    return childText(this.def, 'key') ?? this.path;
  }
  get path(): string {
    return childText(this.def, 'target', 'path') ?? '';
  }
  get capacity(): number {
    return sizeIn(this.def.child('capacity'), 'bytes', 'bytes') ?? 0;
  }
  set capacity(bytes: number) {
    setChildText(this.def, 'capacity', String(bytes), { unit: 'bytes' });
  }
  get allocation(): number {
    return sizeIn(this.def.child('allocation'), 'bytes', 'bytes') ?? this.capacity;
  }
  set allocation(bytes: number) {
    setChildText(this.def, 'allocation', String(bytes), { unit: 'bytes' });
  }
}

export class PoolObject {
  active = false;
  autostart = false;
  capacity = DEFAULT_POOL_CAPACITY;
  readonly volumes = new Map<string, VolumeObject>();
  constructor(
    public def: XmlElement,
    readonly uuid: string,
    public persistent: boolean,
  ) {}
  get name(): string {
    return childText(this.def, 'name') ?? '';
  }
  get type(): string {
    return this.def.attr('type') ?? 'dir';
  }
  get targetPath(): string {
    return childText(this.def, 'target', 'path') ?? `/${this.name}`;
  }
  get allocation(): number {
    let sum = 0;
    for (const v of this.volumes.values()) sum += v.allocation;
    return sum;
  }
  get available(): number {
    return this.capacity - this.allocation;
  }
  /** available as libvirt reports it: an unsigned 64-bit difference, which wraps when volumes over-allocate. */
  get availableUnsigned(): bigint {
    return BigInt.asUintN(64, BigInt(Math.trunc(this.capacity)) - BigInt(Math.trunc(this.allocation)));
  }
  /** virStorageVolType of this pool's volumes (libvirt's testStorageVolumeTypeForPool). */
  get volumeType(): number {
    switch (this.type) {
      case 'dir':
      case 'fs':
      case 'netfs':
      case 'vstorage':
        return api.VIR_STORAGE_VOL_FILE;
      case 'sheepdog':
      case 'iscsi-direct':
      case 'gluster':
      case 'rbd':
        return api.VIR_STORAGE_VOL_NETWORK;
      default:
        return api.VIR_STORAGE_VOL_BLOCK;
    }
  }
}
