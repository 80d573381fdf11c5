// Storage pools and volumes (with upload/download streams), networks, node devices — over the local socket
// and over qemu+ssh:// in helper and netcat modes — then snapshots and the remaining domain calls, against the
// lab's real libvirtd, checked with virsh as the oracle.
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VIR_ERR_NO_DOMAIN_SNAPSHOT, VIR_ERR_XML_INVALID_SCHEMA, VIR_NETWORK_CREATE_VALIDATE, VIR_NETWORK_DEFINE_VALIDATE, VIR_NETWORK_EVENT_DEFINED, VIR_NETWORK_EVENT_ID_LIFECYCLE, VIR_NETWORK_EVENT_STARTED,
  VIR_NETWORK_EVENT_STOPPED, VIR_NETWORK_EVENT_UNDEFINED, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
  VIR_STORAGE_POOL_EVENT_ID_REFRESH, VIR_STORAGE_POOL_EVENT_STARTED, VIR_STORAGE_POOL_RUNNING,
  type AsyncDisposable, type NetworkEvent, type StoragePoolEvent, type VirError,
} from '../../../drivers/api/index.js';
import { openRemoteConnection, type RemoteConnection, type RemoteDomain, type RemoteNetwork, type RemoteOpenOptions } from '../../../drivers/remote/index.js';
import type { RpcStream } from '../../../drivers/remote/rpc-stream.js';
import { startLab, type Lab } from '../../lab/lab.js';

let lab: Lab;
let test: RemoteConnection;

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  lab = await startLab();
  test = await openRemoteConnection(`test+unix:///default?socket=${lab.socketPath}`);
});

afterAll(async () => {
  await test?.close();
  await lab?.stop();
});

const TRANSPORTS: readonly (readonly [string, number, () => { uri: string; options: RemoteOpenOptions }])[] = [
  ['unix', 0, () => ({ uri: lab.uri, options: {} })],
  ...(['native', 'netcat'] as const).map((proxy, i) => [`ssh-${proxy}`, i + 1, () => ({
    uri: `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(lab.ssh.keyPath)}&proxy=${proxy}`,
    options: { ssh: { knownHostsPath: lab.ssh.knownHostsPath, configPath: '/nonexistent/ssh_config', agentSocket: null } },
  })] as const),
];

