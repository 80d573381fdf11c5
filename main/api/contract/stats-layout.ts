// A stats tick's layout: the samples' shape and where each figure sits in a tick's flat values. No zod here: the
// renderer reads ticks from its first script, and schemas are only for the calls main validates.

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

/** Where each figure of a DomainSample sits in a stats event's `values`: SAMPLE_WIDTH numbers per domain. */
export const SAMPLE_FIELDS = ['cpuPercent', 'vcpus', 'memoryKiB', 'diskReadBps', 'diskWriteBps', 'netRxBps', 'netTxBps'] as const satisfies readonly (keyof DomainSample)[];
export const SAMPLE_WIDTH = SAMPLE_FIELDS.length;
/** Each field's offset within a domain's SAMPLE_WIDTH figures, derived from SAMPLE_FIELDS so the order is kept once. */
export const SAMPLE_OFFSET = Object.fromEntries(SAMPLE_FIELDS.map((f, i) => [f, i])) as Readonly<Record<keyof DomainSample, number>>;

export type StatsEvent = {
  readonly type: 'stats';
  readonly connection: string;
  readonly at: number;
  /** The domains sampled at this tick, by UUID. */
  readonly uuids: readonly string[];
  /**
   * SAMPLE_WIDTH figures per domain, in `uuids` order, each domain's in SAMPLE_FIELDS order. Flat numbers rather
   * than an object per domain: a tick of thousands of guests is printed and parsed without a field name per figure.
   */
  readonly values: readonly number[];
  readonly host: HostSample;
};

/** The `i`-th domain's sample of a stats event's `values`. */
export function sampleAt(values: ArrayLike<number>, i: number): DomainSample {
  const o = i * SAMPLE_WIDTH;
  const F = SAMPLE_OFFSET;
  return {
    cpuPercent: values[o + F.cpuPercent] ?? 0, vcpus: values[o + F.vcpus] ?? 0, memoryKiB: values[o + F.memoryKiB] ?? 0,
    diskReadBps: values[o + F.diskReadBps] ?? 0, diskWriteBps: values[o + F.diskWriteBps] ?? 0,
    netRxBps: values[o + F.netRxBps] ?? 0, netTxBps: values[o + F.netTxBps] ?? 0,
  };
}

/** Every domain's sample of a tick, by UUID (for views and tests that look one up). */
export function samplesOf(tick: { readonly uuids: readonly string[]; readonly values: readonly number[] }): Map<string, DomainSample> {
  return new Map(tick.uuids.map((uuid, i) => [uuid, sampleAt(tick.values, i)]));
}
