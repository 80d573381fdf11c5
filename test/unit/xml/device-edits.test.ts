import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  attachedDevices, CharDevice, generateMac, ControllerDevice, DiskDevice, enableSharedMemory, FilesystemDevice, GraphicsDevice, hasSharedMemory, HostdevDevice, InputDevice,
  MemballoonDevice, nextTargetDev, PanicDevice, parseDomain, RngDevice, SmartcardDevice, TpmDevice, VideoDevice, VsockDevice, WatchdogDevice, XmlError,
  type DomainDevice, type DomainXml,
} from '../../../drivers/xml/index.js';

const allDevices = readFileSync(resolve(import.meta.dirname, '../../fixtures/devices/all-devices.xml'), 'utf8');

function first<T extends DomainDevice>(d: DomainXml, cls: abstract new (...a: never[]) => T, kind?: string): T {
  const dev = d.devices.find((x): x is T => x instanceof cls && (kind === undefined || x.kind === kind));
  if (dev === undefined) throw new Error(`no ${cls.name}`);
  return dev;
}

/** The lines of `after` that are not in `before`, and the other way round (a small line diff). */
function changedLines(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  return { added: b.filter((l) => !a.includes(l)), removed: a.filter((l) => !b.includes(l)) };
}

describe('device edits', () => {
  it('reads every device class of the all-devices fixture and rewrites it unchanged', () => {
    const d = parseDomain(allDevices);
    expect(new Set(d.devices.map((x) => x.kind))).toEqual(new Set([
      'disk', 'controller', 'filesystem', 'interface', 'smartcard', 'serial', 'parallel', 'console', 'channel', 'input', 'tpm', 'graphics',
      'sound', 'video', 'hostdev', 'redirdev', 'watchdog', 'memballoon', 'rng', 'panic', 'vsock', 'shmem',
    ]));
    expect(d.toXml()).toBe(allDevices);
  });

  it('change only the lines they are about', () => {
    const d = parseDomain(allDevices);
    first(d, VideoDevice).heads = 2;
    first(d, WatchdogDevice).action = 'poweroff';
    first(d, MemballoonDevice).statsPeriod = 5;
    first(d, PanicDevice).model = 'pvpanic';
    first(d, ControllerDevice).ports = 8;
    const { added, removed } = changedLines(allDevices, d.toXml());
    expect(added.map((l) => l.trim())).toEqual([
      `<controller type='usb' index='0' model='qemu-xhci' ports='8'/>`,
      `<model type='virtio' heads='2' primary='yes'/>`,
      `<watchdog model='i6300esb' action='poweroff'/>`,
      `<stats period='5'/>`,
      `<panic model='pvpanic'/>`,
    ]);
    expect(removed).toHaveLength(5);
  });

  it('disk: removable, serial checked, a source label for every kind', () => {
    const d = parseDomain(allDevices);
    const [disk, cdrom, floppy] = d.disks as [DiskDevice, DiskDevice, DiskDevice];
    expect(disk.sourceLabel).toBe('/var/lib/libvirt/images/web-01.qcow2');
    expect(floppy.sourceLabel).toBeUndefined();
    cdrom.removable = true;
    expect(d.toXml()).toContain(`<target dev='sda' bus='sata' removable='on'/>`);
    cdrom.removable = false;
    expect(d.toXml()).toContain(`<target dev='sda' bus='sata'/>`);
    expect(() => { disk.serial = 'has;semicolon'; }).toThrow(XmlError);
    expect(() => { disk.serial = 'x'.repeat(21); }).toThrow(/1–20/);
    disk.serial = 'NEW-SERIAL';
    expect(disk.serial).toBe('NEW-SERIAL');
    cdrom.source = { type: 'volume', pool: 'iso', volume: 'tiny.iso' };
    expect(cdrom.sourceLabel).toBe('iso/tiny.iso');
  });

  it('graphics: switching to VNC drops SPICE-only children, a VNC password is at most 8 characters', () => {
    const d = parseDomain(`<domain type='kvm'><name>g</name><devices><graphics type='spice' autoport='yes' tlsPort='-1'><listen type='address' address='0.0.0.0'/><image compression='off'/><gl enable='no'/></graphics></devices></domain>`);
    const g = first(d, GraphicsDevice);
    g.setType('vnc');
    expect(d.toXml()).toContain(`<graphics type='vnc' autoport='yes'><listen type='address' address='0.0.0.0'/></graphics>`);
    expect(() => { g.passwd = '123456789'; }).toThrow(/8 characters/);
    g.passwd = 'secret';
    expect(g.passwd).toBe('secret');
  });

  it('char devices: backend changes keep the target', () => {
    const d = parseDomain(allDevices);
    const serial = first(d, CharDevice, 'serial');
    serial.setSource('file', '/var/log/s.log');
    expect(serial.type).toBe('file');
    expect(serial.sourcePath).toBe('/var/log/s.log');
    expect(serial.targetType).toBe('isa-serial');
    expect(() => serial.setSource('file', 'relative.log')).toThrow(/absolute/);
    serial.setSource('unix');
    expect(d.toXml()).toContain(`<serial type='unix'>\n      <source mode='bind'/>\n      <target type='isa-serial' port='0'/>`);
    const channel = first(d, CharDevice, 'channel');
    expect(() => { channel.targetName = ''; }).toThrow(/needs a name/);
    channel.targetName = 'org.libguestfs.channel.0';
    expect(channel.targetName).toBe('org.libguestfs.channel.0');
  });

  it('filesystem: virtiofs brings passthrough access; paths and tags checked', () => {
    const d = parseDomain(`<domain type='kvm'><name>f</name><devices><filesystem type='mount' accessmode='mapped'><driver type='path'/><source dir='/srv'/><target dir='srv'/></filesystem></devices></domain>`);
    const fs = first(d, FilesystemDevice);
    fs.driverType = 'virtiofs';
    expect(fs.accessMode).toBe('passthrough');
    expect(() => { fs.sourceDir = 'srv'; }).toThrow(/absolute/);
    expect(() => { fs.targetDir = ' '; }).toThrow(/mount tag/);
    fs.readonly = true;
    expect(d.toXml()).toContain(`<target dir='srv'/><readonly/></filesystem>`);
  });

  it('shared memory for virtiofs: detected, and added as memfd + shared access', () => {
    expect(hasSharedMemory(parseDomain(allDevices))).toBe(true);
    const d = parseDomain(`<domain type='kvm'><name>m</name><memory unit='KiB'>1048576</memory><vcpu>1</vcpu></domain>`);
    expect(hasSharedMemory(d)).toBe(false);
    enableSharedMemory(d);
    expect(d.toXml()).toBe(`<domain type='kvm'><name>m</name><memory unit='KiB'>1048576</memory><memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking><vcpu>1</vcpu></domain>`);
    const numa = parseDomain(`<domain type='kvm'><name>n</name><cpu><numa><cell id='0' cpus='0' memory='1' unit='GiB' memAccess='shared'/></numa></cpu></domain>`);
    expect(hasSharedMemory(numa)).toBe(true);
  });

  it('tpm: backend switches bring what each needs', () => {
    const d = parseDomain(allDevices);
    const tpm = first(d, TpmDevice);
    tpm.backendType = 'passthrough';
    expect([tpm.backendVersion, tpm.devicePath]).toEqual([undefined, '/dev/tpm0']);
    tpm.backendType = 'emulator';
    expect([tpm.backendVersion, tpm.devicePath]).toEqual(['2.0', undefined]);
    expect(() => { tpm.model = 'tpm-xyz'; }).toThrow(XmlError);
  });

  it('rng, vsock, smartcard, hostdev, video, input, memballoon setters', () => {
    const d = parseDomain(allDevices);
    const rng = first(d, RngDevice);
    rng.backendSource = '/dev/hwrng';
    expect(d.toXml()).toContain(`<backend model='random'>/dev/hwrng</backend>`);
    expect(() => { rng.backendSource = '/etc/passwd'; }).toThrow(/hwrng/);
    rng.setBackend('builtin');
    expect(d.toXml()).toContain(`<backend model='builtin'/>`);
    expect(() => { rng.backendSource = '/dev/random'; }).toThrow(/random backend/);

    const vs = first(d, VsockDevice);
    expect(() => vs.setCid(2)).toThrow(XmlError);
    vs.setCid(42);
    expect([vs.cidAuto, vs.cid]).toEqual([false, 42]);
    vs.setCid(undefined);
    expect([vs.cidAuto, vs.cid]).toEqual([true, undefined]);

    const sc = first(d, SmartcardDevice);
    sc.mode = 'host';
    expect(d.toXml()).toContain(`<smartcard mode='host'/>`);
    sc.mode = 'passthrough';
    expect(d.toXml()).toContain(`<smartcard mode='passthrough' type='spicevmc'/>`);

    const [usb, pci] = d.devices.filter((x): x is HostdevDevice => x instanceof HostdevDevice) as [HostdevDevice, HostdevDevice];
    usb.startupPolicy = 'optional';
    expect(usb.startupPolicy).toBe('optional');
    expect(() => { pci.startupPolicy = 'optional'; }).toThrow(/USB/);
    pci.romBar = false;
    expect(d.toXml()).toContain(`</source>\n      <rom bar='off'/>\n    </hostdev>`);
    pci.romBar = undefined;
    expect(d.toXml()).not.toContain('<rom');

    const video = first(d, VideoDevice);
    video.accel3d = true;
    expect(d.toXml()).toContain(`<model type='virtio' heads='1' primary='yes'>`);
    expect(video.accel3d).toBe(true);
    video.accel3d = false;
    expect(d.toXml()).toContain(`<model type='virtio' heads='1' primary='yes'/>`);

    const input = first(d, InputDevice);
    input.bus = 'virtio';
    expect(() => { input.bus = 'serial'; }).toThrow(XmlError);

    const mb = first(d, MemballoonDevice);
    mb.statsPeriod = 0;
    expect(d.toXml()).toContain(`<memballoon model='virtio'/>`);
  });
});

