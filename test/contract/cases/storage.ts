// Storage pools and volumes: the pool state machine, volume create/clone/delete and the capacity accounting.
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { UUID_RE, collect, expectVirError, names, type EventLog } from '../support.js';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const volXml = (name: string, capGiB: number, allocMiB: number): string =>
  `<volume><name>${name}</name><capacity unit='GiB'>${capGiB}</capacity><allocation unit='MiB'>${allocMiB}</allocation></volume>`;
const poolXml = (name: string, path: string): string => `<pool type='dir'><name>${name}</name><target><path>${path}</path></target></pool>`;

export function storageCases(s: SuiteScope): void {
  const it = s.it;
  const pool = (name: string): Promise<api.StoragePool> => s.conn().storagePoolLookupByName(name);
  const events = (): Promise<EventLog<api.StoragePoolLifecycleEvent>> =>
    collect<api.StoragePoolLifecycleEvent>((l) => s.conn().storagePoolEventRegisterAny(api.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, l));

  it('lists the fixture pools, active and persistent', async () => {
    const c = s.conn();
    expect(names(await c.listAllStoragePools())).toEqual(['pool-a', 'pool-b']);
    expect(names(await c.listAllStoragePools(api.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE | api.VIR_CONNECT_LIST_STORAGE_POOLS_DIR))).toEqual(['pool-a', 'pool-b']);
    const a = await pool('pool-a');
    expect([await a.isActive(), await a.isPersistent()]).toEqual([true, true]);
  });

  it('accounts pool capacity: allocation is the sum of the volumes', async () => {
    const info = await (await pool('pool-a')).getInfo();
    expect(info).toEqual({ state: api.VIR_STORAGE_POOL_RUNNING, capacity: 100 * GiB, allocation: 512 * MiB + GiB, available: 100 * GiB - 512 * MiB - GiB });
  });

  it('looks pools up by name and UUID; unknown ones fail with VIR_ERR_NO_STORAGE_POOL', async () => {
    const c = s.conn();
    expect((await c.storagePoolLookupByUUID('c0000000-0000-4000-8000-000000000002')).name).toBe('pool-b');
    await expectVirError(c.storagePoolLookupByName('nope'), api.VIR_ERR_NO_STORAGE_POOL, /no storage pool with matching name 'nope'/);
  });

  it('describes a pool in XML with its sizes', async () => {
    const xml = await (await pool('pool-a')).getXMLDesc();
    expect(xml).toMatch(/^<pool type='dir'>/);
    expect(xml).toContain('<name>pool-a</name>');
    expect(xml).toContain(`<capacity unit='bytes'>${100 * GiB}</capacity>`);
    expect(xml).toContain('<path>/contract/pool-a</path>');
  });

  it('lists volumes with their sizes, paths and keys', async () => {
    const vols = await (await pool('pool-a')).listAllVolumes();
    expect(names(vols)).toEqual(['disk1.img', 'disk2.qcow2']);
    const v = vols.find((x) => x.name === 'disk1.img') as api.StorageVolume;
    expect(await v.getInfo()).toEqual({ type: api.VIR_STORAGE_VOL_FILE, capacity: GiB, allocation: 512 * MiB });
    expect(await v.getPath()).toBe('/contract/pool-a/disk1.img');
    expect(v.key).toBe('/contract/pool-a/disk1.img');
    expect(v.pool).toBe('pool-a');
  });

  it('looks volumes up by name, path and key', async () => {
    const c = s.conn();
    const v = await (await pool('pool-a')).storageVolLookupByName('disk2.qcow2');
    expect((await c.storageVolLookupByPath('/contract/pool-a/disk2.qcow2')).name).toBe('disk2.qcow2');
    expect((await c.storageVolLookupByKey(v.key)).name).toBe('disk2.qcow2');
    expect((await c.storagePoolLookupByVolume(v)).name).toBe('pool-a');
  });

  it('fails lookups of unknown volumes with VIR_ERR_NO_STORAGE_VOL', async () => {
    const c = s.conn();
    await expectVirError((await pool('pool-a')).storageVolLookupByName('nope'), api.VIR_ERR_NO_STORAGE_VOL, /no storage vol with matching name 'nope'/);
    await expectVirError(c.storageVolLookupByPath('/nope'), api.VIR_ERR_NO_STORAGE_VOL, /matching path '\/nope'/);
    await expectVirError(c.storageVolLookupByKey('/nope'), api.VIR_ERR_NO_STORAGE_VOL, /matching key '\/nope'/);
  });

  it('describes a volume in XML', async () => {
    const xml = await (await (await pool('pool-a')).storageVolLookupByName('disk2.qcow2')).getXMLDesc();
    expect(xml).toMatch(/^<volume type='file'>/);
    expect(xml).toContain('<name>disk2.qcow2</name>');
    expect(xml).toContain(`<capacity unit='bytes'>${4 * GiB}</capacity>`);
    expect(xml).toContain("<format type='qcow2'/>");
  });

  it('creates a volume in the pool target and accounts its allocation', async () => {
    const p = await pool('pool-b');
    const v = await p.storageVolCreateXML(volXml('new.img', 2, 300));
    expect(await v.getPath()).toBe('/contract/pool-b/new.img');
    expect(await v.getInfo()).toMatchObject({ capacity: 2 * GiB, allocation: 300 * MiB });
    expect(await p.getInfo()).toMatchObject({ allocation: 300 * MiB, available: 100 * GiB - 300 * MiB });
  });

  it('refuses a volume name that exists', async () => {
    await expectVirError((await pool('pool-a')).storageVolCreateXML(volXml('disk1.img', 1, 1)), api.VIR_ERR_OPERATION_FAILED, /storage vol already exists/);
  });

  it('refuses a volume that does not fit in the pool', async () => {
    await expectVirError(
      (await pool('pool-b')).storageVolCreateXML(volXml('huge.img', 200, 200 * 1024)),
      api.VIR_ERR_INTERNAL_ERROR,
      /Not enough free space in pool for volume 'huge.img'/,
    );
  });

  it('clones a volume within a pool', async () => {
    const p = await pool('pool-a');
    const src = await p.storageVolLookupByName('disk1.img');
    const before = (await p.getInfo()).allocation;
    const clone = await p.storageVolCreateXMLFrom(volXml('copy.img', 1, 256), src);
    expect(await clone.getPath()).toBe('/contract/pool-a/copy.img');
    expect((await p.getInfo()).allocation).toBe(before + 256 * MiB);
  });

  it('deletes a volume and releases its allocation', async () => {
    const p = await pool('pool-a');
    const v = await p.storageVolLookupByName('disk2.qcow2');
    await v.delete();
    expect(names(await p.listAllVolumes())).toEqual(['disk1.img']);
    expect((await p.getInfo()).allocation).toBe(512 * MiB);
    await expectVirError(v.getInfo(), api.VIR_ERR_NO_STORAGE_VOL);
  });

  it('defines an inactive pool with a DEFINED event and starts it with a STARTED event', async () => {
    const c = s.conn();
    const log = await events();
    const p = await c.storagePoolDefineXML(poolXml('pool-c', '/contract/pool-c'));
    expect(p.uuid).toMatch(UUID_RE);
    expect([await p.isActive(), await p.isPersistent()]).toEqual([false, true]);
    expect((await p.getInfo()).state).toBe(api.VIR_STORAGE_POOL_INACTIVE);
    expect((await log.next((e) => e.pool.name === 'pool-c')).event).toBe(api.VIR_STORAGE_POOL_EVENT_DEFINED);
    await p.create();
    expect((await p.getInfo()).state).toBe(api.VIR_STORAGE_POOL_RUNNING);
    expect((await log.next((e) => e.pool.name === 'pool-c' && e.event === api.VIR_STORAGE_POOL_EVENT_STARTED)).detail).toBe(0);
    await log.dispose();
  });

  it('builds, stops, deletes and undefines a pool with an event for each', async () => {
    const c = s.conn();
    const p = await c.storagePoolDefineXML(poolXml('pool-c', '/contract/pool-c'));
    const log = await events();
    await p.build();
    await p.create();
    await p.destroy();
    await p.delete();
    await p.undefine();
    await expectVirError(c.storagePoolLookupByName('pool-c'), api.VIR_ERR_NO_STORAGE_POOL);
    await log.next((e) => e.event === api.VIR_STORAGE_POOL_EVENT_UNDEFINED);
    expect(log.events.filter((e) => e.pool.name === 'pool-c' && e.event !== api.VIR_STORAGE_POOL_EVENT_DEFINED).map((e) => e.event)).toEqual([
      api.VIR_STORAGE_POOL_EVENT_CREATED,
      api.VIR_STORAGE_POOL_EVENT_STARTED,
      api.VIR_STORAGE_POOL_EVENT_STOPPED,
      api.VIR_STORAGE_POOL_EVENT_DELETED,
      api.VIR_STORAGE_POOL_EVENT_UNDEFINED,
    ]);
    await log.dispose();
  });

  it('refuses pool operations in the wrong state', async () => {
    const a = await pool('pool-a');
    await expectVirError(a.create(), api.VIR_ERR_OPERATION_INVALID, /storage pool 'pool-a' is active/);
    await expectVirError(a.undefine(), api.VIR_ERR_OPERATION_INVALID, /storage pool 'pool-a' is active/);
    await expectVirError(a.delete(), api.VIR_ERR_OPERATION_INVALID, /storage pool 'pool-a' is active/);
    await expectVirError(a.build(), api.VIR_ERR_OPERATION_INVALID, /storage pool 'pool-a' is active/);
    await a.destroy();
    await expectVirError(a.destroy(), api.VIR_ERR_OPERATION_INVALID, /storage pool 'pool-a' is not active/);
    await expectVirError(a.refresh(), api.VIR_ERR_OPERATION_INVALID, /storage pool 'pool-a' is not active/);
  });

  it('hides the volumes of an inactive pool', async () => {
    const a = await pool('pool-a');
    const v = await a.storageVolLookupByName('disk1.img');
    await a.destroy();
    await expectVirError(a.listAllVolumes(), api.VIR_ERR_OPERATION_INVALID, /storage pool is not active/);
    await expectVirError(a.storageVolLookupByName('disk1.img'), api.VIR_ERR_OPERATION_INVALID, /storage pool 'pool-a' is not active/);
    await expectVirError(v.getInfo(), api.VIR_ERR_OPERATION_INVALID);
    await expectVirError(s.conn().storageVolLookupByPath('/contract/pool-a/disk1.img'), api.VIR_ERR_NO_STORAGE_VOL);
    expect((await a.getInfo()).state).toBe(api.VIR_STORAGE_POOL_INACTIVE);
  });

  it('refreshes an active pool with a REFRESH event', async () => {
    const log = await collect<api.StoragePoolRefreshEvent>((l) => s.conn().storagePoolEventRegisterAny(api.VIR_STORAGE_POOL_EVENT_ID_REFRESH, l));
    await (await pool('pool-b')).refresh();
    expect((await log.next((e) => e.pool.name === 'pool-b')).eventId).toBe(api.VIR_STORAGE_POOL_EVENT_ID_REFRESH);
    await log.dispose();
  });

  it('creates a transient pool without autostart that vanishes when stopped', async () => {
    const c = s.conn();
    const p = await c.storagePoolCreateXML(poolXml('pool-t', '/contract/pool-t'));
    expect([await p.isActive(), await p.isPersistent(), await p.getAutostart()]).toEqual([true, false, false]);
    await expectVirError(p.setAutostart(true), api.VIR_ERR_INVALID_ARG, /pool has no config file/);
    await p.destroy();
    await expectVirError(c.storagePoolLookupByName('pool-t'), api.VIR_ERR_NO_STORAGE_POOL);
  });

  it('keeps autostart of a persistent pool', async () => {
    const b = await pool('pool-b');
    await b.setAutostart(true);
    expect(await b.getAutostart()).toBe(true);
    expect(names(await s.conn().listAllStoragePools(api.VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART))).toEqual(['pool-b']);
  });

  it('refuses a pool name that exists, and a second pool on the same directory', async () => {
    const c = s.conn();
    await expectVirError(c.storagePoolDefineXML(poolXml('pool-a', '/contract/elsewhere')), api.VIR_ERR_OPERATION_FAILED, /pool 'pool-a' already exists with uuid/);
    await expectVirError(c.storagePoolDefineXML(poolXml('pool-x', '/contract/pool-a')), api.VIR_ERR_OPERATION_FAILED, /Storage source conflict with pool: 'pool-a'/);
  });

  it('finds pool sources as the test driver does: volume groups, a netfs share on the named host, or a refusal', async () => {
    const c = s.conn();
    expect(await c.findStoragePoolSources('logical', null)).toMatch(/<name>testvg1<\/name>[\s\S]*<name>testvg2<\/name>/);
    expect(await c.findStoragePoolSources('netfs', "<source><host name='nas.example'/></source>")).toMatch(/<host name='nas.example'\/>\s*<dir path='\/testshare'\/>/);
    await expectVirError(c.findStoragePoolSources('netfs', null), api.VIR_ERR_INVALID_ARG, /hostname must be specified for netfs sources/);
    await expectVirError(c.findStoragePoolSources('iscsi', null), api.VIR_ERR_NO_SUPPORT, /pool type 'iscsi' does not support source discovery/);
  });
}
