import { describe, expect, it } from 'vitest';
import { buildSnapshot, parseCapabilities, parseDomainCapabilities, parseNodeDevice, parseSnapshot } from '../../../drivers/xml/index.js';
import { fixture } from './fixtures.js';

describe('CapabilitiesXml', () => {
  it("reads the lab host's CPU, NUMA, security models and guests", () => {
    const c = parseCapabilities(fixture('capabilities.xml'));
    expect([c.hostUuid, c.hostArch, c.hostCpuModel, c.hostCpuVendor]).toEqual(['caa79b12-97b5-45e8-8f5a-b7d793db641c', 'x86_64', 'Broadwell-noTSX-IBRS', 'Intel']);
    expect(c.hostCpuTopology).toEqual({ sockets: 1, dies: 1, cores: 2, threads: 1 });
    expect(c.numaCells[0]?.cpus).toEqual([0, 1]);
    expect(c.secModels.map((s) => s.model)).toEqual(['none', 'dac']);
    const x86 = c.findGuest('hvm', 'x86_64', 'kvm');
    expect(x86?.wordsize).toBe(64);
    expect(x86?.emulator).toBe('/usr/bin/qemu-system-x86_64');
    expect(x86?.domainTypes.map((d) => d.type)).toEqual(['qemu', 'kvm']);
    expect(x86?.machines.find((m) => m.name === 'pc')).toEqual({ name: 'pc', canonical: 'pc-i440fx-7.2', maxCpus: 255 });
    expect(c.findGuest('hvm', 'i686')?.wordsize).toBe(32);
    expect(c.findGuest('hvm', 'riscv64')).toBeUndefined();
  });
});

describe('DomainCapabilitiesXml', () => {
  it('reads limits, firmware, CPU modes, device enums and features', () => {
    const d = parseDomainCapabilities(fixture('domain-capabilities.xml'));
    expect([d.path, d.domainType, d.machine, d.arch, d.maxVcpus, d.iothreadsSupported]).toEqual(['/usr/bin/qemu-system-x86_64', 'kvm', 'pc-i440fx-7.2', 'x86_64', 255, true]);
    expect(d.firmwares).toEqual([]);
    expect(d.loader?.enums.type).toEqual(['rom', 'pflash']);
    expect(d.cpuModes.map((m) => [m.name, m.supported])).toEqual([['host-passthrough', true], ['maximum', true], ['host-model', true], ['custom', true]]);
    expect(d.cpuModeSupported('host-model')).toBe(true);
    expect(d.cpuModes.find((m) => m.name === 'custom')?.models.length).toBe(53);
    expect(d.cpuModes.find((m) => m.name === 'custom')?.models[0]).toEqual({ name: 'qemu64', usable: 'no', vendor: 'unknown' });
    expect(d.deviceEnum('disk', 'diskDevice')).toEqual(['disk', 'cdrom', 'floppy', 'lun']);
    expect(d.deviceEnum('disk', 'bus')).toContain('virtio');
    expect(d.deviceEnum('nonexistent', 'bus')).toEqual([]);
    expect(d.features.genid).toBe(true);
    expect(d.features.sev).toBe(false);
  });
});

describe('SnapshotXml', () => {
  it('reads a snapshot with its saved domain, and builds one', () => {
    const s = parseSnapshot(fixture('snapshot.xml'));
    expect([s.name, s.description, s.state, s.creationTime, s.memorySnapshot, s.disks]).toEqual(['snap1', 'first & <only> snapshot', 'shutoff', 1795314411, 'no', [{ name: 'vda', snapshot: 'internal' }]]);
    expect(s.domain?.name).toBe('xml-disk');
    expect(s.domain?.disks[0]?.format).toBe('qcow2');
    const built = buildSnapshot({ name: 'before-upgrade', description: 'a & b', memory: 'no', disks: [{ name: 'vda', snapshot: 'external', driverType: 'qcow2', sourceFile: '/o.qcow2' }] });
    expect(built.toXml()).toBe(`<domainsnapshot>
  <name>before-upgrade</name>
  <description>a &amp; b</description>
  <memory snapshot='no'/>
  <disks>
    <disk name='vda' snapshot='external'>
      <driver type='qcow2'/>
      <source file='/o.qcow2'/>
    </disk>
  </disks>
</domainsnapshot>
`);
    expect(parseSnapshot(built.toXml()).disks).toEqual([{ name: 'vda', snapshot: 'external', sourceFile: '/o.qcow2', driverType: 'qcow2' }]);
  });
});

describe('NodeDeviceXml', () => {
  it('reads PCI and net devices', () => {
    const pci = parseNodeDevice(fixture('nodedev-pci.xml'));
    expect([pci.name, pci.parent, pci.driverName, pci.type, pci.pciAddress]).toEqual(['pci_0000_00_02_0', 'computer', 'virtio-pci', 'pci', { domain: 0, bus: 0, slot: 2, function: 0 }]);
    expect(pci.vendor).toEqual({ id: '0x1af4', name: 'Red Hat, Inc.' });
    expect(pci.product).toEqual({ id: '0x1042', name: 'Virtio 1.0 block device' });
    expect(pci.capability('pci')?.value('class')).toBe('0x018000');
    const net = parseNodeDevice(fixture('nodedev-net.xml'));
    expect([net.type, net.netInterface, net.usbAddress]).toEqual(['net', 'eth0', undefined]);
    expect(net.capability('net')?.nested.map((c) => c.type)).toEqual(['80203']);
  });
});
