// stats.*: live rates of a host's domains, sampled only while some view watches that host.
import { z } from 'zod';
import { connectionId, uuid } from './common.js';

/** One domain's rates at one stats tick. */
export interface DomainSample {
  /** Guest CPU use, % of its vCPUs (0–100). */
  readonly cpuPercent: number;
  readonly vcpus: number;
  /** Memory the guest has (balloon current), KiB. */
  readonly memoryKiB: number;
  readonly diskReadBps: number;
  readonly diskWriteBps: number;
  readonly netRxBps: number;
  readonly netTxBps: number;
}

/** The host's sum over its domains at one tick. */
export interface HostSample {
  /** Busy host CPUs (1.0 = one core fully used). */
  readonly cpuCores: number;
  readonly memoryKiB: number;
  readonly diskBps: number;
  readonly netBps: number;
}

export const statsCalls = {
  /** Holds (or releases) this client's watch of a host; ticks flow while any client holds one. */
  'stats.watch': z.object({ connection: connectionId, watch: z.boolean() }),
  'stats.history': z.object({ connection: connectionId, key: uuid }),
} as const;

export interface StatsResults {
  'stats.watch': null;
  'stats.history': readonly DomainSample[];
}

export type StatsEvent = {
  readonly type: 'stats';
  readonly connection: string;
  readonly at: number;
  /** Per domain UUID. */
  readonly domains: Readonly<Record<string, DomainSample>>;
  readonly host: HostSample;
};
