// A table of bad inputs across the wizards (New VM, New network, New pool, New volume), each with the message the
// form shows at its field. The checks are the forms' own pure functions.
import { describe, expect, it } from 'vitest';
import type { NetworkSummary, PoolSummary } from '../../../main/api/contract/index.js';
import { buildNetwork } from '../../../drivers/xml/index.js';
import {
  checkCloudLogin, checkDnsDomain, checkHost, checkHostname, checkInstallUrl, checkIqn, checkKernelArgs, checkMac, checkMemoryMiB, checkName,
  checkPath, checkPort, checkSshKeys, checkUserData, checkUserName, checkVcpus, isFieldError, parseIpv4Cidr, parseSizeField, type FieldError,
} from '../../../renderer/wizards/common/validators.js';
import { initialNetwork, networkErrors, type NewNetworkState } from '../../../renderer/wizards/newnetwork/new-network-form.js';
import { initialPool, poolErrors, type NewPoolState } from '../../../renderer/wizards/newpool/new-pool-form.js';
import { volumeErrors, type NewVolumeState } from '../../../renderer/wizards/newvolume/new-volume-form.js';
import { initialState, stepErrors, type CheckContext, type NewVmState } from '../../../renderer/wizards/newvm/new-vm-state.js';
import { en } from '../../../renderer/i18n/en.js';

const GiB = 1024 ** 3;
const key = (e: FieldError | { bytes: number } | object | undefined): string | undefined => (e && isFieldError(e) ? e.key.replace('wizards.error.', '') : undefined);

const net = (name: string, address: string, prefix: number): NetworkSummary => ({
  key: `uuid-${name}`, uuid: `uuid-${name}`, name, active: true, persistent: true, autostart: false,
  xml: buildNetwork({ name, ipv4: { address, prefix } }).toXml(),
});
const NETWORKS = [net('default', '192.168.122.1', 24), net('lab', '10.10.0.1', 16)];
const POOL: PoolSummary = {
  key: 'p1', uuid: 'p1', name: 'default', state: 2, active: true, persistent: true, autostart: true, capacity: 100 * GiB, allocation: 50 * GiB,
  available: 50 * GiB, xml: "<pool type='dir'><name>default</name><target><path>/var/lib/libvirt/images</path></target></pool>",
  volumes: [{ key: '/v/a.qcow2', name: 'a.qcow2', path: '/v/a.qcow2', type: 0, capacity: GiB, allocation: 0 }],
};
const VM_CTX: CheckContext = { hostMemory: 8 * GiB, hostCpus: 4, maxVcpus: 255, poolAvailable: 30 * GiB, domainNames: ['web1', 'debian11'], unavailable: ['url'] };

type Row = readonly [what: string, run: () => string | undefined, expected: string];
const vm = (step: number, patch: Partial<NewVmState>, field: string): (() => string | undefined) => () => key(stepErrors(step, { ...initialState('c1'), osId: 'x', iso: { pool: 'p', volume: 'a.iso' }, name: 'ok', ...patch }, VM_CTX)[field]);
const network = (patch: Partial<NewNetworkState>, field: string): (() => string | undefined) => () => key(networkErrors({ ...initialNetwork(NETWORKS), ...patch }, NETWORKS)[field]);
const pool = (patch: Partial<NewPoolState>, field: string): (() => string | undefined) => () => key(poolErrors({ ...initialPool([POOL]), ...patch }, [POOL])[field]);
const volume = (patch: Partial<NewVolumeState>, field: string): (() => string | undefined) => () =>
  key(volumeErrors({ name: 'v.qcow2', format: 'qcow2', capacity: '1', unit: 'GiB', preallocate: false, backing: '', ...patch }, POOL)[field]);

