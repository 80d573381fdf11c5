// Acceptance 3 of issue 3: invalid input — malformed XML, the wrong root, impossible values —
// gives a typed XmlError naming the field, never a crash (no TypeError, no other error type).
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  XmlDocument, XmlError, buildDomain, buildNetwork, buildStoragePool, buildStorageVolume, parseCapabilities, parseDomain, parseDomainCapabilities,
  parseNetwork, parseNodeDevice, parseSnapshot, parseStoragePool, parseStorageVolume,
} from '../../../drivers/xml/index.js';
import { exercise } from '../../support/xml-exercise.js';
import { allFixtures, fixture } from './fixtures.js';

/** The XmlError thrown by fn (fails the test if it returns or throws anything else). */
function xmlError(fn: () => unknown): XmlError {
  try {
    fn();
  } catch (e) {
    if (e instanceof XmlError) return e;
    throw new Error(`expected XmlError, got ${String(e)}`);
  }
  throw new Error('expected XmlError, nothing was thrown');
}

const parsers = {
  domain: parseDomain, network: parseNetwork, pool: parseStoragePool, volume: parseStorageVolume, capabilities: parseCapabilities,
  domainCapabilities: parseDomainCapabilities, domainsnapshot: parseSnapshot, device: parseNodeDevice,
} as const;

describe('malformed XML', () => {
  const malformed = [
    '', '   ', 'not xml at all', '<domain>', '<domain><name>x</domain>', '<domain></domian>', '<domain a="1" a="2"/>', '<domain a=1/>',
    '<domain><name>a & b</name></domain>', '<domain/><domain/>', '<domain><!-- unterminated </domain>', '<?xml version="1.0"?>',
    '<domain x/>', '<1domain/>', '<domain><name>x</name>\u0000</domain>', 'junk<domain/>', '<domain/>junk', '<domain>&foo;</domain>',
  ];
  for (const [root, parse] of Object.entries(parsers)) {
    it(`${root}: every malformed input is XmlError { field: 'xml', kind: 'malformed' }`, () => {
      for (const text of malformed) {
        const e = xmlError(() => parse(text.replaceAll('domain', root)));
        expect(e.field, JSON.stringify(text)).toBe('xml');
        expect(e.kind).toBe('malformed');
      }
    });
  }

  it('reports where the document breaks', () => {
    const e = xmlError(() => parseDomain("<domain type='kvm'>\n  <name>x</name>\n  <devices>\n</domain>\n"));
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/devices/);
  });

  it('rejects non-strings without crashing', () => {
    expect(xmlError(() => parseDomain(undefined as unknown as string)).field).toBe('xml');
    expect(xmlError(() => parseDomain(42 as unknown as string)).field).toBe('xml');
  });
});

describe('wrong root', () => {
  it("names the root and what was expected", () => {
    const e = xmlError(() => parseDomain(fixture('network-nat.xml')));
    expect(e).toMatchObject({ field: 'root', kind: 'wrong-root' });
    expect(e.message).toBe('root: expected <domain>, found <network>');
    for (const [root, parse] of Object.entries(parsers)) {
      if (root === 'domain') continue;
      expect(xmlError(() => parse(fixture('domain-running.xml'))).message).toContain(`expected <${root}>`);
    }
  });
});

