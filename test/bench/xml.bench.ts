// XML benchmark (issue 3, acceptance 4): parse + edit + serialize of a 1,000-device domain XML and
// of the lab's capabilities and domain capabilities XML — by Hangar's drivers/xml models and by
// libxml2 through /usr/bin/python3 (python3-libxml2, the parser under virt-manager's XML layer)
// doing the same work, in one run. Both outputs are compared canonically, so both did the same edits.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDisk, parseCapabilities, parseDomain, parseDomainCapabilities } from '../../drivers/xml/index.js';
import { startLab } from '../lab/lab.js';
import { canonicalizeAll } from '../support/xml-canonical.js';

const DEVICES = 1000;
const ITER_DOMAIN = 30;
const ITER_CAPS = 200;

const hex2 = (n: number): string => (n & 255).toString(16).padStart(2, '0');

/** A libvirt-style domain with DEVICES devices of several classes, each with address and alias. */
function bigDomain(): string {
  const devs: string[] = [];
  for (let i = 0; devs.length < DEVICES; i++) {
    const slot = `domain='0x0000' bus='0x${hex2(1 + (i >> 5))}' slot='0x${hex2(i & 31)}' function='0x0'`;
    switch (i % 5) {
      case 0:
      case 1:
        devs.push(`    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' discard='unmap'/>
      <source file='/var/lib/libvirt/images/disk-${i}.qcow2' index='${i + 1}'/>
      <backingStore/>
      <target dev='vd${i}' bus='virtio'/>
      <alias name='virtio-disk${i}'/>
      <address type='pci' ${slot}/>
    </disk>`);
        break;
      case 2:
        devs.push(`    <interface type='network'>
      <mac address='52:54:00:00:${hex2(i >> 8)}:${hex2(i)}'/>
      <source network='default' portid='4a1d2c3e-0000-4000-8000-${i.toString(16).padStart(12, '0')}' bridge='virbr0'/>
      <target dev='vnet${i}'/>
      <model type='virtio'/>
      <alias name='net${i}'/>
      <address type='pci' ${slot}/>
    </interface>`);
        break;
      case 3:
        devs.push(`    <channel type='unix'>
      <source mode='bind' path='/run/libvirt/qemu/channel/1-vm/org.example.${i}'/>
      <target type='virtio' name='org.example.${i}' state='disconnected'/>
      <alias name='channel${i}'/>
      <address type='virtio-serial' controller='0' bus='0' port='${i}'/>
    </channel>`);
        break;
      default:
        devs.push(`    <hostdev mode='subsystem' type='pci' managed='yes'>
      <source>
        <address domain='0x0000' bus='0x${hex2(i >> 3)}' slot='0x${hex2(i & 7)}' function='0x0'/>
      </source>
      <alias name='hostdev${i}'/>
      <address type='pci' ${slot}/>
    </hostdev>`);
    }
  }
  return `<domain type='kvm' id='7'>
  <name>bench-big</name>
  <uuid>7d1c7d5e-5a55-4c3e-9f1e-3b0c2b1a0001</uuid>
  <metadata>
    <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0">
      <libosinfo:os id="http://debian.org/debian/12"/>
    </libosinfo:libosinfo>
  </metadata>
  <memory unit='KiB'>2097152</memory>
  <currentMemory unit='KiB'>2097152</currentMemory>
  <vcpu placement='static'>4</vcpu>
  <os>
    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
    <boot dev='hd'/>
  </os>
  <features>
    <acpi/>
    <apic/>
  </features>
  <cpu mode='host-passthrough' check='none' migratable='on'/>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
${devs.join('\n')}
  </devices>
</domain>
`;
}

function hangarDomain(text: string): string {
  const d = parseDomain(text);
  d.setMemory(4194304 * 1024);
  for (const disk of d.disks) disk.cache = 'writeback';
  for (const nic of d.interfaces) if (nic.type === 'network') nic.source = { type: 'network', network: 'other' };
  d.addDevice(buildDisk({ source: { type: 'file', file: '/new.qcow2' }, targetDev: 'vdzz', format: 'qcow2' }));
  const first = d.interfaces[0];
  if (first !== undefined) d.removeDevice(first);
  return d.toXml();
}

function hangarCaps(text: string): [string, number] {
  const caps = parseCapabilities(text);
  let seen = 0;
  for (const g of caps.guests) seen += g.arch.length + g.machines.length;
  const uuid = caps.element.path('host/uuid');
  if (uuid !== undefined) uuid.text = '00000000-0000-4000-8000-000000000001';
  return [caps.toXml(), seen];
}

