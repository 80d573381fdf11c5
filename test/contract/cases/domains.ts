// Listing, looking up, defining and undefining domains.
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { UUID_RE, domainLifecycle, domainXml, expectVirError, names } from '../support.js';

const ALPHA_UUID = 'a0000000-0000-4000-8000-000000000001';

export function domainCases(s: SuiteScope): void {
  const it = s.it;
  it('lists every domain of the fixture', async () => {
    expect(names(await s.conn().listAllDomains())).toEqual(['alpha', 'beta', 'delta', 'epsilon', 'gamma']);
  });

  it('filters active and inactive domains', async () => {
    const c = s.conn();
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_ACTIVE))).toEqual(['alpha', 'delta', 'gamma']);
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_INACTIVE))).toEqual(['beta', 'epsilon']);
  });

  it('filters persistent and transient domains', async () => {
    const c = s.conn();
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_TRANSIENT))).toEqual(['delta']);
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_PERSISTENT))).toEqual(['alpha', 'beta', 'epsilon', 'gamma']);
  });

  it('filters by run state', async () => {
    const c = s.conn();
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_RUNNING))).toEqual(['alpha', 'delta']);
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_PAUSED))).toEqual(['gamma']);
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_SHUTOFF))).toEqual(['beta', 'epsilon']);
  });

  it('filters by managed save image', async () => {
    const c = s.conn();
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE))).toEqual(['epsilon']);
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_NO_MANAGEDSAVE))).toEqual(['alpha', 'beta', 'delta', 'gamma']);
  });

  it('looks a domain up by name with its UUID and ID', async () => {
    const d = await s.conn().domainLookupByName('alpha');
    expect(d.name).toBe('alpha');
    expect(d.uuid).toBe(ALPHA_UUID);
    expect(d.id).toBeGreaterThan(0);
    expect((await s.conn().domainLookupByName('beta')).id).toBe(-1);
  });

  it('looks a domain up by UUID and by ID', async () => {
    const c = s.conn();
    const byUuid = await c.domainLookupByUUID(ALPHA_UUID);
    expect(byUuid.name).toBe('alpha');
    const byId = await c.domainLookupByID(byUuid.id);
    expect(byId.uuid).toBe(ALPHA_UUID);
  });

  it('fails lookups of unknown domains with VIR_ERR_NO_DOMAIN', async () => {
    const c = s.conn();
    await expectVirError(c.domainLookupByName('nope'), api.VIR_ERR_NO_DOMAIN, /^Domain not found/);
    await expectVirError(c.domainLookupByUUID('a0000000-0000-4000-8000-0000000000ff'), api.VIR_ERR_NO_DOMAIN);
    await expectVirError(c.domainLookupByID(4242), api.VIR_ERR_NO_DOMAIN);
  });

  it('reports state and reason of running, paused and shut off domains', async () => {
    const c = s.conn();
    expect((await (await c.domainLookupByName('alpha')).getState()).state).toBe(api.VIR_DOMAIN_RUNNING);
    expect((await (await c.domainLookupByName('gamma')).getState()).state).toBe(api.VIR_DOMAIN_PAUSED);
    expect((await (await c.domainLookupByName('beta')).getState()).state).toBe(api.VIR_DOMAIN_SHUTOFF);
  });

  it('reports memory and vCPUs in getInfo', async () => {
    const info = await (await s.conn().domainLookupByName('alpha')).getInfo();
    expect(info).toMatchObject({ state: api.VIR_DOMAIN_RUNNING, maxMem: 1048576, memory: 524288, nrVirtCpu: 2 });
  });

  it('reports maximum memory and vCPU counts', async () => {
    const d = await s.conn().domainLookupByName('alpha');
    expect(await d.getMaxMemory()).toBe(1048576);
    expect(await d.getVcpusFlags(0)).toBe(2);
    expect(await d.getVcpusFlags(api.VIR_DOMAIN_VCPU_MAXIMUM)).toBe(4);
  });

  it('describes a domain in XML, with its ID only while running', async () => {
    const d = await s.conn().domainLookupByName('alpha');
    const live = await d.getXMLDesc();
    expect(live).toContain('<name>alpha</name>');
    expect(live).toContain(`<uuid>${ALPHA_UUID}</uuid>`);
    expect(live).toMatch(new RegExp(`<domain type='test' id='${d.id}'`));
    expect(await d.getXMLDesc(api.VIR_DOMAIN_XML_INACTIVE)).not.toMatch(/<domain [^>]*id=/);
  });

  it('tells active from inactive and persistent from transient', async () => {
    const c = s.conn();
    const alpha = await c.domainLookupByName('alpha');
    const delta = await c.domainLookupByName('delta');
    const beta = await c.domainLookupByName('beta');
    expect([await alpha.isActive(), await alpha.isPersistent()]).toEqual([true, true]);
    expect([await delta.isActive(), await delta.isPersistent()]).toEqual([true, false]);
    expect([await beta.isActive(), await beta.isPersistent()]).toEqual([false, true]);
  });

  it('defines a new domain: persistent, shut off, with a generated UUID and a DEFINED event', async () => {
    const c = s.conn();
    const log = await domainLifecycle(c);
    const d = await c.domainDefineXML(domainXml('zeta'));
    expect(d.uuid).toMatch(UUID_RE);
    expect(d.id).toBe(-1);
    expect(await d.isPersistent()).toBe(true);
    expect((await d.getState()).state).toBe(api.VIR_DOMAIN_SHUTOFF);
    expect(names(await c.listAllDomains())).toContain('zeta');
    const ev = await log.next((e) => e.domain.name === 'zeta');
    expect([ev.event, ev.detail]).toEqual([api.VIR_DOMAIN_EVENT_DEFINED, api.VIR_DOMAIN_EVENT_DEFINED_ADDED]);
    await log.dispose();
  });

  it('redefines a domain in place with a DEFINED/UPDATED event', async () => {
    const c = s.conn();
    const beta = await c.domainLookupByName('beta');
    const log = await domainLifecycle(c);
    await c.domainDefineXML(domainXml('beta', { uuid: beta.uuid, memKiB: 786432 }));
    expect(await beta.getMaxMemory()).toBe(786432);
    const ev = await log.next((e) => e.domain.name === 'beta');
    expect([ev.event, ev.detail]).toEqual([api.VIR_DOMAIN_EVENT_DEFINED, api.VIR_DOMAIN_EVENT_DEFINED_UPDATED]);
    await log.dispose();
  });

  it('refuses a name that is taken by another UUID', async () => {
    await expectVirError(
      s.conn().domainDefineXML(domainXml('alpha', { uuid: 'a0000000-0000-4000-8000-0000000000aa' })),
      api.VIR_ERR_OPERATION_FAILED,
      /domain 'alpha' already exists with uuid a0000000-0000-4000-8000-000000000001/,
    );
  });

  it('refuses a UUID that is taken by another name', async () => {
    await expectVirError(
      s.conn().domainDefineXML(domainXml('other', { uuid: ALPHA_UUID })),
      api.VIR_ERR_OPERATION_FAILED,
      /domain 'alpha' is already defined with uuid/,
    );
  });

  it('rejects XML that is not well formed, not a domain, or has no name', async () => {
    const c = s.conn();
    await expectVirError(c.domainDefineXML('<domain'), api.VIR_ERR_XML_DETAIL);
    await expectVirError(c.domainDefineXML('<network><name>x</name></network>'), api.VIR_ERR_XML_ERROR, /expecting root element of 'domain', not 'network'/);
    await expectVirError(
      c.domainDefineXML("<domain type='test'><memory>1024</memory><os><type>hvm</type></os></domain>"),
      api.VIR_ERR_NO_NAME,
      /missing name information/,
    );
  });

  it('undefines an inactive domain with an UNDEFINED event; the handle then fails', async () => {
    const c = s.conn();
    const beta = await c.domainLookupByName('beta');
    const log = await domainLifecycle(c);
    await beta.undefine();
    expect(names(await c.listAllDomains())).not.toContain('beta');
    await expectVirError(c.domainLookupByName('beta'), api.VIR_ERR_NO_DOMAIN);
    await expectVirError(beta.getState(), api.VIR_ERR_NO_DOMAIN, /no domain with matching uuid/);
    const ev = await log.next((e) => e.domain.name === 'beta');
    expect([ev.event, ev.detail]).toEqual([api.VIR_DOMAIN_EVENT_UNDEFINED, api.VIR_DOMAIN_EVENT_UNDEFINED_REMOVED]);
    await log.dispose();
  });

  it('undefining a running domain leaves it running as a transient one', async () => {
    const c = s.conn();
    const alpha = await c.domainLookupByName('alpha');
    await alpha.undefine();
    expect(await alpha.isPersistent()).toBe(false);
    expect(await alpha.isActive()).toBe(true);
    await alpha.destroy();
    await expectVirError(c.domainLookupByName('alpha'), api.VIR_ERR_NO_DOMAIN);
  });

  it('refuses to undefine a domain with a managed save image unless asked to remove it', async () => {
    const eps = await s.conn().domainLookupByName('epsilon');
    await expectVirError(eps.undefine(), api.VIR_ERR_OPERATION_INVALID, /managed save image exists/);
    await eps.undefine(api.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE);
    await expectVirError(s.conn().domainLookupByName('epsilon'), api.VIR_ERR_NO_DOMAIN);
  });

  it('refuses to undefine an inactive domain with snapshots unless asked to drop their metadata', async () => {
    const beta = await s.conn().domainLookupByName('beta');
    await beta.snapshotCreateXML('<domainsnapshot><name>s1</name></domainsnapshot>');
    await expectVirError(beta.undefine(), api.VIR_ERR_OPERATION_INVALID, /cannot delete inactive domain with 1 snapshots/);
    await beta.undefine(api.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA);
    await expectVirError(s.conn().domainLookupByName('beta'), api.VIR_ERR_NO_DOMAIN);
  });

  it('creates a transient running domain that disappears when destroyed', async () => {
    const c = s.conn();
    const log = await domainLifecycle(c);
    const d = await c.domainCreateXML(domainXml('eta'));
    expect(d.id).toBeGreaterThan(0);
    expect([await d.isActive(), await d.isPersistent()]).toEqual([true, false]);
    const started = await log.next((e) => e.domain.name === 'eta');
    expect([started.event, started.detail]).toEqual([api.VIR_DOMAIN_EVENT_STARTED, api.VIR_DOMAIN_EVENT_STARTED_BOOTED]);
    await d.destroy();
    await expectVirError(c.domainLookupByName('eta'), api.VIR_ERR_NO_DOMAIN);
    await log.dispose();
  });

  it('refuses to create a domain that is already active', async () => {
    const alpha = await s.conn().domainLookupByName('alpha');
    const xml = await alpha.getXMLDesc();
    await expectVirError(s.conn().domainCreateXML(xml), api.VIR_ERR_OPERATION_INVALID, /domain 'alpha' is already active/);
  });

  it('keeps autostart per domain and filters on it', async () => {
    const c = s.conn();
    const beta = await c.domainLookupByName('beta');
    expect(await beta.getAutostart()).toBe(false);
    await beta.setAutostart(true);
    expect(await beta.getAutostart()).toBe(true);
    expect(names(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_AUTOSTART))).toEqual(['beta']);
    await beta.setAutostart(false);
    expect(await c.listAllDomains(api.VIR_CONNECT_LIST_DOMAINS_AUTOSTART)).toEqual([]);
  });

  it('sets and reads description metadata', async () => {
    const beta = await s.conn().domainLookupByName('beta');
    await beta.setMetadata(api.VIR_DOMAIN_METADATA_DESCRIPTION, 'a test guest', null, null);
    expect(await beta.getMetadata(api.VIR_DOMAIN_METADATA_DESCRIPTION, null)).toBe('a test guest');
    expect(await beta.getXMLDesc()).toContain('<description>a test guest</description>');
  });

  it('reports missing metadata with VIR_ERR_NO_DOMAIN_METADATA', async () => {
    const beta = await s.conn().domainLookupByName('beta');
    await expectVirError(beta.getMetadata(api.VIR_DOMAIN_METADATA_TITLE, null), api.VIR_ERR_NO_DOMAIN_METADATA, /^metadata not found/);
  });

  it('stores namespaced metadata elements', async () => {
    const beta = await s.conn().domainLookupByName('beta');
    await beta.setMetadata(api.VIR_DOMAIN_METADATA_ELEMENT, '<app1 foo="bar">hello</app1>', 'app', 'http://example.com/app');
    const got = await beta.getMetadata(api.VIR_DOMAIN_METADATA_ELEMENT, 'http://example.com/app');
    expect(got).toMatch(/^<app1 foo=["']bar["']>hello<\/app1>$/);
  });

  // The qemu driver would really migrate; libvirtd's test driver has no migration, and the Demo host answers alike.
  it.runIf(s.backend !== 'libvirt-qemu')('refuses migration with VIR_ERR_NO_SUPPORT as every unsupported call', async () => {
    const alpha = await s.conn().domainLookupByName('alpha');
    const err = await expectVirError(alpha.migrateToURI3('qemu+tcp://127.0.0.1:1/system', {}, api.VIR_MIGRATE_LIVE | api.VIR_MIGRATE_PEER2PEER),
      api.VIR_ERR_NO_SUPPORT, /^this function is not supported by the connection driver: virDomainMigratePerform3Params$/);
    expect(err.domain).toBe(api.VIR_FROM_DOMAIN);
  });

  it.runIf(s.backend !== 'libvirt-qemu')('takes memory from NUMA cells when <memory> is absent; <currentMemory> alone is refused', async () => {
    const c = s.conn();
    const numa = await c.domainDefineXML(`<domain type='test'><name>numa-only</name><vcpu>2</vcpu><os><type>hvm</type></os>
  <cpu><numa><cell id='0' cpus='0' memory='262144' unit='KiB'/><cell id='1' cpus='1' memory='256' unit='MiB'/></numa></cpu></domain>`);
    expect((await numa.getInfo()).maxMem).toBe(524288);
    const xml = await numa.getXMLDesc();
    expect(xml).toContain("<memory unit='KiB'>524288</memory>");
    expect(xml).toContain("<cell id='1' cpus='1' memory='262144' unit='KiB'/>");
    await expectVirError(c.domainDefineXML("<domain type='test'><name>cur-only</name><currentMemory>1024</currentMemory><os><type>hvm</type></os></domain>"),
      api.VIR_ERR_XML_ERROR, /^XML error: Memory size must be specified via <memory> or in the <numa> configuration$/);
  });
}
