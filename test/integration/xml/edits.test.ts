// Acceptance 2 of issue 3: edits made with the models — memory, vCPUs, boot order, a disk's cache
// mode, a NIC's source, adding and removing a disk and a NIC — produce XML the lab's libvirtd
// accepts (virsh define, the oracle), with the effect visible in libvirt's re-dump; and everything
// the models do not know (foreign-namespace metadata, unknown attributes and elements, comments)
// is still in the edited XML, with only the edited lines changed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDisk, buildInterface, parseDomain, type DiskDevice, type DomainXml, type InterfaceDevice } from '../../../drivers/xml/index.js';
import { startLab, type Lab } from '../../lab/lab.js';

let lab: Lab;
let input: string;
let poolDir: string;
let counter = 0;

const metadata = `  <metadata>
    <hangar:vm xmlns:hangar="https://hangar.example/xmlns/vm/1" hangar:rev="7">
      <hangar:note>keep me &amp; my order</hangar:note>
      <hangar:tags><hangar:tag>a</hangar:tag><hangar:tag>b</hangar:tag></hangar:tags>
    </hangar:vm>
  </metadata>
`;

/** Things no model knows; each must survive every edit (except where the edit removes their device). */
const unknowns = [
  "x-owner='ops team'",
  '<hangar:vm xmlns:hangar="https://hangar.example/xmlns/vm/1" hangar:rev="7">',
  '<hangar:note>keep me &amp; my order</hangar:note>',
  '<hangar:tags><hangar:tag>a</hangar:tag><hangar:tag>b</hangar:tag></hangar:tags>',
  '<!-- tuned by hand: do not touch -->',
  "<x-future-knob level='high'/>",
  "x-tuning='fast'",
  "<x-vendor-hint id='42'/>",
  "<x-nic-extra queues='8'/>",
];

beforeAll(async () => {
  lab = await startLab();
  poolDir = '/var/lib/libvirt/images/edits';
  await lab.virsh(['pool-define-as', 'edits', 'dir', '--target', poolDir]);
  await lab.virsh(['pool-build', 'edits']);
  await lab.virsh(['pool-start', 'edits']);
  for (const v of ['a.qcow2', 'b.qcow2', 'c.qcow2']) await lab.virsh(['vol-create-as', 'edits', v, '16M', '--format', 'qcow2']);
  for (const [n, ip] of [['net-a', '10.61.0.1'], ['net-b', '10.62.0.1']] as const) {
    await define('net-define', `<network><name>${n}</name><ip address='${ip}' prefix='24'/></network>`);
  }
  // The base VM: the lab's tiny guest plus two disks and two NICs, defined, then as libvirt writes it back.
  const base = lab.tinyGuestXml({ name: 'edit-base' }).replace(
    '<serial',
    `<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${poolDir}/a.qcow2'/><target dev='vda' bus='virtio'/></disk>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='${poolDir}/b.qcow2'/><target dev='vdb' bus='virtio'/></disk>
    <interface type='network'><mac address='52:54:00:00:aa:01'/><source network='net-a'/><model type='virtio'/></interface>
    <interface type='network'><mac address='52:54:00:00:aa:02'/><source network='net-a'/><model type='e1000'/></interface>
    <serial`,
  );
  await define('define', base);
  const dumped = await lab.virsh(['dumpxml', 'edit-base']);
  // What another tool might have left: foreign metadata, a comment, unknown attributes and elements.
  input = dumped
    .replace(/^<domain type='(\w+)'/, "<domain type='$1' x-owner='ops team'")
    .replace('</uuid>\n', `</uuid>\n${metadata}`)
    .replace('  <devices>', '  <!-- tuned by hand: do not touch -->\n  <devices>')
    .replace('</domain>', "  <x-future-knob level='high'/>\n</domain>")
    .replace(/(<driver name='qemu' type='qcow2')/, "$1 x-tuning='fast'")
    .replace(/(<target dev='vda' bus='virtio'\/>)/, "$1\n      <x-vendor-hint id='42'/>")
    .replace(/(<mac address='52:54:00:00:aa:01'\/>)/, "$1\n      <x-nic-extra queues='8'/>");
  for (const u of unknowns) expect(input, 'injected').toContain(u);
});

