import { describe, expect, it } from 'vitest';
import {
  exactSize, formatSize, netmaskToPrefix, parseIp, parseIpv6, parseSize, validateDhcpRange, validateIpNetwork, validateMac, validateName,
  validateUuid, XmlError,
} from '../../../drivers/xml/index.js';

describe('validateName', () => {
  it("accepts libvirt's names and rejects the impossible ones with a reason", () => {
    for (const ok of ['vm1', 'Debian 12 (desktop)', 'über-vm', 'a.b_c-d', 'x'.repeat(255)]) expect(validateName(ok), ok).toBeUndefined();
    expect(validateName('')?.message).toBe('name: a domain name cannot be empty');
    expect(validateName('a/b', 'pool')?.message).toBe("name: a pool name cannot contain '/'");
    expect(validateName('a\nb')?.field).toBe('name');
    expect(validateName('..')).toBeInstanceOf(XmlError);
    expect(validateName('é'.repeat(128))?.message).toMatch(/255 bytes/);
    expect(validateName('my net', 'network')?.message).toMatch(/whitespace/);
    expect(validateName('my vm', 'domain')).toBeUndefined();
  });
});

describe('validateMac / validateUuid', () => {
  it('checks MACs: six hex pairs, unicast', () => {
    expect(validateMac('52:54:00:AB:cd:01')).toBeUndefined();
    expect(validateMac('52:54:00:ab:cd')?.field).toBe('mac');
    expect(validateMac('52-54-00-ab-cd-01')).toBeInstanceOf(XmlError);
    expect(validateMac('zz:54:00:ab:cd:01')).toBeInstanceOf(XmlError);
    expect(validateMac('01:00:5e:00:00:01', 'nic.mac')?.message).toMatch(/^nic\.mac: .*multicast/);
  });

  it('checks UUIDs in both forms libvirt accepts', () => {
    expect(validateUuid('4dea22b3-1d52-d8f3-2516-782e98ab3fa0')).toBeUndefined();
    expect(validateUuid('4DEA22B31D52D8F32516782E98AB3FA0')).toBeUndefined();
    expect(validateUuid('4dea22b3-1d52-d8f3-2516-782e98ab3fa')?.field).toBe('uuid');
    expect(validateUuid('not-a-uuid')).toBeInstanceOf(XmlError);
  });
});

describe('sizes', () => {
  it("parses libvirt's units: binary, decimal, single letters, bytes", () => {
    expect(parseSize('4 GiB')).toBe(4 * 1024 ** 3);
    expect(parseSize('4GiB')).toBe(4 * 1024 ** 3);
    expect(parseSize('512M')).toBe(512 * 1024 ** 2);
    expect(parseSize('1.5 TB')).toBe(1.5e12);
    expect(parseSize('10 KB')).toBe(10_000);
    expect(parseSize('10 kib')).toBe(10_240);
    expect(parseSize('1024')).toBe(1024);
    expect(parseSize('1024', 'KiB')).toBe(1024 * 1024);
    expect(parseSize('7 bytes')).toBe(7);
    expect(parseSize('2 T')).toBe(2 * 1024 ** 4);
  });

  it('rejects what is not a size, naming the field', () => {
    for (const bad of ['', 'GiB', '-1 GiB', '4 parsecs', '1e3', '4 GiB extra', '9999999 EiB']) {
      expect(() => parseSize(bad, 'bytes', 'capacity'), bad).toThrow(XmlError);
      try {
        parseSize(bad, 'bytes', 'capacity');
      } catch (e) {
        expect((e as XmlError).field).toBe('capacity');
      }
    }
  });

  it('formats for people and finds the exact unit for XML', () => {
    expect(formatSize(1536 * 1024 ** 2)).toBe('1.5 GiB');
    expect(formatSize(0)).toBe('0 bytes');
    expect(formatSize(1023)).toBe('1023 bytes');
    expect(formatSize(4 * 1024 ** 4)).toBe('4 TiB');
    expect(formatSize(1_500_000_000, { decimal: true })).toBe('1.5 GB');
    expect(formatSize(1234567, { digits: 2 })).toBe('1.18 MiB');
    expect(exactSize(3 * 1024 ** 3)).toEqual({ value: 3, unit: 'GiB' });
    expect(exactSize(1536 * 1024)).toEqual({ value: 1536, unit: 'KiB' });
    expect(exactSize(1000)).toEqual({ value: 1000, unit: 'bytes' });
  });
});

describe('IP networks and DHCP ranges', () => {
  it('parses IPv4 and IPv6 addresses, including compressed and mapped forms', () => {
    expect(parseIp('192.168.1.1')).toEqual({ family: 4, value: 0xc0a80101n });
    expect(parseIpv6('::')).toBe(0n);
    expect(parseIpv6('::1')).toBe(1n);
    expect(parseIpv6('fd00::1:2')).toBe((0xfd00n << 112n) | (1n << 16n) | 2n);
    expect(parseIpv6('::ffff:10.0.0.1')).toBe((0xffffn << 32n) | 0x0a000001n);
    expect(parseIpv6('2001:db8:0:0:0:0:0:1')).toBe(parseIpv6('2001:db8::1'));
    for (const bad of ['fd00:::1', '1:2:3:4:5:6:7:8:9', 'g::1', '1::2::3', '256.1.1.1', '1.2.3', '01.2.3.4']) expect(parseIp(bad), bad).toBeUndefined();
    expect(netmaskToPrefix('255.255.254.0')).toBe(23);
    expect(netmaskToPrefix('255.0.255.0')).toBeUndefined();
  });

  it('validates a network and its host address', () => {
    const net = validateIpNetwork('192.168.122.1', '255.255.255.0');
    expect(net).toMatchObject({ family: 4, prefix: 24, network: 0xc0a87a00n, last: 0xc0a87affn });
    expect(validateIpNetwork('fd00:1::1', 64).prefix).toBe(64);
    expect(() => validateIpNetwork('192.168.122.0', 24)).toThrow(/network address/);
    expect(() => validateIpNetwork('192.168.122.255', 24)).toThrow(/broadcast address/);
    expect(() => validateIpNetwork('10.0.0.1', 33)).toThrow(XmlError);
    expect(() => validateIpNetwork('fd00::1', '255.255.255.0')).toThrow(/prefix, not a netmask/);
    expect(() => validateIpNetwork('10.0.0.300', 24)).toThrow(/not an IPv4 or IPv6 address/);
  });

  it('validates DHCP ranges inside the network', () => {
    const net = validateIpNetwork('192.168.122.1', 24);
    expect(validateDhcpRange(net, '192.168.122.2', '192.168.122.254')).toBeUndefined();
    expect(validateDhcpRange(net, '192.168.123.2', '192.168.123.9')?.field).toBe('dhcp.range.start');
    expect(validateDhcpRange(net, '192.168.122.2', '192.168.122.255')?.message).toMatch(/broadcast/);
    expect(validateDhcpRange(net, '192.168.122.50', '192.168.122.10')?.message).toMatch(/after its end/);
    expect(validateDhcpRange(net, '192.168.122.1', '192.168.122.10')?.message).toMatch(/host's own address/);
    expect(validateDhcpRange(net, 'fd00::2', 'fd00::9')?.message).toMatch(/IPv6 but the network is IPv4/);
    const v6 = validateIpNetwork('fd00:110::1', 64);
    expect(validateDhcpRange(v6, 'fd00:110::100', 'fd00:110::1ff')).toBeUndefined();
    expect(validateDhcpRange(v6, 'fd00:111::100', 'fd00:111::1ff')?.message).toMatch(/outside/);
  });
});