describe.each(TRANSPORTS)('qemu driver over %s', (label, index, target) => {
  let conn: RemoteConnection;
  const poolEvents: StoragePoolEvent[] = [];
  const netEvents: NetworkEvent[] = [];
  const regs: AsyncDisposable[] = [];

  beforeAll(async () => {
    const { uri, options } = target();
    conn = await openRemoteConnection(uri, options);
    regs.push(await conn.storagePoolEventRegisterAny(VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, (e) => poolEvents.push(e)));
    regs.push(await conn.storagePoolEventRegisterAny(VIR_STORAGE_POOL_EVENT_ID_REFRESH, (e) => poolEvents.push(e)));
    regs.push(await conn.networkEventRegisterAny(VIR_NETWORK_EVENT_ID_LIFECYCLE, (e) => netEvents.push(e)));
  });

  // A stuck session must fail this file in a minute, not after the five-minute default hook timeout.
  afterAll(async () => {
    for (const r of regs) await r.dispose().catch(() => {});
    await conn?.close();
  }, 60_000);

  describe('storage', () => {
    it('defines, builds, starts, refreshes a dir pool with events; creates, uploads, downloads, clones, resizes, wipes, deletes volumes', async () => {
      const path = join(lab.dir, `pool-a-${label}`);
      const pool = await conn.storagePoolDefineXML(`<pool type='dir'><name>pa-${label}</name><target><path>${path}</path></target></pool>`);
      await pool.build();
      await pool.create();
      await until('pool STARTED', () => poolEvents.find((e) => e.eventId === VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE && e.event === VIR_STORAGE_POOL_EVENT_STARTED));
      expect((await pool.getInfo()).state).toBe(VIR_STORAGE_POOL_RUNNING);
      await pool.setAutostart(true);
      expect(await pool.getAutostart()).toBe(true);
      await pool.refresh();
      await until('pool REFRESH', () => poolEvents.find((e) => e.eventId === VIR_STORAGE_POOL_EVENT_ID_REFRESH));

      const size = 3 * 1024 * 1024 + 17;
      const vol = await pool.storageVolCreateXML(`<volume><name>v1.raw</name><capacity unit='bytes'>${size}</capacity><target><format type='raw'/></target></volume>`);
      expect(await vol.getPath()).toBe(join(path, 'v1.raw'));
      const data = randomBytes(size);
      const up = await vol.upload(0, size);
      await up.send(data);
      await up.finish();
      expect(up.open).toBe(false);
      const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
      expect((await lab.exec('sha256sum', [join(path, 'v1.raw')])).stdout.split(' ')[0]).toBe(sha(data));

      const down = await vol.download(0, 0);
      const chunks: Uint8Array[] = [];
      for await (const c of down) chunks.push(c);
      expect(sha(Buffer.concat(chunks))).toBe(sha(data));

      const clone = await pool.storageVolCreateXMLFrom(`<volume><name>v2.raw</name><capacity unit='bytes'>${size}</capacity><target><format type='raw'/></target></volume>`, vol);
      expect((await lab.exec('sha256sum', [join(path, 'v2.raw')])).stdout.split(' ')[0]).toBe(sha(data));
      await clone.resize(8 * 1024 * 1024);
      expect((await clone.getInfo()).capacity).toBe(8 * 1024 * 1024);
      await clone.wipe();
      expect((await pool.listAllVolumes()).map((v) => v.name).sort()).toEqual(['v1.raw', 'v2.raw']);
      expect((await conn.storageVolLookupByPath(join(path, 'v2.raw'))).name).toBe('v2.raw');
      expect((await conn.storagePoolLookupByVolume(clone)).name).toBe(`pa-${label}`);
      await clone.delete();
      await vol.delete();
      expect(await pool.listAllVolumes()).toEqual([]);
      await pool.destroy();
      await pool.delete();
      await pool.undefine();
      expect(await lab.virsh(['pool-list', '--all', '--name'])).not.toContain(`pa-${label}`);
    });

    // Over ssh megabytes are still in flight when the abort leaves; they must be dropped, not hang the session.
    it('aborts a download midway without disturbing the connection', { timeout: 30_000 }, async () => {
      const path = join(lab.dir, `pool-b-${label}`);
      const pool = await conn.storagePoolCreateXML(`<pool type='dir'><name>pb-${label}</name><target><path>${path}</path></target></pool>`, 1);
      const vol = await pool.storageVolCreateXML(`<volume><name>big</name><capacity unit='MiB'>64</capacity></volume>`);
      const down = await vol.download(0, 0);
      let got = 0;
      for await (const c of down) {
        got += c.length;
        if (got > 1024 * 1024) break;
      }
      await down.abort();
      expect(down.open).toBe(false);
      expect((await pool.getInfo()).state).toBe(VIR_STORAGE_POOL_RUNNING);
      await vol.delete();
      await pool.destroy();
    });

    it('pauses the transport for a slow consumer instead of buffering a whole download', async () => {
      const path = join(lab.dir, `pool-c-${label}`);
      const pool = await conn.storagePoolCreateXML(`<pool type='dir'><name>pc-${label}</name><target><path>${path}</path></target></pool>`, 1);
      const vol = await pool.storageVolCreateXML(`<volume><name>big</name><capacity unit='MiB'>256</capacity><allocation unit='MiB'>256</allocation></volume>`);
      const down = (await vol.download(0, 0)) as RpcStream;
      // Nobody reads for a while: the queue must stop at its high-water mark, not hold 256 MiB.
      await new Promise((r) => setTimeout(r, 1500));
      const parked = down.bufferedBytes;
      expect(parked).toBeGreaterThan(0);
      expect(parked).toBeLessThanOrEqual(2 * 1024 * 1024);
      // Other calls wait behind the paused transport but complete once the consumer drains.
      let total = 0;
      for await (const c of down) total += c.length;
      expect(total).toBe(256 * 1024 * 1024);
      expect((await pool.getInfo()).state).toBe(VIR_STORAGE_POOL_RUNNING);
      await vol.delete();
      await pool.destroy();
    });
  });

  describe('networks', () => {
    it('defines, starts, reads, stops and undefines an isolated network with lifecycle events', async () => {
      const net = (await conn.networkDefineXML(`<network><name>hn${index}</name><bridge name='virbr-hn${index}'/>
        <ip address='192.168.213.1' netmask='255.255.255.0'><dhcp><range start='192.168.213.10' end='192.168.213.20'/></dhcp></ip></network>`)) as RemoteNetwork;
      await net.create();
      expect(await net.isActive()).toBe(true);
      expect(await net.getBridgeName()).toBe(`virbr-hn${index}`);
      expect(await net.getXMLDesc()).toContain(`<bridge name='virbr-hn${index}'`);
      await net.setAutostart(true);
      expect(await net.getAutostart()).toBe(true);
      expect(await net.getDHCPLeases()).toEqual([]);
      expect((await conn.networkLookupByUUID(net.uuid)).name).toBe(`hn${index}`);
      await net.destroy();
      await net.undefine();
      for (const ev of [VIR_NETWORK_EVENT_DEFINED, VIR_NETWORK_EVENT_STARTED, VIR_NETWORK_EVENT_STOPPED, VIR_NETWORK_EVENT_UNDEFINED]) {
        await until(`network event ${ev}`, () => netEvents.find((e) => e.network.name === `hn${index}` && e.event === ev));
      }
    });
  });

  describe('node devices', () => {
    it('lists host devices and reads their XML, parent and capabilities', async () => {
      const devs = await conn.listAllNodeDevices();
      const names = (await lab.virsh(['nodedev-list'])).split('\n').map((s) => s.trim()).filter(Boolean);
      expect(devs.map((d) => d.name).sort()).toEqual(names.sort());
      const computer = await conn.nodeDeviceLookupByName('computer');
      expect(await computer.getParent()).toBeNull();
      expect(await computer.listCaps()).toEqual(['system']);
      expect(await computer.getXMLDesc()).toContain('<name>computer</name>');
      const info = await lab.virsh(['nodedev-info', 'computer']);
      expect(await computer.isActive()).toBe(/Active:\s+yes/.test(info));
      expect(await computer.isPersistent()).toBe(/Persistent:\s+yes/.test(info));
      // Defining a mediated device reaches the nodedev driver, which refuses a parent without an address.
      const err = (await conn.nodeDeviceDefineXML(`<device><name>probe</name><parent>computer</parent>
        <capability type='mdev'><type id='nvidia-11'/></capability></device>`).catch((e: unknown) => e)) as VirError;
      expect(err.message).toContain("Unable to find address for parent device 'computer'");
    });
  });
});

