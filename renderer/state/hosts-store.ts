import type { ApiEvent, ConnectionState, DomainSummary, HostView, SavedConnection } from '../../main/api/contract.js';

export interface HostEntry {
  readonly connection: SavedConnection;
  readonly state: ConnectionState;
  readonly domains: ReadonlyMap<string, DomainSummary>;
}

const CPU_POINTS = 40;

/**
 * The renderer's picture of every host, fed by API events. Each change makes new objects only for what changed,
 * so React re-renders just those rows.
 */
export class HostsStore {
  private hosts = new Map<string, HostEntry>();
  private cpu = new Map<string, readonly number[]>();
  private snapshot: readonly HostEntry[] = [];
  private readonly listeners = new Set<() => void>();

  load(views: readonly HostView[]): void {
    this.hosts = new Map(views.map((v) => [v.connection.id, {
      connection: v.connection,
      state: v.state,
      domains: new Map(v.domains.map((d) => [d.uuid, d])),
    }]));
    this.changed();
  }

  apply(events: readonly ApiEvent[]): void {
    let touched = false;
    for (const e of events) {
      switch (e.type) {
        case 'connection': {
          const old = this.hosts.get(e.connection.id);
          this.hosts.set(e.connection.id, { connection: e.connection, state: e.state, domains: old?.domains ?? new Map() });
          touched = true;
          break;
        }
        case 'connection-removed':
          touched = this.hosts.delete(e.id) || touched;
          break;
        case 'domains-reset': {
          const old = this.hosts.get(e.id);
          if (old) {
            this.hosts.set(e.id, { ...old, domains: new Map(e.domains.map((d) => [d.uuid, d])) });
            touched = true;
          }
          break;
        }
        case 'domains': {
          const old = this.hosts.get(e.id);
          if (old) {
            const domains = new Map(old.domains);
            for (const d of e.upserted) domains.set(d.uuid, d);
            for (const uuid of e.removed) domains.delete(uuid);
            this.hosts.set(e.id, { ...old, domains });
            touched = true;
          }
          break;
        }
        case 'stats': {
          const next = new Map(this.cpu);
          for (const [uuid, sample] of Object.entries(e.domains)) {
            const points = [...(next.get(uuid) ?? []), sample.cpuPercent];
            next.set(uuid, points.slice(-CPU_POINTS));
          }
          this.cpu = next;
          touched = true;
          break;
        }
      }
    }
    if (touched) this.changed();
  }

  cpuHistory(uuid: string): readonly number[] {
    return this.cpu.get(uuid) ?? [];
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): readonly HostEntry[] => this.snapshot;

  private changed(): void {
    this.snapshot = [...this.hosts.values()];
    for (const l of this.listeners) l();
  }
}
