import { describe, expect, it } from 'vitest';
import { buildCharDevice, buildController, buildSound, enableSharedMemory, parseDomain } from '../../../drivers/xml/index.js';
import { configOnlyReason, refusalHint } from '../../../renderer/wizards/addhw/add-device.js';
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

  it('says before Finish what goes into the definition only, and why', () => {
    const xml = "<domain type='kvm'><name>v</name><memory unit='MiB'>256</memory><os><type arch='x86_64' machine='pc'>hvm</type></os><devices/></domain>";
    const base = { xml, domain: parseDomain(xml) };
    const console = buildCharDevice({ kind: 'console', consoleType: 'virtio' });
    const live = parseDomain(xml);
    const withController = parseDomain(xml);
    withController.addDevice(buildController('virtio-serial'));
    const r = { running: true, kind: 'console' as const, device: console, base, working: parseDomain(xml) };
    expect(configOnlyReason({ ...r, running: false }, undefined)).toEqual({ how: 'config' });
    expect(configOnlyReason(r, live)).toEqual({ how: 'config', why: 'noVirtioSerial' });
    expect(configOnlyReason(r, withController)).toBeUndefined();
    expect(configOnlyReason({ ...r, kind: 'sound', device: buildSound('ich9') }, live)).toEqual({ how: 'config', why: 'notHotpluggable' });
    const shared = parseDomain(xml);
    enableSharedMemory(shared);
    expect(configOnlyReason({ ...r, kind: 'filesystem', working: shared }, live)).toEqual({ how: 'config', why: 'sharedMemory' });
  });
});
