// The renderer's live stats: every VM's series from the ticks, a new array only where a view shows it.
import { describe, expect, it } from 'vitest';
import type { DomainSample, StatsEvent } from '../../main/api/contract/index.js';
import { STATS_POINTS, StatsStore } from '../../renderer/state/stats-store.js';
import { FakePort } from './fake-port.js';
import { statsEvent } from '../support/stats-event.js';

const sample = (cpuPercent: number): DomainSample => ({ cpuPercent, vcpus: 1, memoryKiB: 1, diskReadBps: 0, diskWriteBps: 0, netRxBps: 0, netTxBps: 0 });
const tick = (at: number, uuids: readonly string[]): StatsEvent =>
  statsEvent('c', at, Object.fromEntries(uuids.map((u) => [u, sample(at)])), { cpuCores: 0, memoryKiB: 0, diskBps: 0, netBps: 0 });

describe('StatsStore', () => {
  it('keeps STATS_POINTS samples of every VM, and gives a shown VM a new array with each tick', () => {
    const stats = new StatsStore(new FakePort());
    let told = 0;
    const stop = stats.subscribe('c', 'shown', () => told++);
    const seen: (readonly DomainSample[])[] = [];
    for (let at = 1; at <= STATS_POINTS + 10; at++) {
      stats.apply(tick(at, ['shown', 'unseen']));
      seen.push(stats.history('c', 'shown'));
    }
    expect(told).toBe(STATS_POINTS + 10);
    expect(new Set(seen).size).toBe(seen.length); // a new array every tick: useSyncExternalStore sees each
    expect(seen[0]?.map((s) => s.cpuPercent)).toEqual([1]); // and an array once given out is never changed
    for (const uuid of ['shown', 'unseen']) {
      const h = stats.history('c', uuid);
      expect(h).toHaveLength(STATS_POINTS);
      expect(h.at(0)?.cpuPercent).toBe(11);
      expect(h.at(-1)?.cpuPercent).toBe(STATS_POINTS + 10);
    }
    stop();
  });

  it('tells a view that starts showing a VM of the next tick, with a new array', () => {
    const stats = new StatsStore(new FakePort());
    stats.apply(tick(1, ['v']));
    stats.apply(tick(2, ['v']));
    const before = stats.history('c', 'v');
    let told = 0;
    const stop = stats.subscribe('c', 'v', () => told++);
    stats.apply(tick(3, ['v']));
    expect(told).toBe(1);
    expect(stats.history('c', 'v')).not.toBe(before);
    expect(stats.history('c', 'v').map((s) => s.cpuPercent)).toEqual([1, 2, 3]);
    stop();
  });
});
