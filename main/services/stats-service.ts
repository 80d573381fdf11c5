import {
  VIR_DOMAIN_STATS_BALLOON, VIR_DOMAIN_STATS_BLOCK, VIR_DOMAIN_STATS_CPU_TOTAL, VIR_DOMAIN_STATS_INTERFACE,
  VIR_DOMAIN_STATS_STATE, VIR_DOMAIN_STATS_VCPU,
} from '../../drivers/api/index.js';
import type { Connection } from '../../drivers/api/index.js';
import type { StatsGroup } from '../api/contract/index.js';
import { SAMPLE_OFFSET as F, SAMPLE_WIDTH } from '../api/contract/index.js';
import { StatsHistory, type DomainSample } from './stats-history.js';

export const STATS = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL | VIR_DOMAIN_STATS_BALLOON
  | VIR_DOMAIN_STATS_VCPU | VIR_DOMAIN_STATS_INTERFACE | VIR_DOMAIN_STATS_BLOCK;

/** Which stats groups are polled (the preferences' "Poll CPU / memory / disk I/O / network I/O"). */
export type StatsGroups = Readonly<Record<StatsGroup, boolean>>;
export const ALL_STATS_GROUPS: StatsGroups = { cpu: true, memory: true, disk: true, network: true };

/** The VIR_DOMAIN_STATS_* flags for the polled groups; the state is always asked for. */
export function statsFlags(groups: StatsGroups): number {
  return VIR_DOMAIN_STATS_STATE
    | (groups.cpu ? VIR_DOMAIN_STATS_CPU_TOTAL | VIR_DOMAIN_STATS_VCPU : 0)
    | (groups.memory ? VIR_DOMAIN_STATS_BALLOON : 0)
    | (groups.disk ? VIR_DOMAIN_STATS_BLOCK : 0)
    | (groups.network ? VIR_DOMAIN_STATS_INTERFACE : 0);
}

export interface StatsTick {
  readonly id: string;
  readonly at: number;
  /** The domains sampled, by UUID, and SAMPLE_WIDTH figures each (SAMPLE_FIELDS order). */
  readonly uuids: readonly string[];
  readonly values: readonly number[];
  /** The host's sum over its domains. */
  readonly host: { /** Busy host CPUs (1.0 = one core fully used). */ readonly cpuCores: number; readonly memoryKiB: number; readonly diskBps: number; readonly netBps: number };
}

/**
 * Samples one host per tick with one bulk stats call (virConnectGetAllDomainStats), only while somebody watches
 * it. The interval and the groups polled come from the preferences (1–60 s, default 3 s; all groups).
 */
export class StatsService {
  private readonly histories = new Map<string, StatsHistory>();
  private readonly watchers = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  /** Hosts whose previous sample is still in flight: a slow host skips ticks instead of piling them up. */
  private readonly inFlight = new Set<string>();
  /** What each tick's bulk call asks for. */
  private flags: number;

  constructor(
    private readonly connectionOf: (id: string) => Connection | undefined,
    private readonly emit: (tick: StatsTick) => void,
    private intervalMs = 3000,
    groups: StatsGroups = ALL_STATS_GROUPS,
  ) {
    this.flags = statsFlags(groups);
  }

  /** Which groups the next ticks ask for. */
  setGroups(groups: StatsGroups): void {
    this.flags = statsFlags(groups);
  }

  get intervalSeconds(): number {
    return this.intervalMs / 1000;
  }

  setInterval(seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) throw new RangeError('The stats interval is 1–60 seconds.');
    if (seconds * 1000 === this.intervalMs) return;
    this.intervalMs = seconds * 1000;
    if (this.timer) this.restart();
  }

  /** Starts sampling a host for one viewer; the returned function stops it for that viewer. */
  watch(id: string): () => void {
    this.watchers.set(id, (this.watchers.get(id) ?? 0) + 1);
    if (!this.timer) this.restart();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const n = (this.watchers.get(id) ?? 1) - 1;
      if (n > 0) this.watchers.set(id, n);
      else {
        this.watchers.delete(id);
        this.histories.delete(id);
      }
      if (this.watchers.size === 0) this.stop();
    };
  }

  history(id: string, uuid: string): readonly DomainSample[] {
    return this.histories.get(id)?.history(uuid) ?? [];
  }

  /** One tick for every watched host; exposed for tests and benchmarks. */
  async tick(): Promise<void> {
    await Promise.all([...this.watchers.keys()].filter((id) => !this.inFlight.has(id)).map(async (id) => {
      this.inFlight.add(id);
      try {
        await this.sample(id);
      } finally {
        this.inFlight.delete(id);
      }
    }));
  }

  private async sample(id: string): Promise<void> {
    const connection = this.connectionOf(id);
    if (!connection) return;
    // Stamped when the tick starts, so that a slow answer does not bunch ticks up.
    const at = Date.now();
    let records;
    try {
      records = await connection.getAllDomainStats(this.flags);
    } catch {
      return; // the connection's state reports failures
    }
    let history = this.histories.get(id);
    if (!history) {
      history = new StatsHistory();
      this.histories.set(id, history);
    }
    const { uuids, values } = history.add(records, at);
    let cpu = 0;
    let memory = 0;
    let disk = 0;
    let net = 0;
    for (let o = 0; o < values.length; o += SAMPLE_WIDTH) {
      cpu += (values[o + F.cpuPercent]! / 100) * values[o + F.vcpus]!;
      memory += values[o + F.memoryKiB]!;
      disk += values[o + F.diskReadBps]! + values[o + F.diskWriteBps]!;
      net += values[o + F.netRxBps]! + values[o + F.netTxBps]!;
    }
    this.emit({ id, at, uuids, values, host: { cpuCores: cpu, memoryKiB: memory, diskBps: disk, netBps: net } });
  }

  private restart(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
