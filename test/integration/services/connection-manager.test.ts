import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VIR_DOMAIN_AFFECT_LIVE, VIR_DOMAIN_METADATA_TITLE, VIR_DOMAIN_RUNNING, VIR_DOMAIN_SHUTOFF } from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';
import { ConnectionManager, type ManagerEvent } from '../../../main/services/connection-manager.js';
import { ConnectionStore } from '../../../main/services/connection-store.js';

function waitForEvent(events: ManagerEvent[], match: (e: ManagerEvent) => boolean, timeoutMs = 1000): Promise<ManagerEvent> {
  const seen = events.length;
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const hit = events.slice(seen).find(match);
      if (hit) {
        clearInterval(poll);
        resolve(hit);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events.slice(seen))}`));
      }
    }, 5);
  });
}

describe('connection manager on the Demo host', () => {
  let dataDir: string;
  let events: ManagerEvent[];
  let manager: ConnectionManager;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    events = [];
    manager = new ConnectionManager(new ConnectionStore(dataDir, () => false), openConnection, (e) => events.push(e));
  });
  afterEach(async () => {
    await manager.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('adds the Demo host on first run where no local libvirtd socket exists, and saves it', () => {
    const [host] = manager.list();
    expect(host?.saved).toMatchObject({ uri: 'test:///default', autoconnect: true });
    const saved = JSON.parse(readFileSync(join(dataDir, 'connections.json'), 'utf8')) as { connections: unknown[] };
    expect(saved.connections).toHaveLength(1);
  });

  it('adds qemu:///system on first run where the local socket exists', () => {
    const other = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    try {
      const store = new ConnectionStore(other, (p) => p === '/run/libvirt/libvirt-sock');
      expect(store.list().map((c) => c.uri)).toEqual(['qemu:///system']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('autoconnects and lists the inventory', async () => {
    await manager.start();
    const [host] = manager.list();
    expect(host?.state).toEqual({ state: 'connected' });
    expect(manager.domains(host?.key ?? '').length).toBeGreaterThan(0);
    expect(events.map((e) => e.type)).toContain('domains-reset');
  });

  it('sees a VM start and stop through events within a second', async () => {
    await manager.start();
    const [host] = manager.list();
    if (!host) throw new Error('no host');
    const vm = manager.domains(host.key).find((d) => d.state === VIR_DOMAIN_SHUTOFF && d.persistent);
    if (!vm) throw new Error('the Demo host has no stopped persistent VM');
    const domain = await manager.domain(host.key, vm.uuid);
    await domain.create();
    const started = await waitForEvent(events, (e) => e.type === 'domains' && e.upserted.some((d) => d.uuid === vm.uuid && d.state === VIR_DOMAIN_RUNNING));
    expect(started.type).toBe('domains');
    await domain.destroy();
    await waitForEvent(events, (e) => e.type === 'domains' && e.upserted.some((d) => d.uuid === vm.uuid && d.state === VIR_DOMAIN_SHUTOFF));
    expect(manager.domains(host.key).find((d) => d.uuid === vm.uuid)?.state).toBe(VIR_DOMAIN_SHUTOFF);
  });

  it('re-reads a domain when a device is plugged or the title changes', async () => {
    await manager.start();
    const [host] = manager.list();
    if (!host) throw new Error('no host');
    const vm = manager.domains(host.key).find((d) => d.state === VIR_DOMAIN_RUNNING);
    if (!vm) throw new Error('the Demo host has no running VM');
    expect(vm.vcpus).toBeGreaterThan(0);
    expect(vm.memoryBytes).toBeGreaterThan(0);
    const domain = await manager.domain(host.key, vm.uuid);
    await domain.attachDevice("<disk type='file' device='disk'><source file='/var/lib/libvirt/images/hotplug.img'/><target dev='vdz' bus='virtio'/></disk>", VIR_DOMAIN_AFFECT_LIVE);
    await waitForEvent(events, (e) => e.type === 'domains' && e.upserted.some((d) => d.uuid === vm.uuid));
    expect(await domain.getXMLDesc()).toContain("dev='vdz'");
    await domain.setMetadata(VIR_DOMAIN_METADATA_TITLE, 'Renamed in a test', null, null, VIR_DOMAIN_AFFECT_LIVE);
    await waitForEvent(events, (e) => e.type === 'domains' && e.upserted.some((d) => d.uuid === vm.uuid && d.title === 'Renamed in a test'));
    expect(manager.domains(host.key).find((d) => d.uuid === vm.uuid)?.title).toBe('Renamed in a test');
  });

  it('reports a connection that cannot be opened, with the reason, and does not retry it by itself', async () => {
    const bad = manager.add({ uri: 'test:///nonexistent/node.xml', name: '', autoconnect: false });
    await manager.connect(bad.id);
    const view = manager.list().find((h) => h.key === bad.id);
    expect(view?.state.state).toBe('error');
    expect(view?.state.state === 'error' && view.state.message).toMatch(/nonexistent/);
    expect(view?.state.state === 'error' && view.state.retryInMs).toBeFalsy();
  });

  it('refuses a duplicate URI and forgets a removed connection', async () => {
    expect(() => manager.add({ uri: 'test:///default', name: 'again', autoconnect: false })).toThrow(/already in the list/);
    const [host] = manager.list();
    if (!host) throw new Error('no host');
    await manager.remove(host.key);
    expect(manager.list()).toEqual([]);
    expect(new ConnectionStore(dataDir).list()).toEqual([]);
  });

  it('disconnects cleanly: state and inventory are reset', async () => {
    await manager.start();
    const [host] = manager.list();
    if (!host) throw new Error('no host');
    await manager.disconnect(host.key);
    expect(manager.list()[0]).toMatchObject({ state: { state: 'disconnected' } });
    expect(manager.domains(host.key)).toEqual([]);
    expect(() => manager.connection(host.key)).toThrow(/not connected/);
  });

  it('keeps networks, pools with volumes and node devices, updated by their events', async () => {
    await manager.start();
    const [host] = manager.list();
    if (!host) throw new Error('no host');
    const objects = manager.objects(host.key);
    expect(objects.networks.length).toBeGreaterThan(0);
    expect(objects.pools.some((p) => p.active && p.volumes.length > 0)).toBe(true);
    expect(objects.nodeDevices.some((d) => d.name === 'computer')).toBe(true);
    const connection = manager.connection(host.key);
    const net = await connection.networkDefineXML("<network><name>events-net</name><bridge name='virbr77'/><ip address='192.168.77.1' netmask='255.255.255.0'/></network>");
    await waitForEvent(events, (e) => e.type === 'objects' && e.kind === 'network' && e.upserted.some((n) => 'uuid' in n && n.uuid === net.uuid));
    await net.create();
    await waitForEvent(events, (e) => e.type === 'objects' && e.kind === 'network' && e.upserted.some((n) => 'active' in n && n.name === 'events-net' && n.active));
    await net.destroy();
    await net.undefine();
    await waitForEvent(events, (e) => e.type === 'objects' && e.kind === 'network' && e.removed.includes(net.uuid));
    expect(manager.objects(host.key).networks.some((n) => n.name === 'events-net')).toBe(false);
  });
});
