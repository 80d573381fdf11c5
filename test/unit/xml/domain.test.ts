import { describe, expect, it } from 'vitest';
import type {
  CharDevice, GraphicsDevice} from '../../../drivers/xml/index.js';
import { DiskDevice, HostdevDevice, InterfaceDevice, RedirdevDevice, SoundDevice, VideoDevice, buildDisk, buildDomain,
  buildInterface, parseDomain,
} from '../../../drivers/xml/index.js';
import { fixture } from './fixtures.js';

describe('DomainXml reads what libvirt writes', () => {
  it('a running guest (virsh dumpxml)', () => {
    const d = parseDomain(fixture('domain-running.xml'));
    expect([d.type, d.id, d.name, d.uuid]).toEqual(['qemu', 1, 'xml-live', '1e4bbfad-0209-4ea2-ac0b-49e040a81b1a']);
    expect([d.memory, d.currentMemory, d.vcpus, d.vcpuPlacement, d.currentVcpus]).toEqual([160 * 1024 ** 2, 160 * 1024 ** 2, 1, 'static', undefined]);
    expect(d.cpu?.mode).toBe('custom');
    expect(d.cpu?.model).toBe('qemu64');
    expect(d.cpu?.modelFallback).toBe('forbid');
    expect(d.cpu?.features).toEqual([{ name: 'hypervisor', policy: 'require' }, { name: 'lahf_lm', policy: 'require' }]);
    expect([d.os?.type, d.os?.arch, d.os?.machine, d.os?.bootOrder]).toEqual(['hvm', 'x86_64', 'pc-i440fx-7.2', ['cdrom']]);
    expect(d.features).toEqual(['acpi']);
    expect([d.clockOffset, d.getLifecycle('poweroff'), d.getLifecycle('reboot'), d.emulator]).toEqual(['utc', 'destroy', 'restart', '/usr/bin/qemu-system-x86_64']);
    expect(d.devices.map((x) => x.kind)).toEqual(['disk', 'controller', 'controller', 'controller', 'serial', 'console', 'input', 'input', 'graphics', 'audio', 'video', 'memballoon']);
    const cd = d.disks[0];
    expect(cd).toBeInstanceOf(DiskDevice);
    expect([cd?.device, cd?.bus, cd?.targetDev, cd?.readonly, cd?.format, cd?.alias]).toEqual(['cdrom', 'ide', 'hdc', true, 'raw', 'ide0-1-0']);
    expect(cd?.source).toEqual({ type: 'file', file: '/work/main/.cache/lab/tiny-8a19a20d593b1d3a.iso' });
    expect(cd?.address).toEqual({ type: 'drive', controller: '0', bus: '1', target: '0', unit: '0' });
    const g = d.graphics[0];
    expect([g?.type, g?.port, g?.autoport, g?.listen]).toEqual(['vnc', 5900, true, { type: 'address', address: '127.0.0.1' }]);
    const serial = d.devices.find((x) => x.kind === 'serial') as CharDevice;
    expect([serial.sourcePath, serial.targetType, serial.targetPort, serial.alias]).toEqual(['/dev/pts/0', 'isa-serial', 0, 'serial0']);
    const video = d.devices.find((x) => x instanceof VideoDevice) as VideoDevice;
    expect([video.model, video.vram, video.heads]).toEqual(['vga', 16384, 1]);
  });

  it('virt-install output (double quotes, no units, libosinfo metadata)', () => {
    const d = parseDomain(fixture('virt-install-spice.xml'));
    expect(d.memory).toBe(1835008 * 1024);
    expect(d.metadata('http://libosinfo.org/xmlns/libvirt/domain/1.0')?.child('libosinfo:os')?.attr('id')).toBe('http://redhat.com/rhel/5.11');
    expect(d.clockTimers).toEqual([{ name: 'rtc', tickpolicy: 'catchup' }, { name: 'pit', tickpolicy: 'delay' }, { name: 'hpet', present: 'no' }]);
    expect(d.cpu?.mode).toBe('host-passthrough');
    const nic = d.interfaces[0];
    expect([nic?.source, nic?.mac, nic?.model, nic?.linkState]).toEqual([{ type: 'network', network: 'default' }, '52:54:00:59:c2:46', 'virtio', 'up']);
    expect(d.disks[0]?.discard).toBe('unmap');
    expect(d.graphics[0]?.type).toBe('spice');
    expect(d.graphics[0]?.autoport).toBe(true);
    expect((d.devices.find((x) => x.kind === 'channel') as CharDevice).targetName).toBe('com.redhat.spice.0');
    expect((d.devices.find((x) => x instanceof SoundDevice) as SoundDevice).model).toBe('ich6');
    expect(d.devices.filter((x) => x instanceof RedirdevDevice).map((x) => (x as RedirdevDevice).bus)).toEqual(['usb', 'usb']);
    const hostdev = d.devices.find((x) => x instanceof HostdevDevice) as HostdevDevice;
    expect([hostdev.type, hostdev.managed, hostdev.sourceAddress]).toEqual(['pci', true, { domain: '0x0000', bus: '0x03', slot: '0x00', function: '0x0' }]);
  });
});

