// Host devices: list with capability filters, look up, parents, capabilities, destroy.
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { collect, expectVirError, names } from '../support.js';

export function nodeDeviceCases(s: SuiteScope): void {
  const it = s.it;
  it('lists every device of the fixture', async () => {
    expect(names(await s.conn().listAllNodeDevices())).toEqual(['computer', 'net_eth0_52_54_00_aa_bb_cc', 'pci_0000_00_02_0', 'scsi_host1', 'scsi_host2']);
  });

  it('filters devices by capability', async () => {
    const c = s.conn();
    expect(names(await c.listAllNodeDevices(api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM))).toEqual(['computer']);
    expect(names(await c.listAllNodeDevices(api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV))).toEqual(['pci_0000_00_02_0']);
    expect(names(await c.listAllNodeDevices(api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_NET))).toEqual(['net_eth0_52_54_00_aa_bb_cc']);
    expect(names(await c.listAllNodeDevices(api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_HOST))).toEqual(['scsi_host1', 'scsi_host2']);
  });

  it('filters on nested fc_host and vport capabilities', async () => {
    const c = s.conn();
    expect(names(await c.listAllNodeDevices(api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST))).toEqual(['scsi_host1', 'scsi_host2']);
    expect(names(await c.listAllNodeDevices(api.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS))).toEqual(['scsi_host1']);
  });

  it('looks a device up with its parent and capabilities', async () => {
    const d = await s.conn().nodeDeviceLookupByName('net_eth0_52_54_00_aa_bb_cc');
    expect(d.name).toBe('net_eth0_52_54_00_aa_bb_cc');
    expect(await d.getParent()).toBe('pci_0000_00_02_0');
    expect(await d.listCaps()).toEqual(['net']);
    expect(await (await s.conn().nodeDeviceLookupByName('computer')).getParent()).toBeNull();
  });

  it('describes a device in XML', async () => {
    const xml = await (await s.conn().nodeDeviceLookupByName('pci_0000_00_02_0')).getXMLDesc();
    expect(xml).toContain('<name>pci_0000_00_02_0</name>');
    expect(xml).toContain('<parent>computer</parent>');
    expect(xml).toContain("<capability type='pci'>");
  });

  it('fails lookups of unknown devices with VIR_ERR_NO_NODE_DEVICE', async () => {
    await expectVirError(s.conn().nodeDeviceLookupByName('nope'), api.VIR_ERR_NO_NODE_DEVICE, /no node device with matching name 'nope'/);
  });

  it('destroys a vHBA with a DELETED event', async () => {
    const c = s.conn();
    const log = await collect<api.NodeDeviceLifecycleEvent>((l) => c.nodeDeviceEventRegisterAny(api.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, l));
    await (await c.nodeDeviceLookupByName('scsi_host2')).destroy();
    await expectVirError(c.nodeDeviceLookupByName('scsi_host2'), api.VIR_ERR_NO_NODE_DEVICE);
    const ev = await log.next((e) => e.device.name === 'scsi_host2');
    expect(ev.event).toBe(api.VIR_NODE_DEVICE_EVENT_DELETED);
    await log.dispose();
  });

  it('refuses to detach or reattach host devices (the test driver has none to give a guest)', async () => {
    const d = await s.conn().nodeDeviceLookupByName('computer');
    await expectVirError(d.detach(null), api.VIR_ERR_NO_SUPPORT, /virNodeDeviceDetachFlags/);
    await expectVirError(d.detach('vfio'), api.VIR_ERR_NO_SUPPORT, /virNodeDeviceDetachFlags/);
    await expectVirError(d.reAttach(), api.VIR_ERR_NO_SUPPORT, /virNodeDeviceReAttach/);
  });
}
