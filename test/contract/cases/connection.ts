// Connection information, liveness and closing.
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { expectVirError } from '../support.js';

export function connectionCases(s: SuiteScope): void {
  const it = s.it;
  it('reports the driver type', async () => {
    const type = await s.conn().getType();
    expect(type).toBe(s.backend === 'libvirt-qemu' ? 'QEMU' : 'TEST');
  });

  it('reports hypervisor and library versions', async () => {
    const c = s.conn();
    expect(await c.getVersion()).toBeGreaterThan(0);
    expect(await c.getLibVersion()).toBeGreaterThanOrEqual(1_000_000);
  });

  it('reports a host name', async () => {
    expect((await s.conn().getHostname()).length).toBeGreaterThan(0);
  });

  it('reports the URI of the fixture host', async () => {
    expect(await s.conn().getURI()).toMatch(/^test(\+[a-z]+)?:\/\/.*contract-node\.xml/);
  });

  it('reports the node info of the fixture', async () => {
    const info = await s.conn().nodeGetInfo();
    expect(info).toEqual({ model: 'x86_64', memory: 8388608, cpus: 8, mhz: 2000, nodes: 1, sockets: 2, cores: 2, threads: 2 });
  });

  it('reports the maximum vCPUs of the test hypervisor', async () => {
    expect(await s.conn().getMaxVcpus(null)).toBe(32);
  });

  it.runIf(s.features.freeMemory)('reports free memory as a non-negative number', async () => {
    const free = await s.conn().nodeGetFreeMemory();
    expect(Number.isFinite(free)).toBe(true);
    expect(free).toBeGreaterThanOrEqual(0);
  });

  it('returns capabilities XML with host and guest sections', async () => {
    const caps = await s.conn().getCapabilities();
    expect(caps).toMatch(/^<capabilities>/);
    expect(caps).toContain('<host>');
    expect(caps).toContain('<guest>');
    expect(caps).toContain('<os_type>hvm</os_type>');
  });

  it('is alive until closed, then refuses calls with VIR_ERR_INVALID_CONN', async () => {
    const c = s.conn();
    expect(c.isAlive()).toBe(true);
    await c.close();
    expect(c.isAlive()).toBe(false);
    await expectVirError(c.listAllDomains(), api.VIR_ERR_INVALID_CONN);
    await c.close();
  });

  it('tells close listeners why it closed', async () => {
    const c = s.conn();
    const reasons: number[] = [];
    c.onClose((r) => reasons.push(r));
    const removed: number[] = [];
    c.onClose((r) => removed.push(r)).dispose();
    await c.close();
    expect(reasons).toEqual([api.VIR_CONNECT_CLOSE_REASON_CLIENT]);
    expect(removed).toEqual([]);
  });
}
