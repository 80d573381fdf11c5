import { describe, expect, it } from 'vitest';
import { consoleDevices } from '../../../main/services/consoles/console-devices.js';

const live = `<domain type='kvm' id='3'><name>a</name><uuid>11111111-2222-3333-4444-555555555555</uuid><memory>1024</memory><devices>
  <serial type='pty'><source path='/dev/pts/4'/><target type='isa-serial' port='0'/><alias name='serial0'/></serial>
  <serial type='file'><source path='/tmp/s1'/><target port='1'/><alias name='serial1'/></serial>
  <console type='pty' tty='/dev/pts/4'><target type='serial' port='0'/><alias name='serial0'/></console>
  <console type='pty'><target type='virtio' port='1'/><alias name='console1'/></console>
  <graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1' passwd='s3cret'><listen type='address' address='127.0.0.1'/></graphics>
  <graphics type='spice' port='5902'><listen type='address' address='0.0.0.0'/></graphics>
  <graphics type='vnc'><listen type='socket' socket='/run/vnc.sock'/></graphics>
</devices></domain>`;

describe('consoleDevices', () => {
  it('lists each serial port and text console once, openable only on a pty, by alias', () => {
    const d = consoleDevices(live, true);
    expect(d.serials).toEqual([
      { alias: 'serial0', kind: 'serial', port: 0, type: 'pty', openable: true },
      { alias: 'serial1', kind: 'serial', port: 1, type: 'file', openable: false },
      { alias: 'console1', kind: 'console', port: 1, type: 'pty', openable: true },
    ]);
  });

  it('says where each graphics server listens, with the VNC password of a SECURE read', () => {
    const d = consoleDevices(live, false);
    expect(d.tunnels).toBe(false);
    expect(d.graphics).toEqual([
      { type: 'vnc', listen: { kind: 'tcp', address: '127.0.0.1', port: 5901 }, password: 's3cret' },
      { type: 'spice', listen: { kind: 'tcp', address: '0.0.0.0', port: 5902 }, password: null },
      { type: 'vnc', listen: { kind: 'socket', socket: '/run/vnc.sock' }, password: null },
    ]);
  });

  it('has no listen address for an autoport server of a VM that is off', () => {
    const off = `<domain type='kvm'><name>a</name><memory>1024</memory><devices><graphics type='vnc' port='-1' autoport='yes'/></devices></domain>`;
    expect(consoleDevices(off, true).graphics[0]?.listen).toBeNull();
  });
});
