// Guest operations beyond the lifecycle: rename, addresses, keys, screenshots, save and restore, host sysinfo,
// jobs and DHCP leases.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { collect, domainLifecycle, expectVirError, names } from '../support.js';

export function guestOpCases(s: SuiteScope): void {
  const it = s.it;
  const dom = (name: string): Promise<api.Domain> => s.conn().domainLookupByName(name);

  it('renames a shut off domain with UNDEFINED/RENAMED and DEFINED/RENAMED events', async () => {
    const c = s.conn();
    const beta = await dom('beta');
    const log = await domainLifecycle(c);
    await beta.rename('beta-renamed');
    expect(names(await c.listAllDomains())).toContain('beta-renamed');
    await expectVirError(c.domainLookupByName('beta'), api.VIR_ERR_NO_DOMAIN);
    expect((await c.domainLookupByName('beta-renamed')).uuid).toBe(beta.uuid);
    const defined = await log.next((e) => e.event === api.VIR_DOMAIN_EVENT_DEFINED);
    expect([defined.domain.name, defined.detail]).toEqual(['beta-renamed', api.VIR_DOMAIN_EVENT_DEFINED_RENAMED]);
    expect(log.events[0]?.detail).toBe(api.VIR_DOMAIN_EVENT_UNDEFINED_RENAMED);
    await log.dispose();
  });

  it('refuses to rename an active domain, onto a taken name, or to itself', async () => {
    await expectVirError((await dom('alpha')).rename('x'), api.VIR_ERR_OPERATION_INVALID, /cannot rename active domain/);
    const beta = await dom('beta');
    await expectVirError(beta.rename('alpha'), api.VIR_ERR_OPERATION_INVALID, /domain with name 'alpha' already exists/);
    await expectVirError(beta.rename('beta'), api.VIR_ERR_OPERATION_INVALID, /Can't rename domain to itself/);
    await expectVirError(beta.rename('a/b'), api.VIR_ERR_XML_ERROR, /name a\/b cannot contain '\/'/);
  });

  it('reports the addresses of a running guest, from its network', async () => {
    const alpha = await dom('alpha');
    const ifaces = await alpha.interfaceAddresses(api.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE);
    expect(ifaces).toEqual([
      { name: 'testnet0', hwaddr: '52:54:00:00:00:01', addrs: [{ type: api.VIR_IP_ADDR_TYPE_IPV4, addr: `192.168.150.${2 + 20 * (alpha.id - 1) + 1}`, prefix: 24 }] },
    ]);
    await expectVirError((await dom('beta')).interfaceAddresses(api.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE), api.VIR_ERR_OPERATION_INVALID, /domain is not running/);
  });

  it('gives a NIC without MAC or ifname both when defined', async () => {
    const d = await s.conn().domainDefineXML(
      "<domain type='test'><name>nic</name><memory>262144</memory><os><type>hvm</type></os><devices><interface type='network'><source network='net-b'/></interface></devices></domain>",
    );
    const xml = await d.getXMLDesc();
    expect(xml).toMatch(/<mac address='52:54:00:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}'\/>/);
    expect(xml).toContain("<target dev='testnet0'/>");
  });

  it('sends keys to a running guest and refuses invalid key codes or a stopped guest', async () => {
    const alpha = await dom('alpha');
    await alpha.sendKey(api.VIR_KEYCODE_SET_LINUX, 10, [29, 56, 111]);
    await expectVirError(alpha.sendKey(api.VIR_KEYCODE_SET_LINUX, 10, [99999]), api.VIR_ERR_INTERNAL_ERROR, /invalid keycode 99999 of linux codeset/);
    await expectVirError((await dom('beta')).sendKey(api.VIR_KEYCODE_SET_LINUX, 10, [29]), api.VIR_ERR_OPERATION_INVALID, /domain is not running/);
  });

  it('takes a PNG screenshot of a running guest', async () => {
    const shot = await (await dom('alpha')).screenshot(0);
    expect(shot.mime).toBe('image/png');
    expect([...shot.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('reports the host SMBIOS information', async () => {
    expect(await s.conn().getSysinfo()).toMatch(/^<sysinfo type='smbios'>/);
  });

  it('saves a running guest to a file and restores it', async () => {
    const c = s.conn();
    const file = join(tmpdir(), `hangar-contract-${process.pid}-${Date.now()}.save`);
    try {
      const alpha = await dom('alpha');
      const log = await domainLifecycle(c);
      await alpha.save(file);
      expect(await alpha.getState()).toEqual({ state: api.VIR_DOMAIN_SHUTOFF, reason: api.VIR_DOMAIN_SHUTOFF_SAVED });
      await c.domainRestore(file);
      expect(await alpha.getState()).toEqual({ state: api.VIR_DOMAIN_RUNNING, reason: api.VIR_DOMAIN_RUNNING_RESTORED });
      const ev = await log.next((e) => e.event === api.VIR_DOMAIN_EVENT_STARTED);
      expect(ev.detail).toBe(api.VIR_DOMAIN_EVENT_STARTED_RESTORED);
      await expectVirError(c.domainRestore(file), api.VIR_ERR_OPERATION_INVALID, /domain 'alpha' is already active/);
      await log.dispose();
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('refuses to restore from a file that does not exist, or to save with changed XML', async () => {
    await expectVirError(s.conn().domainRestore('/nonexistent/hangar.save'), api.VIR_ERR_SYSTEM_ERROR, /cannot read domain image '\/nonexistent\/hangar.save': No such file or directory/);
    await expectVirError((await dom('alpha')).save('/nonexistent/x.save', '<domain/>'), api.VIR_ERR_ARGUMENT_UNSUPPORTED, /xml modification unsupported/);
  });

  it.runIf(s.features.jobsAndLeases)('reports no job on an idle guest and refuses to abort one', async () => {
    const alpha = await dom('alpha');
    expect((await alpha.getJobInfo()).type).toBe(api.VIR_DOMAIN_JOB_NONE);
    expect((await alpha.getJobStats()).type).toBe(api.VIR_DOMAIN_JOB_NONE);
    await expectVirError(alpha.abortJob(), api.VIR_ERR_OPERATION_INVALID, /no job is active on the domain/);
  });

  it.runIf(s.features.jobsAndLeases)('reports a completed save job with a JOB_COMPLETED event and in the job stats', async () => {
    const c = s.conn();
    const alpha = await dom('alpha');
    const log = await collect<api.DomainJobCompletedEvent>((l) => c.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_JOB_COMPLETED, l));
    await alpha.managedSave();
    const ev = await log.next((e) => e.domain.name === 'alpha');
    expect(ev.params.find((p) => p.field === 'operation')?.value).toBe(api.VIR_DOMAIN_JOB_OPERATION_SAVE);
    const stats = await alpha.getJobStats(api.VIR_DOMAIN_JOB_STATS_COMPLETED);
    expect(stats.type).toBe(api.VIR_DOMAIN_JOB_COMPLETED);
    expect(stats.params.operation).toBe(api.VIR_DOMAIN_JOB_OPERATION_SAVE);
    await log.dispose();
  });

  it.runIf(s.features.jobsAndLeases)('lists DHCP leases of the running guests on a network', async () => {
    const c = s.conn();
    expect(await (await dom('alpha')).isActive()).toBe(true);
    const leases = await (await c.networkLookupByName('net-a')).getDHCPLeases();
    // The address and name net-a reserves for alpha's MAC (on libvirtd, dnsmasq hands them out).
    expect(leases.map((l) => [l.mac, l.ipaddr, l.hostname])).toEqual([['52:54:00:00:00:01', '192.168.150.3', 'alpha']]);
    expect(await (await c.networkLookupByName('net-a')).getDHCPLeases('52:54:00:ff:ff:ff')).toEqual([]);
  });
}
