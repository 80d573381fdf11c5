import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../drivers/api/index.js';
import { DEFAULT_SETTINGS, grabKeysProblem, settingsChangeSchema, settingsSchema } from '../../main/api/contract/index.js';
import { readSettings, SettingsStore } from '../../main/services/settings-store.js';
import { statsFlags, StatsService } from '../../main/services/stats-service.js';

const DEFAULTS = settingsSchema.parse({});
let dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'hangar-settings-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
  vi.useRealTimers();
});

describe('the settings file', () => {
  it('has the defaults the renderer shows before the settings load: the schema fills in exactly DEFAULT_SETTINGS', () => {
    expect(DEFAULTS).toEqual(DEFAULT_SETTINGS);
    expect(settingsSchema.parse({ stats: {}, general: {} })).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a file of before the groups: its interval is kept, everything else defaulted', () => {
    expect(readSettings({ statsIntervalSeconds: 7 })).toEqual({ ...DEFAULTS, stats: { ...DEFAULTS.stats, intervalSeconds: 7 } });
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ statsIntervalSeconds: 2 }));
    expect(new SettingsStore(dir).get().stats.intervalSeconds).toBe(2);
  });

  it('keeps the valid fields of a damaged file and defaults only the bad ones', () => {
    expect(readSettings({ stats: { intervalSeconds: 99, memory: false }, general: { theme: 'pink', language: 'zh-CN' }, confirm: 'x' })).toEqual({
      ...DEFAULTS,
      stats: { ...DEFAULTS.stats, memory: false },
      general: { ...DEFAULTS.general, language: 'zh-CN' },
    });
    expect(readSettings('not an object')).toEqual(DEFAULTS);
    const dir = tempDir();
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    expect(new SettingsStore(dir).get()).toEqual(DEFAULTS);
  });

  it('changes only the fields a change names, saves atomically, and reads them back after a restart', () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    const next = store.set({ confirm: { pause: true } });
    expect(next).toEqual({ ...DEFAULTS, confirm: { ...DEFAULTS.confirm, pause: true } });
    store.set({ console: { grabKeys: 'Control_L+Shift_L' }, newVm: { firmware: 'uefi' } });
    const saved: unknown = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(saved).toEqual(store.get());
    expect(new SettingsStore(dir).get()).toEqual({
      ...DEFAULTS,
      confirm: { ...DEFAULTS.confirm, pause: true },
      console: { ...DEFAULTS.console, grabKeys: 'Control_L+Shift_L' },
      newVm: { ...DEFAULTS.newVm, firmware: 'uefi' },
    });
  });

  it('refuses bad values, naming the field, and saves nothing', () => {
    const dir = tempDir();
    const store = new SettingsStore(dir);
    const refused = (change: unknown): { path: string; message: string } => {
      const r = settingsChangeSchema.safeParse(change);
      const issue = r.error?.issues[0];
      return { path: issue?.path.join('.') ?? '', message: issue?.message ?? '' };
    };
    expect(refused({ stats: { intervalSeconds: 0 } })).toEqual({ path: 'stats.intervalSeconds', message: 'at least 1 second' });
    expect(refused({ stats: { intervalSeconds: 61 } })).toEqual({ path: 'stats.intervalSeconds', message: 'at most 60 seconds' });
    expect(refused({ stats: { intervalSeconds: 2.5 } })).toEqual({ path: 'stats.intervalSeconds', message: 'a whole number of seconds' });
    expect(refused({ general: { theme: 'pink' } })).toEqual({ path: 'general.theme', message: 'one of system, light, dark' });
    expect(refused({ confirm: { pause: 'yes' } })).toEqual({ path: 'confirm.pause', message: 'on or off (true or false)' });
    expect(refused({ stats: { often: true } })).toMatchObject({ path: 'stats', message: expect.stringContaining('often') });
    expect(refused({ console: { grabKeys: 'Control_L+Hyper' } }).path).toBe('console.grabKeys');
    expect(() => store.set({ newVm: { graphics: 'rdp' as 'vnc' } })).toThrow();
    expect(store.get()).toEqual(DEFAULTS);
    expect(() => readFileSync(join(dir, 'settings.json'))).toThrow(); // nothing was written
  });

  it('knows grab keys as virt-manager writes them', () => {
    expect(grabKeysProblem('Control_L+Alt_L')).toBeUndefined();
    expect(grabKeysProblem('Super_L+F12')).toBeUndefined();
    expect(grabKeysProblem('')).toEqual({ kind: 'format' });
    expect(grabKeysProblem('Control_L+')).toEqual({ kind: 'format' });
    expect(grabKeysProblem('a+b')).toEqual({ kind: 'noModifier' });
    expect(grabKeysProblem('Alt_L+Alt_L')).toEqual({ kind: 'twice' });
    expect(grabKeysProblem('Ctrl+Alt')).toEqual({ kind: 'unknown', key: 'Ctrl' });
    expect(grabKeysProblem('Control_L+Alt_L+Shift_L+Super_L+a')).toEqual({ kind: 'tooMany' });
    expect(settingsChangeSchema.safeParse({ console: { grabKeys: 'Ctrl+Alt' } }).error?.issues[0]?.message).toMatch(/"Ctrl" is not a key name/);
  });
});

