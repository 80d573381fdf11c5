import { sampleAt, type DomainSample, type HostSample, type StatsEvent } from '../../main/api/contract/stats-layout.js';
import type { ApiPort } from './api-port.js';

/** Samples kept per VM: two minutes at the default 1–3 s tick, as the main process keeps. */
export const STATS_POINTS = 120;
const EMPTY: readonly DomainSample[] = Object.freeze([]);
const NO_HOST_SAMPLES: readonly HostSample[] = Object.freeze([]);

interface Series {
  samples: readonly DomainSample[];
  readonly listeners: Set<() => void>;
  /** Views that want a longer history of this VM (its Performance page): how many, and how many points. */
  retained?: { holders: number; readonly points: number };
}

/** A VM's series in its connection's map, made empty on first use. */
function seriesIn(host: Map<string, Series>, uuid: string): Series {
  let s = host.get(uuid);
  if (!s) {
    s = { samples: EMPTY, listeners: new Set() };
    host.set(uuid, s);
  }
  return s;
}

/**
 * Live stats per VM, fed by the service's ticks, and the watches that make the service sample a host: held
 * while at least one view shows that host, released when the last one closes.
 */
export class StatsStore {
  /** Per connection, per UUID: two connections may see the same VM (or the same host). */
  private readonly series = new Map<string, Map<string, Series>>();
  /** Per connection: the host's sums over its VMs, tick by tick, and who shows them. */
  private readonly hosts = new Map<string, { samples: readonly HostSample[]; readonly listeners: Set<() => void> }>();
  private readonly watchers = new Map<string, number>();

  constructor(private readonly api: ApiPort, private readonly onError: (message: string) => void = () => {}) {}

  apply(event: StatsEvent): void {
    const h = this.hostEntry(event.connection);
    h.samples = [...h.samples.slice(-(STATS_POINTS - 1)), event.host];
    for (const l of [...h.listeners]) l();
    const vms = this.hostSeries(event.connection);
    const { uuids, values } = event;
    for (let i = 0; i < uuids.length; i++) {
      const s = seriesIn(vms, uuids[i] ?? '');
      const sample = sampleAt(values, i);
      const keep = s.retained?.points ?? STATS_POINTS;
      if (s.listeners.size === 0 && s.samples !== EMPTY) {
        // Nobody shows this VM's graph (most of a long list): its own array (never the shared empty one) grows in
        // place, no copy per tick.
        const own = s.samples as DomainSample[];
        own.push(sample);
        if (own.length > keep) own.splice(0, own.length - keep);
        continue;
      }
      // A shown series gets a new array, so that useSyncExternalStore sees the change.
      const next = s.samples.length >= keep ? s.samples.slice(s.samples.length - keep + 1) : [...s.samples];
      next.push(sample);
      s.samples = next;
      for (const l of [...s.listeners]) l();
    }
  }

  /** Holds a watch on a host for one view; the returned function releases it (once). */
  watch(connection: string): () => void {
    const n = (this.watchers.get(connection) ?? 0) + 1;
    this.watchers.set(connection, n);
    if (n === 1) this.send(connection, true);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.watchers.get(connection) ?? 1) - 1;
      if (left > 0) this.watchers.set(connection, left);
      else {
        this.watchers.delete(connection);
        this.send(connection, false);
      }
    };
  }

  /** The hosts watched now, for tests and diagnostics. */
  watchedHosts(): readonly string[] {
    return [...this.watchers.keys()];
  }

  history(connection: string, uuid: string): readonly DomainSample[] {
    return this.series.get(connection)?.get(uuid)?.samples ?? EMPTY;
  }

  /** The host's latest sample. */
  host(connection: string): HostSample | undefined {
    return this.hosts.get(connection)?.samples.at(-1);
  }

  /** The host's samples, oldest first (as many as a VM's series keeps). */
  hostHistory(connection: string): readonly HostSample[] {
    return this.hosts.get(connection)?.samples ?? NO_HOST_SAMPLES;
  }

  subscribeHost(connection: string, listener: () => void): () => void {
    const h = this.hostEntry(connection);
    h.listeners.add(listener);
    return () => {
      h.listeners.delete(listener);
    };
  }

  private hostEntry(connection: string): { samples: readonly HostSample[]; readonly listeners: Set<() => void> } {
    let h = this.hosts.get(connection);
    if (!h) {
      h = { samples: NO_HOST_SAMPLES, listeners: new Set() };
      this.hosts.set(connection, h);
    }
    return h;
  }

  /** Fills a VM's series from the service's history when the view opens after ticks began. */
  async loadHistory(connection: string, uuid: string): Promise<void> {
    const s = this.entry(connection, uuid);
    if (s.samples.length > 0) return;
    const past = await this.api.call('stats.history', { connection, key: uuid });
    if (s.samples.length > 0 || past.length === 0) return;
    s.samples = past.slice(-STATS_POINTS);
    for (const l of [...s.listeners]) l();
  }

  /**
   * Keeps up to `points` samples of one VM (rather than STATS_POINTS) while held, from now on: for a view that
   * graphs a longer span. The returned function releases the hold (once); the series shrinks back at the next tick.
   */
  retain(connection: string, uuid: string, points: number): () => void {
    const s = this.entry(connection, uuid);
    s.retained = { holders: (s.retained?.holders ?? 0) + 1, points: Math.max(points, s.retained?.points ?? 0) };
    let released = false;
    return () => {
      if (released || s.retained === undefined) return;
      released = true;
      s.retained.holders--;
      if (s.retained.holders === 0) delete s.retained;
    };
  }

  subscribe(connection: string, uuid: string, listener: () => void): () => void {
    const s = this.entry(connection, uuid);
    s.listeners.add(listener);
    return () => {
      s.listeners.delete(listener);
    };
  }

  /** A connection was removed: its series go. */
  forget(connection: string): void {
    if ((this.hosts.get(connection)?.listeners.size ?? 0) === 0) this.hosts.delete(connection);
    const host = this.series.get(connection);
    if (!host) return;
    for (const [uuid, s] of host) if (s.listeners.size === 0) host.delete(uuid);
    if (host.size === 0) this.series.delete(connection);
  }

  listenerCount(): number {
    let n = 0;
    for (const host of this.series.values()) for (const s of host.values()) n += s.listeners.size;
    for (const h of this.hosts.values()) n += h.listeners.size;
    return n;
  }

  private hostSeries(connection: string): Map<string, Series> {
    let host = this.series.get(connection);
    if (!host) {
      host = new Map();
      this.series.set(connection, host);
    }
    return host;
  }

  private entry(connection: string, uuid: string): Series {
    return seriesIn(this.hostSeries(connection), uuid);
  }

  private send(connection: string, watch: boolean): void {
    this.api.call('stats.watch', { connection, watch }).catch((e: unknown) => {
      if (watch) this.onError(e instanceof Error ? e.message : String(e));
    });
  }
}
