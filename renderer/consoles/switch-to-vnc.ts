// "Switch this VM to VNC": SPICE graphics become one VNC server on loopback, QXL video becomes VGA, and the
// SPICE-only devices that need a SPICE server (spicevmc channels and redirdevs) go with it. Everything else stays.
import { parseDomain } from '../../drivers/xml/index.js';

/** The definition with VNC instead of SPICE; unchanged XML when it has no SPICE graphics. */
export function switchToVnc(inactiveXml: string): string {
  const domain = parseDomain(inactiveXml);
  const spice = domain.graphics.filter((g) => g.type === 'spice');
  if (spice.length === 0) return inactiveXml;
  for (const g of spice) domain.removeDevice(g);
  if (!domain.graphics.some((g) => g.type === 'vnc')) {
    domain.addDevice("<graphics type='vnc' port='-1' autoport='yes'><listen type='address' address='127.0.0.1'/></graphics>");
  }
  for (const d of domain.devices) {
    if (d.kind === 'video' && d.element.child('model')?.attr('type') === 'qxl') {
      const model = d.element.child('model');
      // QXL's own sizes mean nothing to VGA: the model keeps only its type (and heads/primary, if any).
      if (model) {
        model.setAttr('type', 'vga');
        for (const a of ['ram', 'vram', 'vram64', 'vgamem']) model.setAttr(a, undefined);
      }
    }
    if ((d.kind === 'channel' || d.kind === 'redirdev') && d.type === 'spicevmc') domain.removeDevice(d);
    if (d.kind === 'audio' && d.type === 'spice') domain.removeDevice(d);
  }
  return domain.toXml();
}
