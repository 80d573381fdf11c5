// Event registrations: per-domain filters, other event kinds, and deregistration.
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { collect, domainXml } from '../support.js';

export function eventCases(s: SuiteScope): void {
  const it = s.it;
  it('delivers only the events of the domain a registration names', async () => {
    const c = s.conn();
    const alpha = await c.domainLookupByName('alpha');
    const log = await collect<api.DomainLifecycleEvent>((l) => c.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, l, alpha));
    await (await c.domainLookupByName('beta')).create();
    await alpha.suspend();
    const ev = await log.next(() => true);
    expect(ev.domain.name).toBe('alpha');
    expect(ev.event).toBe(api.VIR_DOMAIN_EVENT_SUSPENDED);
    await new Promise((r) => setTimeout(r, 50));
    expect(log.events.every((e) => e.domain.name === 'alpha')).toBe(true);
    await log.dispose();
  });

  it('stops delivering once a registration is disposed', async () => {
    const c = s.conn();
    const log = await collect<api.DomainLifecycleEvent>((l) => c.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, l));
    await (await c.domainLookupByName('alpha')).suspend();
    await log.next((e) => e.domain.name === 'alpha');
    await log.dispose();
    const count = log.events.length;
    await (await c.domainLookupByName('alpha')).resume();
    await c.domainDefineXML(domainXml('late'));
    await new Promise((r) => setTimeout(r, 100));
    expect(log.events.length).toBe(count);
  });

  it('delivers events in the order the changes happened', async () => {
    const c = s.conn();
    const log = await collect<api.DomainLifecycleEvent>((l) => c.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, l));
    const beta = await c.domainLookupByName('beta');
    await beta.create();
    await beta.suspend();
    await beta.resume();
    await beta.destroy();
    await log.next((e) => e.event === api.VIR_DOMAIN_EVENT_STOPPED);
    expect(log.events.map((e) => e.event)).toEqual([
      api.VIR_DOMAIN_EVENT_STARTED,
      api.VIR_DOMAIN_EVENT_SUSPENDED,
      api.VIR_DOMAIN_EVENT_RESUMED,
      api.VIR_DOMAIN_EVENT_STOPPED,
    ]);
    await log.dispose();
  });

  it('delivers metadata change events', async () => {
    const c = s.conn();
    const log = await collect<api.DomainMetadataChangeEvent>((l) => c.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, l));
    await (await c.domainLookupByName('beta')).setMetadata(api.VIR_DOMAIN_METADATA_TITLE, 'Beta', null, null);
    const ev = await log.next((e) => e.domain.name === 'beta');
    expect(ev.type).toBe(api.VIR_DOMAIN_METADATA_TITLE);
    await log.dispose();
  });

  it.runIf(s.features.guestEvents)('sends a REBOOT event when a guest reboots', async () => {
    const c = s.conn();
    const log = await collect<api.DomainRebootEvent>((l) => c.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_REBOOT, l));
    await (await c.domainLookupByName('alpha')).reboot();
    // A real guest first has to power off on the ACPI button it is sent (about a second under emulation).
    expect((await log.next(() => true, s.guestBootMs)).domain.name).toBe('alpha');
    await log.dispose();
  });

  it.runIf(s.features.guestEvents)('sends a BALLOON_CHANGE event with the new size when live memory changes', async () => {
    const c = s.conn();
    const log = await collect<api.DomainBalloonChangeEvent>((l) => c.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, l));
    await (await c.domainLookupByName('alpha')).setMemory(393216, api.VIR_DOMAIN_AFFECT_LIVE);
    // A real guest's balloon reports its way there: earlier events may carry sizes in between.
    const ev = await log.next((e) => e.actual === 393216);
    expect([ev.domain.name, ev.actual]).toEqual(['alpha', 393216]);
    await log.dispose();
  });

  it('filters network events by network', async () => {
    const c = s.conn();
    const netA = await c.networkLookupByName('net-a');
    const log = await collect<api.NetworkLifecycleEvent>((l) => c.networkEventRegisterAny(api.VIR_NETWORK_EVENT_ID_LIFECYCLE, l, netA));
    await (await c.networkLookupByName('net-b')).destroy();
    await netA.destroy();
    const ev = await log.next(() => true);
    expect([ev.network.name, ev.event]).toEqual(['net-a', api.VIR_NETWORK_EVENT_STOPPED]);
    await log.dispose();
  });
}
