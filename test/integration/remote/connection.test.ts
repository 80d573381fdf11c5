// The remote driver against a real libvirtd: connection-level calls, list-all, lookups, XML get/define,
// many calls in flight, errors carrying libvirt's codes. The test driver (test+unix:///default) gives
// deterministic objects; the qemu driver (the lab's uri) the real host.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VirError, VIR_ERR_INTERNAL_ERROR, VIR_ERR_NO_DOMAIN, VIR_ERR_OPERATION_DENIED, VIR_DOMAIN_RUNNING, VIR_DOMAIN_SHUTOFF,
  VIR_CONNECT_LIST_DOMAINS_ACTIVE, VIR_DOMAIN_STATS_STATE,
} from '../../../drivers/api/index.js';
import { openRemoteConnection, type RemoteConnection } from '../../../drivers/remote/index.js';
import { startLab, type Lab } from '../../lab/lab.js';

let lab: Lab;
let test: RemoteConnection;
let qemu: RemoteConnection;

beforeAll(async () => {
  lab = await startLab();
  test = await openRemoteConnection(`test+unix:///default?socket=${lab.socketPath}`);
  qemu = await openRemoteConnection(`qemu+unix:///system?socket=${lab.socketPath}`);
});

afterAll(async () => {
  await test?.close();
  await qemu?.close();
  await lab?.stop();
});