afterAll(async () => {
  await lab?.stop();
});

async function define(command: string, xml: string): Promise<string> {
  const file = join(lab.dir, `edit-${counter++}.xml`);
  writeFileSync(file, xml);
  return lab.virsh([command, file]);
}

/** Lines of `a` missing from `b` (as a multiset), trimmed. */
function missingLines(a: string, b: string): string[] {
  const pool = new Map<string, number>();
  for (const l of b.split('\n')) pool.set(l.trim(), (pool.get(l.trim()) ?? 0) + 1);
  const out: string[] = [];
  for (const l of a.split('\n')) {
    const n = pool.get(l.trim()) ?? 0;
    if (n > 0) pool.set(l.trim(), n - 1);
    else out.push(l.trim());
  }
  return out;
}

interface EditCase {
  readonly name: string;
  readonly edit: (d: DomainXml) => void;
  /** Every input line the edit may remove or rewrite. */
  readonly touches: RegExp;
  /** Unknowns the edit removes with their device. */
  readonly drops?: readonly string[];
  /** What libvirt's re-dump must show (the oracle for the edit's effect). */
  readonly redump: (xml: string) => void;
}

const disk = (d: DomainXml, dev: string): DiskDevice => {
  const found = d.disks.find((x) => x.targetDev === dev);
  if (found === undefined) throw new Error(`no disk ${dev}`);
  return found;
};
const nic = (d: DomainXml, mac: string): InterfaceDevice => {
  const found = d.interfaces.find((x) => x.mac === mac);
  if (found === undefined) throw new Error(`no NIC ${mac}`);
  return found;
};

