// Every kind of XML the lab's libvirtd returns: it is given objects of many shapes (networks,
// pools of several types, volumes, domains, a snapshot), and their XML is read back with virsh
// (the oracle). The inputs here are handwritten; what is collected is libvirt's own output.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from '../lab/types.js';

export type LabXmlKind = 'domain' | 'network' | 'pool' | 'volume' | 'capabilities' | 'domainCapabilities' | 'snapshot' | 'nodeDevice';

export interface LabXml {
  readonly kind: LabXmlKind;
  /** The virsh command that printed it. */
  readonly source: string;
  readonly xml: string;
}

export const labNetworks: readonly string[] = [
  `<network>
  <name>xml-nat</name>
  <forward mode='nat'><nat><port start='20000' end='30000'/></nat></forward>
  <bridge name='virbr10' stp='on' delay='0'/>
  <mtu size='9000'/>
  <mac address='52:54:00:0a:0b:0c'/>
  <domain name='lab.example' localOnly='yes'/>
  <dns>
    <forwarder addr='192.0.2.53'/>
    <host ip='192.168.110.5'><hostname>db</hostname><hostname>db.lab.example</hostname></host>
    <txt name='info' value='hangar lab'/>
    <srv service='ldap' protocol='tcp' domain='lab.example' target='db' port='389' priority='10' weight='10'/>
  </dns>
  <ip address='192.168.110.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.110.100' end='192.168.110.199'/>
      <host mac='52:54:00:00:00:05' name='db' ip='192.168.110.5'/>
    </dhcp>
  </ip>
  <ip family='ipv6' address='fd00:110::1' prefix='64'>
    <dhcp><range start='fd00:110::100' end='fd00:110::1ff'/></dhcp>
  </ip>
</network>`,
  `<network><name>xml-isolated</name><ip address='10.20.0.1' prefix='24'/></network>`,
  `<network><name>xml-route</name><forward mode='route' dev='eth0'/><ip address='10.30.0.1' prefix='24'/></network>`,
  `<network><name>xml-open</name><forward mode='open'/><ip address='10.40.0.1' prefix='24'/></network>`,
  `<network><name>xml-bridge</name><forward mode='bridge'/><bridge name='br0'/></network>`,
  `<network>
  <name>xml-macvtap</name>
  <forward mode='bridge'><interface dev='eth0'/><interface dev='eth1'/></forward>
</network>`,
  `<network>
  <name>xml-portgroups</name>
  <forward mode='nat'/>
  <ip address='10.50.0.1' prefix='24'/>
  <portgroup name='engineering' default='yes'>
    <bandwidth><inbound average='1000' peak='5000' burst='1024'/></bandwidth>
  </portgroup>
  <portgroup name='sales'/>
</network>`,
];

export const labPools: readonly string[] = [
  `<pool type='fs'><name>xml-fs</name><source><device path='/dev/vdz1'/><format type='ext4'/></source><target><path>/mnt/xml-fs</path></target></pool>`,
  `<pool type='netfs'><name>xml-netfs</name><source><host name='nfs.example.org'/><dir path='/export/vms'/><format type='nfs'/><protocol ver='4'/></source><target><path>/mnt/xml-netfs</path></target></pool>`,
  `<pool type='logical'><name>xml-logical</name><source><device path='/dev/vdz2'/><name>vg_xml</name><format type='lvm2'/></source><target><path>/dev/vg_xml</path></target></pool>`,
  `<pool type='disk'><name>xml-disk</name><source><device path='/dev/vdz'/><format type='gpt'/></source><target><path>/dev</path></target></pool>`,
  `<pool type='iscsi'><name>xml-iscsi</name><source><host name='iscsi.example.org' port='3260'/><device path='iqn.2013-06.org.example:target1'/><initiator><iqn name='iqn.2013-06.org.example:client'/></initiator></source><target><path>/dev/disk/by-path</path></target></pool>`,
  `<pool type='scsi'><name>xml-scsi</name><source><adapter type='scsi_host' name='host9'/></source><target><path>/dev/disk/by-path</path></target></pool>`,
  `<pool type='mpath'><name>xml-mpath</name><target><path>/dev/mapper</path></target></pool>`,
  `<pool type='rbd'><name>xml-rbd</name><source><name>rbdpool</name><host name='ceph.example.org' port='6789'/></source></pool>`,
  `<pool type='gluster'><name>xml-gluster</name><source><host name='gluster.example.org'/><dir path='/'/><name>vol0</name></source></pool>`,
  `<pool type='zfs'><name>xml-zfs</name><source><name>tank</name></source></pool>`,
];

async function tryVirsh(lab: Lab, args: readonly string[]): Promise<string | undefined> {
  try {
    return await lab.virsh(args);
  } catch {
    return undefined;
  }
}

/** Defines `xml` with `virsh <command> file`, returns whether libvirtd accepted it. */
export async function defineFromFile(lab: Lab, command: string, name: string, xml: string): Promise<boolean> {
  const file = join(lab.dir, `${name}.xml`);
  writeFileSync(file, xml);
  return (await tryVirsh(lab, [command, file])) !== undefined;
}

/**
 * Sets the lab up with objects of many shapes and collects their XML. `domains` are extra domain
 * XMLs to define (e.g. from the virt-install corpus) so their libvirt-normalized form is collected too.
 */
