import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../main/api/contract/index.js';
import { APP, AppStores, snapshotScope } from '../../renderer/state/app-stores.js';
import { FakePort, settle } from './fake-port.js';
import { conn, dom, host, job, sample, UUID_A, UUID_B } from './fixtures.js';
import { statsEvent } from '../support/stats-event.js';

const started = async (port: FakePort): Promise<AppStores> => {
  const stores = new AppStores(port);
  await stores.start();
  return stores;
};

describe('AppStores', () => {
  it('loads connections, jobs and prompts, then each connected host\'s lists', async () => {
    const port = new FakePort({
      'connections.list': () => ({ rev: 3, items: [conn('h1'), conn('h2', { state: 'disconnected' })] }),
      'domains.list': ({ connection }) => ({ rev: 3, items: connection === 'h1' ? [dom(UUID_A, 'alpha')] : [] }),
      'jobs.list': () => ({ rev: 3, items: [job('j1', 'running', 0.5)] }),
    });
    const stores = await started(port);
    expect(stores.connections.list(APP).map((c) => c.key)).toEqual(['h1', 'h2']);
    expect(stores.domains.list('h1').map((d) => d.name)).toEqual(['alpha']);
    expect(stores.jobs.list(APP)[0]?.progress).toBe(0.5);
    // Only the connected host is listed; each of its collections once.
    expect(port.callsOf('domains.list')).toEqual([{ connection: 'h1' }]);
    expect(port.callsOf('networks.list')).toEqual([{ connection: 'h1' }]);
    expect(port.callsOf('storage.list')).toEqual([{ connection: 'h1' }]);
    expect(port.callsOf('nodedevs.list')).toEqual([{ connection: 'h1' }]);
    stores.dispose();
  });

  it('routes every kind of reset and delta to its store, by scope', async () => {
    const port = new FakePort();
    const stores = await started(port);
    const h1 = { connection: 'h1' };
    port.emit(
      { type: 'connections.delta', scope: null, rev: 1, upserted: [conn('h1')], removed: [] },
      { type: 'domains.reset', scope: h1, rev: 2, items: [dom(UUID_A, 'alpha')] },
      { type: 'domains.delta', scope: h1, rev: 3, upserted: [dom(UUID_B, 'beta')], removed: [] },
      { type: 'networks.reset', scope: h1, rev: 2, items: [{ key: 'n1', uuid: 'n1', name: 'default', active: true, persistent: true, autostart: false, xml: '<network/>' }] },
      { type: 'pools.delta', scope: h1, rev: 4, upserted: [{ key: 'p1', uuid: 'p1', name: 'images', state: 2, active: true, persistent: true, autostart: true, capacity: 1, allocation: 0, available: 1, xml: '<pool/>', volumes: [] }], removed: [] },
      { type: 'nodedevs.reset', scope: h1, rev: 2, items: [{ key: 'computer', name: 'computer', parent: null, caps: ['system'], xml: '<device/>' }] },
      { type: 'snapshots.delta', scope: { connection: 'h1', domain: UUID_A }, rev: 5, upserted: [{ key: 's1', name: 's1', parent: null, current: true, description: '', creationTime: 1, state: 'running', kind: 'internal', memoryFile: null, diskFiles: [], hasScreenshot: false }], removed: [] },
      { type: 'prompts.delta', scope: null, rev: 6, upserted: [{ key: 'q1', request: { kind: 'hostkey', uri: 'qemu+ssh://h1/system', host: 'h1', keyType: 'ssh-ed25519', fingerprint: 'SHA256:x' } }], removed: [] },
      { type: 'settings.changed', settings: settingsSchema.parse({ stats: { intervalSeconds: 5 } }) },
    );
    expect(stores.domains.list('h1').map((d) => d.name).sort()).toEqual(['alpha', 'beta']);
    expect(stores.networks.list('h1')).toHaveLength(1);
    expect(stores.pools.list('h1')).toHaveLength(1);
    expect(stores.nodedevs.list('h1')).toHaveLength(1);
    expect(stores.snapshots.list(snapshotScope('h1', UUID_A))).toHaveLength(1);
    expect(stores.prompts.list(APP)[0]?.key).toBe('q1');
    expect(stores.settings.get()?.stats.intervalSeconds).toBe(5);
    expect(stores.domains.list('h2')).toEqual([]);
    stores.dispose();
  });

  it('keeps two connections that see the same VM in separate stats series', async () => {
    const port = new FakePort();
    const stores = await started(port);
    port.emit(
      statsEvent('h1', 1, { [UUID_A]: sample(10) }, host),
      statsEvent('h2', 1, { [UUID_A]: sample(90) }, host),
      statsEvent('h1', 2, { [UUID_A]: sample(20) }, host),
    );
    expect(stores.stats.history('h1', UUID_A).map((s) => s.cpuPercent)).toEqual([10, 20]);
    expect(stores.stats.history('h2', UUID_A).map((s) => s.cpuPercent)).toEqual([90]);
    stores.dispose();
  });

  it('keeps each host\'s own series of samples and tells only that host\'s listeners', async () => {
    const port = new FakePort();
    const stores = await started(port);
    let told = 0;
    const off = stores.stats.subscribeHost('h1', () => told++);
    port.emit(
      statsEvent('h1', 1, {}, { ...host, cpuCores: 0.5 }),
      statsEvent('h2', 1, {}, { ...host, cpuCores: 1.5 }),
      statsEvent('h1', 2, {}, { ...host, cpuCores: 0.25 }),
    );
    expect(stores.stats.hostHistory('h1').map((h) => h.cpuCores)).toEqual([0.5, 0.25]);
    expect(stores.stats.hostHistory('h2').map((h) => h.cpuCores)).toEqual([1.5]);
    expect(stores.stats.host('h1')?.cpuCores).toBe(0.25);
    expect(told).toBe(2);
    off();
    expect(stores.stats.listenerCount()).toBe(0);
    stores.dispose();
  });

  it('holds a host\'s stats watch while any view holds it, and releases it with the last', async () => {
    const port = new FakePort();
    const stores = await started(port);
    const a = stores.stats.watch('h1');
    const b = stores.stats.watch('h1');
    const c = stores.stats.watch('h2');
    a();
    a(); // releasing twice is once
    expect([...stores.stats.watchedHosts()].sort()).toEqual(['h1', 'h2']);
    b();
    c();
    expect(stores.stats.watchedHosts()).toEqual([]);
    expect(port.callsOf('stats.watch')).toEqual([
      { connection: 'h1', watch: true }, { connection: 'h2', watch: true }, { connection: 'h1', watch: false }, { connection: 'h2', watch: false },
    ]);
    stores.dispose();
  });

  it('forgets a removed connection\'s objects', async () => {
    const port = new FakePort({ 'connections.list': () => ({ rev: 1, items: [conn('h1')] }), 'domains.list': () => ({ rev: 1, items: [dom(UUID_A, 'alpha')] }) });
    const stores = await started(port);
    port.emit({ type: 'snapshots.delta', scope: { connection: 'h1', domain: UUID_A }, rev: 2, upserted: [{ key: 's', name: 's', parent: null, current: true, description: '', creationTime: 1, state: 'shutoff', kind: 'internal', memoryFile: null, diskFiles: [], hasScreenshot: false }], removed: [] });
    port.emit({ type: 'connections.delta', scope: null, rev: 3, upserted: [], removed: ['h1'] });
    expect(stores.connections.list(APP)).toEqual([]);
    expect(stores.domains.list('h1')).toEqual([]);
    expect(stores.snapshots.list(snapshotScope('h1', UUID_A))).toEqual([]);
    stores.dispose();
  });

  it('tells the user once when a connection fails, and when a job ends', async () => {
    const port = new FakePort();
    const stores = await started(port);
    const failing = conn('h1', { state: 'error', message: 'Connection refused' });
    port.emit({ type: 'connections.delta', scope: null, rev: 1, upserted: [failing], removed: [] });
    port.emit({ type: 'connections.delta', scope: null, rev: 2, upserted: [failing], removed: [] }); // the same error again
    port.emit({ type: 'jobs.delta', scope: null, rev: 3, upserted: [job('j', 'running', 0.1)], removed: [] });
    port.emit({ type: 'jobs.delta', scope: null, rev: 4, upserted: [job('j', 'failed')], removed: [] });
    port.emit({ type: 'jobs.delta', scope: null, rev: 4, upserted: [job('j', 'failed')], removed: [] }); // duplicate
    const items = stores.notifications.getSnapshot();
    expect(items.map((n) => n.variant)).toEqual(['danger', 'danger']);
    expect(items[1]?.title).toContain('Connection refused');
    expect(items[0]?.detail).toBe('Storage volume not found');
    expect(stores.notifications.unread()).toBe(2);
    stores.notifications.markAllRead();
    expect(stores.notifications.unread()).toBe(0);
    stores.dispose();
  });

  it('lists a domain\'s snapshots once however many views ask', async () => {
    let answered = 0;
    const port = new FakePort({ 'snapshots.list': () => { answered++; return { rev: 1, items: [] }; } });
    const stores = await started(port);
    await Promise.all([stores.loadSnapshots('h1', UUID_A), stores.loadSnapshots('h1', UUID_A)]);
    await stores.loadSnapshots('h1', UUID_A);
    expect(answered).toBe(1);
    stores.dispose();
  });

  it('follows the link status, and disposal leaves no listener on the API or in the stores', async () => {
    const port = new FakePort();
    const stores = await started(port);
    port.setStatus({ state: 'closed', reason: 'gone' });
    expect(stores.link.get()).toEqual({ state: 'closed', reason: 'gone' });
    expect(port.listenerCount()).toBe(2);
    stores.dispose();
    await settle();
    expect(port.listenerCount()).toBe(0);
    expect(stores.listenerCount()).toBe(0);
    port.emit({ type: 'connections.delta', scope: null, rev: 9, upserted: [conn('late')], removed: [] });
    expect(stores.connections.list(APP)).toEqual([]);
  });
});
