import { describe, expect, it } from 'vitest';
import { parseDomain } from '../../../drivers/xml/index.js';
import { switchToVnc } from '../../../renderer/consoles/switch-to-vnc.js';

const spice = `<domain type='kvm'>
  <name>win</name>
  <memory unit='KiB'>1048576</memory>
  <devices>
    <channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel>
    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
    <graphics type='spice' autoport='yes'><listen type='address'/><image compression='off'/></graphics>
    <video><model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1' primary='yes'/></video>
    <redirdev bus='usb' type='spicevmc'/>
    <!-- kept -->
    <memballoon model='virtio'/>
  </devices>
</domain>`;

describe('switchToVnc', () => {
  it('replaces SPICE graphics with VNC on loopback and QXL with VGA, dropping the SPICE-only devices', () => {
    const d = parseDomain(switchToVnc(spice));
    expect(d.graphics.map((g) => [g.type, g.listen])).toEqual([['vnc', { type: 'address', address: '127.0.0.1' }]]);
    const kinds = d.devices.map((x) => `${x.kind}:${x.type ?? x.element.child('model')?.attr('type') ?? x.element.attr('model') ?? ''}`);
    expect(kinds).toEqual(['channel:unix', 'graphics:vnc', 'video:vga', 'memballoon:virtio']);
    const model = d.devices.find((x) => x.kind === 'video')?.element.child('model');
    expect(model?.attr('vram')).toBeUndefined();
    expect(model?.attr('heads')).toBe('1');
  });

  it('keeps what it does not know (comments) and leaves a VM without SPICE as it was', () => {
    expect(switchToVnc(spice)).toContain('<!-- kept -->');
    const vnc = spice.replace("type='spice' autoport='yes'", "type='vnc' autoport='yes'");
    expect(switchToVnc(vnc)).toBe(vnc);
  });
});
