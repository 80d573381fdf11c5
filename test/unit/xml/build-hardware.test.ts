import { describe, expect, it } from 'vitest';
import {
  buildCharDevice, buildFilesystem, buildGraphics, buildHostdev, buildTpm, buildVsock, deviceView, parseDomain, XmlError, type CharDevice,
  type FilesystemDevice, type GraphicsDevice, type HostdevDevice, type TpmDevice, type VsockDevice,
} from '../../../drivers/xml/index.js';
import { fixture } from './fixtures.js';

describe('hardware builders', () => {
  it('build devices the typed views read back', () => {
    const g = deviceView(buildGraphics({ type: 'spice', port: 5930, listen: { socket: '/run/spice.sock' } }), 'g') as GraphicsDevice;
    expect([g.type, g.port, g.autoport, g.listen]).toEqual(['spice', 5930, false, { type: 'socket', socket: '/run/spice.sock' }]);
    const ch = deviceView(buildCharDevice({ kind: 'channel', source: { type: 'unix' }, name: 'org.qemu.guest_agent.0' }), 'c') as CharDevice;
    expect([ch.type, ch.targetType, ch.targetName]).toEqual(['unix', 'virtio', 'org.qemu.guest_agent.0']);
    const pci = deviceView(buildHostdev({ type: 'pci', bus: 3, slot: 31, function: 7 }), 'h') as HostdevDevice;
    expect(pci.sourceAddress).toEqual({ domain: '0x0000', bus: '0x03', slot: '0x1f', function: '0x7' });
    const usb = deviceView(buildHostdev({ type: 'usb', vendor: '0x1d6b', product: '0x0002' }), 'h') as HostdevDevice;
    expect(usb.usbIds).toEqual({ vendor: '0x1d6b', product: '0x0002' });
    const fs = deviceView(buildFilesystem({ source: '/srv/share', target: 'share', driver: 'virtiofs' }), 'f') as FilesystemDevice;
    expect([fs.driverType, fs.accessMode, fs.sourceDir, fs.targetDir]).toEqual(['virtiofs', 'passthrough', '/srv/share', 'share']);
    const tpm = deviceView(buildTpm(), 't') as TpmDevice;
    expect([tpm.model, tpm.backendType, tpm.backendVersion]).toEqual(['tpm-crb', 'emulator', '2.0']);
    const vs = deviceView(buildVsock(42), 'v') as VsockDevice;
    expect([vs.cidAuto, vs.cid]).toEqual([false, 42]);
  });

  it('are placed with their class when added, indented like the rest', () => {
    const d = parseDomain(fixture('domain-disk.xml'));
    d.addDevice(buildGraphics({ type: 'vnc' }));
    expect(d.toXml()).toContain(`    <input type='keyboard' bus='ps2'/>
    <graphics type='vnc' autoport='yes'>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <audio id='1' type='none'/>`);
  });

  it('name the field when a spec is impossible', () => {
    const cases: [() => unknown, string][] = [
      [() => buildGraphics({ type: 'vnc', port: 0 }), 'graphics.port'],
      [() => buildHostdev({ type: 'usb', vendor: '1d6b', product: '0x0002' }), 'hostdev.source.vendor.id'],
      [() => buildHostdev({ type: 'mdev', uuid: 'nope' }), 'hostdev.source.address.uuid'],
      [() => buildFilesystem({ source: 'share', target: 's' }), 'filesystem.source.dir'],
      [() => buildCharDevice({ kind: 'channel', source: { type: 'unix' } }), 'channel.target.name'],
      [() => buildVsock(2), 'vsock.cid.address'],
    ];
    for (const [fn, field] of cases) {
      expect(fn).toThrow(XmlError);
      try {
        fn();
      } catch (e) {
        expect((e as XmlError).field).toBe(field);
      }
    }
  });
});
