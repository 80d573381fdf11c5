// The built-in Demo host: what test:///default shows when Hangar runs with no libvirt at all. A handful of
// varied guests in different states, the usual NAT network, a directory pool with disk images, and a plausible
// set of host devices, written in libvirt's test-driver node format.

interface GuestSpec {
  readonly name: string;
  readonly uuid: string;
  readonly title: string;
  readonly memMiB: number;
  readonly vcpus: number;
  /** virDomainState in the test namespace. */
  readonly runstate: number;
  readonly disk: { readonly file: string; readonly bus: string };
  readonly cdrom?: string;
  readonly nics: readonly { readonly mac: string; readonly network: string; readonly model: string }[];
  readonly graphics: 'vnc' | 'spice';
  readonly extra?: string;
  readonly ns?: string;
}

function guest(g: GuestSpec): string {
  const nics = g.nics
    .map((n) => `      <interface type='network'>
        <mac address='${n.mac}'/>
        <source network='${n.network}'/>
        <model type='${n.model}'/>
      </interface>`)
    .join('\n');
  const cdrom = g.cdrom
    ? `
      <disk type='file' device='cdrom'>
        <driver name='qemu' type='raw'/>
        <source file='${g.cdrom}'/>
        <target dev='sda' bus='sata'/>
        <readonly/>
      </disk>`
    : '';
  return `  <domain type='kvm'>
    <name>${g.name}</name>
    <uuid>${g.uuid}</uuid>
    <title>${g.title}</title>
    <memory unit='KiB'>${g.memMiB * 1024}</memory>
    <currentMemory unit='KiB'>${g.memMiB * 1024}</currentMemory>
    <vcpu placement='static'>${g.vcpus}</vcpu>
    <os>
      <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
      <boot dev='hd'/>
    </os>
    <features>
      <acpi/>
      <apic/>
    </features>
    <cpu mode='host-passthrough' check='none'/>
    <clock offset='utc'/>
    <on_poweroff>destroy</on_poweroff>
    <on_reboot>restart</on_reboot>
    <on_crash>destroy</on_crash>
    <devices>
      <emulator>/usr/bin/qemu-system-x86_64</emulator>
      <disk type='file' device='disk'>
        <driver name='qemu' type='qcow2'/>
        <source file='${g.disk.file}'/>
        <target dev='${g.disk.bus === 'virtio' ? 'vda' : 'sdb'}' bus='${g.disk.bus}'/>
      </disk>${cdrom}
${nics}
      <serial type='pty'>
        <target type='isa-serial' port='0'/>
      </serial>
      <console type='pty'>
        <target type='serial' port='0'/>
      </console>
      <graphics type='${g.graphics}' port='-1' autoport='yes' listen='127.0.0.1'/>
      <video>
        <model type='virtio' heads='1' primary='yes'/>
      </video>
      <memballoon model='virtio'/>${g.extra ?? ''}
    </devices>
    <test:runstate>${g.runstate}</test:runstate>${g.ns ?? ''}
  </domain>`;
}

const IMAGES = '/var/lib/libvirt/images';
const ISO = '/var/lib/libvirt/iso';

function volume(name: string, capGiB: number, allocGiB: number, format: string): string {
  const bytes = (g: number): number => Math.round(g * 1024 ** 3);
  return `    <volume type='file'>
      <name>${name}</name>
      <capacity unit='bytes'>${bytes(capGiB)}</capacity>
      <allocation unit='bytes'>${bytes(allocGiB)}</allocation>
      <target>
        <format type='${format}'/>
      </target>
    </volume>`;
}

function pciDevice(name: string, parent: string, slot: number, fn: number, cls: string, product: [string, string], vendor: [string, string]): string {
  return `  <device>
    <name>${name}</name>
    <parent>${parent}</parent>
    <capability type='pci'>
      <class>${cls}</class>
      <domain>0</domain>
      <bus>0</bus>
      <slot>${slot}</slot>
      <function>${fn}</function>
      <product id='${product[0]}'>${product[1]}</product>
      <vendor id='${vendor[0]}'>${vendor[1]}</vendor>
    </capability>
  </device>`;
}

