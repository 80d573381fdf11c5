import { describe, expect, it } from 'vitest';
import {
  buildNetwork, buildStoragePool, buildStorageVolume, parseNetwork, parseStoragePool, parseStorageVolume, poolTypes, XmlError,
  type StoragePoolSpec,
} from '../../../drivers/xml/index.js';
import { fixture } from './fixtures.js';

describe('NetworkXml', () => {
  it('reads forward modes, bridge, MTU, DNS, IPv4/IPv6 with DHCP ranges and hosts', () => {
    const n = parseNetwork(fixture('network-nat.xml'));
    expect([n.name, n.uuid, n.forwardMode, n.bridgeName, n.mtu, n.mac, n.domainName]).toEqual(['xml-nat', '4b66a7d4-2100-4a00-9bb3-235df3c72f81', 'nat', 'virbr10', 9000, '52:54:00:0a:0b:0c', 'lab.example']);
    expect(n.dnsForwarders).toEqual(['192.0.2.53']);
    expect(n.dnsHosts).toEqual([{ ip: '192.168.110.5', hostnames: ['db', 'db.lab.example'] }]);
    const [v4, v6] = n.ips;
    expect([v4?.family, v4?.address, v4?.prefix, v4?.dhcpRanges, v4?.dhcpHosts]).toEqual([4, '192.168.110.1', 24, [{ start: '192.168.110.100', end: '192.168.110.199' }], [{ mac: '52:54:00:00:00:05', name: 'db', ip: '192.168.110.5' }]]);
    expect([v6?.family, v6?.prefix, v6?.dhcpRanges]).toEqual([6, 64, [{ start: 'fd00:110::100', end: 'fd00:110::1ff' }]]);
    const macvtap = parseNetwork(fixture('network-macvtap.xml'));
    expect([macvtap.forwardMode, macvtap.forwardDevices]).toEqual(['bridge', ['eth0', 'eth1']]);
  });

  it('edits ranges, hosts and forward mode in place', () => {
    const n = parseNetwork(fixture('network-nat.xml'));
    n.ips[0]?.setDhcpRanges([{ start: '192.168.110.10', end: '192.168.110.20' }, { start: '192.168.110.30', end: '192.168.110.40' }]);
    n.ips[0]?.addDhcpHost({ mac: '52:54:00:00:00:06', ip: '192.168.110.6' });
    n.forwardMode = 'route';
    const xml = n.toXml();
    expect(xml).toContain(`    <dhcp>
      <range start='192.168.110.10' end='192.168.110.20'/>
      <range start='192.168.110.30' end='192.168.110.40'/>
      <host mac='52:54:00:00:00:05' name='db' ip='192.168.110.5'/>
      <host mac='52:54:00:00:00:06' ip='192.168.110.6'/>
    </dhcp>`);
    // The <nat> port range (unknown to the model) stays inside <forward>.
    expect(xml).toContain("<forward mode='route'>\n    <nat>\n      <port start='20000' end='30000'/>");
    n.forwardMode = undefined;
    expect(parseNetwork(n.toXml()).forwardMode).toBeUndefined();
  });

  it('builds networks, validating names and addresses', () => {
    const n = buildNetwork({
      name: 'lab', forward: { mode: 'nat' }, bridge: 'virbr7', mtu: 1400, domainName: 'lab.test',
      ipv4: { address: '10.7.0.1', prefix: 24, dhcp: [{ start: '10.7.0.100', end: '10.7.0.200' }] },
      ipv6: { address: 'fd00:7::1', prefix: 64 },
    });
    expect(n.toXml()).toBe(`<network>
  <name>lab</name>
  <forward mode='nat'/>
  <bridge name='virbr7'/>
  <mtu size='1400'/>
  <domain name='lab.test'/>
  <ip address='10.7.0.1' prefix='24'>
    <dhcp>
      <range start='10.7.0.100' end='10.7.0.200'/>
    </dhcp>
  </ip>
  <ip family='ipv6' address='fd00:7::1' prefix='64'/>
</network>
`);
    expect(() => buildNetwork({ name: 'bad name' })).toThrow(XmlError);
    expect(() => buildNetwork({ name: 'n', bridge: 'a-very-long-bridge-name' })).toThrow(/bridge name/);
  });
});

