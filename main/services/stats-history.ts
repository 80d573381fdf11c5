import type { DomainStatsRecord } from '../../drivers/api/index.js';

import { sampleAt, SAMPLE_OFFSET, SAMPLE_WIDTH, type DomainSample } from '../api/contract/index.js';

export type { DomainSample };

export const HISTORY_LENGTH = 120;

/** One tick's samples: the domains by UUID and SAMPLE_WIDTH figures for each, as the stats event carries them. */
export interface StatsFrame {
  readonly uuids: string[];
  readonly values: number[];
}

// A domain's counters at its last sample, in one small array reused tick after tick.
const AT = 0;
const CPU_NS = 1;
const VCPUS = 2;
const MEMORY_KIB = 3;
const RD = 4;
const WR = 5;
const RX = 6;
const TX = 7;
const COUNTERS = 8;

/** One domain: its last counters and a ring of its last HISTORY_LENGTH samples, all in typed arrays. */
interface Track {
  readonly last: Float64Array;
  readonly ring: Float64Array;
  /** Where the next sample goes in the ring, and how many it holds. */
  next: number;
  size: number;
  /** The tick that last saw the domain: a domain missing from a tick is forgotten. */
  seen: number;
}

// One pass over the record's fields (a running guest has dozens): no map, no field names built per disk or NIC.
function readCounters(record: DomainStatsRecord, at: number, out: Float64Array): void {
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
  out[AT] = at;
  out[CPU_NS] = cpuNs;
  out[VCPUS] = Math.max(1, vcpuCurrent || vcpuMaximum || 1);
  out[MEMORY_KIB] = memoryKiB;
  out[RD] = rd;
  out[WR] = wr;
  out[RX] = rx;
  out[TX] = tx;
}

// Whole bytes per second and hundredths of a percent: what a graph can show, and short in every tick's JSON
// (a double's shortest decimal form is long and slow to print and to parse, a thousand guests at a time).
const rate = (now: number, before: number, seconds: number): number => (now >= before && seconds > 0 ? Math.round((now - before) / seconds) : 0);
const percent = (x: number): number => Math.round(Math.min(100, Math.max(0, x)) * 100) / 100;

/**
 * Turns bulk-stats records (counters) into rates and keeps the last 120 samples per domain. A domain that
 * restarted (counters went back) gets a zero sample rather than a negative one. A tick allocates only its frame:
 * counters and history live in typed arrays per domain, reused from tick to tick.
 */
export class StatsHistory {
  private readonly tracks = new Map<string, Track>();
  private readonly scratch = new Float64Array(COUNTERS);
  private tickNo = 0;

  add(records: readonly DomainStatsRecord[], at: number): StatsFrame {
    const tick = ++this.tickNo;
    const uuids: string[] = [];
    const values: number[] = [];
    const now = this.scratch;
    for (const record of records) {
      const uuid = record.domain.uuid;
      readCounters(record, at, now);
      let track = this.tracks.get(uuid);
      if (!track) {
        track = { last: new Float64Array(COUNTERS), ring: new Float64Array(HISTORY_LENGTH * SAMPLE_WIDTH), next: 0, size: 0, seen: tick };
        this.tracks.set(uuid, track);
        track.last.set(now);
        continue;
      }
      track.seen = tick;
      const before = track.last;
      const seconds = (now[AT]! - before[AT]!) / 1000;
      const o = track.next * SAMPLE_WIDTH;
      const ring = track.ring;
      ring[o + SAMPLE_OFFSET.cpuPercent] = percent((rate(now[CPU_NS]!, before[CPU_NS]!, seconds) / 1e9 / now[VCPUS]!) * 100);
      ring[o + SAMPLE_OFFSET.vcpus] = now[VCPUS]!;
      ring[o + SAMPLE_OFFSET.memoryKiB] = now[MEMORY_KIB]!;
      ring[o + SAMPLE_OFFSET.diskReadBps] = rate(now[RD]!, before[RD]!, seconds);
      ring[o + SAMPLE_OFFSET.diskWriteBps] = rate(now[WR]!, before[WR]!, seconds);
      ring[o + SAMPLE_OFFSET.netRxBps] = rate(now[RX]!, before[RX]!, seconds);
      ring[o + SAMPLE_OFFSET.netTxBps] = rate(now[TX]!, before[TX]!, seconds);
      before.set(now);
      track.next = (track.next + 1) % HISTORY_LENGTH;
      if (track.size < HISTORY_LENGTH) track.size++;
      uuids.push(uuid);
      for (let k = 0; k < SAMPLE_WIDTH; k++) values.push(ring[o + k]!);
    }
    for (const [uuid, track] of this.tracks) if (track.seen !== tick) this.tracks.delete(uuid);
    return { uuids, values };
  }

  history(uuid: string): readonly DomainSample[] {
    const track = this.tracks.get(uuid);
    if (!track) return [];
    const out: DomainSample[] = [];
    const first = (track.next - track.size + HISTORY_LENGTH) % HISTORY_LENGTH;
    for (let n = 0; n < track.size; n++) {
      const slot = (first + n) % HISTORY_LENGTH;
      out.push(sampleAt(track.ring, slot));
    }
    return out;
  }
}
