import type { DomainXml } from '../domain.js';
import type { DomainDevice } from './device.js';
import { DiskDevice } from './disk.js';
import type { ControllerDevice } from './simple-devices.js';

/** Which disk buses hang off which controller type. */
const diskBusOf: Readonly<Record<string, string>> = { scsi: 'scsi', sata: 'sata', ide: 'ide', fdc: 'fdc', usb: 'usb' };

function num(v: string | undefined): number {
  return v === undefined ? 0 : Number(v);
}

/**
 * The devices a controller holds: those whose address names it (drive/usb/virtio-serial/ccid addresses by the
 * controller's index, PCI addresses by bus number), and disks of its bus without an address yet (libvirt puts
 * them on the first controller).
 */
export function attachedDevices(domain: DomainXml, controller: ControllerDevice): DomainDevice[] {
  const type = controller.type ?? '';
  const index = controller.index ?? 0;
  return domain.devices.filter((d) => {
    if (d.element === controller.element) return false;
    const a = d.address;
    if (a === undefined) {
      return d instanceof DiskDevice && index === 0 && diskBusOf[type] !== undefined && d.bus === diskBusOf[type];
    }
    switch (a.type) {
      case 'drive': return diskBusOf[type] !== undefined && (d instanceof DiskDevice ? d.bus === diskBusOf[type] : d.kind === 'hostdev' && type === 'scsi') && num(a.controller) === index;
      case 'usb': return type === 'usb' && num(a.bus) === index;
      case 'virtio-serial': return type === 'virtio-serial' && num(a.controller) === index;
      case 'ccid': return type === 'ccid' && num(a.controller) === index;
      case 'pci': return type === 'pci' && num(a.bus) === index;
      default: return false;
    }
  });
}
