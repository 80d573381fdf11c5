// The Details frame's editor against a scripted host: what Apply sends (the define with its base, the live calls a
// running VM takes, the pending marks for the rest), how a change made elsewhere meanwhile is met, and re-applying.
import { describe, expect, it } from 'vitest';
import { parseDomain } from '../../drivers/xml/index.js';
import type { DomainSummary } from '../../main/api/contract/index.js';
import { CallError } from '../../renderer/state/api-client.js';
import { VmEditor } from '../../renderer/vm/details/vm-editor.js';
import { FakePort } from './fake-port.js';

const UUID = '4f1a2b3c-0001-4d5e-8f60-7a8b9c0d1e01';
const XML = `<domain type='kvm'>
  <name>vm1</name>
  <uuid>${UUID}</uuid>
  <memory unit='KiB'>2097152</memory>
  <currentMemory unit='KiB'>1048576</currentMemory>
  <vcpu placement='static' current='1'>4</vcpu>
  <os>
    <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>
    <boot dev='hd'/>
  </os>
  <devices>
    <disk type='file' device='cdrom'>
      <source file='/iso/a.iso'/>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:00:00:01'/>
      <source network='default'/>
    </interface>
  </devices>
</domain>
`;

const summary = (id: number): DomainSummary => ({
  key: UUID, uuid: UUID, name: 'vm1', id, state: id >= 0 ? 1 : 5, reason: 0, persistent: true, autostart: false, managedSave: false,
  tags: [], diskSources: [],
});

/** A host holding one definition; define checks base as the service does and stores the XML. */
function host(): { port: FakePort; xml: () => string; set: (xml: string) => void } {
  let stored = XML;
  const port = new FakePort({
    'domains.xml': () => ({ xml: stored }),
    'domains.define': ({ xml, base }) => {
      if (base !== undefined && base !== stored) throw new CallError({ message: 'changed on the host', field: 'base' });
      stored = xml;
      return { key: UUID, name: parseDomain(xml).name };
    },
  });
  return { port, xml: () => stored, set: (x) => { stored = x; } };
}

describe('the Details editor', () => {
  it('applies a running VM\'s vCPUs and balloon live, and marks what waits for a shutdown', async () => {
    const h = host();
    const ed = new VmEditor(h.port, 'c', UUID);
    await ed.load(summary(7));
    const d = ed.draft;
    if (d === undefined) throw new Error('no draft');
    d.currentVcpus = 2;
    d.currentMemory = 1536 * 1024 * 1024;
    d.ensureOs().bootMenu = { enable: true };
    ed.edited();
    expect(ed.dirty).toBe(true);
    expect(await ed.apply(summary(7))).toBe('applied');
    expect(h.port.callsOf('domains.define')).toHaveLength(1);
    expect(h.port.callsOf('domains.setVcpus')).toEqual([{ connection: 'c', key: UUID, count: 2, affect: { live: true, config: false } }]);
    expect(h.port.callsOf('domains.setMemory')).toEqual([{ connection: 'c', key: UUID, kib: 1536 * 1024, affect: { live: true, config: false } }]);
    expect([...ed.pending]).toEqual(['boot']);
    expect(ed.dirty).toBe(false);
    // After the VM shuts down, nothing is pending any more.
    await ed.load(summary(-1));
    expect([...ed.pending]).toEqual([]);
  });

  it('updates a device live only when its page says it can', async () => {
    const h = host();
    const ed = new VmEditor(h.port, 'c', UUID);
    await ed.load(summary(3));
    const [cdrom, nic] = ed.draft?.devices ?? [];
    if (cdrom === undefined || nic === undefined) throw new Error('no devices');
    cdrom.element.child('source')?.setAttr('file', '/iso/b.iso');
    ed.edited(cdrom.element, 'update');
    nic.element.child('source')?.setAttr('network', 'other');
    ed.edited(nic.element, 'next-boot');
    expect(await ed.apply(summary(3))).toBe('applied');
    const updates = h.port.callsOf('domains.updateDevice') as { xml: string }[];
    expect(updates).toHaveLength(1);
    expect(updates[0]?.xml).toContain("/iso/b.iso");
    expect([...ed.pending]).toEqual(['dev:interface:52:54:00:00:00:01']);
  });

  it('refuses to apply over a newer definition, then re-applies the edit on top of it', async () => {
    const h = host();
    const ed = new VmEditor(h.port, 'c', UUID);
    await ed.load(summary(-1));
    const d = ed.draft;
    if (d === undefined) throw new Error('no draft');
    d.title = 'mine';
    ed.edited();
    // Another tool changes the VM; the summary's change makes the page read it again.
    const theirs = parseDomain(XML);
    theirs.description = 'theirs';
    h.set(theirs.toXml());
    await ed.load(summary(-1));
    expect(ed.incoming).toBe(h.xml());
    expect(await ed.apply(summary(-1))).toBe('conflict');
    expect(h.port.callsOf('domains.define')).toHaveLength(0);
    ed.reapply();
    expect(ed.incoming).toBeUndefined();
    expect(await ed.apply(summary(-1))).toBe('applied');
    const now = parseDomain(h.xml());
    expect([now.title, now.description]).toEqual(['mine', 'theirs']);
  });

  it('meets define\'s refusal of a stale base like a change seen by event', async () => {
    const h = host();
    const ed = new VmEditor(h.port, 'c', UUID);
    await ed.load(summary(-1));
    if (ed.draft) ed.draft.title = 'mine';
    ed.edited();
    // Changed on the host with no event reaching the page: define's base check is what notices.
    const theirs = parseDomain(XML);
    theirs.vcpus = 6;
    h.set(theirs.toXml());
    expect(await ed.apply(summary(-1))).toBe('conflict');
    expect(ed.incoming).toBe(h.xml());
  });

  it('takes a new name as a rename, the define keeping the old one', async () => {
    const h = host();
    const ed = new VmEditor(h.port, 'c', UUID);
    await ed.load(summary(-1));
    if (ed.draft) ed.draft.name = 'vm2';
    ed.edited();
    expect(ed.renamed).toBe(true);
    expect(await ed.apply(summary(-1))).toBe('applied');
    // Only the name changed: nothing to define, one rename.
    expect(h.port.callsOf('domains.define')).toHaveLength(0);
    expect(h.port.callsOf('domains.rename')).toEqual([{ connection: 'c', key: UUID, name: 'vm2' }]);
  });

  it('keeps an XML tab\'s malformed text with its line, and takes well-formed text as the draft', async () => {
    const h = host();
    const ed = new VmEditor(h.port, 'c', UUID);
    await ed.load(summary(-1));
    ed.editXml('overview', XML.replace('<vcpu', '<vcpu\n  oops=>'));
    expect(ed.errors).toHaveLength(1);
    expect(ed.xmlEdit('overview')?.error?.line).toBeGreaterThan(1);
    expect(await ed.apply(summary(-1))).toBe('failed');
    ed.editXml('overview', XML.replace('<vcpu placement=\'static\' current=\'1\'>4</vcpu>', "<vcpu placement='static'>3</vcpu>"));
    expect(ed.errors).toEqual([]);
    expect(ed.draft?.vcpus).toBe(3);
    expect([...ed.changedItems()]).toContain('cpus');
  });
});
