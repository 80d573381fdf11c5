import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('the built-in Demo host (test:///default)', () => {
  it('has varied guests, a NAT network, a directory pool with volumes and host devices', async () => {
    const c = await openConnection('test:///default');
    const states = new Set<number>();
    for (const d of await c.listAllDomains()) states.add((await d.getState()).state);
    expect(states).toEqual(new Set([api.VIR_DOMAIN_RUNNING, api.VIR_DOMAIN_PAUSED, api.VIR_DOMAIN_SHUTOFF]));
    expect((await c.listAllDomains()).length).toBeGreaterThanOrEqual(5);
    expect(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE)).toHaveLength(1);
    expect(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT)).toHaveLength(1);
    const net = await c.networkLookupByName('default');
    expect(await net.getXMLDesc()).toContain("<forward mode='nat'>");
    expect(await net.getBridgeName()).toBe('virbr0');
    const pool = await c.storagePoolLookupByName('default');
    expect(await pool.getXMLDesc()).toMatch(/^<pool type='dir'>/);
    expect((await pool.listAllVolumes()).length).toBeGreaterThanOrEqual(3);
    expect((await c.listAllNodeDevices(api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV)).length).toBeGreaterThanOrEqual(3);
    expect((await c.nodeGetInfo()).model).toBe('x86_64');
    await c.close();
  });

  it('is shared by its connections: one sees the events of another', async () => {
    const a = await openConnection('test:///default');
    const b = await openConnection('test:///default');
    const seen: string[] = [];
    const reg = await b.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, (e) => seen.push(`${e.domain.name}:${e.event}`));
    const d = await a.domainLookupByName('ubuntu-dev');
    await d.create();
    await d.destroy();
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual([`ubuntu-dev:${api.VIR_DOMAIN_EVENT_STARTED}`, `ubuntu-dev:${api.VIR_DOMAIN_EVENT_STOPPED}`]);
    await reg.dispose();
    await a.close();
    await b.close();
  });

  it('ends the console streams of a connection when it closes; the other connections keep going', async () => {
    const a = await openConnection('test:///default');
    const b = await openConnection('test:///default');
    const stream = await (await a.domainLookupByName('debian-server')).openConsole(null);
    const ended = new Promise<api.VirError | null>((r) => stream.onEnd(r));
    await a.close();
    expect(await ended).toBeNull();
    expect(stream.open).toBe(false);
    // The console is free again for another connection.
    const again = await (await b.domainLookupByName('debian-server')).openConsole(null);
    await again.abort();
    await b.close();
  });

  it('starts fresh once its last connection closes (without a state folder)', async () => {
    const a = await openConnection('test:///default');
    await (await a.domainLookupByName('ubuntu-dev')).undefine();
    await a.close();
    const b = await openConnection('test:///default');
    expect((await b.listAllDomains()).map((d) => d.name)).toContain('ubuntu-dev');
    await b.close();
  });

  it('moves a saved state it cannot read aside and opens the built-in host', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hangar-demo-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'demo-host.xml'), '<node><domain type=');
    const c = await openConnection('test:///default', { stateDir: dir });
    expect((await c.listAllDomains()).map((d) => d.name)).toContain('fedora-workstation');
    await c.close();
    expect(readdirSync(dir).some((f) => f.startsWith('demo-host.xml.broken-'))).toBe(true);
  });

  it('survives a restart when given a state folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hangar-demo-'));
    dirs.push(dir);
    const a = await openConnection('test:///default', { stateDir: dir });
    await a.domainDefineXML("<domain type='kvm'><name>kept</name><memory unit='MiB'>512</memory><os><type>hvm</type></os></domain>");
    await (await a.domainLookupByName('debian-server')).suspend();
    await (await a.networkLookupByName('isolated')).destroy();
    await (await a.storagePoolLookupByName('default')).setAutostart(true);
    await (await a.domainLookupByName('windows-11')).setAutostart(true);
    await a.close();
    expect(readFileSync(join(dir, 'demo-host.xml'), 'utf8')).toContain('<name>kept</name>');

    const b = await openConnection('test:///default', { stateDir: dir });
    expect((await b.domainLookupByName('kept')).id).toBe(-1);
    expect((await (await b.domainLookupByName('debian-server')).getState()).state).toBe(api.VIR_DOMAIN_PAUSED);
    expect(await (await b.networkLookupByName('isolated')).isActive()).toBe(false);
    expect(await (await b.storagePoolLookupByName('default')).getAutostart()).toBe(true);
    expect(await (await b.domainLookupByName('windows-11')).getAutostart()).toBe(true);
    expect(await (await b.domainLookupByName('windows-11')).hasManagedSaveImage()).toBe(true);
    expect((await (await b.domainLookupByName('fedora-workstation')).snapshotCurrent()).name).toBe('before-upgrade');
    await b.close();
  });
});