function hangarDomcaps(text: string): [string, number] {
  const dc = parseDomainCapabilities(text);
  let seen = 0;
  for (const f of Object.values(dc.devices)) for (const values of Object.values(f.enums)) seen += values.length;
  for (const m of dc.cpuModes) seen += m.models.length;
  dc.element.child('vcpu')?.setAttr('max', 512);
  return [dc.toXml(), seen];
}

function timed<T>(fn: (t: string) => T, text: string, n: number): [number, T] {
  for (let i = 0; i < 3; i++) fn(text);
  const start = performance.now();
  let result = fn(text);
  for (let i = 1; i < n; i++) result = fn(text);
  return [(performance.now() - start) / n, result];
}

function python(args: readonly string[]): Promise<string> {
  return new Promise((done, fail) => {
    execFile('/usr/bin/python3', [...args], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      if (err !== null) fail(new Error(`${err.message}\n${stderr}`));
      else done(stdout);
    });
  });
}

export default async function run(): Promise<void> {
  const lab = await startLab();
  let caps: string;
  let domcaps: string;
  try {
    caps = await lab.virsh(['capabilities']);
    domcaps = await lab.virsh(['domcapabilities']);
  } finally {
    await lab.stop();
  }
  const dir = mkdtempSync(join(tmpdir(), 'hangar-xml-bench-'));
  try {
    const domain = bigDomain();
    const files = { domain: join(dir, 'domain.xml'), caps: join(dir, 'caps.xml'), domcaps: join(dir, 'domcaps.xml') };
    writeFileSync(files.domain, domain);
    writeFileSync(files.caps, caps);
    writeFileSync(files.domcaps, domcaps);

    const [tDom, outDom] = timed(hangarDomain, domain, ITER_DOMAIN);
    const [tCaps, [outCaps, seenCaps]] = timed(hangarCaps, caps, ITER_CAPS);
    const [tDomcaps, [outDomcaps, seenDomcaps]] = timed(hangarDomcaps, domcaps, ITER_CAPS);
    const py = JSON.parse(await python([
      join(import.meta.dirname, '../support/xml-bench-libxml2.py'), files.domain, files.caps, files.domcaps, String(ITER_DOMAIN), String(ITER_CAPS), dir,
    ])) as { domain: number; capabilities: number; domainCapabilities: number; seen: { capabilities: number; domainCapabilities: number } };

    // Same work on both sides: the edited documents agree canonically, and both read as much.
    const lib = ['domain', 'capabilities', 'domainCapabilities'].map((n) => readFileSync(join(dir, `libxml2-${n}.xml`), 'utf8'));
    const canon = await canonicalizeAll([outDom, lib[0] ?? '', outCaps, lib[1] ?? '', outDomcaps, lib[2] ?? '']);
    const agree = [0, 2, 4].map((i) => JSON.stringify(canon[i]) === JSON.stringify(canon[i + 1]) && canon[i] !== undefined && 'c14n' in canon[i]);
    if (seenCaps !== py.seen.capabilities || seenDomcaps !== py.seen.domainCapabilities) {
      throw new Error(`the two sides read different amounts: ${seenCaps}/${py.seen.capabilities}, ${seenDomcaps}/${py.seen.domainCapabilities}`);
    }

    const kib = (s: string): string => `${(s.length / 1024).toFixed(0)} KiB`;
    const rows: [string, string, number, number, boolean | undefined][] = [
      [`domain, ${DEVICES} devices`, kib(domain), tDom, py.domain, agree[0]],
      ['capabilities (lab)', kib(caps), tCaps, py.capabilities, agree[1]],
      ['domain capabilities (lab)', kib(domcaps), tDomcaps, py.domainCapabilities, agree[2]],
    ];
    console.log('parse + edit + serialize, ms per document (mean; lower is better)');
    console.log(`${'document'.padEnd(28)}${'size'.padStart(9)}${'Hangar'.padStart(10)}${'libxml2'.padStart(10)}${'Hangar/libxml2'.padStart(16)}  same result`);
    for (const [name, size, h, l, same] of rows) {
      console.log(`${name.padEnd(28)}${size.padStart(9)}${h.toFixed(3).padStart(10)}${l.toFixed(3).padStart(10)}${`${(h / l).toFixed(2)}×`.padStart(16)}  ${same === true ? 'yes' : 'NO'}`);
    }
    console.log(`(Hangar: drivers/xml on Node ${process.versions.node}; libxml2: python3-libxml2 via /usr/bin/python3; ${ITER_DOMAIN} / ${ITER_CAPS} iterations after 3 warm-ups)`);
    if (agree.includes(false)) throw new Error('Hangar and libxml2 produced different documents: the comparison is not like for like');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
