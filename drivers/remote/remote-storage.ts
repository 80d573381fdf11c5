// drivers/api StoragePool and StorageVolume over the REMOTE program.
import type { StoragePool, StoragePoolInfo, StorageVolume, StorageVolumeInfo, Stream } from '../api/index.js';
import type { PoolRef, VolumeRef } from './remote-types.js';
import type { RpcClient } from './rpc-client.js';

export class RemoteStoragePool implements StoragePool {
  readonly name: string;
  readonly uuid: string;

  constructor(private readonly rpc: RpcClient, readonly ref: PoolRef) {
    this.name = ref.name;
    this.uuid = ref.uuid;
  }

  async getInfo(): Promise<StoragePoolInfo> {
    return this.rpc.call('STORAGE_POOL_GET_INFO', { pool: this.ref });
  }
  async getXMLDesc(flags = 0): Promise<string> {
    return (await this.rpc.call('STORAGE_POOL_GET_XML_DESC', { pool: this.ref, flags })).xml;
  }
  async isActive(): Promise<boolean> {
    return (await this.rpc.call('STORAGE_POOL_IS_ACTIVE', { pool: this.ref })).active !== 0;
  }
  async isPersistent(): Promise<boolean> {
    return (await this.rpc.call('STORAGE_POOL_IS_PERSISTENT', { pool: this.ref })).persistent !== 0;
  }
  async getAutostart(): Promise<boolean> {
    return (await this.rpc.call('STORAGE_POOL_GET_AUTOSTART', { pool: this.ref })).autostart !== 0;
  }
  async setAutostart(autostart: boolean): Promise<void> {
    await this.rpc.call('STORAGE_POOL_SET_AUTOSTART', { pool: this.ref, autostart: autostart ? 1 : 0 });
  }
  async build(flags = 0): Promise<void> {
    await this.rpc.call('STORAGE_POOL_BUILD', { pool: this.ref, flags });
  }
  async create(flags = 0): Promise<void> {
    await this.rpc.call('STORAGE_POOL_CREATE', { pool: this.ref, flags });
  }
  async destroy(): Promise<void> {
    await this.rpc.call('STORAGE_POOL_DESTROY', { pool: this.ref });
  }
  async delete(flags = 0): Promise<void> {
    await this.rpc.call('STORAGE_POOL_DELETE', { pool: this.ref, flags });
  }
  async refresh(flags = 0): Promise<void> {
    await this.rpc.call('STORAGE_POOL_REFRESH', { pool: this.ref, flags });
  }
  async undefine(): Promise<void> {
    await this.rpc.call('STORAGE_POOL_UNDEFINE', { pool: this.ref });
  }
  async listAllVolumes(flags = 0): Promise<StorageVolume[]> {
    const r = await this.rpc.call('STORAGE_POOL_LIST_ALL_VOLUMES', { pool: this.ref, need_results: 1, flags });
    return r.vols.map((v) => new RemoteStorageVolume(this.rpc, v));
  }
  async storageVolLookupByName(name: string): Promise<StorageVolume> {
    return new RemoteStorageVolume(this.rpc, (await this.rpc.call('STORAGE_VOL_LOOKUP_BY_NAME', { pool: this.ref, name })).vol);
  }
  async storageVolCreateXML(xml: string, flags = 0): Promise<StorageVolume> {
    return new RemoteStorageVolume(this.rpc, (await this.rpc.call('STORAGE_VOL_CREATE_XML', { pool: this.ref, xml, flags })).vol);
  }
  async storageVolCreateXMLFrom(xml: string, source: StorageVolume, flags = 0): Promise<StorageVolume> {
    const clonevol = { pool: source.pool, name: source.name, key: source.key };
    return new RemoteStorageVolume(
      this.rpc,
      (await this.rpc.call('STORAGE_VOL_CREATE_XML_FROM', { pool: this.ref, xml, clonevol, flags })).vol,
    );
  }
}

export class RemoteStorageVolume implements StorageVolume {
  readonly name: string;
  readonly key: string;
  readonly pool: string;

  constructor(private readonly rpc: RpcClient, readonly ref: VolumeRef) {
    this.name = ref.name;
    this.key = ref.key;
    this.pool = ref.pool;
  }

  async getInfo(): Promise<StorageVolumeInfo> {
    return this.rpc.call('STORAGE_VOL_GET_INFO', { vol: this.ref });
  }
  async getXMLDesc(flags = 0): Promise<string> {
    return (await this.rpc.call('STORAGE_VOL_GET_XML_DESC', { vol: this.ref, flags })).xml;
  }
  async getPath(): Promise<string> {
    return (await this.rpc.call('STORAGE_VOL_GET_PATH', { vol: this.ref })).name;
  }
  async delete(flags = 0): Promise<void> {
    await this.rpc.call('STORAGE_VOL_DELETE', { vol: this.ref, flags });
  }
  async wipe(flags = 0): Promise<void> {
    await this.rpc.call('STORAGE_VOL_WIPE', { vol: this.ref, flags });
  }
  async resize(capacity: number, flags = 0): Promise<void> {
    await this.rpc.call('STORAGE_VOL_RESIZE', { vol: this.ref, capacity, flags });
  }
  async upload(offset: number, length: number, flags = 0): Promise<Stream> {
    return (await this.rpc.callWithStream('STORAGE_VOL_UPLOAD', { vol: this.ref, offset, length, flags })).stream;
  }
  async download(offset: number, length: number, flags = 0): Promise<Stream> {
    return (await this.rpc.callWithStream('STORAGE_VOL_DOWNLOAD', { vol: this.ref, offset, length, flags })).stream;
  }
}