export const DEFAULT_NODE_XML = `<?xml version='1.0'?>
<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>
  <cpu>
    <mhz>2400</mhz>
    <model>x86_64</model>
    <nodes>1</nodes>
    <sockets>1</sockets>
    <cores>4</cores>
    <threads>2</threads>
    <active>8</active>
  </cpu>
  <memory>16777216</memory>
${guest({
  name: 'fedora-workstation',
  uuid: '4f1a2b3c-0001-4d5e-8f60-7a8b9c0d1e01',
  title: 'Fedora Workstation 41',
  memMiB: 4096,
  vcpus: 4,
  runstate: 1,
  disk: { file: `${IMAGES}/fedora-workstation.qcow2`, bus: 'virtio' },
  cdrom: `${ISO}/Fedora-Workstation-Live-x86_64-41.iso`,
  nics: [{ mac: '52:54:00:4f:a1:01', network: 'default', model: 'virtio' }],
  graphics: 'spice',
  extra: `
      <rng model='virtio'>
        <backend model='random'>/dev/urandom</backend>
      </rng>`,
  ns: `
    <test:domainsnapshot>
      <name>fresh-install</name>
      <description>Right after the installer finished</description>
      <state>shutoff</state>
      <creationTime>1767225600</creationTime>
      <memory snapshot='no'/>
      <active>0</active>
    </test:domainsnapshot>
    <test:domainsnapshot>
      <name>before-upgrade</name>
      <state>running</state>
      <parent>
        <name>fresh-install</name>
      </parent>
      <creationTime>1769904000</creationTime>
      <memory snapshot='internal'/>
      <active>1</active>
    </test:domainsnapshot>`,
})}
${guest({
  name: 'debian-server',
  uuid: '4f1a2b3c-0002-4d5e-8f60-7a8b9c0d1e02',
  title: 'Debian 12 web server',
  memMiB: 2048,
  vcpus: 2,
  runstate: 1,
  disk: { file: `${IMAGES}/debian-server.qcow2`, bus: 'virtio' },
  nics: [{ mac: '52:54:00:4f:a1:02', network: 'default', model: 'virtio' }],
  graphics: 'vnc',
})}
${guest({
  name: 'windows-11',
  uuid: '4f1a2b3c-0003-4d5e-8f60-7a8b9c0d1e03',
  title: 'Windows 11 Pro',
  memMiB: 8192,
  vcpus: 4,
  runstate: 5,
  disk: { file: `${IMAGES}/windows-11.qcow2`, bus: 'sata' },
  nics: [{ mac: '52:54:00:4f:a1:03', network: 'default', model: 'e1000e' }],
  graphics: 'spice',
  extra: `
      <tpm model='tpm-crb'>
        <backend type='emulator' version='2.0'/>
      </tpm>`,
  ns: `
    <test:hasmanagedsave/>`,
})}
${guest({
  name: 'alpine-router',
  uuid: '4f1a2b3c-0004-4d5e-8f60-7a8b9c0d1e04',
  title: 'Alpine Linux router',
  memMiB: 512,
  vcpus: 1,
  runstate: 3,
  disk: { file: `${IMAGES}/alpine-router.qcow2`, bus: 'virtio' },
  nics: [
    { mac: '52:54:00:4f:a1:04', network: 'default', model: 'virtio' },
    { mac: '52:54:00:4f:b2:04', network: 'isolated', model: 'virtio' },
  ],
  graphics: 'vnc',
})}
${guest({
  name: 'ubuntu-dev',
  uuid: '4f1a2b3c-0005-4d5e-8f60-7a8b9c0d1e05',
  title: 'Ubuntu 24.04 development box',
  memMiB: 6144,
  vcpus: 6,
  runstate: 5,
  disk: { file: `${IMAGES}/ubuntu-dev.qcow2`, bus: 'virtio' },
  nics: [{ mac: '52:54:00:4f:a1:05', network: 'default', model: 'virtio' }],
  graphics: 'spice',
})}
  <network>
    <name>default</name>
    <uuid>4f1a2b3c-1001-4d5e-8f60-7a8b9c0d1e11</uuid>
    <forward mode='nat'>
      <nat>
        <port start='1024' end='65535'/>
      </nat>
    </forward>
    <bridge name='virbr0' stp='on' delay='0'/>
    <mac address='52:54:00:0a:7e:01'/>
    <ip address='192.168.122.1' netmask='255.255.255.0'>
      <dhcp>
        <range start='192.168.122.2' end='192.168.122.254'/>
      </dhcp>
    </ip>
  </network>
  <network>
    <name>isolated</name>
    <uuid>4f1a2b3c-1002-4d5e-8f60-7a8b9c0d1e12</uuid>
    <bridge name='virbr1' stp='on' delay='0'/>
    <mac address='52:54:00:0a:7e:02'/>
    <ip address='10.10.0.1' netmask='255.255.255.0'>
      <dhcp>
        <range start='10.10.0.100' end='10.10.0.200'/>
      </dhcp>
    </ip>
  </network>
  <pool type='dir'>
    <name>default</name>
    <uuid>4f1a2b3c-2001-4d5e-8f60-7a8b9c0d1e21</uuid>
    <target>
      <path>${IMAGES}</path>
      <permissions>
        <mode>0711</mode>
        <owner>0</owner>
        <group>0</group>
      </permissions>
    </target>
${volume('fedora-workstation.qcow2', 40, 12.4, 'qcow2')}
${volume('debian-server.qcow2', 20, 3.8, 'qcow2')}
${volume('windows-11.qcow2', 64, 29.7, 'qcow2')}
${volume('alpine-router.qcow2', 2, 0.3, 'qcow2')}
${volume('ubuntu-dev.qcow2', 30, 8.9, 'qcow2')}
  </pool>
  <pool type='dir'>
    <name>iso</name>
    <uuid>4f1a2b3c-2002-4d5e-8f60-7a8b9c0d1e22</uuid>
    <target>
      <path>${ISO}</path>
    </target>
${volume('Fedora-Workstation-Live-x86_64-41.iso', 2.2, 2.2, 'raw')}
${volume('debian-12.8.0-amd64-netinst.iso', 0.63, 0.63, 'raw')}
${volume('ubuntu-24.04.1-live-server-amd64.iso', 2.6, 2.6, 'raw')}
  </pool>
  <device>
    <name>computer</name>
    <capability type='system'>
      <product>Hangar Demo Workstation</product>
      <hardware>
        <vendor>Hangar</vendor>
        <version>Demo host</version>
        <serial>HGR-0001</serial>
        <uuid>8a2f3c1e-5b7d-4e90-9c11-2d4e6f8a0b1c</uuid>
      </hardware>
      <firmware>
        <vendor>Hangar</vendor>
        <version>1.0</version>
        <release_date>01/01/2026</release_date>
      </firmware>
    </capability>
  </device>
${pciDevice('pci_0000_00_00_0', 'computer', 0, 0, '0x060000', ['0x29c0', '82G33/G31/P35/P31 Express DRAM Controller'], ['0x8086', 'Intel Corporation'])}
${pciDevice('pci_0000_00_02_0', 'computer', 2, 0, '0x030000', ['0x46a6', 'Alder Lake-P GT2 [Iris Xe Graphics]'], ['0x8086', 'Intel Corporation'])}
${pciDevice('pci_0000_00_14_0', 'computer', 20, 0, '0x0c0330', ['0x51ed', 'Alder Lake PCH USB 3.2 xHCI Host Controller'], ['0x8086', 'Intel Corporation'])}
${pciDevice('pci_0000_00_17_0', 'computer', 23, 0, '0x010601', ['0x51d3', 'Alder Lake-P SATA AHCI Controller'], ['0x8086', 'Intel Corporation'])}
${pciDevice('pci_0000_00_1f_6', 'computer', 31, 6, '0x020000', ['0x1a1e', 'Ethernet Connection (16) I219-LM'], ['0x8086', 'Intel Corporation'])}
  <device>
    <name>net_enp0s31f6_3c_52_82_11_22_33</name>
    <path>/sys/devices/pci0000:00/0000:00:1f.6/net/enp0s31f6</path>
    <parent>pci_0000_00_1f_6</parent>
    <capability type='net'>
      <interface>enp0s31f6</interface>
      <address>3c:52:82:11:22:33</address>
      <link speed='1000' state='up'/>
      <capability type='80203'/>
    </capability>
  </device>
  <device>
    <name>usb_usb1</name>
    <parent>pci_0000_00_14_0</parent>
    <capability type='usb_device'>
      <bus>1</bus>
      <device>1</device>
      <product id='0x0002'>2.0 root hub</product>
      <vendor id='0x1d6b'>Linux Foundation</vendor>
    </capability>
  </device>
  <device>
    <name>usb_1_3</name>
    <parent>usb_usb1</parent>
    <capability type='usb_device'>
      <bus>1</bus>
      <device>3</device>
      <product id='0x5401'>USB Security Key</product>
      <vendor id='0x1050'>Yubico.com</vendor>
    </capability>
  </device>
  <device>
    <name>scsi_host0</name>
    <parent>pci_0000_00_17_0</parent>
    <capability type='scsi_host'>
      <host>0</host>
      <unique_id>1</unique_id>
    </capability>
  </device>
  <device>
    <name>block_sda_Samsung_SSD_980_PRO_1TB</name>
    <parent>scsi_host0</parent>
    <capability type='storage'>
      <block>/dev/sda</block>
      <bus>ata</bus>
      <drive_type>disk</drive_type>
      <model>Samsung SSD 980 PRO 1TB</model>
      <vendor>ATA</vendor>
      <size>1000204886016</size>
      <logical_block_size>512</logical_block_size>
      <num_blocks>1953525168</num_blocks>
    </capability>
  </device>
</node>
`;