describe('device helpers', () => {
  it('next free disk target per bus', () => {
    const d = parseDomain(allDevices);
    expect([nextTargetDev(d, 'virtio'), nextTargetDev(d, 'sata'), nextTargetDev(d, 'ide'), nextTargetDev(d, 'fdc'), nextTargetDev(d, 'virtio', 'vda')])
      .toEqual(['vdb', 'sdb', 'hda', 'fdb', 'vda']);
  });

  it('a controller lists the devices it holds', () => {
    const d = parseDomain(`<domain type='kvm'><name>c</name><devices>
      <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><address type='drive' controller='0' bus='0' target='0' unit='0'/></disk>
      <disk type='file' device='disk'><target dev='sdb' bus='sata'/></disk>
      <disk type='file' device='disk'><target dev='sdc' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='2'/></disk>
      <controller type='sata' index='0'/><controller type='scsi' index='0' model='virtio-scsi'/><controller type='usb' index='0'/>
      <controller type='virtio-serial' index='0'/>
      <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/><address type='virtio-serial' controller='0' bus='0' port='1'/></channel>
      <input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/></input>
    </devices></domain>`);
    const ctl = (type: string): ControllerDevice => d.devices.find((x): x is ControllerDevice => x instanceof ControllerDevice && x.type === type) as ControllerDevice;
    const names = (type: string): string[] => attachedDevices(d, ctl(type)).map((x) => x.kind + (x instanceof DiskDevice ? `:${x.targetDev ?? ''}` : ''));
    expect(names('sata')).toEqual(['disk:sda', 'disk:sdb']);
    expect(names('scsi')).toEqual(['disk:sdc']);
    expect(names('usb')).toEqual(['input']);
    expect(names('virtio-serial')).toEqual(['channel']);
  });
});

describe('new NICs', () => {
  it('get a free MAC in 52:54:00', () => {
    const bytes = [[0x12, 0x34, 0x56], [0xab, 0xcd, 0xef]];
    let i = 0;
    const mac = generateMac(['52:54:00:12:34:56'], () => new Uint8Array(bytes[i++] ?? [0, 0, 0]));
    expect(mac).toBe('52:54:00:ab:cd:ef');
    expect(generateMac([])).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
  });
});