const cases: EditCase[] = [
  {
    name: 'memory',
    edit: (d) => d.setMemory(96 * 1024 * 1024),
    touches: /^<(memory|currentMemory) unit='KiB'>\d+<\//,
    redump: (x) => {
      expect(x).toContain("<memory unit='KiB'>98304</memory>");
      expect(x).toContain("<currentMemory unit='KiB'>98304</currentMemory>");
    },
  },
  {
    name: 'vCPUs',
    edit: (d) => {
      d.vcpus = 3;
      d.currentVcpus = 2;
    },
    touches: /^<vcpu /,
    redump: (x) => expect(x).toMatch(/<vcpu placement='static' current='2'>3<\/vcpu>/),
  },
  {
    name: 'boot order (OS boot list)',
    edit: (d) => {
      d.ensureOs().bootOrder = ['hd', 'cdrom', 'network'];
    },
    touches: /^<boot dev=/,
    redump: (x) => expect(x).toMatch(/<boot dev='hd'\/>\s*<boot dev='cdrom'\/>\s*<boot dev='network'\/>/),
  },
  {
    name: 'boot order (per device)',
    edit: (d) => {
      d.ensureOs().bootOrder = [];
      disk(d, 'vdb').bootOrder = 1;
      nic(d, '52:54:00:00:aa:02').bootOrder = 2;
    },
    touches: /^<boot dev=/,
    redump: (x) => {
      expect(x).not.toMatch(/<boot dev=/);
      expect(x).toMatch(/<target dev='vdb' bus='virtio'\/>\s*<boot order='1'\/>/);
      expect(x).toMatch(/<model type='e1000'\/>\s*<boot order='2'\/>/);
    },
  },
  {
    name: "a disk's cache mode",
    edit: (d) => {
      disk(d, 'vda').cache = 'writeback';
      disk(d, 'vda').discard = 'unmap';
    },
    touches: /^<driver name='qemu' type='qcow2' x-tuning='fast'\/>$/,
    redump: (x) => expect(x).toContain("<driver name='qemu' type='qcow2' cache='writeback' discard='unmap'/>"),
  },
  {
    name: "a NIC's source",
    edit: (d) => {
      nic(d, '52:54:00:00:aa:01').source = { type: 'network', network: 'net-b' };
    },
    touches: /^<source network='net-a'\/>$/,
    redump: (x) => expect(x).toMatch(/<mac address='52:54:00:00:aa:01'\/>\s*<source network='net-b'\/>/),
  },
  {
    name: 'adding a disk',
    edit: (d) => {
      d.addDevice(buildDisk({ source: { type: 'file', file: `${poolDir}/c.qcow2` }, targetDev: 'vdc', format: 'qcow2', cache: 'none' }));
    },
    touches: /^$/,
    redump: (x) => expect(x).toMatch(new RegExp(`<driver name='qemu' type='qcow2' cache='none'/>\\s*<source file='${poolDir}/c.qcow2'/>\\s*<target dev='vdc' bus='virtio'/>`)),
  },
  {
    name: 'removing a disk',
    edit: (d) => {
      expect(d.removeDevice(disk(d, 'vdb'))).toBe(true);
    },
    touches: /^(<disk type='file' device='disk'>|<driver name='qemu' type='qcow2'\/>|<source file='.*\/b\.qcow2'(\/>|>)|<index.*|<\/source>|<target dev='vdb' bus='virtio'\/>|<alias .*|<address type='pci' .*|<\/disk>)$/,
    redump: (x) => {
      expect(x).not.toContain("<target dev='vdb'");
      expect(x).toContain("<target dev='vda'");
    },
  },
  {
    name: 'adding a NIC',
    edit: (d) => {
      d.addDevice(buildInterface({ source: { type: 'network', network: 'net-b' }, mac: '52:54:00:00:aa:03', model: 'virtio', linkState: 'down' }));
    },
    touches: /^$/,
    redump: (x) => expect(x).toMatch(/<mac address='52:54:00:00:aa:03'\/>\s*<source network='net-b'\/>\s*<model type='virtio'\/>\s*<link state='down'\/>/),
  },
  {
    name: 'removing a NIC',
    edit: (d) => {
      expect(d.removeDevice(nic(d, '52:54:00:00:aa:01'))).toBe(true);
    },
    touches: /^(<interface type='network'>|<mac address='52:54:00:00:aa:01'\/>|<x-nic-extra queues='8'\/>|<source network='net-a'\/>|<model type='virtio'\/>|<address type='pci' .*|<\/interface>)$/,
    drops: ["<x-nic-extra queues='8'/>"],
    redump: (x) => {
      expect(x).not.toContain('52:54:00:00:aa:01');
      expect(x).toContain('52:54:00:00:aa:02');
    },
  },
];

describe('edits with the models, accepted by libvirtd', () => {
  for (const c of cases) {
    it(`${c.name}: keeps every unknown, changes only what it touches, and libvirtd accepts it`, async () => {
      const model = parseDomain(input);
      c.edit(model);
      const output = model.toXml();
      expect(output).not.toBe(input);
      for (const u of unknowns) if (!(c.drops ?? []).includes(u)) expect(output, u).toContain(u);
      const changed = missingLines(input, output);
      for (const l of changed) expect(l, 'an input line the edit should not have touched').toMatch(c.touches);
      // The edited document still parses, and its other fields read the same.
      const again = parseDomain(output);
      expect(again.name).toBe('edit-base');
      // libvirtd accepts it (as a new domain: defineXML of the edited VM) and shows the edit.
      const name = `edited-${counter}`;
      model.name = name;
      model.uuid = undefined;
      // virsh fails (rejects) when libvirtd refuses the definition.
      await define('define', model.toXml());
      expect((await lab.virsh(['list', '--all', '--name'])).split('\n').map((l) => l.trim())).toContain(name);
      const redump = await lab.virsh(['dumpxml', name]);
      c.redump(redump);
      // Foreign-namespace metadata survives libvirtd itself.
      expect(redump).toContain('<hangar:vm xmlns:hangar="https://hangar.example/xmlns/vm/1" hangar:rev="7">');
      expect(redump).toContain('<hangar:note>keep me &amp; my order</hangar:note>');
    });
  }
});
