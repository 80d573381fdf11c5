// Bulk-stats counters into rates: what the sparklines and the host graph show.
import { describe, expect, it } from 'vitest';
import type { Domain, DomainStatsRecord, TypedParameter } from '../../drivers/api/index.js';
import { samplesOf } from '../../main/api/contract/index.js';
import { HISTORY_LENGTH, StatsHistory } from '../../main/services/stats-history.js';

const ULL = 4;
const domain = (uuid: string): Domain => ({ uuid, name: uuid, id: 1 }) as unknown as Domain;
const record = (uuid: string, fields: Record<string, number | string>): DomainStatsRecord => ({
  domain: domain(uuid),
  params: Object.entries(fields).map(([field, value]): TypedParameter => ({ field, type: typeof value === 'string' ? 7 : ULL, value })),
});

/** A guest with two disks and two NICs, counters as libvirt reports them at `s` seconds of a steady load. */
const guest = (uuid: string, s: number): DomainStatsRecord => record(uuid, {
  'state.state': 1, 'cpu.time': s * 1.5e9, 'vcpu.current': 2, 'vcpu.maximum': 4, 'balloon.current': 1048576,
  'block.count': 2, 'block.0.name': 'vda', 'block.0.rd.bytes': s * 1000, 'block.0.wr.bytes': s * 10, 'block.0.rd.reqs': s,
  'block.1.name': 'sda', 'block.1.rd.bytes': s * 3000, 'block.1.wr.bytes': s * 30,
  'net.count': 2, 'net.0.name': 'vnet0', 'net.0.rx.bytes': s * 500, 'net.0.tx.bytes': s * 50, 'net.0.rx.pkts': s,
  'net.1.rx.bytes': s * 1500, 'net.1.tx.bytes': s * 150,
});

describe('StatsHistory', () => {
  it('turns counters into per-second rates summed over every disk and NIC, CPU as % of the vCPUs', () => {
    const h = new StatsHistory();
    expect(h.add([guest('a', 10)], 10_000).uuids).toHaveLength(0); // the first sample only sets the counters
    const tick = samplesOf(h.add([guest('a', 12)], 12_000));
    expect(tick.get('a')).toEqual({
      cpuPercent: 75, vcpus: 2, memoryKiB: 1048576, diskReadBps: 4000, diskWriteBps: 40, netRxBps: 2000, netTxBps: 200,
    });
    expect(h.history('a')).toHaveLength(1);
  });

  it('rounds rates to whole bytes per second and CPU to hundredths of a percent', () => {
    const h = new StatsHistory();
    h.add([record('r', { 'cpu.time': 0, 'vcpu.current': 3, 'block.0.rd.bytes': 0 })], 0);
    const tick = samplesOf(h.add([record('r', { 'cpu.time': 1e9, 'vcpu.current': 3, 'block.0.rd.bytes': 1000 })], 3000));
    expect(tick.get('r')).toMatchObject({ cpuPercent: 11.11, diskReadBps: 333 });
  });

  it('gives a restarted guest (counters went back) a zero sample, and forgets a guest gone from the records', () => {
    const h = new StatsHistory();
    h.add([guest('a', 100), guest('b', 1)], 1000);
    const tick = samplesOf(h.add([guest('a', 1), guest('b', 2)], 2000));
    expect(tick.get('a')).toMatchObject({ cpuPercent: 0, diskReadBps: 0, netTxBps: 0 });
    expect(tick.get('b')?.diskReadBps).toBe(4000);
    h.add([guest('b', 3)], 3000);
    expect(h.history('a')).toEqual([]);
    expect(h.history('b')).toHaveLength(2);
  });

  it('uses the maximum vCPUs when the current count is missing, and keeps the last HISTORY_LENGTH samples', () => {
    const h = new StatsHistory();
    const cpuOnly = (s: number): DomainStatsRecord => record('c', { 'cpu.time': s * 1e9, 'vcpu.maximum': 4 });
    for (let s = 0; s <= HISTORY_LENGTH + 5; s++) h.add([cpuOnly(s)], s * 1000);
    const samples = h.history('c');
    expect(samples).toHaveLength(HISTORY_LENGTH);
    expect(samples.at(-1)).toMatchObject({ cpuPercent: 25, vcpus: 4, memoryKiB: 0, diskReadBps: 0 });
  });

  it('gives the history oldest first after the ring has wrapped, and a frame in the event\'s flat layout', () => {
    const h = new StatsHistory();
    // Disk reads grow by 1000·s bytes in second s: the rate at tick s is 1000·s B/s.
    let bytes = 0;
    for (let s = 0; s <= HISTORY_LENGTH + 7; s++) {
      bytes += 1000 * s;
      const frame = h.add([record('w', { 'block.0.rd.bytes': bytes, 'vcpu.current': 1 })], s * 1000);
      if (s > 0) expect(frame).toEqual({ uuids: ['w'], values: [0, 1, 0, 1000 * s, 0, 0, 0] });
    }
    const rates = h.history('w').map((x) => x.diskReadBps);
    expect(rates).toHaveLength(HISTORY_LENGTH);
    expect(rates[0]).toBe(1000 * 8);
    expect(rates.at(-1)).toBe(1000 * (HISTORY_LENGTH + 7));
    expect(rates.every((r, i) => i === 0 || r > rates[i - 1]!)).toBe(true);
  });
});
