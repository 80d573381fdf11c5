// A storage pool handle of the Demo host (testStoragePool*): build, start, stop, delete, refresh and volume
// creation with the test driver's capacity accounting.
import * as api from '../api/index.js';
import type { DemoContext } from './demo-context.js';
import { parseVolumeDefinition } from './definitions.js';
import { checkFlags, testError } from './errors.js';
import { normalizeVolume } from './node-file.js';
import { VolumeObject, type PoolObject } from './pool-object.js';
import { formatXml } from '../xml/index.js';
import { element, textElement } from './xml-access.js';

export class DemoPool implements api.StoragePool {
  constructor(
    private readonly ctx: DemoContext,
    readonly name: string,
    readonly uuid: string,
  ) {}

  private obj(fn: string): PoolObject {
    this.ctx.check(fn);
    const p = this.ctx.host.pools.get(this.uuid);
    if (!p) throw testError(api.VIR_ERR_NO_STORAGE_POOL, `no storage pool with matching uuid '${this.uuid}'`);
    return p;
  }
  private active(fn: string): PoolObject {
    const p = this.obj(fn);
    if (!p.active) throw testError(api.VIR_ERR_OPERATION_INVALID, `storage pool '${p.name}' is not active`);
    return p;
  }
  private inactive(fn: string): PoolObject {
    const p = this.obj(fn);
    if (p.active) throw testError(api.VIR_ERR_OPERATION_INVALID, `storage pool '${p.name}' is active`);
    return p;
  }
  private get host() {
    return this.ctx.host;
  }

