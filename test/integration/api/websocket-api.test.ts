import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDomain } from '../../../drivers/xml/index.js';
import { settingsSchema, type ApiEvent } from '../../../main/api/contract/index.js';
import { startBrowserMode, type BrowserMode } from '../../../main/web/browser-mode.js';
import { startLab, type Lab } from '../../lab/lab.js';
import { ApiSocket } from '../../support/api-socket.js';
import { samplesOf } from '../../../main/api/contract/index.js';

const RUNNING = 1;
const SHUTOFF = 5;

describe('the API over the browser-mode WebSocket', () => {
  let lab: Lab;
  let dataDir: string;
  let web: BrowserMode;
  let api: ApiSocket;

  beforeAll(async () => {
    lab = await startLab();
    await lab.defineGuest({ name: 'tiny' });
    dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    writeFileSync(join(dataDir, 'connections.json'), JSON.stringify({ version: 1, connections: [] }));
    web = await startBrowserMode({ dataDir, statsIntervalMs: 1000 });
    api = await ApiSocket.open(web.url);
  });
  afterAll(async () => {
    await api?.close();
    await web?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await lab?.stop();
  });

  for (const target of ['Demo host', 'lab libvirtd'] as const) {
    it(`${target}: add a connection, see its inventory, start a VM and see its event, stats every tick`, async () => {
      const uri = target === 'Demo host' ? 'test:///default' : lab.uri;
      const from = api.events.length;
      const saved = await api.call('connections.add', { uri, name: target, autoconnect: true });
      const reset = await api.waitFor((e) => e.type === 'domains.reset' && e.scope.connection === saved.id && e.items.length > 0, 15_000, from);
      const domains = reset.event.type === 'domains.reset' ? reset.event.items : [];
      const vm = domains.find((d) => d.state === SHUTOFF && d.persistent);
      if (!vm) throw new Error(`no stopped VM on ${target}`);
      expect((await api.call('connections.list', {})).items.find((h) => h.key === saved.id)?.state).toEqual({ state: 'connected' });

      const beforeStart = api.events.length;
      await api.call('domains.action', { connection: saved.id, key: vm.uuid, action: 'start' });
      try {
        // How fast the event comes is the rpc bench's business (no timed assertions here); that it comes is this test's.
        const started = await api.waitFor((e: ApiEvent) => e.type === 'domains.delta' && e.upserted.some((d) => d.uuid === vm.uuid && d.state === RUNNING), 15_000, beforeStart);
        // The summary carries no XML; domains.xml reads the live definition, with the run's ID.
        const live = started.event.type === 'domains.delta' ? started.event.upserted.find((d) => d.uuid === vm.uuid) : undefined;
        const liveXml = (await api.call('domains.xml', { connection: saved.id, key: vm.uuid })).xml;
        expect(live && live.id > 0 && parseDomain(liveXml).id).toBe(live?.id);
        expect(parseDomain((await api.call('domains.xml', { connection: saved.id, key: vm.uuid, inactive: true })).xml).name).toBe(vm.name);

        const beforeStats = api.events.length;
        await api.call('stats.watch', { connection: saved.id, watch: true });
        const ticks: number[] = [];
        for (let i = 0; i < 3; i++) {
          // The first sample of a guest that is still booting under emulation can take a while; then one per tick.
          const tick = await api.waitFor((e) => e.type === 'stats' && e.connection === saved.id && !ticks.includes(e.at), i === 0 ? 10_000 : 2500, beforeStats);
          if (tick.event.type !== 'stats') throw new Error('not a stats event');
          ticks.push(tick.event.at);
          // Rates need two samples: from the second tick on, the running VM has one each tick.
          if (i > 0) expect(samplesOf(tick.event).get(vm.uuid)?.cpuPercent).toBeGreaterThanOrEqual(0);
        }
        expect(ticks[2]! - ticks[0]!).toBeGreaterThanOrEqual(1500); // one tick a second, not a burst
        const history = await api.call('stats.history', { connection: saved.id, key: vm.uuid });
        expect(history.length).toBeGreaterThanOrEqual(2);
        await api.call('stats.watch', { connection: saved.id, watch: false });
      } finally {
        // Leave the VM off whatever happened, so that the next case meets the state it expects.
        await api.call('domains.action', { connection: saved.id, key: vm.uuid, action: 'forceoff' }).catch(() => undefined);
      }
    });
  }

  it('lab libvirtd: a title set by another tool reaches the inventory through the metadata event', async () => {
    const host = (await api.call('connections.list', {})).items.find((h) => h.saved.uri === lab.uri);
    if (!host) throw new Error('lab host not connected');
    const tiny = (await api.call('domains.list', { connection: host.key })).items.find((d) => d.name === 'tiny');
    if (!tiny) throw new Error('no tiny VM on the lab host');
    const before = api.events.length;
    await lab.virsh(['desc', 'tiny', '--config', '--title', '--new-desc', 'Set by virsh']);
    await api.waitFor((e) => e.type === 'domains.delta' && e.scope.connection === host.key && e.upserted.some((d) => d.key === tiny.key && d.title === 'Set by virsh'), 5000, before);
    expect((await api.call('domains.xml', { connection: host.key, key: tiny.key, inactive: true })).xml).toContain('<title>Set by virsh</title>');
  });

  it("carries libvirt's error code and message, and rejects invalid input naming the field", async () => {
    const host = (await api.call('connections.list', {})).items.find((h) => h.saved.name === 'lab libvirtd');
    const vm = host && (await api.call('domains.list', { connection: host.key })).items.find((d) => d.name === 'tiny');
    if (!host || !vm) throw new Error('lab host not connected');
    await api.call('domains.action', { connection: host.key, key: vm.key, action: 'forceoff' }).catch(() => undefined);
    await expect(api.call('domains.action', { connection: host.key, key: vm.key, action: 'resume' }))
      .rejects.toThrow(expect.objectContaining({ code: 55, message: expect.stringMatching(/domain is not running/) }));
    await expect(api.call('connections.add', { uri: 'not a uri', name: '', autoconnect: false }))
      .rejects.toThrow(expect.objectContaining({ field: 'uri', message: expect.stringMatching(/^uri: not a libvirt URI/) }));
    await expect(api.call('domains.action', { connection: host.key, key: 'nope', action: 'start' }))
      .rejects.toThrow(expect.objectContaining({ field: 'key' }));
  });

  it('keeps preferences: the stats interval is 1–60 s, default 3, validated and saved', async () => {
    const initial = await api.call('settings.get', {});
    expect(initial).toEqual(settingsSchema.parse({}));
    expect(initial.stats).toEqual({ intervalSeconds: 3, cpu: true, memory: true, disk: true, network: true });
    await expect(api.call('settings.set', { stats: { intervalSeconds: 61 } }))
      .rejects.toThrow(expect.objectContaining({ field: 'stats.intervalSeconds', message: 'stats.intervalSeconds: at most 60 seconds' }));
    expect(await api.call('settings.set', { stats: { intervalSeconds: 2 } })).toEqual({ ...initial, stats: { ...initial.stats, intervalSeconds: 2 } });
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toEqual({ ...initial, stats: { ...initial.stats, intervalSeconds: 2 } });
  });
});