describe('DomainXml edits', () => {
  it('keeps the unit memory was written in when exact, and only touches the number', () => {
    const xml = "<domain type='qemu'>\n  <name>t</name>\n  <memory unit='MiB'>160</memory>\n  <vcpu>1</vcpu>\n</domain>\n";
    const d = parseDomain(xml);
    d.memory = 256 * 1024 ** 2;
    expect(d.toXml()).toBe(xml.replace('160', '256'));
    d.memory = 1536 * 1024; // not whole MiB: written in KiB
    expect(d.toXml()).toContain("<memory unit='KiB'>1536</memory>");
    d.setMemory(512 * 1024 ** 2);
    expect(d.toXml()).toContain("<memory unit='KiB'>524288</memory>\n  <currentMemory unit='KiB'>524288</currentMemory>\n  <vcpu>");
  });

  it('sets vCPUs, CPU, OS, features, clock and lifecycle in schema order', () => {
    const d = parseDomain("<domain type='kvm'>\n  <name>t</name>\n  <devices/>\n</domain>\n");
    d.vcpus = 4;
    d.currentVcpus = 2;
    d.title = 'Title';
    d.description = 'Desc & more';
    d.uuid = '4DEA22B31D52D8F32516782E98AB3FA0';
    const os = d.ensureOs();
    os.type = 'hvm';
    os.arch = 'x86_64';
    os.machine = 'q35';
    os.loader = { path: '/usr/share/OVMF/OVMF_CODE.fd', readonly: 'yes', type: 'pflash' };
    os.nvram = { template: '/usr/share/OVMF/OVMF_VARS.fd' };
    os.bootOrder = ['cdrom', 'hd'];
    os.bootMenu = { enable: true, timeout: 3000 };
    d.setFeature('acpi', true);
    d.setFeature('apic', true);
    const cpu = d.ensureCpu();
    cpu.mode = 'host-model';
    cpu.topology = { sockets: 1, cores: 2, threads: 2 };
    cpu.setFeature('vmx', 'require');
    d.clockOffset = 'localtime';
    d.setLifecycle('crash', 'restart');
    expect(d.toXml()).toBe(`<domain type='kvm'>
  <name>t</name>
  <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
  <title>Title</title>
  <description>Desc &amp; more</description>
  <vcpu current='2'>4</vcpu>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
    <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>
    <nvram template='/usr/share/OVMF/OVMF_VARS.fd'/>
    <boot dev='cdrom'/>
    <boot dev='hd'/>
    <bootmenu enable='yes' timeout='3000'/>
  </os>
  <features>
    <acpi/>
    <apic/>
  </features>
  <cpu mode='host-model'>
    <topology sockets='1' cores='2' threads='2'/>
    <feature policy='require' name='vmx'/>
  </cpu>
  <clock offset='localtime'/>
  <on_crash>restart</on_crash>
  <devices/>
</domain>
`);
    expect(d.os?.loader).toEqual({ path: '/usr/share/OVMF/OVMF_CODE.fd', readonly: 'yes', type: 'pflash' });
    expect(d.os?.bootMenu).toEqual({ enable: true, timeout: 3000 });
    expect(d.os?.nvram).toEqual({ template: '/usr/share/OVMF/OVMF_VARS.fd' });
    expect(d.cpu?.topology).toEqual({ sockets: 1, cores: 2, threads: 2 });
    d.setFeature('apic', false);
    d.title = undefined;
    d.vcpus = 1; // drops current='2', which would now exceed it
    expect(d.toXml()).not.toMatch(/apic|<title>|current=/);
  });

  it('switches disk sources between types and ejects media', () => {
    const d = parseDomain(fixture('domain-running.xml'));
    const cd = d.disks[0];
    if (cd === undefined) throw new Error('no cdrom');
    cd.source = undefined;
    expect(cd.source).toBeUndefined();
    expect(d.toXml()).not.toContain('tiny-8a19a20d593b1d3a.iso');
    cd.source = { type: 'file', file: '/isos/new.iso' };
    expect(cd.source).toEqual({ type: 'file', file: '/isos/new.iso' });
    const disk = parseDomain(fixture('domain-disk.xml')).disks[0];
    if (disk === undefined) throw new Error('no disk');
    disk.source = { type: 'block', dev: '/dev/vg/lv' };
    expect([disk.type, disk.source]).toEqual(['block', { type: 'block', dev: '/dev/vg/lv' }]);
    disk.source = { type: 'network', protocol: 'nbd', name: 'export', hosts: [{ name: 'nbd.example', port: '10809' }] };
    expect(disk.source).toEqual({ type: 'network', protocol: 'nbd', name: 'export', hosts: [{ name: 'nbd.example', port: '10809' }] });
    disk.source = { type: 'volume', pool: 'default', volume: 'a.qcow2' };
    expect(disk.element.child('source')?.attributes.map((a) => a.name)).toEqual(['pool', 'volume']);
    expect(disk.address?.slot).toBe('0x03');
    disk.readonly = true;
    disk.shareable = true;
    disk.serial = 'S1';
    disk.io = 'native';
    expect([disk.readonly, disk.shareable, disk.serial, disk.io]).toEqual([true, true, 'S1', 'native']);
    disk.cache = 'default';
    expect(disk.cache).toBeUndefined();
  });

  it('re-plugs NICs, sets link state and boot order, keeps MAC and address', () => {
    const d = parseDomain(fixture('domain-disk.xml'));
    const nic = d.interfaces[0];
    if (nic === undefined) throw new Error('no NIC');
    nic.source = { type: 'bridge', bridge: 'br0' };
    expect([nic.type, nic.source, nic.mac, nic.address?.slot]).toEqual(['bridge', { type: 'bridge', bridge: 'br0' }, '52:54:00:56:71:1e', '0x02']);
    nic.source = { type: 'direct', dev: 'eth0' };
    expect(nic.source).toEqual({ type: 'direct', dev: 'eth0', mode: 'vepa' });
    nic.source = { type: 'user' };
    expect([nic.type, nic.element.child('source')]).toEqual(['user', undefined]);
    nic.linkState = 'down';
    nic.bootOrder = 3;
    nic.mac = '52:54:00:AA:BB:CC';
    expect([nic.linkState, nic.bootOrder, nic.mac]).toEqual(['down', 3, '52:54:00:aa:bb:cc']);
    nic.linkState = 'up';
    expect(nic.linkState).toBe('up');
    // <boot> lands after <model> and before <address>, as libvirt writes it.
    expect(nic.element.elements.map((e) => e.name)).toEqual(['mac', 'model', 'link', 'boot', 'address']);
  });

  it('sets graphics listen and ports', () => {
    const d = parseDomain(fixture('domain-running.xml'));
    const g = d.graphics[0] as GraphicsDevice;
    g.listen = { type: 'none' };
    expect(g.listen).toEqual({ type: 'none' });
    expect(g.element.attr('listen')).toBeUndefined();
    g.listen = { type: 'socket', socket: '/run/vnc.sock' };
    expect(g.listen).toEqual({ type: 'socket', socket: '/run/vnc.sock' });
    g.setPort(5901);
    expect([g.port, g.autoport]).toEqual([5901, false]);
    g.setPort(undefined);
    expect([g.port, g.autoport]).toEqual([-1, true]);
    g.passwd = 'secret';
    expect(g.passwd).toBe('secret');
  });

  it('adds devices next to their class (or in class order) and removes them', () => {
    const d = parseDomain(fixture('domain-disk.xml'));
    const nic = d.addDevice(buildInterface({ source: { type: 'network', network: 'default' }, mac: '52:54:00:00:00:99' }));
    expect(nic).toBeInstanceOf(InterfaceDevice);
    const disk = d.addDevice(buildDisk({ source: { type: 'file', file: '/x.qcow2' }, targetDev: 'vdb' }));
    const tpm = d.addDevice("<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>");
    expect(d.devices.map((x) => x.kind)).toEqual(['disk', 'disk', 'controller', 'controller', 'interface', 'interface', 'input', 'input', 'tpm', 'audio', 'memballoon']);
    expect(d.toXml()).toContain(`      <address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/>
    </disk>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/x.qcow2'/>
      <target dev='vdb' bus='virtio'/>
    </disk>
    <controller`);
    expect(d.removeDevice(disk)).toBe(true);
    expect(d.removeDevice(tpm)).toBe(true);
    expect(d.removeDevice(nic)).toBe(true);
    expect(d.removeDevice(nic)).toBe(false);
    expect(d.toXml()).toBe(fixture('domain-disk.xml'));
  });

  it('adds and replaces namespaced metadata without touching other apps’ metadata', () => {
    const d = parseDomain(fixture('virt-install-spice.xml'));
    d.setMetadata('<hangar:vm xmlns:hangar="https://hangar.example/1"><hangar:group>lab</hangar:group></hangar:vm>');
    d.setMetadata('<hangar:vm xmlns:hangar="https://hangar.example/1"><hangar:group>prod</hangar:group></hangar:vm>');
    expect(d.metadata('https://hangar.example/1')?.child('hangar:group')?.text).toBe('prod');
    expect(d.metadata('http://libosinfo.org/xmlns/libvirt/domain/1.0')).toBeDefined();
    expect(d.toXml().match(/hangar:vm /g)?.length).toBe(1);
    expect(() => d.setMetadata('<plain/>')).toThrow(/namespace/);
  });
});