describe('impossible values in the XML', () => {
  const dom = (inner: string): string => `<domain type='kvm'><name>vm</name>${inner}</domain>`;
  const cases: [string, () => unknown, string][] = [
    ['negative memory', () => parseDomain(dom("<memory unit='KiB'>-5</memory>")), 'memory'],
    ['memory in an unknown unit', () => parseDomain(dom("<memory unit='parsecs'>5</memory>")), 'memory'],
    ['non-numeric currentMemory', () => parseDomain(dom('<currentMemory>lots</currentMemory>')), 'currentMemory'],
    ['vcpu that is not a number', () => parseDomain(dom('<vcpu>many</vcpu>')), 'vcpu'],
    ['missing name', () => parseDomain("<domain type='kvm'><memory>1</memory></domain>"), 'name'],
    ['empty name', () => parseDomain("<domain type='kvm'><name> </name></domain>"), 'name'],
    ['volume capacity that is not a number', () => parseStorageVolume("<volume><name>v</name><capacity unit='bytes'>1.5.6</capacity></volume>"), 'capacity'],
    ['volume allocation in an unknown unit', () => parseStorageVolume("<volume><name>v</name><allocation unit='zorks'>1</allocation></volume>"), 'allocation'],
    ['pool without a type', () => parseStoragePool('<pool><name>p</name></pool>'), 'type'],
    ['network without a name', () => parseNetwork('<network><bridge name="b"/></network>'), 'name'],
    ['a disk boot order that is not a number', () => parseDomain(dom("<devices><disk><boot order='first'/></disk></devices>")).disks[0]?.bootOrder, 'devices.disk[0].boot.order'],
    ['an IP address out of range', () => parseNetwork("<network><name>n</name><ip address='300.1.1.1' prefix='24'/></network>").ips[0]?.network, 'ip[0].address'],
    ['an IPv4 prefix over 32', () => parseNetwork("<network><name>n</name><ip address='10.0.0.1' prefix='33'/></network>").ips[0]?.network, 'ip[0].prefix'],
    ['a non-contiguous netmask', () => parseNetwork("<network><name>n</name><ip address='10.0.0.1' netmask='255.0.255.0'/></network>").ips[0]?.network, 'ip[0].netmask'],
    ['a graphics port that is not a number', () => parseDomain(dom("<devices><graphics type='vnc' port='59o0'/></devices>")).graphics[0]?.port, 'devices.graphics[0].port'],
    ['a snapshot creation time that is not a number', () => parseSnapshot('<domainsnapshot><creationTime>yesterday</creationTime></domainsnapshot>'), 'creationTime'],
    ['domain capabilities vcpu max that is not a number', () => parseDomainCapabilities("<domainCapabilities><vcpu max='lots'/></domainCapabilities>"), 'vcpu.max'],
  ];
  for (const [what, fn, field] of cases) {
    it(`${what} → XmlError naming '${field}'`, () => {
      const e = xmlError(fn);
      expect(e.field).toBe(field);
      expect(e.message.startsWith(`${field}: `)).toBe(true);
    });
  }
});

describe('impossible values set through the models', () => {
  const d = (): ReturnType<typeof parseDomain> => parseDomain(fixture('domain-running.xml'));
  const cases: [string, () => unknown, string][] = [
    ['zero memory', () => { d().memory = 0; }, 'memory'],
    ['memory not in whole KiB', () => { d().memory = 1000; }, 'memory'],
    ['current memory above maximum', () => { d().currentMemory = 1024 ** 4; }, 'currentMemory'],
    ['zero vCPUs', () => { d().vcpus = 0; }, 'vcpu'],
    ['fractional vCPUs', () => { d().vcpus = 1.5; }, 'vcpu'],
    ['current vCPUs above maximum', () => { d().currentVcpus = 8; }, 'vcpu.current'],
    ['a name with a slash', () => { d().name = 'a/b'; }, 'name'],
    ['a UUID that is not one', () => { d().uuid = 'not-a-uuid'; }, 'uuid'],
    ['an unknown boot device', () => { d().ensureOs().bootOrder = ['usb' as 'hd']; }, 'os.boot.dev'],
    ['a zero per-device boot order', () => { const disk = d().disks[0]; if (disk) disk.bootOrder = 0; }, 'devices.disk[0].boot.order'],
    ['an unknown cache mode', () => { const disk = d().disks[0]; if (disk) disk.cache = 'turbo' as 'none'; }, 'devices.disk[0].driver.cache'],
    ['a multicast MAC', () => parseDomain(fixture('domain-disk.xml')).interfaces.forEach((n) => { n.mac = '01:00:5e:00:00:01'; }), 'devices.interface[0].mac'],
    ['a NIC on a network with no name', () => parseDomain(fixture('domain-disk.xml')).interfaces.forEach((n) => { n.source = { type: 'network', network: '' }; }), 'devices.interface[0].source.network'],
    ['a graphics port out of range', () => d().graphics[0]?.setPort(70000), 'devices.graphics[0].port'],
    ['an unknown lifecycle action', () => d().setLifecycle('crash', 'explode' as 'destroy'), 'on_crash'],
    ['a CPU topology with zero cores', () => { d().ensureCpu().topology = { sockets: 1, cores: 0, threads: 1 }; }, 'cpu.topology.cores'],
    ['a network MTU too small', () => { parseNetwork(fixture('network-nat.xml')).mtu = 10; }, 'mtu.size'],
    ['a DHCP range outside its network', () => parseNetwork(fixture('network-nat.xml')).ips[0]?.setDhcpRanges([{ start: '192.168.111.10', end: '192.168.111.20' }]), 'ip[0].dhcp.range[0].start'],
    ['a relative pool target path', () => { parseStoragePool(fixture('pool-dir.xml')).targetPath = 'images'; }, 'target.path'],
    ['volume allocation above capacity', () => { parseStorageVolume(fixture('volume-overlay.xml')).allocation = 1024 ** 4; }, 'allocation'],
    ['a build spec with no vCPUs', () => buildDomain({ name: 'x', memory: 1024 ** 3, vcpus: 0 }), 'vcpu'],
    ['a build spec with a bad disk device name', () => buildDomain({ name: 'x', memory: 1024 ** 3, vcpus: 1, disks: [{ targetDev: 'VDA!' }] }), 'disks[0].target.dev'],
    ['a build spec mixing boot styles', () => buildDomain({ name: 'x', memory: 1024 ** 3, vcpus: 1, bootOrder: ['hd'], disks: [{ targetDev: 'vda', bootOrder: 1 }] }), 'bootOrder'],
    ['a network spec with the host address as range start', () => buildNetwork({ name: 'n', ipv4: { address: '10.0.0.1', prefix: 24, dhcp: [{ start: '10.0.0.1', end: '10.0.0.9' }] } }), 'ip[0].dhcp.range[0]'],
    ['a netfs pool without a host', () => buildStoragePool({ type: 'netfs', name: 'p', targetPath: '/mnt', source: { dir: '/export' } }), 'source.hosts'],
    ['a volume of zero bytes', () => buildStorageVolume({ name: 'v', capacity: 0 }), 'capacity'],
  ];
  for (const [what, fn, field] of cases) {
    it(`${what} → XmlError naming '${field}'`, () => {
      expect(xmlError(fn).field).toBe(field);
    });
  }
});

