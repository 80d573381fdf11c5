import type { DomainStatsRecord } from '../../drivers/api/index.js';

import type { DomainSample } from '../api/contract/index.js';

export type { DomainSample };

interface Counters {
  readonly at: number;
  readonly cpuNs: number;
  readonly vcpus: number;
  readonly memoryKiB: number;
  readonly rd: number;
  readonly wr: number;
  readonly rx: number;
  readonly tx: number;
}

export const HISTORY_LENGTH = 120;

// One pass over the record's fields (a running guest has dozens): no map, no field names built per disk or NIC.
function counters(record: DomainStatsRecord, at: number): Counters {
  let cpuNs = 0;
  let vcpuCurrent = 0;
  let vcpuMaximum = 0;
  let memoryKiB = 0;
  let rd = 0;
  let wr = 0;
  let rx = 0;
  let tx = 0;
  for (const { field, value } of record.params) {
    if (typeof value !== 'number') continue;
    if (field.startsWith('block.')) {
      if (field.endsWith('.rd.bytes')) rd += value;
      else if (field.endsWith('.wr.bytes')) wr += value;
    } else if (field.startsWith('net.')) {
      if (field.endsWith('.rx.bytes')) rx += value;
      else if (field.endsWith('.tx.bytes')) tx += value;
    } else if (field === 'cpu.time') cpuNs = value;
    else if (field === 'vcpu.current') vcpuCurrent = value;
    else if (field === 'vcpu.maximum') vcpuMaximum = value;
    else if (field === 'balloon.current') memoryKiB = value;
  }
  return { at, cpuNs, vcpus: Math.max(1, vcpuCurrent || vcpuMaximum || 1), memoryKiB, rd, wr, rx, tx };
}

// Whole bytes per second and hundredths of a percent: what a graph can show, and short in every tick's JSON
// (a double's shortest decimal form is long and slow to print and to parse, a thousand guests at a time).
const rate = (now: number, before: number, seconds: number): number => (now >= before && seconds > 0 ? Math.round((now - before) / seconds) : 0);
const percent = (x: number): number => Math.round(Math.min(100, Math.max(0, x)) * 100) / 100;

/**
 * Turns bulk-stats records (counters) into rates and keeps the last 120 samples per domain. A domain that
 * restarted (counters went back) gets a zero sample rather than a negative one.
 */
export class StatsHistory {
  private readonly last = new Map<string, Counters>();
  private readonly samples = new Map<string, DomainSample[]>();

  add(records: readonly DomainStatsRecord[], at: number): Map<string, DomainSample> {
    const tick = new Map<string, DomainSample>();
    const seen = new Set<string>();
    for (const record of records) {
      const uuid = record.domain.uuid;
      seen.add(uuid);
      const now = counters(record, at);
      const before = this.last.get(uuid);
      this.last.set(uuid, now);
      if (!before) continue;
      const seconds = (now.at - before.at) / 1000;
      const sample: DomainSample = {
        cpuPercent: percent((rate(now.cpuNs, before.cpuNs, seconds) / 1e9 / now.vcpus) * 100),
        vcpus: now.vcpus,
        memoryKiB: now.memoryKiB,
        diskReadBps: rate(now.rd, before.rd, seconds),
        diskWriteBps: rate(now.wr, before.wr, seconds),
        netRxBps: rate(now.rx, before.rx, seconds),
        netTxBps: rate(now.tx, before.tx, seconds),
      };
      const list = this.samples.get(uuid) ?? [];
      list.push(sample);
      if (list.length > HISTORY_LENGTH) list.shift();
      this.samples.set(uuid, list);
      tick.set(uuid, sample);
    }
    for (const uuid of [...this.last.keys()]) {
      if (!seen.has(uuid)) {
        this.last.delete(uuid);
        this.samples.delete(uuid);
      }
    }
    return tick;
  }

  history(uuid: string): readonly DomainSample[] {
    return this.samples.get(uuid) ?? [];
  }
}