describe('buildDomain', () => {
  it('builds a domain libvirt-style from a short spec, readable back through the model', () => {
    const d = buildDomain({
      name: 'new-vm', memory: 2 * 1024 ** 3, vcpus: 2, arch: 'x86_64', machine: 'q35', firmware: 'efi', cpuMode: 'host-passthrough',
      disks: [{ source: { type: 'file', file: '/var/lib/libvirt/images/new-vm.qcow2' }, targetDev: 'vda' }, { device: 'cdrom', source: { type: 'file', file: '/isos/d.iso' }, targetDev: 'sda' }],
      interfaces: [{ source: { type: 'network', network: 'default' }, mac: '52:54:00:12:34:56' }],
      graphics: 'spice',
      emulator: '/usr/bin/qemu-system-x86_64',
    });
    const back = parseDomain(d.toXml());
    expect([back.type, back.name, back.memory, back.currentMemory, back.vcpus]).toEqual(['kvm', 'new-vm', 2 * 1024 ** 3, 2 * 1024 ** 3, 2]);
    expect([back.os?.type, back.os?.arch, back.os?.machine, back.os?.firmware, back.os?.bootOrder]).toEqual(['hvm', 'x86_64', 'q35', 'efi', ['hd']]);
    expect(back.cpu?.mode).toBe('host-passthrough');
    expect(back.features).toEqual(['acpi', 'apic']);
    expect(back.devices.map((x) => x.kind)).toEqual(['disk', 'disk', 'interface', 'serial', 'console', 'graphics', 'video']);
    expect(back.disks.map((x) => [x.device, x.bus, x.format, x.readonly])).toEqual([['disk', 'virtio', 'qcow2', false], ['cdrom', 'sata', 'raw', true]]);
    expect(back.emulator).toBe('/usr/bin/qemu-system-x86_64');
    expect(back.graphics[0]?.listen).toEqual({ type: 'address', address: '127.0.0.1' });
    expect(d.toXml()).toContain("  <devices>\n    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n");
  });

  it('uses per-device boot order when a device asks for it, and direct kernel boot', () => {
    const d = buildDomain({
      name: 'k', memory: 1024 ** 3, vcpus: 1, serialConsole: false, kernel: { path: '/boot/vmlinuz', initrd: '/boot/initrd', cmdline: 'console=ttyS0' },
      disks: [{ source: { type: 'file', file: '/a.qcow2' }, targetDev: 'vda', bootOrder: 1 }],
    });
    expect(d.os?.bootOrder).toEqual([]);
    expect(d.disks[0]?.bootOrder).toBe(1);
    expect([d.os?.kernel, d.os?.initrd, d.os?.cmdline]).toEqual(['/boot/vmlinuz', '/boot/initrd', 'console=ttyS0']);
    expect(d.devices.map((x) => x.kind)).toEqual(['disk']);
  });
});