describe('the stats service and the polling preferences', () => {
  it('asks the bulk stats call for the polled groups only', () => {
    expect(statsFlags({ cpu: true, memory: true, disk: true, network: true })).toBe(api.VIR_DOMAIN_STATS_STATE | api.VIR_DOMAIN_STATS_CPU_TOTAL
      | api.VIR_DOMAIN_STATS_VCPU | api.VIR_DOMAIN_STATS_BALLOON | api.VIR_DOMAIN_STATS_BLOCK | api.VIR_DOMAIN_STATS_INTERFACE);
    expect(statsFlags({ cpu: false, memory: true, disk: false, network: false })).toBe(api.VIR_DOMAIN_STATS_STATE | api.VIR_DOMAIN_STATS_BALLOON);
    expect(statsFlags({ cpu: false, memory: false, disk: true, network: true })).toBe(api.VIR_DOMAIN_STATS_STATE | api.VIR_DOMAIN_STATS_BLOCK | api.VIR_DOMAIN_STATS_INTERFACE);
  });

  it('ticks at the interval set, changed while running, with the groups set', async () => {
    vi.useFakeTimers();
    const asked: { at: number; flags: number }[] = [];
    const connection = { getAllDomainStats: (flags: number) => {
      asked.push({ at: Date.now(), flags });
      return Promise.resolve([]);
    } } as Pick<api.Connection, 'getAllDomainStats'> as api.Connection;
    const stats = new StatsService(() => connection, () => undefined, 3000, { cpu: true, memory: false, disk: false, network: false });
    const start = Date.now();
    const stop = stats.watch('h');
    await vi.advanceTimersByTimeAsync(9000);
    expect(asked.map((a) => a.at - start)).toEqual([3000, 6000, 9000]);
    expect(asked[0]?.flags).toBe(api.VIR_DOMAIN_STATS_STATE | api.VIR_DOMAIN_STATS_CPU_TOTAL | api.VIR_DOMAIN_STATS_VCPU);
    asked.length = 0;
    stats.setInterval(1);
    stats.setGroups({ cpu: false, memory: false, disk: false, network: true });
    await vi.advanceTimersByTimeAsync(3000);
    expect(asked.map((a) => a.at - start)).toEqual([10_000, 11_000, 12_000]);
    expect(asked.every((a) => a.flags === (api.VIR_DOMAIN_STATS_STATE | api.VIR_DOMAIN_STATS_INTERFACE))).toBe(true);
    expect(() => stats.setInterval(61)).toThrow(RangeError);
    stop();
  });
});
