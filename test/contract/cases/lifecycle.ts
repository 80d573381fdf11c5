// The domain state machine: start, stop, pause, resume, reboot, managed save, resources, with libvirt's
// error codes and messages for every transition that is not allowed.
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { domainLifecycle, expectVirError } from '../support.js';

export function lifecycleCases(s: SuiteScope): void {
  const it = s.it;
  const dom = (name: string): Promise<api.Domain> => s.conn().domainLookupByName(name);

  it('starts a shut off domain: running, booted, with a new ID and a STARTED event', async () => {
    const log = await domainLifecycle(s.conn());
    const beta = await dom('beta');
    await beta.create();
    expect(await beta.getState()).toEqual({ state: api.VIR_DOMAIN_RUNNING, reason: api.VIR_DOMAIN_RUNNING_BOOTED });
    const again = await dom('beta');
    expect(again.id).toBeGreaterThan(0);
    const ev = await log.next((e) => e.domain.name === 'beta');
    expect([ev.event, ev.detail]).toEqual([api.VIR_DOMAIN_EVENT_STARTED, api.VIR_DOMAIN_EVENT_STARTED_BOOTED]);
    expect(ev.domain.uuid).toBe(beta.uuid);
    await log.dispose();
  });

  it('gives each started domain its own ID, found by lookupByID', async () => {
    const c = s.conn();
    await (await dom('beta')).create();
    const ids = (await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_ACTIVE)).map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    const beta = await dom('beta');
    expect((await c.domainLookupByID(beta.id)).name).toBe('beta');
  });

  it('refuses to start a running domain', async () => {
    await expectVirError((await dom('alpha')).create(), api.VIR_ERR_INTERNAL_ERROR, /Domain 'alpha' is already running/);
  });

  it('destroys a running domain: shut off, destroyed, ID gone, STOPPED event', async () => {
    const log = await domainLifecycle(s.conn());
    const alpha = await dom('alpha');
    await alpha.destroy();
    expect(await alpha.getState()).toEqual({ state: api.VIR_DOMAIN_SHUTOFF, reason: api.VIR_DOMAIN_SHUTOFF_DESTROYED });
    expect((await dom('alpha')).id).toBe(-1);
    const ev = await log.next((e) => e.domain.name === 'alpha');
    expect([ev.event, ev.detail]).toEqual([api.VIR_DOMAIN_EVENT_STOPPED, api.VIR_DOMAIN_EVENT_STOPPED_DESTROYED]);
    await log.dispose();
  });

  it('refuses to destroy a domain that is not running', async () => {
    await expectVirError((await dom('beta')).destroy(), api.VIR_ERR_OPERATION_INVALID, /domain is not running/);
  });

  it('shuts a running domain down with a STOPPED/SHUTDOWN event', async () => {
    const log = await domainLifecycle(s.conn());
    const alpha = await dom('alpha');
    await alpha.shutdown();
    expect(await alpha.getState()).toEqual({ state: api.VIR_DOMAIN_SHUTOFF, reason: api.VIR_DOMAIN_SHUTOFF_SHUTDOWN });
    const ev = await log.next((e) => e.domain.name === 'alpha');
    expect([ev.event, ev.detail]).toEqual([api.VIR_DOMAIN_EVENT_STOPPED, api.VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN]);
    await log.dispose();
  });

  it('refuses to shut down a shut off domain', async () => {
    await expectVirError((await dom('beta')).shutdown(), api.VIR_ERR_INTERNAL_ERROR, /domain 'beta' not running/);
  });

  it('pauses a running domain with a SUSPENDED event', async () => {
    const log = await domainLifecycle(s.conn());
    const alpha = await dom('alpha');
    await alpha.suspend();
    expect(await alpha.getState()).toEqual({ state: api.VIR_DOMAIN_PAUSED, reason: api.VIR_DOMAIN_PAUSED_USER });
    const ev = await log.next((e) => e.domain.name === 'alpha');
    expect([ev.event, ev.detail]).toEqual([api.VIR_DOMAIN_EVENT_SUSPENDED, api.VIR_DOMAIN_EVENT_SUSPENDED_PAUSED]);
    await log.dispose();
  });

  it('refuses to pause a paused or shut off domain', async () => {
    await expectVirError((await dom('gamma')).suspend(), api.VIR_ERR_INTERNAL_ERROR, /domain 'gamma' not running/);
    await expectVirError((await dom('beta')).suspend(), api.VIR_ERR_INTERNAL_ERROR, /domain 'beta' not running/);
  });

  it('resumes a paused domain with a RESUMED event', async () => {
    const log = await domainLifecycle(s.conn());
    const gamma = await dom('gamma');
    await gamma.resume();
    expect(await gamma.getState()).toEqual({ state: api.VIR_DOMAIN_RUNNING, reason: api.VIR_DOMAIN_RUNNING_UNPAUSED });
    const ev = await log.next((e) => e.domain.name === 'gamma');
    expect([ev.event, ev.detail]).toEqual([api.VIR_DOMAIN_EVENT_RESUMED, api.VIR_DOMAIN_EVENT_RESUMED_UNPAUSED]);
    await log.dispose();
  });

  it('refuses to resume a domain that is not paused', async () => {
    await expectVirError((await dom('alpha')).resume(), api.VIR_ERR_INTERNAL_ERROR, /domain 'alpha' not paused/);
    await expectVirError((await dom('beta')).resume(), api.VIR_ERR_INTERNAL_ERROR, /domain 'beta' not paused/);
  });

  it('shuts a paused domain down', async () => {
    const gamma = await dom('gamma');
    await gamma.shutdown();
    expect((await gamma.getState()).state).toBe(api.VIR_DOMAIN_SHUTOFF);
  });

  it('reboots a running domain, which stays running', async () => {
    const alpha = await dom('alpha');
    await alpha.reboot();
    expect((await alpha.getState()).state).toBe(api.VIR_DOMAIN_RUNNING);
    expect(await alpha.isActive()).toBe(true);
  });

  it('refuses to reboot or reset a domain that is not running', async () => {
    const beta = await dom('beta');
    await expectVirError(beta.reboot(), api.VIR_ERR_OPERATION_INVALID, /domain is not running/);
    await expectVirError(beta.reset(), api.VIR_ERR_OPERATION_INVALID, /domain is not running/);
  });

  it('resets a running domain', async () => {
    const alpha = await dom('alpha');
    await alpha.reset();
    expect((await alpha.getState()).state).toBe(api.VIR_DOMAIN_RUNNING);
  });

  it('managed-saves a running domain: shut off, saved, image present, STOPPED/SAVED event', async () => {
    const log = await domainLifecycle(s.conn());
    const alpha = await dom('alpha');
    await alpha.managedSave();
    expect(await alpha.getState()).toEqual({ state: api.VIR_DOMAIN_SHUTOFF, reason: api.VIR_DOMAIN_SHUTOFF_SAVED });
    expect(await alpha.hasManagedSaveImage()).toBe(true);
    const ev = await log.next((e) => e.domain.name === 'alpha');
    expect([ev.event, ev.detail]).toEqual([api.VIR_DOMAIN_EVENT_STOPPED, api.VIR_DOMAIN_EVENT_STOPPED_SAVED]);
    await log.dispose();
  });

  it('starting a managed-saved domain consumes the image', async () => {
    const eps = await dom('epsilon');
    expect(await eps.hasManagedSaveImage()).toBe(true);
    await eps.create();
    expect((await eps.getState()).state).toBe(api.VIR_DOMAIN_RUNNING);
    expect(await eps.hasManagedSaveImage()).toBe(false);
  });

  it('removes a managed save image', async () => {
    const eps = await dom('epsilon');
    await eps.managedSaveRemove();
    expect(await eps.hasManagedSaveImage()).toBe(false);
    expect(await s.conn().listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE)).toEqual([]);
  });

  it('refuses managed save of a transient or shut off domain', async () => {
    await expectVirError((await dom('delta')).managedSave(), api.VIR_ERR_OPERATION_INVALID, /cannot do managed save for transient domain/);
    await expectVirError((await dom('beta')).managedSave(), api.VIR_ERR_OPERATION_INVALID, /domain is not running/);
  });

  it('removes a transient domain once it stops', async () => {
    const delta = await dom('delta');
    await delta.shutdown();
    await expectVirError(s.conn().domainLookupByName('delta'), api.VIR_ERR_NO_DOMAIN);
    expect((await s.conn().listAllDomains()).map((d) => d.name)).not.toContain('delta');
  });

  it('changes the current memory of a running domain', async () => {
    const alpha = await dom('alpha');
    await alpha.setMemory(262144, api.VIR_DOMAIN_AFFECT_LIVE);
    expect((await alpha.getInfo()).memory).toBe(262144);
  });

  it('refuses memory above the maximum', async () => {
    await expectVirError((await dom('alpha')).setMemory(4194304), api.VIR_ERR_INVALID_ARG, /cannot set memory higher than max memory/);
  });

  it('refuses to change the maximum memory of a running domain', async () => {
    await expectVirError(
      (await dom('alpha')).setMemory(2097152, api.VIR_DOMAIN_MEM_MAXIMUM | api.VIR_DOMAIN_AFFECT_LIVE),
      api.VIR_ERR_OPERATION_INVALID,
      /cannot resize the maximum memory on an active domain/,
    );
  });

  it('changes the maximum memory of a shut off domain', async () => {
    const beta = await dom('beta');
    await beta.setMemory(3145728, api.VIR_DOMAIN_MEM_MAXIMUM);
    expect(await beta.getMaxMemory()).toBe(3145728);
  });

  it('refuses LIVE and CONFIG together', async () => {
    await expectVirError(
      (await dom('alpha')).setMemory(262144, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG),
      api.VIR_ERR_INVALID_ARG,
      /mutually exclusive/,
    );
  });

  it('changes the vCPU count of a running domain within its maximum', async () => {
    const alpha = await dom('alpha');
    await alpha.setVcpus(1, api.VIR_DOMAIN_AFFECT_LIVE);
    expect(await alpha.getVcpusFlags(0)).toBe(1);
    expect((await alpha.getInfo()).nrVirtCpu).toBe(1);
  });

  it('refuses more vCPUs than the domain or the hypervisor allows', async () => {
    const alpha = await dom('alpha');
    await expectVirError(alpha.setVcpus(8, api.VIR_DOMAIN_AFFECT_LIVE), api.VIR_ERR_INVALID_ARG, /requested cpu amount exceeds maximum \(8 > 4\)/);
    await expectVirError(alpha.setVcpus(64, 0), api.VIR_ERR_INVALID_ARG, /exceeds maximum supported amount \(64 > 32\)/);
  });

  it('refuses live changes to a domain that is not running', async () => {
    await expectVirError((await dom('beta')).setVcpus(1, api.VIR_DOMAIN_AFFECT_LIVE), api.VIR_ERR_OPERATION_INVALID, /domain is not running/);
  });
}