export async function collectLabXml(lab: Lab, domains: readonly string[] = []): Promise<{ docs: LabXml[]; refused: string[] }> {
  const docs: LabXml[] = [];
  const refused: string[] = [];
  const dump = async (kind: LabXmlKind, args: readonly string[]): Promise<void> => {
    const xml = await tryVirsh(lab, args);
    if (xml === undefined) refused.push(`virsh ${args.join(' ')}`);
    else docs.push({ kind, source: `virsh ${args.join(' ')}`, xml });
  };

  await dump('capabilities', ['capabilities']);
  await dump('domainCapabilities', ['domcapabilities']);
  await dump('domainCapabilities', ['domcapabilities', '--virttype', 'qemu', '--machine', 'q35']);
  await dump('domainCapabilities', ['domcapabilities', '--virttype', 'qemu', '--machine', 'pc']);

  for (const [i, xml] of labNetworks.entries()) {
    const name = /<name>([^<]+)<\/name>/.exec(xml)?.[1] ?? `net${i}`;
    if (await defineFromFile(lab, 'net-define', `net-${name}`, xml)) await dump('network', ['net-dumpxml', name]);
    else refused.push(`net-define ${name}`);
  }
  // One started network: its live XML carries what libvirtd adds.
  if ((await tryVirsh(lab, ['net-start', 'xml-isolated'])) !== undefined) await dump('network', ['net-dumpxml', 'xml-isolated']);

  const poolDir = join(lab.dir, 'xml-pool');
  const dirPool = `<pool type='dir'><name>xml-dir</name><target><path>${poolDir}</path><permissions><mode>0755</mode></permissions></target></pool>`;
  if (await defineFromFile(lab, 'pool-define', 'pool-xml-dir', dirPool)) {
    await tryVirsh(lab, ['pool-build', 'xml-dir']);
    await tryVirsh(lab, ['pool-start', 'xml-dir']);
    await tryVirsh(lab, ['vol-create-as', 'xml-dir', 'raw.img', '16M', '--format', 'raw']);
    await tryVirsh(lab, ['vol-create-as', 'xml-dir', 'base.qcow2', '32M', '--format', 'qcow2']);
    await tryVirsh(lab, ['vol-create-as', 'xml-dir', 'overlay.qcow2', '32M', '--format', 'qcow2', '--backing-vol', 'base.qcow2', '--backing-vol-format', 'qcow2']);
    await dump('pool', ['pool-dumpxml', 'xml-dir']);
    await dump('pool', ['pool-dumpxml', '--inactive', 'xml-dir']);
    for (const v of ['raw.img', 'base.qcow2', 'overlay.qcow2']) await dump('volume', ['vol-dumpxml', '--pool', 'xml-dir', v]);
  }
  for (const [i, xml] of labPools.entries()) {
    const name = /<name>([^<]+)<\/name>/.exec(xml)?.[1] ?? `pool${i}`;
    if (await defineFromFile(lab, 'pool-define', `pool-${name}`, xml)) await dump('pool', ['pool-dumpxml', name]);
    else refused.push(`pool-define ${name}`);
  }

  // Domains: the lab's tiny guest (defined, then running), a disk-backed one with a snapshot, and the extras.
  if (await defineFromFile(lab, 'define', 'dom-xml-tiny', lab.tinyGuestXml({ name: 'xml-tiny' }))) {
    await dump('domain', ['dumpxml', 'xml-tiny']);
    await dump('domain', ['dumpxml', '--inactive', '--security-info', 'xml-tiny']);
  }
  // A running guest: live XML with aliases, assigned ports, runtime state.
  try {
    await lab.bootGuest({ name: 'xml-live' });
    await dump('domain', ['dumpxml', 'xml-live']);
  } catch {
    refused.push('bootGuest xml-live');
  }
  const diskDom = `<domain type='qemu'>
  <name>xml-disk</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${poolDir}/base.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <interface type='network'><source network='xml-isolated'/><model type='virtio'/></interface>
  </devices>
</domain>`;
  if (await defineFromFile(lab, 'define', 'dom-xml-disk', diskDom)) {
    await dump('domain', ['dumpxml', 'xml-disk']);
    if ((await tryVirsh(lab, ['snapshot-create-as', 'xml-disk', 'snap1', '--description', 'first & <only> snapshot'])) !== undefined) {
      await dump('snapshot', ['snapshot-dumpxml', 'xml-disk', 'snap1']);
    } else {
      refused.push('snapshot-create-as xml-disk snap1');
    }
  }
  for (const [i, xml] of domains.entries()) {
    const name = `xml-extra-${i}`;
    const renamed = xml.replace(/<name>[^<]*<\/name>/, `<name>${name}</name>`).replace(/<uuid>[^<]*<\/uuid>/, '');
    if (await defineFromFile(lab, 'define', `dom-${name}`, renamed)) await dump('domain', ['dumpxml', name]);
    else refused.push(`define ${name}`);
  }

  const nodedevs = (await tryVirsh(lab, ['nodedev-list']))?.split('\n').map((s) => s.trim()).filter((s) => s !== '') ?? [];
  for (const d of nodedevs) await dump('nodeDevice', ['nodedev-dumpxml', d]);
  return { docs, refused };
}
