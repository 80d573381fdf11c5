// Bulk domain stats records (virDomainStatsRecord).
import type { Domain } from './domain.js';

/**
 * One virTypedParameter. 64-bit integers are carried as numbers: counters beyond 2^53 lose precision, which
 * no rate or graph can notice.
 */
export interface TypedParameter {
  readonly field: string;
  readonly type: number;
  readonly value: number | string | boolean;
}

/**
 * One domain's stats (virDomainStatsRecord): libvirt's flat, dotted field names, e.g. "state.state",
 * "cpu.time" (ns), "balloon.current" (KiB), "vcpu.0.time", "net.count", "net.0.rx.bytes", "block.0.wr.reqs".
 */
export interface DomainStatsRecord {
  readonly domain: Domain;
  readonly params: readonly TypedParameter[];
}