describe('network XML validation (qemu driver)', () => {
  it('defines and creates networks with VALIDATE: the daemon checks the schema', async () => {
    const conn = await openRemoteConnection(lab.uri);
    try {
      const bad = "<network><name>bad-net</name><bridge name='virbr-bad' bogus='1'/></network>";
      await expect(conn.networkDefineXML(bad, VIR_NETWORK_DEFINE_VALIDATE)).rejects.toMatchObject({ code: VIR_ERR_XML_INVALID_SCHEMA });
      await expect(conn.networkCreateXML(bad, VIR_NETWORK_CREATE_VALIDATE)).rejects.toMatchObject({ code: VIR_ERR_XML_INVALID_SCHEMA });
      // Without the flag the same XML is taken (libvirt ignores what it does not know).
      const net = await conn.networkDefineXML(bad);
      expect(net.name).toBe('bad-net');
      const good = await conn.networkDefineXML("<network><name>good-net</name><bridge name='virbr-good'/></network>", VIR_NETWORK_DEFINE_VALIDATE);
      expect(good.name).toBe('good-net');
      await Promise.all([net.undefine(), good.undefine()]);
    } finally {
      await conn.close();
    }
  });
});

describe('snapshots, rename, autostart and jobs (test driver)', () => {
  it('creates, lists, reads, reverts and deletes snapshots', async () => {
    const dom = (await test.domainLookupByName('test')) as RemoteDomain;
    await expect(dom.snapshotCurrent()).rejects.toMatchObject({ code: VIR_ERR_NO_DOMAIN_SNAPSHOT });
    const s1 = await dom.snapshotCreateXML('<domainsnapshot><name>s1</name></domainsnapshot>');
    const s2 = await dom.snapshotCreateXML('<domainsnapshot><name>s2</name></domainsnapshot>');
    expect((await dom.listAllSnapshots()).map((s) => s.name).sort()).toEqual(['s1', 's2']);
    expect((await dom.snapshotCurrent()).name).toBe('s2');
    expect((await s2.getParent()).name).toBe('s1');
    expect((await s1.listAllChildren()).map((s) => s.name)).toEqual(['s2']);
    expect(await s1.getXMLDesc()).toContain('<name>s1</name>');
    expect(await dom.hasCurrentSnapshot()).toBe(true);
    await dom.revertToSnapshot(s1);
    expect(await s1.isCurrent()).toBe(true);
    await s2.delete();
    await s1.delete();
    expect(await dom.listAllSnapshots()).toEqual([]);
  });

  it('renames an inactive domain and toggles autostart', async () => {
    const dom = (await test.domainDefineXML(`<domain type='test'><name>r1</name><memory>65536</memory>
      <os><type arch='x86_64'>hvm</type></os></domain>`)) as RemoteDomain;
    await dom.setAutostart(true);
    expect(await dom.getAutostart()).toBe(true);
    await dom.rename('r2');
    expect((await test.domainLookupByName('r2')).uuid).toBe(dom.uuid);
    await expect(test.domainLookupByName('r1')).rejects.toMatchObject({ code: 42 });
    await dom.undefine();
  });

  it('refuses a migration to an unreachable host with libvirt\'s error (params API)', async () => {
    const conn = await openRemoteConnection(lab.uri);
    const g = (await conn.domainDefineXML(lab.tinyGuestXml({ name: 'm1' }))) as RemoteDomain;
    // Peer-to-peer (2) | live (1): the source daemon itself must connect to the destination.
    const err = (await g.migrateToURI3('qemu+tcp://127.0.0.1:1/system', {}, 2 | 1).catch((e: unknown) => e)) as VirError;
    expect(err.message).toMatch(/not running|Requested operation is not valid/);
    await g.undefine();
    await conn.close();
  });
});
