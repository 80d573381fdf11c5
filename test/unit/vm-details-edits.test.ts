// The VM Details frame's model work, without a browser: re-applying an edit on a definition that changed meanwhile
// (three-way on the lossless model), telling what an edit changed, and finding the line libvirt's schema message is about.
import { describe, expect, it } from 'vitest';
import { parseDomain } from '../../drivers/xml/index.js';
import { deviceKeys } from '../../renderer/vm/details/device-key.js';
import { mergeDefinitions } from '../../renderer/vm/details/merge.js';
import { changedLines, elementsNamed, schemaErrorLine } from '../../renderer/vm/details/schema-error.js';
import { changesBetween, replaceSectionXml, sectionXml } from '../../renderer/vm/details/sections.js';

const BASE = `<domain type='kvm'>
  <name>vm1</name>
  <uuid>4f1a2b3c-0001-4d5e-8f60-7a8b9c0d1e01</uuid>
  <description>first</description>
  <metadata>
    <app1:thing xmlns:app1="http://example.com/app1/1.0" keep="yes"/>
    <app2:other xmlns:app2="http://example.com/app2/1.0"/>
  </metadata>
  <memory unit='KiB'>1048576</memory>
  <currentMemory unit='KiB'>1048576</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
    <boot dev='hd'/>
  </os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='/var/lib/libvirt/images/vm1.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:00:00:01'/>
      <source network='default'/>
    </interface>
    <shmem name='hangar'>
      <model type='ivshmem-plain'/>
      <size unit='M'>4</size>
    </shmem>
  </devices>
</domain>
`;

const edit = (xml: string, f: (d: ReturnType<typeof parseDomain>) => void): string => {
  const d = parseDomain(xml);
  f(d);
  return d.toXml();
};

describe('re-applying an edit on a newer definition', () => {
  it('carries the edit over and keeps what the host changed', () => {
    const mine = edit(BASE, (d) => d.setMemory(2 * 1024 ** 3));
    const theirs = edit(BASE, (d) => {
      d.description = 'changed by virsh';
    });
    const merged = mergeDefinitions(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    const m = parseDomain(merged.xml);
    expect(m.memory).toBe(2 * 1024 ** 3);
    expect(m.currentMemory).toBe(2 * 1024 ** 3);
    expect(m.description).toBe('changed by virsh');
    // Only the edited lines differ from the host's version.
    expect(changedLines(theirs, merged.xml).map((n) => merged.xml.split('\n')[n - 1]?.trim())).toEqual([
      "<memory unit='KiB'>2097152</memory>", "<currentMemory unit='KiB'>2097152</currentMemory>",
    ]);
  });

  it('merges device by device, matched by identity, not position', () => {
    const mine = edit(BASE, (d) => {
      const disk = d.disks[0];
      if (disk) disk.cache = 'none';
    });
    // The host got a disk before the edited one: positions shift, the target does not.
    const theirs = BASE.replace("    <disk type='file' device='disk'>", `    <disk type='file' device='cdrom'>
      <source file='/iso/a.iso'/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <disk type='file' device='disk'>`);
    const merged = parseDomain(mergeDefinitions(BASE, mine, theirs).xml);
    expect(merged.disks.map((d) => [d.targetDev, d.cache])).toEqual([['sda', undefined], ['vda', 'none']]);
  });

  it('reports what both changed, keeping the edit there', () => {
    const mine = edit(BASE, (d) => {
      d.vcpus = 4;
    });
    const theirs = edit(BASE, (d) => {
      d.vcpus = 3;
    });
    const merged = mergeDefinitions(BASE, mine, theirs);
    expect(merged.conflicts).toEqual(['vcpu']);
    expect(parseDomain(merged.xml).vcpus).toBe(4);
  });

  it('merges metadata per namespace, and removals and additions of devices', () => {
    const mine = edit(BASE, (d) => {
      d.setMetadata('<app1:thing xmlns:app1="http://example.com/app1/1.0" keep="no"/>');
      const nic = d.interfaces[0];
      if (nic) d.removeDevice(nic);
    });
    const theirs = edit(BASE, (d) => {
      d.setMetadata('<app2:other xmlns:app2="http://example.com/app2/1.0" v="2"/>');
    });
    const merged = mergeDefinitions(BASE, mine, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(merged.xml).toContain("keep='no'");
    expect(merged.xml).toContain("v='2'");
    expect(parseDomain(merged.xml).interfaces).toHaveLength(0);
    // The device Hangar has no page for is kept byte for byte.
    expect(merged.xml).toContain(`    <shmem name='hangar'>
      <model type='ivshmem-plain'/>
      <size unit='M'>4</size>
    </shmem>`);
  });
});

describe('what an edit changed', () => {
  it('names sections and devices', () => {
    const after = edit(BASE, (d) => {
      d.title = 'T';
      d.vcpus = 3;
      const disk = d.disks[0];
      if (disk) disk.cache = 'none';
      d.ensureOs().bootMenu = { enable: true };
    });
    const c = changesBetween(parseDomain(BASE).element, parseDomain(after).element);
    expect([...c.sections].sort()).toEqual(['boot', 'cpus', 'overview']);
    expect([...c.devices]).toEqual(['disk:vda']);
  });

  it('keys devices by what identifies them', () => {
    const dom = parseDomain(BASE);
    expect(deviceKeys((dom.element.child('devices')?.elements ?? []).filter((e) => e.name !== 'emulator')))
      .toEqual(['disk:vda', 'interface:52:54:00:00:00:01', 'shmem#0']);
  });

  it('edits a section through its XML fragment and gives the same text back', () => {
    const dom = parseDomain(BASE);
    const text = sectionXml(dom, 'memory').replace('1048576</memory>', '2097152</memory>');
    replaceSectionXml(dom, 'memory', text);
    expect(dom.memory).toBe(2 * 1024 ** 3);
    expect(sectionXml(dom, 'memory')).toBe(text);
    expect(changedLines(BASE, dom.toXml())).toHaveLength(1);
    expect(() => replaceSectionXml(dom, 'memory', '<vcpu>2</vcpu>')).toThrow(/does not belong/);
  });
});

describe("where libvirt's schema message points", () => {
  it('reads the element names libvirt gives', () => {
    expect(elementsNamed('Unable to validate doc against /usr/share/libvirt/schemas/domain.rng\nExtra element vcpu in interleave\nElement domain failed to validate content'))
      .toEqual(['vcpu']);
    expect(elementsNamed('Element domain has extra content: vcpux')).toEqual(['vcpux']);
  });

  it('finds the edited line inside the element named', () => {
    const edited = BASE.replace("<vcpu placement='static'>2</vcpu>", "<vcpu placement='static'>two</vcpu>");
    const line = schemaErrorLine('XML document failed to validate against schema: Unable to validate doc against /usr/share/libvirt/schemas/domain.rng\nExtra element vcpu in interleave\nElement domain failed to validate content', edited, BASE);
    expect(edited.split('\n')[(line ?? 0) - 1]).toContain('two</vcpu>');
    const inDevices = BASE.replace('    <shmem', '    <bogus/>\n    <shmem');
    const at = schemaErrorLine('Extra element devices in interleave\nElement domain failed to validate content', inDevices, BASE);
    expect(inDevices.split('\n')[(at ?? 0) - 1]?.trim()).toBe('<bogus/>');
  });
});
