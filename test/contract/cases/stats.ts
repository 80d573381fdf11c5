// Bulk domain stats (virConnectGetAllDomainStats / virDomainListGetStats).
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { names, param } from '../support.js';

export function statsCases(s: SuiteScope): void {
  const it = s.it;
  it('returns one record per domain with its state', async () => {
    const c = s.conn();
    const recs = await c.getAllDomainStats(api.VIR_DOMAIN_STATS_STATE);
    expect(names(recs.map((r) => r.domain))).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'gamma']);
    for (const r of recs) {
      const st = await r.domain.getState();
      expect(param(r, 'state.state')).toBe(st.state);
      expect(param(r, 'state.reason')).toBe(st.reason);
    }
  });

  it('filters records by domain state', async () => {
    const c = s.conn();
    const active = await c.getAllDomainStats(api.VIR_DOMAIN_STATS_STATE, api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE);
    expect(names(active.map((r) => r.domain))).toEqual(['alpha', 'delta', 'gamma']);
    const paused = await c.getAllDomainStats(api.VIR_DOMAIN_STATS_STATE, api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED);
    expect(names(paused.map((r) => r.domain))).toEqual(['gamma']);
  });

  it('returns stats for a chosen list of domains', async () => {
    const c = s.conn();
    const alpha = await c.domainLookupByName('alpha');
    const recs = await c.domainListGetStats([alpha], api.VIR_DOMAIN_STATS_STATE);
    expect(recs).toHaveLength(1);
    expect(recs[0]?.domain.uuid).toBe(alpha.uuid);
    expect(param(recs[0] as api.DomainStatsRecord, 'state.state')).toBe(api.VIR_DOMAIN_RUNNING);
  });

  it('follows state changes', async () => {
    const c = s.conn();
    await (await c.domainLookupByName('alpha')).suspend();
    const recs = await c.getAllDomainStats(api.VIR_DOMAIN_STATS_STATE, api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED);
    expect(names(recs.map((r) => r.domain))).toEqual(['alpha', 'gamma']);
  });

  it.runIf(s.features.richStats)('reports CPU time that grows while a domain runs, and memory, vCPU, net and block counters', async () => {
    const c = s.conn();
    const groups =
      api.VIR_DOMAIN_STATS_CPU_TOTAL | api.VIR_DOMAIN_STATS_BALLOON | api.VIR_DOMAIN_STATS_VCPU | api.VIR_DOMAIN_STATS_INTERFACE | api.VIR_DOMAIN_STATS_BLOCK;
    const alpha = await c.domainLookupByName('alpha');
    const [first] = await c.domainListGetStats([alpha], groups);
    const t1 = Number(param(first as api.DomainStatsRecord, 'cpu.time'));
    // QEMU's cpu.time moves in the kernel's 10 ms ticks, and an idle guest may spend less than one in a short
    // wait: asked again until it moves (it must, within seconds, for a running guest).
    let second: api.DomainStatsRecord | undefined;
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 150));
      [second] = await c.domainListGetStats([alpha], groups);
      if (Number(param(second as api.DomainStatsRecord, 'cpu.time')) > t1) break;
    }
    const t2 = Number(param(second as api.DomainStatsRecord, 'cpu.time'));
    expect(t2).toBeGreaterThan(t1);
    const rec = second as api.DomainStatsRecord;
    expect(param(rec, 'balloon.current')).toBe(524288);
    expect(param(rec, 'balloon.maximum')).toBe(1048576);
    expect(param(rec, 'vcpu.current')).toBe(2);
    expect(param(rec, 'vcpu.maximum')).toBe(4);
    expect(param(rec, 'net.count')).toBe(1);
    expect(Number(param(rec, 'net.0.rx.bytes'))).toBeGreaterThanOrEqual(Number(param(first as api.DomainStatsRecord, 'net.0.rx.bytes')));
    expect(param(rec, 'block.count')).toBe(1);
    expect(param(rec, 'block.0.name')).toBe('vda');
  });

  it.runIf(s.features.richStats)('stops CPU time while a domain is paused', async () => {
    const c = s.conn();
    const gamma = await c.domainLookupByName('gamma');
    const groups = api.VIR_DOMAIN_STATS_CPU_TOTAL | api.VIR_DOMAIN_STATS_VCPU;
    const [a] = await c.domainListGetStats([gamma], groups);
    await new Promise((r) => setTimeout(r, 100));
    const [b] = await c.domainListGetStats([gamma], groups);
    // The guest's vCPUs stop. (QEMU's own threads — its main loop, I/O — may still spend a few ms of the
    // process's cpu.time while paused, so the whole-process counter is not the measure of a paused guest.)
    expect(param(b as api.DomainStatsRecord, 'vcpu.0.time')).toBe(param(a as api.DomainStatsRecord, 'vcpu.0.time'));
    expect(param(b as api.DomainStatsRecord, 'vcpu.0.state')).toBe(param(a as api.DomainStatsRecord, 'vcpu.0.state'));
  });
}
