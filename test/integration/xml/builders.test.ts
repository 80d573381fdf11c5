// The builders are what the wizards will call: what they build, libvirtd must take as it is —
// a domain, networks (defined and started), pools of the types that define without hardware
// (dir built and started), a volume in it, and a snapshot. virsh is the oracle.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCharDevice, buildController, buildFilesystem, buildGraphics, buildHostdev, buildInput, buildPanic, buildRedirdev, buildRng, buildSmartcard,
  buildSound, buildTpm, buildVideo, buildVsock, buildWatchdog, buildDomain, buildNetwork, buildSnapshot, buildStoragePool, buildStorageVolume, parseDomain, parseNetwork, parseStoragePool, parseStorageVolume,
} from '../../../drivers/xml/index.js';
import { startLab, type Lab } from '../../lab/lab.js';

let lab: Lab;
let n = 0;

beforeAll(async () => {
  lab = await startLab();
});

afterAll(async () => {
  await lab?.stop();
});

async function virshWithFile(args: readonly string[], xml: string): Promise<string> {
  const file = join(lab.dir, `built-${n++}.xml`);
  writeFileSync(file, xml);
  return lab.virsh([...args, file]);
}

describe('built objects are accepted by libvirtd', () => {
  it('a storage pool (dir, built and started) and volumes in it', async () => {
    const pool = buildStoragePool({ type: 'dir', name: 'built-dir', targetPath: '/var/lib/libvirt/images/built', permissions: { mode: '0711' } });
    await virshWithFile(['pool-define'], pool.toXml());
    await lab.virsh(['pool-build', 'built-dir']);
    await lab.virsh(['pool-start', 'built-dir']);
    expect(parseStoragePool(await lab.virsh(['pool-dumpxml', 'built-dir'])).targetPermissions?.mode).toBe('0711');
    await virshWithFile(['vol-create', 'built-dir'], buildStorageVolume({ name: 'base.qcow2', capacity: 64 * 1024 ** 2, format: 'qcow2' }).toXml());
    await virshWithFile(['vol-create', 'built-dir'], buildStorageVolume({
      name: 'overlay.qcow2', capacity: 64 * 1024 ** 2, format: 'qcow2', backingStore: { path: '/var/lib/libvirt/images/built/base.qcow2', format: 'qcow2' },
    }).toXml());
    const vol = parseStorageVolume(await lab.virsh(['vol-dumpxml', '--pool', 'built-dir', 'overlay.qcow2']));
    expect([vol.capacity, vol.format, vol.backingStore?.path]).toEqual([64 * 1024 ** 2, 'qcow2', '/var/lib/libvirt/images/built/base.qcow2']);
  });

  it('pools of the other types define', async () => {
    const pools = [
      buildStoragePool({ type: 'fs', name: 'built-fs', source: { devices: ['/dev/vdz1'], format: 'ext4' }, targetPath: '/mnt/built-fs' }),
      buildStoragePool({ type: 'netfs', name: 'built-netfs', source: { hosts: [{ name: 'nfs.example.org' }], dir: '/export', format: 'nfs' }, targetPath: '/mnt/built-nfs' }),
      buildStoragePool({ type: 'logical', name: 'built-lvm', source: { name: 'vg_built', devices: ['/dev/vdz2'] }, targetPath: '/dev/vg_built' }),
      buildStoragePool({ type: 'disk', name: 'built-disk', source: { devices: ['/dev/vdz'], format: 'gpt' }, targetPath: '/dev' }),
      buildStoragePool({ type: 'iscsi', name: 'built-iscsi', source: { hosts: [{ name: 'san.example.org', port: 3260 }], devices: ['iqn.2020-01.org.example:t1'] }, targetPath: '/dev/disk/by-path' }),
      buildStoragePool({ type: 'scsi', name: 'built-scsi', source: { adapter: { type: 'scsi_host', name: 'host7' } }, targetPath: '/dev/disk/by-path' }),
      buildStoragePool({ type: 'mpath', name: 'built-mpath', targetPath: '/dev/mapper' }),
    ];
    for (const p of pools) {
      await virshWithFile(['pool-define'], p.toXml());
      const back = parseStoragePool(await lab.virsh(['pool-dumpxml', p.name]));
      expect([back.type, back.targetPath]).toEqual([p.type, p.targetPath]);
      expect(back.source).toMatchObject(p.source);
    }
  });

  it('networks: NAT with DHCP (started), isolated IPv6, bridge', async () => {
    const nat = buildNetwork({
      name: 'built-nat', forward: { mode: 'nat' }, bridge: 'virbr42', ipv4: { address: '10.42.0.1', prefix: 24, dhcp: [{ start: '10.42.0.100', end: '10.42.0.200' }] },
    });
    await virshWithFile(['net-define'], nat.toXml());
    await lab.virsh(['net-start', 'built-nat']);
    expect((await lab.virsh(['net-list', '--name'])).split('\n').map((l) => l.trim())).toContain('built-nat');
    const back = parseNetwork(await lab.virsh(['net-dumpxml', 'built-nat']));
    expect([back.forwardMode, back.bridgeName, back.ips[0]?.dhcpRanges]).toEqual(['nat', 'virbr42', [{ start: '10.42.0.100', end: '10.42.0.200' }]]);
    await virshWithFile(['net-define'], buildNetwork({ name: 'built-v6', ipv6: { address: 'fd42::1', prefix: 64, dhcp: [{ start: 'fd42::100', end: 'fd42::1ff' }] } }).toXml());
    await virshWithFile(['net-define'], buildNetwork({ name: 'built-br', forward: { mode: 'bridge' }, bridge: 'br0' }).toXml());
    expect(parseNetwork(await lab.virsh(['net-dumpxml', 'built-v6'])).ips[0]?.family).toBe(6);
  });

  it('a domain (defined), and a snapshot of it', async () => {
    const dom = buildDomain({
      name: 'built-vm', type: 'qemu', memory: 128 * 1024 ** 2, vcpus: 2, arch: 'x86_64', machine: 'pc', emulator: '/usr/bin/qemu-system-x86_64',
      disks: [{ source: { type: 'file', file: '/var/lib/libvirt/images/built/base.qcow2' }, targetDev: 'vda', cache: 'none' }, { device: 'cdrom', targetDev: 'hdc', bus: 'ide' }],
      interfaces: [{ source: { type: 'network', network: 'built-nat' }, mac: '52:54:00:42:00:01' }],
      graphics: 'vnc',
    });
    await virshWithFile(['define'], dom.toXml());
    const back = parseDomain(await lab.virsh(['dumpxml', 'built-vm']));
    expect([back.memory, back.vcpus, back.disks.map((d) => d.targetDev), back.disks[0]?.cache, back.interfaces[0]?.mac]).toEqual([128 * 1024 ** 2, 2, ['vda', 'hdc'], 'none', '52:54:00:42:00:01']);
    await virshWithFile(['snapshot-create', 'built-vm'], buildSnapshot({ name: 'clean', description: 'fresh & new' }).toXml());
    expect(await lab.virsh(['snapshot-dumpxml', 'built-vm', 'clean'])).toContain('<description>fresh &amp; new</description>');
  });

  it('every kind of added hardware (the add-hardware wizard)', async () => {
    const dom = buildDomain({ name: 'built-hw', type: 'qemu', memory: 128 * 1024 ** 2, vcpus: 1, arch: 'x86_64', machine: 'pc', serialConsole: false });
    const devices = [
      buildController('usb'), buildController('scsi'), buildController('virtio-serial'),
      buildGraphics({ type: 'vnc', passwd: 'secret' }), buildGraphics({ type: 'spice', listen: 'none' }), buildVideo('qxl'), buildSound('ich9'),
      buildInput('tablet'), buildInput('keyboard', 'virtio'),
      buildCharDevice({ kind: 'serial' }), buildCharDevice({ kind: 'console' }), buildCharDevice({ kind: 'parallel', source: { type: 'file', path: '/tmp/lpt.log' } }),
      buildCharDevice({ kind: 'channel', source: { type: 'unix' }, name: 'org.qemu.guest_agent.0' }), buildCharDevice({ kind: 'channel', source: { type: 'spicevmc' } }),
      buildHostdev({ type: 'usb', vendor: '0x1d6b', product: '0x0002' }), buildHostdev({ type: 'pci', bus: 3, slot: 0, function: 0 }),
      buildHostdev({ type: 'mdev', uuid: 'c2177883-f1bb-47f0-914d-32a22e3a8804' }), buildRedirdev(),
      buildFilesystem({ source: '/srv/share', target: 'share' }),
      // The emulator backend needs swtpm, which the lab does not install; passthrough defines without it.
      buildTpm({ model: 'tpm-tis', backend: 'passthrough' }), buildRng(), buildWatchdog({ action: 'poweroff' }), buildPanic(),
      buildVsock(), buildSmartcard(),
    ];
    for (const d of devices) dom.addDevice(d);
    await virshWithFile(['define'], dom.toXml());
    const back = parseDomain(await lab.virsh(['dumpxml', 'built-hw']));
    const kinds = new Set(back.devices.map((d) => d.kind));
    for (const k of ['controller', 'graphics', 'video', 'sound', 'input', 'serial', 'console', 'parallel', 'channel', 'hostdev', 'redirdev', 'filesystem', 'tpm', 'rng', 'watchdog', 'panic', 'vsock', 'smartcard']) {
      expect(kinds, k).toContain(k);
    }
    expect(back.devices.filter((d) => d.kind === 'hostdev').map((d) => d.type)).toEqual(['usb', 'pci', 'mdev']);
    expect(back.graphics.map((g) => [g.type, g.listen?.type])).toEqual([['vnc', 'address'], ['spice', 'none']]);
  });
});
