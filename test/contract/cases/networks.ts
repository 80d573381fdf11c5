// Virtual networks: list, look up, define, start, stop, undefine, transient networks, autostart.
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { UUID_RE, collect, expectVirError, names, type EventLog } from '../support.js';

const netXml = (name: string, bridge?: string, uuid?: string): string =>
  `<network><name>${name}</name>${uuid ? `<uuid>${uuid}</uuid>` : ''}${bridge ? `<bridge name='${bridge}'/>` : ''}<ip address='10.99.0.1' netmask='255.255.255.0'/></network>`;

export function networkCases(s: SuiteScope): void {
  const it = s.it;
  const events = (): Promise<EventLog<api.NetworkLifecycleEvent>> =>
    collect<api.NetworkLifecycleEvent>((l) => s.conn().networkEventRegisterAny(api.VIR_NETWORK_EVENT_ID_LIFECYCLE, l));

  it('lists the fixture networks, all active', async () => {
    const c = s.conn();
    expect(names(await c.listAllNetworks())).toEqual(['net-a', 'net-b']);
    expect(names(await c.listAllNetworks(api.VIR_CONNECT_LIST_NETWORKS_ACTIVE))).toEqual(['net-a', 'net-b']);
    expect(await c.listAllNetworks(api.VIR_CONNECT_LIST_NETWORKS_INACTIVE)).toEqual([]);
  });

  it('looks networks up by name and UUID', async () => {
    const c = s.conn();
    const n = await c.networkLookupByName('net-a');
    expect(n.uuid).toBe('b0000000-0000-4000-8000-000000000001');
    expect((await c.networkLookupByUUID(n.uuid)).name).toBe('net-a');
    expect(await n.isActive()).toBe(true);
    expect(await n.isPersistent()).toBe(true);
  });

  it('fails lookups of unknown networks with VIR_ERR_NO_NETWORK', async () => {
    await expectVirError(s.conn().networkLookupByName('nope'), api.VIR_ERR_NO_NETWORK, /no network with matching name 'nope'/);
    await expectVirError(s.conn().networkLookupByUUID('b0000000-0000-4000-8000-0000000000ff'), api.VIR_ERR_NO_NETWORK);
  });

  it('reports the bridge name, or an error when there is none', async () => {
    const c = s.conn();
    expect(await (await c.networkLookupByName('net-a')).getBridgeName()).toBe('br-a');
    const n = await c.networkDefineXML(netXml('nobridge'));
    await expectVirError(n.getBridgeName(), api.VIR_ERR_INTERNAL_ERROR, /network 'nobridge' does not have a bridge name/);
  });

  it('describes a network in XML', async () => {
    const xml = await (await s.conn().networkLookupByName('net-a')).getXMLDesc();
    expect(xml).toContain('<name>net-a</name>');
    expect(xml).toContain('<uuid>b0000000-0000-4000-8000-000000000001</uuid>');
    expect(xml).toMatch(/<bridge name='br-a'/);
  });

  it('defines an inactive persistent network with a generated UUID and a DEFINED event', async () => {
    const log = await events();
    const n = await s.conn().networkDefineXML(netXml('net-c', 'br-c'));
    expect(n.uuid).toMatch(UUID_RE);
    expect([await n.isActive(), await n.isPersistent()]).toEqual([false, true]);
    expect(names(await s.conn().listAllNetworks(api.VIR_CONNECT_LIST_NETWORKS_INACTIVE))).toEqual(['net-c']);
    const ev = await log.next((e) => e.network.name === 'net-c');
    expect(ev.event).toBe(api.VIR_NETWORK_EVENT_DEFINED);
    await log.dispose();
  });

  it('starts a defined network with a STARTED event and refuses to start it twice', async () => {
    const n = await s.conn().networkDefineXML(netXml('net-c', 'br-c'));
    const log = await events();
    await n.create();
    expect(await n.isActive()).toBe(true);
    await log.next((e) => e.network.name === 'net-c' && e.event === api.VIR_NETWORK_EVENT_STARTED);
    await expectVirError(n.create(), api.VIR_ERR_OPERATION_INVALID, /Network 'net-c' is already running/);
    await log.dispose();
  });

  it('stops a network with a STOPPED event; it stays defined', async () => {
    const n = await s.conn().networkLookupByName('net-b');
    const log = await events();
    await n.destroy();
    expect([await n.isActive(), await n.isPersistent()]).toEqual([false, true]);
    expect((await log.next((e) => e.network.name === 'net-b')).event).toBe(api.VIR_NETWORK_EVENT_STOPPED);
    await log.dispose();
  });

  it('refuses to undefine a running network, and undefines a stopped one with an UNDEFINED event', async () => {
    const c = s.conn();
    const n = await c.networkLookupByName('net-b');
    await expectVirError(n.undefine(), api.VIR_ERR_OPERATION_INVALID, /Network 'net-b' is still running/);
    await n.destroy();
    const log = await events();
    await n.undefine();
    await expectVirError(c.networkLookupByName('net-b'), api.VIR_ERR_NO_NETWORK);
    await log.next((e) => e.network.name === 'net-b' && e.event === api.VIR_NETWORK_EVENT_UNDEFINED);
    await log.dispose();
  });

  it('creates a transient network that vanishes when stopped', async () => {
    const c = s.conn();
    const n = await c.networkCreateXML(netXml('net-t', 'br-t'));
    expect([await n.isActive(), await n.isPersistent()]).toEqual([true, false]);
    expect(names(await c.listAllNetworks(api.VIR_CONNECT_LIST_NETWORKS_TRANSIENT))).toEqual(['net-t']);
    await n.destroy();
    await expectVirError(c.networkLookupByName('net-t'), api.VIR_ERR_NO_NETWORK);
  });

  it('refuses duplicate names and UUIDs', async () => {
    const c = s.conn();
    await expectVirError(c.networkDefineXML(netXml('net-a', 'br-x')), api.VIR_ERR_OPERATION_FAILED, /network 'net-a' already exists with uuid/);
    await expectVirError(
      c.networkDefineXML(netXml('net-z', 'br-z', 'b0000000-0000-4000-8000-000000000001')),
      api.VIR_ERR_OPERATION_FAILED,
      /network 'net-a' is already defined with uuid/,
    );
    const xml = await (await c.networkLookupByName('net-a')).getXMLDesc();
    await expectVirError(c.networkCreateXML(xml), api.VIR_ERR_OPERATION_INVALID, /network is already active as 'net-a'/);
  });

  it('keeps network autostart and filters on it', async () => {
    const c = s.conn();
    const n = await c.networkLookupByName('net-a');
    expect(await n.getAutostart()).toBe(false);
    await n.setAutostart(true);
    expect(await n.getAutostart()).toBe(true);
    expect(names(await c.listAllNetworks(api.VIR_CONNECT_LIST_NETWORKS_AUTOSTART))).toEqual(['net-a']);
  });

  it('rejects network XML without a name', async () => {
    await expectVirError(s.conn().networkDefineXML("<network><bridge name='x'/></network>"), api.VIR_ERR_NO_NAME);
  });

  it('updates static DHCP hosts with libvirt\'s matching rules and messages', async () => {
    const n = await s.conn().networkLookupByName('net-a');
    const { VIR_NETWORK_SECTION_IP_DHCP_HOST: HOST, VIR_NETWORK_UPDATE_COMMAND_ADD_LAST: ADD, VIR_NETWORK_UPDATE_COMMAND_MODIFY: MODIFY,
      VIR_NETWORK_UPDATE_COMMAND_DELETE: DELETE } = api;
    await n.update(ADD, HOST, -1, "<host mac='52:54:00:00:00:42' name='web' ip='192.168.150.42'/>");
    expect(await n.getXMLDesc()).toMatch(/<host mac='52:54:00:00:00:42' name='web' ip='192.168.150.42'\/>/);
    await expectVirError(n.update(ADD, HOST, -1, "<host mac='52:54:00:00:00:42' name='web2' ip='192.168.150.43'/>"), api.VIR_ERR_OPERATION_INVALID,
      /there is an existing dhcp host entry in network 'net-a' that matches "<host mac='52:54:00:00:00:42' name='web2' ip='192.168.150.43'\/>"/);
    await n.update(MODIFY, HOST, -1, "<host mac='52:54:00:00:00:42' name='web' ip='192.168.150.44'/>");
    expect(await n.getXMLDesc()).toMatch(/ip='192.168.150.44'/);
    await expectVirError(n.update(DELETE, HOST, -1, "<host mac='52:54:00:00:00:99'/>"), api.VIR_ERR_OPERATION_INVALID,
      /couldn't locate a matching dhcp host entry in network 'net-a'/);
    await expectVirError(n.update(ADD, HOST, -1, "<host ip='192.168.150.45'/>"), api.VIR_ERR_XML_ERROR,
      /Static host definition in IPv4 network 'net-a' must have mac or name attribute/);
    await expectVirError(n.update(ADD, HOST, -1, "<hostx mac='52:54:00:00:00:43'/>"), api.VIR_ERR_XML_ERROR, /unexpected element <hostx>, expecting <host>/);
    await n.update(DELETE, HOST, -1, "<host mac='52:54:00:00:00:42'/>");
    expect(await n.getXMLDesc()).not.toMatch(/52:54:00:00:00:42/);
  });

  it('refuses a live DHCP host change on a network that is not running', async () => {
    const n = await s.conn().networkLookupByName('net-a');
    await n.destroy();
    await expectVirError(n.update(api.VIR_NETWORK_UPDATE_COMMAND_ADD_LAST, api.VIR_NETWORK_SECTION_IP_DHCP_HOST, -1,
      "<host mac='52:54:00:00:00:50' ip='192.168.150.50'/>", api.VIR_NETWORK_UPDATE_AFFECT_LIVE), api.VIR_ERR_OPERATION_INVALID, /network is not running/);
  });
}