  async getInfo(): Promise<api.StoragePoolInfo> {
    const p = this.obj('virStoragePoolGetInfo');
    return {
      state: p.active ? api.VIR_STORAGE_POOL_RUNNING : api.VIR_STORAGE_POOL_INACTIVE,
      capacity: p.capacity,
      allocation: p.allocation,
      available: Number(p.availableUnsigned),
    };
  }
  async getXMLDesc(flags = 0): Promise<string> {
    const p = this.obj('virStoragePoolGetXMLDesc');
    checkFlags(flags, api.VIR_STORAGE_XML_INACTIVE, 'testStoragePoolGetXMLDesc');
    const def = p.def.clone();
    // libvirt reports the sizes right after the UUID.
    def.children = def.children.filter((c) => !(c.kind === 'element' && ['capacity', 'allocation', 'available'].includes(c.name)));
    const at = def.children.findIndex((c) => c.kind === 'element' && c.name === 'uuid') + 1;
    const sizes = [
      textElement('capacity', String(p.capacity), { unit: 'bytes' }),
      textElement('allocation', String(p.allocation), { unit: 'bytes' }),
      textElement('available', p.availableUnsigned.toString(), { unit: 'bytes' }),
    ];
    def.children.splice(at, 0, ...sizes);
    // libvirt always writes a <source>, empty for a directory pool.
    if (!def.children.some((c) => c.kind === 'element' && c.name === 'source')) def.children.splice(at + sizes.length, 0, element('source'));
    for (const source of def.childrenNamed('source')) source.expandEmpty = true;
    return `${formatXml(def)}\n`;
  }
  async isActive(): Promise<boolean> {
    return this.obj('virStoragePoolIsActive').active;
  }
  async isPersistent(): Promise<boolean> {
    return this.obj('virStoragePoolIsPersistent').persistent;
  }
  async getAutostart(): Promise<boolean> {
    const p = this.obj('virStoragePoolGetAutostart');
    return p.persistent && p.autostart;
  }
  async setAutostart(autostart: boolean): Promise<void> {
    const p = this.obj('virStoragePoolSetAutostart');
    if (!p.persistent) throw testError(api.VIR_ERR_INVALID_ARG, 'pool has no config file');
    p.autostart = autostart;
    this.host.changed();
  }
  async build(flags = 0): Promise<void> {
    checkFlags(flags, 0xf, 'testStoragePoolBuild');
    const p = this.inactive('virStoragePoolBuild');
    this.host.emitPool(p, api.VIR_STORAGE_POOL_EVENT_CREATED);
  }
  async create(flags = 0): Promise<void> {
    checkFlags(flags, 0x7, 'testStoragePoolCreate');
    const p = this.inactive('virStoragePoolCreate');
    if (flags & 0x7) this.host.emitPool(p, api.VIR_STORAGE_POOL_EVENT_CREATED);
    p.active = true;
    this.host.emitPool(p, api.VIR_STORAGE_POOL_EVENT_STARTED);
    this.host.changed();
  }
  async destroy(): Promise<void> {
    const p = this.active('virStoragePoolDestroy');
    p.active = false;
    this.host.emitPool(p, api.VIR_STORAGE_POOL_EVENT_STOPPED);
    if (!p.persistent) this.host.pools.delete(p.uuid);
    this.host.changed();
  }
  async delete(flags = 0): Promise<void> {
    checkFlags(flags, api.VIR_STORAGE_POOL_DELETE_ZEROED, 'testStoragePoolDelete');
    const p = this.inactive('virStoragePoolDelete');
    this.host.emitPool(p, api.VIR_STORAGE_POOL_EVENT_DELETED);
  }
  async refresh(flags = 0): Promise<void> {
    checkFlags(flags, 0, 'testStoragePoolRefresh');
    const p = this.active('virStoragePoolRefresh');
    this.host.emitPool(p, 'refresh');
  }
  async undefine(): Promise<void> {
    const p = this.inactive('virStoragePoolUndefine');
    this.host.emitPool(p, api.VIR_STORAGE_POOL_EVENT_UNDEFINED);
    this.host.pools.delete(p.uuid);
    this.host.changed();
  }
  async listAllVolumes(flags = 0): Promise<api.StorageVolume[]> {
    checkFlags(flags, 0, 'testStoragePoolListAllVolumes');
    const p = this.obj('virStoragePoolListAllVolumes');
    if (!p.active) throw testError(api.VIR_ERR_OPERATION_INVALID, 'storage pool is not active');
    return [...p.volumes.values()].map((v) => this.ctx.volume(p, v));
  }
  async storageVolLookupByName(name: string): Promise<api.StorageVolume> {
    const p = this.active('virStorageVolLookupByName');
    const v = p.volumes.get(name);
    if (!v) throw testError(api.VIR_ERR_NO_STORAGE_VOL, `no storage vol with matching name '${name}'`);
    return this.ctx.volume(p, v);
  }
  async storageVolCreateXML(xml: string, flags = 0): Promise<api.StorageVolume> {
    checkFlags(flags, api.VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA | api.VIR_STORAGE_VOL_CREATE_VALIDATE, 'testStorageVolCreateXML');
    const p = this.active('virStorageVolCreateXML');
    const vol = this.prepareVolume(p, xml);
    this.commitVolume(p, vol);
    return this.ctx.volume(p, vol);
  }
  async storageVolCreateXMLFrom(xml: string, source: api.StorageVolume, flags = 0): Promise<api.StorageVolume> {
    checkFlags(flags, api.VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA | api.VIR_STORAGE_VOL_CREATE_REFLINK, 'testStorageVolCreateXMLFrom');
    const p = this.active('virStorageVolCreateXMLFrom');
    const vol = this.prepareVolume(p, xml);
    // Like the test driver, the source is looked up by name in this pool.
    const orig = p.volumes.get(source.name);
    if (!orig) throw testError(api.VIR_ERR_NO_STORAGE_VOL, `no storage vol with matching name '${source.name}'`);
    this.commitVolume(p, vol);
    vol.data = orig.data.slice();
    return this.ctx.volume(p, vol);
  }

  private prepareVolume(p: PoolObject, xml: string): VolumeObject {
    const { def, name } = parseVolumeDefinition(xml);
    if (p.volumes.has(name)) throw testError(api.VIR_ERR_OPERATION_FAILED, 'storage vol already exists');
    // The test driver always places volumes in the pool's target, keyed by path.
    def.children = def.children.filter((c) => !(c.kind === 'element' && c.name === 'key'));
    const target = def.children.find((c) => c.kind === 'element' && c.name === 'target');
    if (target && 'children' in target) target.children = target.children.filter((c) => !(c.kind === 'element' && c.name === 'path'));
    normalizeVolume(p, def, name);
    const vol = new VolumeObject(def, p.name);
    if (p.allocation + vol.allocation > p.capacity) {
      throw testError(api.VIR_ERR_INTERNAL_ERROR, `Not enough free space in pool for volume '${name}'`);
    }
    return vol;
  }

  private commitVolume(p: PoolObject, vol: VolumeObject): void {
    p.volumes.set(vol.name, vol);
    this.host.changed();
  }
}