const ROWS: readonly Row[] = [
  // Names (VM, network, pool, volume)
  ['empty VM name', () => key(checkName('', 'domain')), 'nameRequired'],
  ['blank VM name', () => key(checkName('   ', 'domain')), 'nameRequired'],
  ['leading space', () => key(checkName(' vm', 'domain')), 'nameSpaces'],
  ['trailing space', () => key(checkName('vm ', 'domain')), 'nameSpaces'],
  ['slash', () => key(checkName('a/b', 'domain')), 'nameSlash'],
  ['dot', () => key(checkName('.', 'domain')), 'nameDots'],
  ['dot dot', () => key(checkName('..', 'domain')), 'nameDots'],
  ['newline', () => key(checkName('a\nb', 'domain')), 'nameControl'],
  ['tab', () => key(checkName('a\tb', 'pool')), 'nameControl'],
  ['256 bytes', () => key(checkName('x'.repeat(256), 'domain')), 'nameLong'],
  ['multibyte over 255 bytes', () => key(checkName('é'.repeat(128), 'pool')), 'nameLong'],
  ['VM name with a space', () => key(checkName('my vm', 'domain')), 'nameChars'],
  ['VM name with a star', () => key(checkName('vm*', 'domain')), 'nameChars'],
  ['VM name with a quote', () => key(checkName("vm'1", 'domain')), 'nameChars'],
  ['VM name in Chinese', () => key(checkName('虚拟机', 'domain')), 'nameChars'],
  ['taken VM name', () => key(checkName('web1', 'domain', ['web1'])), 'nameTaken'],
  ['network name with a space', () => key(checkName('my net', 'network')), 'nameWhitespace'],
  ['taken network name', network({ name: 'default' }, 'name'), 'nameTaken'],
  ['empty network name', network({ name: '' }, 'name'), 'nameRequired'],
  ['taken pool name', pool({ name: 'default' }, 'name'), 'nameTaken'],
  ['pool name with slash', pool({ name: 'a/b' }, 'name'), 'nameSlash'],
  // Sizes with units
  ['empty size', () => key(parseSizeField('', 'GiB')), 'sizeRequired'],
  ['letters', () => key(parseSizeField('abc', 'GiB')), 'sizeNumber'],
  ['negative', () => key(parseSizeField('-1', 'GiB')), 'sizeNumber'],
  ['unit typed in', () => key(parseSizeField('10G', 'GiB')), 'sizeNumber'],
  ['comma decimal', () => key(parseSizeField('1,5', 'GiB')), 'sizeNumber'],
  ['two dots', () => key(parseSizeField('1.2.3', 'GiB')), 'sizeNumber'],
  ['zero', () => key(parseSizeField('0', 'GiB')), 'sizePositive'],
  ['unknown unit', () => key(parseSizeField('1', 'parsec')), 'sizeUnit'],
  ['too large', () => key(parseSizeField('99999999999', 'TiB')), 'sizeHuge'],
  ['below minimum', () => key(parseSizeField('1', 'MiB', { min: GiB })), 'sizeMin'],
  ['above maximum', () => key(parseSizeField('2', 'GiB', { max: GiB })), 'sizeMax'],
  // New VM, step 1
  ['no host', vm(0, { connection: '' }, 'connection'), 'hostRequired'],
  ['URL install where not offered', vm(0, { method: 'url' }, 'method'), 'methodUnavailable'],
  ['no architecture', vm(0, { arch: '' }, 'arch'), 'archRequired'],
  // New VM, step 2
  ['no ISO', vm(1, { iso: undefined }, 'iso'), 'isoRequired'],
  ['no OS', vm(1, { osId: undefined }, 'os'), 'osRequired'],
  ['no disk image to import', vm(1, { method: 'import' }, 'importDisk'), 'importRequired'],
  ['empty install URL', vm(1, { method: 'url', url: '' }, 'url'), 'urlRequired'],
  ['install URL not a URL', vm(1, { method: 'url', url: 'not a url' }, 'url'), 'urlInvalid'],
  ['install URL file scheme', () => key(checkInstallUrl('file:///srv/tree')), 'urlScheme'],
  ['install URL javascript', () => key(checkInstallUrl('javascript:alert(1)')), 'urlScheme'],
  ['install URL gopher', () => key(checkInstallUrl('gopher://example.org/')), 'urlScheme'],
  ['install URL ftp (main fetches http(s) only)', () => key(checkInstallUrl('ftp://mirror.example/tree/')), 'urlScheme'],
  ['install URL nfs', vm(1, { method: 'url', url: 'nfs://server/export/tree' }, 'url'), 'urlScheme'],
  ['kernel args with a tab', vm(1, { method: 'url', url: 'http://x.org/', kernelArgs: 'a\tb' }, 'kernelArgs'), 'kernelArgsLine'],
  ['kernel args with a newline', vm(1, { method: 'url', url: 'http://x.org/', kernelArgs: 'a\nb' }, 'kernelArgs'), 'kernelArgsLine'],
  ['kernel args too long', () => key(checkKernelArgs('x'.repeat(4097))), 'kernelArgsLong'],
  ['no cloud image', vm(1, { method: 'cloud', cloudUser: 'a', cloudPassword: 'secret1', cloudHostname: 'h' }, 'cloudImage'), 'cloudImageRequired'],
  ['cloud user empty', () => key(checkUserName('')), 'userRequired'],
  ['cloud user root', () => key(checkUserName('root')), 'userRoot'],
  ['cloud user upper case', () => key(checkUserName('Alice')), 'userFormat'],
  ['cloud user with space', () => key(checkUserName('al ice')), 'userFormat'],
  ['cloud user starting with digit', () => key(checkUserName('1alice')), 'userFormat'],
  ['cloud user 33 characters', () => key(checkUserName(`a${'b'.repeat(32)}`)), 'userFormat'],
  ['no password and no key', () => key(checkCloudLogin('', '')), 'cloudLogin'],
  ['short password', () => key(checkCloudLogin('abc', '')), 'passwordShort'],
  ['SSH key garbage', () => key(checkSshKeys('hello')), 'sshKey'],
  ['SSH private key pasted', () => key(checkSshKeys('-----BEGIN OPENSSH PRIVATE KEY-----')), 'sshKey'],
  ['SSH key second line bad', () => key(checkSshKeys('ssh-ed25519 AAAAC3Nza a@b\nssh-foo AAAA')), 'sshKey'],
  ['hostname empty', () => key(checkHostname('')), 'hostnameRequired'],
  ['hostname with underscore', () => key(checkHostname('my_host')), 'hostnameFormat'],
  ['hostname with dot', () => key(checkHostname('a.b')), 'hostnameFormat'],
  ['hostname leading hyphen', () => key(checkHostname('-host')), 'hostnameFormat'],
  ['hostname 64 characters', () => key(checkHostname('h'.repeat(64))), 'hostnameFormat'],
  ['user-data without header', () => key(checkUserData('packages: [htop]')), 'userDataHeader'],
  ['user-data with tabs', () => key(checkUserData('#cloud-config\n\tpackages: []')), 'userDataTabs'],
  // New VM, step 3
  ['memory empty', vm(2, { memoryMiB: '' }, 'memory'), 'memoryRequired'],
  ['memory with unit', vm(2, { memoryMiB: '2G' }, 'memory'), 'memoryInteger'],
  ['memory fractional', vm(2, { memoryMiB: '1.5' }, 'memory'), 'memoryInteger'],
  ['memory negative', vm(2, { memoryMiB: '-5' }, 'memory'), 'memoryInteger'],
  ['memory 8 MiB', vm(2, { memoryMiB: '8' }, 'memory'), 'memoryMin'],
  ['memory above the host', vm(2, { memoryMiB: '16384' }, 'memory'), 'memoryHost'],
  ['vCPUs empty', vm(2, { vcpus: '' }, 'vcpus'), 'vcpusRequired'],
  ['vCPUs letters', vm(2, { vcpus: 'two' }, 'vcpus'), 'vcpusInteger'],
  ['vCPUs zero', vm(2, { vcpus: '0' }, 'vcpus'), 'vcpusMin'],
  ['vCPUs above the host', vm(2, { vcpus: '8' }, 'vcpus'), 'vcpusHost'],
  ['vCPUs above the machine', () => key(checkVcpus('300', 512, 255)), 'vcpusMachine'],
  ['memory bound by the host', () => key(checkMemoryMiB('4096', 2 * GiB)), 'memoryHost'],
  // New VM, step 4
  ['disk size empty', vm(3, { diskGiB: '' }, 'diskSize'), 'sizeRequired'],
  ['disk size letters', vm(3, { diskGiB: 'big' }, 'diskSize'), 'sizeNumber'],
  ['disk size zero', vm(3, { diskGiB: '0' }, 'diskSize'), 'sizePositive'],
  ['disk size tiny', vm(3, { diskGiB: '0.01' }, 'diskSize'), 'sizeMin'],
  ['disk larger than the pool', vm(3, { diskGiB: '40' }, 'diskSize'), 'diskFree'],
  ['no existing volume chosen', vm(3, { storage: 'existing' }, 'existingDisk'), 'existingRequired'],
  // New VM, step 5
  ['VM name taken on the host', vm(4, { name: 'debian11' }, 'name'), 'nameTaken'],
  ['VM name empty', vm(4, { name: '' }, 'name'), 'nameRequired'],
  ['bridge name too long', vm(4, { network: 'bridge:', bridge: 'averyverylongbridge0' }, 'bridge'), 'bridgeName'],
  ['bridge name empty', vm(4, { network: 'bridge:', bridge: '' }, 'bridge'), 'bridgeName'],
  ['bridge name with space', vm(4, { network: 'bridge:', bridge: 'br 0' }, 'bridge'), 'bridgeName'],
  ['PXE without a network', vm(4, { method: 'pxe', network: 'none' }, 'network'), 'pxeNetwork'],
  // MAC, addresses and prefixes
  ['MAC too short', () => key(checkMac('52:54:00:12:34')), 'macFormat'],
  ['MAC with dashes', () => key(checkMac('52-54-00-12-34-56')), 'macFormat'],
  ['MAC not hex', () => key(checkMac('52:54:00:zz:34:56')), 'macFormat'],
  ['MAC multicast', () => key(checkMac('01:00:5e:00:00:01')), 'macMulticast'],
  ['network empty', network({ ipv4Cidr: '' }, 'ipv4'), 'cidrRequired'],
  ['network without prefix', network({ ipv4Cidr: '192.168.50.0' }, 'ipv4'), 'cidrFormat'],
  ['network netmask form', network({ ipv4Cidr: '192.168.50.0/255.255.255.0' }, 'ipv4'), 'cidrFormat'],
  ['network bad address', network({ ipv4Cidr: '192.168.300.0/24' }, 'ipv4'), 'ipv4Address'],
  ['network words', network({ ipv4Cidr: 'my.net/24' }, 'ipv4'), 'ipv4Address'],
  ['prefix 31', network({ ipv4Cidr: '192.168.50.0/31' }, 'ipv4'), 'ipv4Prefix'],
  ['prefix 4', network({ ipv4Cidr: '10.0.0.0/4' }, 'ipv4'), 'ipv4Prefix'],
  ['overlaps default', network({ ipv4Cidr: '192.168.122.0/24' }, 'ipv4'), 'subnetOverlap'],
  ['contains lab', network({ ipv4Cidr: '10.0.0.0/8' }, 'ipv4'), 'subnetOverlap'],
  ['inside lab', network({ ipv4Cidr: '10.10.5.0/24' }, 'ipv4'), 'subnetOverlap'],
  ['DHCP start outside', network({ ipv4Cidr: '192.168.50.0/24', dhcpStart: '192.168.51.10', dhcpEnd: '192.168.50.200' }, 'dhcpStart'), 'dhcpOutside'],
  ['DHCP end is broadcast', network({ ipv4Cidr: '192.168.50.0/24', dhcpStart: '192.168.50.10', dhcpEnd: '192.168.50.255' }, 'dhcpEnd'), 'dhcpOutside'],
  ['DHCP start is the gateway', network({ ipv4Cidr: '192.168.50.0/24', dhcpStart: '192.168.50.1', dhcpEnd: '192.168.50.200' }, 'dhcpStart'), 'dhcpGateway'],
  ['DHCP start not an address', network({ ipv4Cidr: '192.168.50.0/24', dhcpStart: 'first', dhcpEnd: '192.168.50.200' }, 'dhcpStart'), 'ipv4Address'],
  ['DHCP range reversed', network({ ipv4Cidr: '192.168.50.0/24', dhcpStart: '192.168.50.200', dhcpEnd: '192.168.50.100' }, 'dhcpEnd'), 'dhcpOrder'],
  ['IPv6 not an address', network({ ipv6: true, ipv6Cidr: 'fd00::zz/64' }, 'ipv6'), 'ipv6Address'],
  ['IPv6 given an IPv4', network({ ipv6: true, ipv6Cidr: '10.1.0.0/64' }, 'ipv6'), 'ipv6Address'],
  ['IPv6 prefix 48', network({ ipv6: true, ipv6Cidr: 'fd00:1::/48' }, 'ipv6'), 'ipv6Prefix'],
  ['IPv6 without prefix', network({ ipv6: true, ipv6Cidr: 'fd00:1::' }, 'ipv6'), 'cidrFormat'],
  ['DNS domain with space', network({ domain: 'my lan' }, 'domain'), 'dnsDomain'],
  ['DNS domain with underscore', () => key(checkDnsDomain('my_lan.example')), 'dnsDomain'],
  ['DNS domain empty label', () => key(checkDnsDomain('a..b')), 'dnsDomain'],
  ['bridge mode without a bridge', network({ mode: 'bridge', device: '' }, 'device'), 'deviceRequired'],
  ['SR-IOV without a device', network({ mode: 'hostdev', device: '' }, 'device'), 'deviceRequired'],
  ['forward device with slash', network({ mode: 'nat', device: 'eth/0' }, 'device'), 'bridgeName'],
  // Hosts, ports, paths, IQNs (pools)
  ['host empty', () => key(checkHost('')), 'hostRequired'],
  ['host bad IP', () => key(checkHost('300.1.1.1')), 'hostIp'],
  ['host with space', () => key(checkHost('nfs server')), 'hostName'],
  ['host with underscore', () => key(checkHost('nfs_server')), 'hostName'],
  ['port letters', () => key(checkPort('http')), 'portNumber'],
  ['port zero', () => key(checkPort('0')), 'portRange'],
  ['port 70000', () => key(checkPort('70000')), 'portRange'],
  ['port required', () => key(checkPort('', true)), 'portRequired'],
  ['path empty', () => key(checkPath('')), 'pathRequired'],
  ['path relative', () => key(checkPath('images/pool')), 'pathAbsolute'],
  ['path with ..', () => key(checkPath('/var/../etc')), 'pathDots'],
  ['path with newline', () => key(checkPath('/var/\nlib')), 'pathControl'],
  ['IQN empty', () => key(checkIqn('')), 'iqnRequired'],
  ['IQN malformed', () => key(checkIqn('iqn.example.com:disk')), 'iqnFormat'],
  ['IQN wrong prefix', () => key(checkIqn('iscsi.2003-01.org.example')), 'iqnFormat'],
  ['dir pool without target', pool({ type: 'dir', target: '' }, 'target'), 'pathRequired'],
  ['dir pool relative target', pool({ type: 'dir', target: 'pools/x' }, 'target'), 'pathAbsolute'],
  ['fs pool without device', pool({ type: 'fs', device: '' }, 'device'), 'deviceRequired'],
  ['fs pool relative device', pool({ type: 'fs', device: 'loop0' }, 'device'), 'pathAbsolute'],
  ['netfs without host', pool({ type: 'netfs', host: '', dir: '/export' }, 'host'), 'hostRequired'],
  ['netfs relative export', pool({ type: 'netfs', host: 'nas', dir: 'export' }, 'dir'), 'pathAbsolute'],
  ['logical without a group', pool({ type: 'logical', sourceName: '' }, 'sourceName'), 'sourceRequired'],
  ['logical group with space', pool({ type: 'logical', sourceName: 'vg 0' }, 'sourceName'), 'nameWhitespace'],
  ['iscsi bad port', pool({ type: 'iscsi', host: 'san', port: '99999', iqn: 'iqn.2003-01.org.example:t' }, 'port'), 'portRange'],
  ['iscsi bad IQN', pool({ type: 'iscsi', host: 'san', iqn: 'target1' }, 'iqn'), 'iqnFormat'],
  ['iscsi-direct without initiator', pool({ type: 'iscsi-direct', host: 'san', iqn: 'iqn.2003-01.org.example:t', initiator: '' }, 'initiator'), 'iqnRequired'],
  ['scsi bad adapter', pool({ type: 'scsi', adapter: 'sda' }, 'adapter'), 'adapterName'],
  ['rbd without a pool name', pool({ type: 'rbd', host: 'ceph', sourceName: '' }, 'sourceName'), 'sourceRequired'],
  // New volume
  ['volume without suffix', volume({ name: 'disk' }, 'name'), 'volumeSuffix'],
  ['qcow2 named .img', volume({ name: 'disk.img' }, 'name'), 'volumeSuffix'],
  ['raw named .qcow2', volume({ name: 'disk.qcow2', format: 'raw' }, 'name'), 'volumeSuffix'],
  ['volume name taken', volume({ name: 'a.qcow2' }, 'name'), 'nameTaken'],
  ['volume name with slash', volume({ name: 'x/y.qcow2' }, 'name'), 'nameSlash'],
  ['volume capacity empty', volume({ capacity: '' }, 'capacity'), 'sizeRequired'],
  ['volume capacity letters', volume({ capacity: 'ten' }, 'capacity'), 'sizeNumber'],
  ['preallocated beyond free space', volume({ capacity: '60', preallocate: true }, 'capacity'), 'diskFree'],
  ['backing volume gone', volume({ backing: 'missing.qcow2' }, 'backing'), 'existingRequired'],
];

describe('the wizards refuse bad input at the field', () => {
  it(`has at least 100 cases (${ROWS.length})`, () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(100);
  });
  it.each(ROWS)('%s', (_what, run, expected) => {
    expect(run()).toBe(expected);
    // Every message exists in the English table (and so, by the tables test, in Chinese).
    expect((en.wizards.error as Record<string, string>)[expected]).toBeTruthy();
  });
  it('accepts the good inputs next to them', () => {
    expect(checkName('debian12-2', 'domain', ['debian12'])).toBeUndefined();
    expect(parseIpv4Cidr('192.168.100.0/24')).toMatchObject({ prefix: 24 });
    expect(networkErrors(initialNetwork(NETWORKS), NETWORKS)).toEqual({});
    expect(stepErrors(2, { ...initialState('c1'), memoryMiB: '2048', vcpus: '2' }, VM_CTX)).toEqual({});
    expect(checkSshKeys('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me@host')).toBeUndefined();
    expect(checkMac('52:54:00:12:34:56')).toBeUndefined();
  });
});
