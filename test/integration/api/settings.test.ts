import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsSchema, type ApiEvent, type DomainSample, type Settings } from '../../../main/api/contract/index.js';
import { startBrowserMode, type BrowserMode } from '../../../main/web/browser-mode.js';
import { ApiSocket } from '../../support/api-socket.js';
import { samplesOf } from '../../../main/api/contract/index.js';

const DEMO = 'conn-1';
type Tick = Extract<ApiEvent, { type: 'stats' }>;

// Preferences through the API on the Demo host: what main applies (the stats interval and groups), what a restart
// keeps, and what is refused.
describe('preferences over the browser-mode API', () => {
  let dataDir: string;
  let web: BrowserMode;
  let api: ApiSocket;

  const start = async (): Promise<void> => {
    web = await startBrowserMode({ dataDir });
    api = await ApiSocket.open(web.url);
  };
  const stop = async (): Promise<void> => {
    await api.close();
    await web.close();
  };
  /** The next `n` stats ticks of the Demo host. */
  const ticks = async (n: number): Promise<{ at: number; tick: Tick }[]> => {
    const out: { at: number; tick: Tick }[] = [];
    let from = api.events.length;
    while (out.length < n) {
      const e = await api.waitFor((x) => x.type === 'stats' && x.connection === DEMO, 10_000, from);
      from = api.events.indexOf(e) + 1;
      if (e.event.type === 'stats') out.push({ at: e.at, tick: e.event });
    }
    return out;
  };
  const running = (tick: Tick): DomainSample[] => [...samplesOf(tick).values()];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    writeFileSync(join(dataDir, 'connections.json'), JSON.stringify({
      version: 1, connections: [{ id: DEMO, uri: 'test:///default', name: 'Demo host', autoconnect: true }],
    }));
    // A settings file of before the groups: its interval is read.
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ statsIntervalSeconds: 1 }));
    await start();
    await api.waitFor((e) => e.type === 'domains.reset' && e.scope.connection === DEMO, 15_000);
    await api.call('stats.watch', { connection: DEMO, watch: true });
  });
  afterAll(async () => {
    await api?.close();
    await web?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('stats interval: ticks come at the interval set, changed at once', async () => {
    expect((await api.call('settings.get', {})).stats.intervalSeconds).toBe(1);
    const fast = await ticks(3);
    const gap = (t: { at: number }[]): number => ((t.at(-1)?.at ?? 0) - (t[0]?.at ?? 0)) / (t.length - 1);
    expect(gap(fast)).toBeGreaterThan(700);
    expect(gap(fast)).toBeLessThan(1400);
    await api.call('settings.set', { stats: { intervalSeconds: 2 } });
    await ticks(1);
    const slow = await ticks(3);
    expect(gap(slow)).toBeGreaterThan(1700);
    expect(gap(slow)).toBeLessThan(2400);
    await api.call('settings.set', { stats: { intervalSeconds: 1 } });
  });

  it('polled stats: a tick carries only the groups that are polled', async () => {
    await ticks(2);
    const all = (await ticks(1))[0]?.tick;
    if (!all) throw new Error('no tick');
    expect(running(all).length).toBeGreaterThan(0);
    expect(running(all).some((s) => s.cpuPercent > 0)).toBe(true);
    expect(running(all).every((s) => s.memoryKiB > 0)).toBe(true);
    expect(all.host.netBps + all.host.diskBps).toBeGreaterThan(0);

    await api.call('settings.set', { stats: { cpu: false, disk: false, network: false } });
    await ticks(2); // the first tick after a change still has counters from before
    const memoryOnly = (await ticks(1))[0]?.tick;
    if (!memoryOnly) throw new Error('no tick');
    expect(running(memoryOnly).every((s) => s.memoryKiB > 0 && s.cpuPercent === 0 && s.diskReadBps + s.diskWriteBps === 0 && s.netRxBps + s.netTxBps === 0)).toBe(true);
    expect(memoryOnly.host).toMatchObject({ cpuCores: 0, diskBps: 0, netBps: 0 });

    await api.call('settings.set', { stats: { cpu: true, memory: false } });
    await ticks(2);
    const cpuOnly = (await ticks(1))[0]?.tick;
    if (!cpuOnly) throw new Error('no tick');
    expect(running(cpuOnly).some((s) => s.cpuPercent > 0)).toBe(true);
    expect(running(cpuOnly).every((s) => s.memoryKiB === 0)).toBe(true);
    await api.call('settings.set', { stats: { memory: true, disk: true, network: true } });
  });

  it('a change names only what it changes, is announced, and every group survives a restart', async () => {
    const from = api.events.length;
    const before = await api.call('settings.get', {});
    const after = await api.call('settings.set', { confirm: { pause: true } });
    expect(after).toEqual({ ...before, confirm: { ...before.confirm, pause: true } });
    const changed = await api.waitFor((e) => e.type === 'settings.changed' && e.settings.confirm.pause, 2000, from);
    expect(changed.event.type === 'settings.changed' && changed.event.settings).toEqual(after);

    const wanted: Settings = {
      stats: { intervalSeconds: 5, cpu: true, memory: false, disk: true, network: false },
      newVm: { graphics: 'spice', storageFormat: 'raw', cpuMode: 'host-model', firmware: 'uefi' },
      console: { scaling: 'fit', resizeGuest: true, grabKeys: 'Control_L+Shift_L', autoconnect: false },
      confirm: { forceOff: false, powerOff: false, pause: true, removeDevice: false, unappliedChanges: false, deleteStorage: false },
      general: { language: 'zh-CN', theme: 'dark', xmlEditing: true },
    };
    expect(await api.call('settings.set', wanted)).toEqual(wanted);
    await stop();
    await start();
    expect(await api.call('settings.get', {})).toEqual(wanted);
    expect(web.services.stats.intervalSeconds).toBe(5); // applied from the file at start
    await api.call('settings.set', settingsSchema.parse({}));
  });

  it('refuses bad values, naming the field, and keeps what was saved', async () => {
    const saved = readFileSync(join(dataDir, 'settings.json'), 'utf8');
    const refused = (input: unknown): Promise<unknown> => api.send('settings.set', input).then(() => 'accepted', (e: unknown) => e);
    expect(await refused({ stats: { intervalSeconds: 0 } })).toMatchObject({ field: 'stats.intervalSeconds', message: 'stats.intervalSeconds: at least 1 second' });
    expect(await refused({ stats: { intervalSeconds: 61 } })).toMatchObject({ field: 'stats.intervalSeconds', message: 'stats.intervalSeconds: at most 60 seconds' });
    expect(await refused({ newVm: { graphics: 'rdp' } })).toMatchObject({ field: 'newVm.graphics', message: 'newVm.graphics: one of vnc, spice, none' });
    expect(await refused({ console: { grabKeys: 'Ctrl+Alt' } })).toMatchObject({ field: 'console.grabKeys', message: expect.stringContaining('"Ctrl" is not a key name') });
    expect(await refused({ confirm: { forceOff: 'no' } })).toMatchObject({ field: 'confirm.forceOff' });
    expect(await refused({ general: { language: 'fr' } })).toMatchObject({ field: 'general.language', message: 'general.language: one of system, en, zh-CN' });
    expect(await refused({ colours: {} })).toMatchObject({ message: expect.stringContaining('colours') });
    expect(readFileSync(join(dataDir, 'settings.json'), 'utf8')).toBe(saved);
  });
});