describe('connection', () => {
  it('reports type, URI, versions, hostname, node info and capabilities like virsh', async () => {
    expect(await qemu.getType()).toBe('QEMU');
    expect(await qemu.getURI()).toBe('qemu:///system');
    expect(await test.getURI()).toBe('test:///default');
    const virshVersion = await lab.virsh(['version']);
    const lib = await qemu.getLibVersion();
    const libText = `${Math.floor(lib / 1_000_000)}.${Math.floor(lib / 1000) % 1000}.${lib % 1000}`;
    expect(virshVersion).toContain(libText);
    expect(await qemu.getHostname()).toBe((await lab.virsh(['hostname'])).trim());
    const info = await qemu.nodeGetInfo();
    expect(info.cpus).toBeGreaterThan(0);
    expect(info.memory).toBeGreaterThan(0);
    expect(await qemu.getCapabilities()).toContain('<capabilities>');
    expect(await qemu.getDomainCapabilities(null, null, null, null)).toContain('<domainCapabilities>');
    expect(await test.getSysinfo()).toContain('<sysinfo');
    expect(qemu.isAlive()).toBe(true);
  });

  it('lists, looks up and reads XML of every kind of object of the test driver', async () => {
    const doms = await test.listAllDomains();
    expect(doms.map((d) => d.name)).toEqual(['test']);
    const dom = doms[0]!;
    expect((await test.domainLookupByName('test')).uuid).toBe(dom.uuid);
    expect((await test.domainLookupByUUID(dom.uuid)).name).toBe('test');
    expect((await test.domainLookupByID(dom.id)).name).toBe('test');
    expect(await dom.getXMLDesc()).toContain('<name>test</name>');
    expect(await dom.getState()).toEqual({ state: VIR_DOMAIN_RUNNING, reason: expect.any(Number) });

    const nets = await test.listAllNetworks();
    expect(nets.map((n) => n.name)).toContain('default');
    expect(await nets[0]!.getXMLDesc()).toContain('<network');
    const pools = await test.listAllStoragePools();
    expect(pools.map((p) => p.name)).toContain('default-pool');
    const vols = await pools[0]!.listAllVolumes();
    for (const v of vols) expect(await v.getXMLDesc()).toContain('<volume');
    const devs = await test.listAllNodeDevices();
    expect(devs.length).toBeGreaterThan(0);
    expect(await devs[0]!.getXMLDesc()).toContain('<device>');
  });

  it('defines, starts, stops and undefines a domain, with libvirt errors as typed values', async () => {
    const xml = `<domain type='test'><name>hangar-a</name><memory>65536</memory><vcpu>1</vcpu>
      <os><type arch='x86_64'>hvm</type></os></domain>`;
    const dom = await test.domainDefineXML(xml);
    expect(await dom.isPersistent()).toBe(true);
    expect((await dom.getState()).state).toBe(VIR_DOMAIN_SHUTOFF);
    await dom.create();
    expect(await dom.isActive()).toBe(true);
    const err = await dom.create().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirError);
    // The test driver's own wording and code, carried through unchanged.
    expect({ code: (err as VirError).code, message: (err as VirError).message })
      .toEqual({ code: VIR_ERR_INTERNAL_ERROR, message: "internal error: Domain 'hangar-a' is already running" });
    await dom.suspend();
    await dom.resume();
    await dom.destroy();
    await dom.undefine();
    const missing = await test.domainLookupByName('hangar-a').catch((e: unknown) => e);
    expect((missing as VirError).code).toBe(VIR_ERR_NO_DOMAIN);
  });

  it('keeps hundreds of calls in flight on one connection', async () => {
    const dom = (await test.listAllDomains())[0]!;
    const before = Date.now();
    const results = await Promise.all(Array.from({ length: 500 }, (_, i) =>
      i % 2 === 0 ? dom.getXMLDesc() : dom.getState().then((s) => String(s.state))));
    expect(results.filter((r) => r.includes('<domain')).length).toBe(250);
    expect(results.filter((r) => r === String(VIR_DOMAIN_RUNNING)).length).toBe(250);
    expect(Date.now() - before).toBeLessThan(20_000);
  });

  it('gets bulk domain stats', async () => {
    const stats = await test.getAllDomainStats(VIR_DOMAIN_STATS_STATE, VIR_CONNECT_LIST_DOMAINS_ACTIVE);
    expect(stats.map((s) => s.domain.name)).toEqual(['test']);
    expect(stats[0]!.params.find((p) => p.field === 'state.state')?.value).toBe(VIR_DOMAIN_RUNNING);
  });

  it('speaks the same protocol over TCP (qemu+tcp://)', async () => {
    const port = await lab.forwardTcp(16509);
    const tcp = await openRemoteConnection(`qemu+tcp://127.0.0.1:${port}/system`);
    try {
      expect(await tcp.getURI()).toBe('qemu:///system');
      expect(await tcp.getType()).toBe('QEMU');
      const caps = await Promise.all(Array.from({ length: 50 }, () => tcp.getCapabilities()));
      expect(new Set(caps).size).toBe(1);
    } finally {
      await tcp.close();
    }
  });

  it('opens read-only connections that the daemon refuses to let write', async () => {
    const ro = await openRemoteConnection(`test+unix:///default?socket=${lab.socketPath}`, { readOnly: true });
    try {
      expect((await ro.listAllDomains()).length).toBe(1);
      const err = await ro.domainDefineXML(`<domain type='test'><name>ro</name><memory>1024</memory><os><type>hvm</type></os></domain>`)
        .catch((e: unknown) => e);
      expect((err as VirError).code).toBe(VIR_ERR_OPERATION_DENIED);
    } finally {
      await ro.close();
    }
  });

  it('reports a missing socket as a connection error naming it', async () => {
    const err = await openRemoteConnection('qemu+unix:///system?socket=/nonexistent/sock').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VirError);
    expect((err as VirError).message).toContain("Failed to connect socket to '/nonexistent/sock'");
  });

  it('handles a test host of 1,000 domains and 5 pools × 100 volumes from a node file', async () => {
    const doms = Array.from({ length: 1000 }, (_, i) => `<domain type='test'><name>scale-${i}</name><memory>65536</memory>
      <os><type arch='x86_64'>hvm</type></os></domain>`).join('');
    const pools = Array.from({ length: 5 }, (_, p) => `<pool type='dir'><name>sp${p}</name><target><path>/scale/${p}</path></target>${
      Array.from({ length: 100 }, (_, v) => `<volume><name>v${v}</name><key>/scale/${p}/v${v}</key><capacity>1024</capacity>
        <target><path>/scale/${p}/v${v}</path></target></volume>`).join('')}</pool>`).join('');
    const file = join(lab.dir, 'scale-node.xml');
    writeFileSync(file, `<node>${doms}${pools}</node>`);
    const big = await openRemoteConnection(`test+unix://${file}?socket=${lab.socketPath}`);
    try {
      const all = await big.listAllDomains();
      expect(all.length).toBe(1000);
      const xmls = await Promise.all(all.map((d) => d.getXMLDesc()));
      expect(xmls.every((x, i) => x.includes(`<name>${all[i]!.name}</name>`))).toBe(true);
      const stats = await big.getAllDomainStats(VIR_DOMAIN_STATS_STATE);
      expect(stats.length).toBe(1000);
      const vols = (await Promise.all((await big.listAllStoragePools()).map((p) => p.listAllVolumes()))).flat();
      expect(vols.length).toBe(500);
      const virshCount = (await lab.virsh(['-c', `test+unix://${file}?socket=${lab.socketPath}`, 'list', '--all', '--name']))
        .split('\n').filter((l) => l.trim() !== '').length;
      expect(virshCount).toBe(1000);
    } finally {
      await big.close();
    }
  });
});
