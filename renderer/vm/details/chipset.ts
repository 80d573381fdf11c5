// An x86 VM's chipset is its machine type's family: i440FX (machine `pc`, `pc-i440fx-*`) or Q35 (`q35`, `pc-q35-*`).
// Changing it changes the PCI topology, so what libvirt laid out for the old one goes and it lays out the new one.
import { nextTargetDev, type DomainXml } from '../../../drivers/xml/index.js';

export type Chipset = 'i440fx' | 'q35';

export function chipsetOf(machine: string | undefined): Chipset | undefined {
  if (machine === undefined) return undefined;
  if (/(^|-)q35(-|$)/.test(machine)) return 'q35';
  if (machine === 'pc' || /^pc-(i440fx-)?\d/.test(machine) || machine.startsWith('pc-i440fx')) return 'i440fx';
  return undefined;
}

/**
 * Moves the VM to the other chipset, as when it is made for one: machine `pc` or `q35` (libvirt makes it the newest
 * version), PCI controllers and PCI addresses dropped (libvirt assigns them anew), and on Q35, which has no IDE, IDE
 * disks moved to SATA.
 */
export function setChipset(dom: DomainXml, chipset: Chipset): void {
  const os = dom.ensureOs();
  os.machine = chipset === 'q35' ? 'q35' : 'pc';
  const devices = dom.element.child('devices');
  if (devices === undefined) return;
  for (const c of devices.childrenNamed('controller')) {
    if (c.attr('type') === 'pci' || (chipset === 'q35' && c.attr('type') === 'ide')) devices.removeChild(c);
  }
  for (const d of dom.devices) {
    if (d.address?.type === 'pci') d.clearAddress();
  }
  if (chipset === 'q35') {
    for (const disk of dom.disks) {
      if (disk.bus !== 'ide') continue;
      const target = nextTargetDev(dom, 'sata', disk.targetDev);
      disk.bus = 'sata';
      disk.targetDev = target;
      disk.clearAddress();
    }
  }
}
