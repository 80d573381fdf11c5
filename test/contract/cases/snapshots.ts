// Domain snapshots: create, list, look up, parents and children, current, revert, delete.
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { domainLifecycle, expectVirError, names } from '../support.js';

const snap = (name: string): string => `<domainsnapshot><name>${name}</name><description>${name} desc</description></domainsnapshot>`;

export function snapshotCases(s: SuiteScope): void {
  const it = s.it;
  const dom = (name: string): Promise<api.Domain> => s.conn().domainLookupByName(name);

  it('creates a named snapshot that becomes current', async () => {
    const alpha = await dom('alpha');
    const sn = await alpha.snapshotCreateXML(snap('s1'));
    expect(sn.name).toBe('s1');
    expect(sn.domain.uuid).toBe(alpha.uuid);
    expect(await sn.isCurrent()).toBe(true);
    expect(await sn.hasMetadata()).toBe(true);
    expect(await alpha.hasCurrentSnapshot()).toBe(true);
    expect((await alpha.snapshotCurrent()).name).toBe('s1');
  });

  it('describes a snapshot with its name, description and the domain state', async () => {
    const alpha = await dom('alpha');
    const xml = await (await alpha.snapshotCreateXML(snap('s1'))).getXMLDesc();
    expect(xml).toContain('<name>s1</name>');
    expect(xml).toContain('<description>s1 desc</description>');
    expect(xml).toContain('<state>running</state>');
    expect(xml).toContain('<name>alpha</name>');
  });

  it('names a snapshot itself when the XML has no name', async () => {
    const sn = await (await dom('beta')).snapshotCreateXML('<domainsnapshot/>');
    expect(sn.name).toMatch(/^\d+$/);
  });

  it('reports no current snapshot and unknown names with VIR_ERR_NO_DOMAIN_SNAPSHOT', async () => {
    const beta = await dom('beta');
    expect(await beta.hasCurrentSnapshot()).toBe(false);
    await expectVirError(beta.snapshotCurrent(), api.VIR_ERR_NO_DOMAIN_SNAPSHOT, /the domain does not have a current snapshot/);
    await expectVirError(beta.snapshotLookupByName('nope'), api.VIR_ERR_NO_DOMAIN_SNAPSHOT, /no domain snapshot with matching name 'nope'/);
  });

  it('refuses a second snapshot with the same name', async () => {
    const beta = await dom('beta');
    await beta.snapshotCreateXML(snap('dup'));
    await expectVirError(beta.snapshotCreateXML(snap('dup')), api.VIR_ERR_OPERATION_FAILED, /dup already exists/);
  });

  it('chains snapshots: the current one becomes the parent', async () => {
    const beta = await dom('beta');
    const s1 = await beta.snapshotCreateXML(snap('s1'));
    const s2 = await beta.snapshotCreateXML(snap('s2'));
    expect((await s2.getParent()).name).toBe('s1');
    expect(await s1.isCurrent()).toBe(false);
    await expectVirError(s1.getParent(), api.VIR_ERR_NO_DOMAIN_SNAPSHOT, /snapshot 's1' does not have a parent/);
  });

  it('lists all snapshots, roots, children and descendants', async () => {
    const beta = await dom('beta');
    const s1 = await beta.snapshotCreateXML(snap('s1'));
    await beta.snapshotCreateXML(snap('s2'));
    await beta.snapshotCreateXML(snap('s3'));
    expect(names(await beta.listAllSnapshots())).toEqual(['s1', 's2', 's3']);
    expect(names(await beta.listAllSnapshots(api.VIR_DOMAIN_SNAPSHOT_LIST_ROOTS))).toEqual(['s1']);
    expect(names(await s1.listAllChildren())).toEqual(['s2']);
    expect(names(await s1.listAllChildren(api.VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS))).toEqual(['s2', 's3']);
    expect(names(await beta.listAllSnapshots(api.VIR_DOMAIN_SNAPSHOT_LIST_LEAVES))).toEqual(['s3']);
  });

  it('looks a snapshot up by name', async () => {
    const beta = await dom('beta');
    await beta.snapshotCreateXML(snap('s1'));
    const found = await beta.snapshotLookupByName('s1');
    expect(found.name).toBe('s1');
    expect(await found.getXMLDesc()).toContain('<state>shutoff</state>');
  });

  it('deletes a snapshot and moves its children to its parent', async () => {
    const beta = await dom('beta');
    await beta.snapshotCreateXML(snap('s1'));
    const s2 = await beta.snapshotCreateXML(snap('s2'));
    await beta.snapshotCreateXML(snap('s3'));
    await s2.delete();
    expect(names(await beta.listAllSnapshots())).toEqual(['s1', 's3']);
    expect((await (await beta.snapshotLookupByName('s3')).getParent()).name).toBe('s1');
    await expectVirError(s2.getXMLDesc(), api.VIR_ERR_NO_DOMAIN_SNAPSHOT);
  });

  it('deletes a snapshot with its children', async () => {
    const beta = await dom('beta');
    const s1 = await beta.snapshotCreateXML(snap('s1'));
    await beta.snapshotCreateXML(snap('s2'));
    await s1.delete(api.VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN);
    expect(await beta.listAllSnapshots()).toEqual([]);
    expect(await beta.hasCurrentSnapshot()).toBe(false);
  });

  it('reverts a running domain to a shut off snapshot: it stops, with a STOPPED/FROM_SNAPSHOT event', async () => {
    const c = s.conn();
    const beta = await dom('beta');
    const off = await beta.snapshotCreateXML(snap('off'));
    await beta.create();
    const log = await domainLifecycle(c);
    await beta.revertToSnapshot(off);
    expect((await beta.getState()).state).toBe(api.VIR_DOMAIN_SHUTOFF);
    const ev = await log.next((e) => e.domain.name === 'beta' && e.event === api.VIR_DOMAIN_EVENT_STOPPED);
    expect(ev.detail).toBe(api.VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT);
    expect(await off.isCurrent()).toBe(true);
    await log.dispose();
  });

  it('reverts a shut off domain to a running snapshot: it starts, with a STARTED/FROM_SNAPSHOT event', async () => {
    const c = s.conn();
    const alpha = await dom('alpha');
    const on = await alpha.snapshotCreateXML(snap('on'));
    await alpha.destroy();
    const log = await domainLifecycle(c);
    await alpha.revertToSnapshot(on);
    expect((await alpha.getState()).state).toBe(api.VIR_DOMAIN_RUNNING);
    const ev = await log.next((e) => e.domain.name === 'alpha' && e.event === api.VIR_DOMAIN_EVENT_STARTED);
    expect(ev.detail).toBe(api.VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT);
    await log.dispose();
  });

  it('halts a domain after a snapshot when asked', async () => {
    const alpha = await dom('alpha');
    await alpha.snapshotCreateXML(snap('halted'), api.VIR_DOMAIN_SNAPSHOT_CREATE_HALT);
    expect(await alpha.getState()).toEqual({ state: api.VIR_DOMAIN_SHUTOFF, reason: api.VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT });
  });

  it('refuses to halt a transient domain after a snapshot', async () => {
    await expectVirError(
      (await dom('delta')).snapshotCreateXML(snap('x'), api.VIR_DOMAIN_SNAPSHOT_CREATE_HALT),
      api.VIR_ERR_OPERATION_INVALID,
      /cannot halt after transient domain snapshot/,
    );
  });

  it('filters domains by whether they have snapshots', async () => {
    const c = s.conn();
    await (await dom('beta')).snapshotCreateXML(snap('s1'));
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_HAS_SNAPSHOT))).toEqual(['beta']);
  });
}