describe('never a crash', () => {
  /** A small deterministic PRNG, so failures reproduce. */
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }

  it('truncated, corrupted and spliced real documents either parse and read, or give XmlError', () => {
    const rand = rng(42);
    const tokens = ['<', '>', '/>', '&', '&amp;', "'", '"', '<x>', '</devices>', '-1', 'abc', '', ' ', '\u00e9', '99999999999999999999'];
    let parsed = 0;
    let rejected = 0;
    for (const f of allFixtures()) {
      const kind = /^<(\w+)/m.exec(f.xml.replace(/<\?[^>]*\?>\s*/, ''))?.[1] ?? 'domain';
      const parse = (parsers as Record<string, (x: string) => Parameters<typeof exercise>[0]>)[kind] ?? parseDomain;
      for (let i = 0; i < 60; i++) {
        const at = Math.floor(rand() * f.xml.length);
        const len = Math.floor(rand() * 12);
        const mutated = i % 3 === 0
          ? f.xml.slice(0, at)
          : f.xml.slice(0, at) + (tokens[Math.floor(rand() * tokens.length)] ?? '') + f.xml.slice(at + len);
        try {
          exercise(parse(mutated));
          parsed++;
        } catch (e) {
          if (!(e instanceof XmlError)) throw new Error(`${f.name} mutated at ${at}: ${String(e)}\n${mutated.slice(Math.max(0, at - 80), at + 80)}`);
          rejected++;
        }
      }
    }
    expect(parsed).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(50);
  });

  it("is at least as strict as fast-xml-parser's own validator on thousands of corrupted documents", () => {
    const rand = rng(7);
    const tokens = ['<', '>', '/>', '</', '<a>', '</a>', "='x'", ' b="1"', '"', "'", '=', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', ' ', 'x'];
    let checked = 0;
    let bothReject = 0;
    const missed: string[] = [];
    for (const f of allFixtures()) {
      for (let i = 0; i < 300; i++) {
        const at = Math.floor(rand() * f.xml.length);
        const len = Math.floor(rand() * 4);
        const mutated = f.xml.slice(0, at) + (tokens[Math.floor(rand() * tokens.length)] ?? '') + f.xml.slice(at + len);
        const theirs = XMLValidator.validate(mutated) === true;
        let ours = true;
        try {
          XmlDocument.parse(mutated);
        } catch (e) {
          if (!(e instanceof XmlError) || e.kind !== 'malformed') throw e;
          ours = false;
        }
        checked++;
        if (!theirs && !ours) bothReject++;
        if (!theirs && ours) missed.push(`${f.name} at ${at}: ${JSON.stringify(mutated.slice(Math.max(0, at - 40), at + 40))}`);
      }
    }
    expect(missed.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(3000);
    expect(bothReject).toBeGreaterThan(500);
  });
});