describe('StoragePoolXml', () => {
  it('reads every source field of dir, netfs and iSCSI pools', () => {
    const dir = parseStoragePool(fixture('pool-dir.xml'));
    expect([dir.type, dir.name, dir.capacity, dir.allocation, dir.available, dir.source]).toEqual(['dir', 'xml-dir', 270553174016, 25228783616, 245324390400, {}]);
    expect(dir.targetPermissions).toEqual({ mode: '0755', owner: '0', group: '0' });
    expect(parseStoragePool(fixture('pool-netfs.xml')).source).toEqual({ hosts: [{ name: 'nfs.example.org' }], dir: '/export/vms', format: 'nfs', protocolVersion: '4' });
    expect(parseStoragePool(fixture('pool-iscsi.xml')).source).toEqual({ hosts: [{ name: 'iscsi.example.org', port: 3260 }], devices: ['iqn.2013-06.org.example:target1'], initiatorIqn: 'iqn.2013-06.org.example:client' });
  });

  it('edits the target path and permissions without touching the rest', () => {
    const xml = fixture('pool-dir.xml');
    const p = parseStoragePool(xml);
    p.targetPath = '/srv/images';
    p.targetPermissions = { mode: '0711', owner: '0', group: '0' };
    expect(p.toXml()).toBe(xml.replace(/<path>[^<]*<\/path>/, '<path>/srv/images</path>').replace('0755', '0711'));
  });

  it('builds a pool of every type, requiring what each type needs', () => {
    const specs: Record<string, StoragePoolSpec> = {
      dir: { type: 'dir', name: 'p', targetPath: '/var/lib/libvirt/images' },
      fs: { type: 'fs', name: 'p', source: { devices: ['/dev/vdb1'], format: 'ext4' }, targetPath: '/mnt/p' },
      netfs: { type: 'netfs', name: 'p', source: { hosts: [{ name: 'nfs' }], dir: '/export', format: 'nfs' }, targetPath: '/mnt/p' },
      logical: { type: 'logical', name: 'p', source: { name: 'vg0', devices: ['/dev/vdc'] } },
      disk: { type: 'disk', name: 'p', source: { devices: ['/dev/vdd'], format: 'gpt' }, targetPath: '/dev' },
      iscsi: { type: 'iscsi', name: 'p', source: { hosts: [{ name: 'san', port: 3260 }], devices: ['iqn.2020-01.example:t'] }, targetPath: '/dev/disk/by-path' },
      'iscsi-direct': { type: 'iscsi-direct', name: 'p', source: { hosts: [{ name: 'san' }], devices: ['iqn.2020-01.example:t'], initiatorIqn: 'iqn.2020-01.example:i' } },
      scsi: { type: 'scsi', name: 'p', source: { adapter: { type: 'scsi_host', name: 'host0' }, vendor: 'ACME', product: 'Array' }, targetPath: '/dev/disk/by-path' },
      mpath: { type: 'mpath', name: 'p', targetPath: '/dev/mapper' },
      rbd: { type: 'rbd', name: 'p', source: { name: 'rbdpool', hosts: [{ name: 'ceph', port: 6789 }], auth: { type: 'ceph', username: 'admin', secretUsage: 'ceph-admin' } } },
      sheepdog: { type: 'sheepdog', name: 'p', source: { name: 'sd', hosts: [{ name: 'sheep' }] } },
      gluster: { type: 'gluster', name: 'p', source: { name: 'vol', hosts: [{ name: 'gl' }], dir: '/' } },
      zfs: { type: 'zfs', name: 'p', source: { name: 'tank' } },
      vstorage: { type: 'vstorage', name: 'p', source: { name: 'cluster' }, targetPath: '/mnt/vz' },
    };
    expect(Object.keys(specs).sort()).toEqual([...poolTypes].sort());
    for (const spec of Object.values(specs)) {
      const back = parseStoragePool(buildStoragePool(spec).toXml());
      expect(back.type).toBe(spec.type);
      expect(back.targetPath).toBe(spec.targetPath);
      for (const [k, v] of Object.entries(spec.source ?? {})) expect(back.source[k as keyof typeof back.source], `${spec.type}.${k}`).toEqual(v);
    }
    expect(() => buildStoragePool({ type: 'fs', name: 'p', targetPath: '/mnt' })).toThrow(/source\.devices: required for a fs pool/);
    expect(() => buildStoragePool({ type: 'dir', name: 'p' })).toThrow(/target\.path/);
    expect(() => buildStoragePool({ type: 'rbd', name: 'p', source: { name: 'r', hosts: [{ name: 'c' }], auth: { type: 'ceph', username: 'u' } } })).toThrow(/source\.auth\.secret/);
  });
});

describe('StorageVolumeXml', () => {
  it('reads format, sizes, path, permissions and backing store', () => {
    const v = parseStorageVolume(fixture('volume-overlay.xml'));
    expect([v.type, v.name, v.capacity, v.allocation, v.format]).toEqual(['file', 'overlay.qcow2', 33554432, 200704, 'qcow2']);
    expect(v.permissions).toEqual({ mode: '0600', owner: '0', group: '0' });
    expect(v.backingStore).toEqual({ path: '/tmp/hangar-lab-jRcxwC/xml-pool/base.qcow2', format: 'qcow2' });
  });

  it('builds volumes with units libvirt understands', () => {
    const v = buildStorageVolume({ name: 'disk.qcow2', capacity: 20 * 1024 ** 3, format: 'qcow2', backingStore: { path: '/base.qcow2', format: 'qcow2' } });
    expect(v.toXml()).toBe(`<volume>
  <name>disk.qcow2</name>
  <capacity unit='bytes'>21474836480</capacity>
  <allocation unit='bytes'>0</allocation>
  <target>
    <format type='qcow2'/>
  </target>
  <backingStore>
    <path>/base.qcow2</path>
    <format type='qcow2'/>
  </backingStore>
</volume>
`);
    const edited = parseStorageVolume(v.toXml());
    edited.capacity = 30 * 1024 ** 3;
    expect(edited.toXml()).toContain("<capacity unit='bytes'>32212254720</capacity>");
  });
});
