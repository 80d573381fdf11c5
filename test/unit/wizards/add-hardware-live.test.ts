import { describe, expect, it } from 'vitest';
import { buildCharDevice } from '../../../drivers/xml/index.js';
import { refusalHint } from '../../../renderer/wizards/addhw/add-device.js';
import { canHotplug, needsVirtioSerial } from '../../../renderer/wizards/addhw/hardware-kinds.js';

describe('Add Hardware: what goes into a running VM', () => {
  it('plugs a virtio console live, not a serial-type console (that is the first serial port)', () => {
    expect(canHotplug('console', buildCharDevice({ kind: 'console', consoleType: 'virtio' }))).toBe(true);
    expect(canHotplug('console', buildCharDevice({ kind: 'console', consoleType: 'serial' }))).toBe(false);
    for (const k of ['graphics', 'sound', 'video', 'tpm', 'panic', 'smartcard', 'parallel', 'memballoon'] as const) expect(canHotplug(k), k).toBe(false);
    for (const k of ['storage', 'controller', 'network', 'input', 'serial', 'channel', 'watchdog', 'redirdev', 'rng', 'vsock'] as const) expect(canHotplug(k), k).toBe(true);
  });

  it('knows which ports sit on a virtio-serial controller', () => {
    expect(needsVirtioSerial('console', buildCharDevice({ kind: 'console', consoleType: 'virtio' }))).toBe(true);
    expect(needsVirtioSerial('channel', buildCharDevice({ kind: 'channel', source: { type: 'unix' }, name: 'org.qemu.guest_agent.0' }))).toBe(true);
    expect(needsVirtioSerial('serial', buildCharDevice({ kind: 'serial' }))).toBe(false);
  });

  it('explains the live refusals it knows, from libvirt 9.0 / QEMU 7.2\'s messages', () => {
    expect(refusalHint('vsock', 'unsupported configuration: unable to open vhost-vsock device')).toBe('vhostVsock');
    expect(refusalHint('serial', "internal error: unable to execute QEMU command 'device_add': Bus 'isa.0' does not support hotplugging")).toBe('isaBus');
    expect(refusalHint('parallel', "internal error: unable to execute QEMU command 'device_add': Bus 'isa.0' does not support hotplugging")).toBe('isaBus');
    expect(refusalHint('serial', 'internal error: No free USB ports')).toBeUndefined();
    expect(refusalHint('storage', 'unable to open vhost-vsock device')).toBeUndefined();
  });
});
