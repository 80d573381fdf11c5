import { expect } from 'vitest';
import { parseDomain, parseDomainCapabilities, readOsId } from '../../drivers/xml/index.js';
import type { OsDetails } from '../../main/api/contract/index.js';

/** What the New VM wizard was given for a VM from the tiny ISO (OS Generic Linux 2022, a new qcow2 disk, the default network). */
export interface TinyIsoVm {
  /** `virsh dumpxml --inactive` of the VM. */
  readonly xml: string;
  /** `virsh domcapabilities` for its virt type, x86_64 and q35. */
  readonly capsXml: string;
  readonly os: OsDetails;
  readonly accel: 'kvm' | 'qemu';
  readonly diskPath: string;
  /** The ISO's path on the host, as a regular expression's source. */
  readonly isoPath: string;
  readonly memoryKiB: number;
}

/** The definition against what osinfo-db and the host's domain capabilities call for (virt-install's defaults). */
export function expectTinyIsoDefinition(vm: TinyIsoVm): void {
  const dom = parseDomain(vm.xml);
  const xml = dom.toXml();
  const caps = parseDomainCapabilities(vm.capsXml);
  expect(dom.element.attr('type')).toBe(vm.accel);
  expect(xml).toMatch(/<type arch='x86_64' machine='pc-q35-[^']+'>hvm<\/type>/);
  expect(readOsId(dom)).toBe('http://libosinfo.org/linux/2022');
  expect(vm.os.support.virtioDisk && caps.deviceEnum('disk', 'bus').includes('virtio')).toBe(true);
  const disk = vm.diskPath.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  expect(xml).toMatch(new RegExp(`<disk type='file' device='disk'>\\s*<driver name='qemu' type='qcow2'/>\\s*<source file='${disk}'/>\\s*<target dev='vda' bus='virtio'/>`));
  expect(xml).toMatch(new RegExp(`<disk type='file' device='cdrom'>[\\s\\S]*?<source file='${vm.isoPath}'/>\\s*<target dev='sda' bus='sata'/>`));
  expect(xml).toMatch(/<interface type='network'>[\s\S]*?<source network='default'\/>[\s\S]*?<model type='virtio'\/>/);
  expect(vm.os.support.qemuXhci).toBe(true);
  expect(xml).toContain("<controller type='usb' index='0' model='qemu-xhci'");
  expect(xml).toContain("<target type='virtio' name='org.qemu.guest_agent.0'/>");
  expect(xml).toContain("<input type='tablet' bus='usb'>");
  expect(xml).toMatch(/<graphics type='vnc'/);
  expect(xml).toMatch(/<video>\s*<model type='virtio'/);
  expect(xml).toMatch(/<rng model='virtio'>/);
  expect(xml).toMatch(/<memballoon model='virtio'>/);
  expect(xml).toMatch(/<boot dev='cdrom'\/>\s*<boot dev='hd'\/>/);
  if (vm.accel === 'kvm') expect(xml).toContain("<cpu mode='host-passthrough'");
  expect(xml).toContain(`<memory unit='KiB'>${vm.memoryKiB}</memory>`);
}
