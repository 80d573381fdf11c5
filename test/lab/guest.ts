import type { Accel } from './accel.js';

export interface GuestXmlInput {
  readonly name: string;
  readonly iso: string;
  readonly serialLogPath: string;
  readonly memoryMiB: number;
  readonly accel: Accel;
}

const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');

/**
 * Domain XML of the tiny guest: boots the lab's ISO from a CD-ROM, serial console on a pty whose output is also
 * logged to a file, a VNC screen on loopback, and no network interface at all (guests never reach out).
 */
export function tinyGuestDomainXml(g: GuestXmlInput): string {
  return `<domain type='${g.accel}'>
  <name>${escape(g.name)}</name>
  <memory unit='MiB'>${g.memoryMiB}</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <boot dev='cdrom'/>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='cdrom'>
      <driver name='qemu' type='raw'/>
      <source file='${escape(g.iso)}'/>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
    <serial type='pty'>
      <log file='${escape(g.serialLogPath)}' append='off'/>
      <target port='0'/>
    </serial>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>
    <video><model type='vga'/></video>
    <memballoon model='none'/>
  </devices>
</domain>
`;
}
