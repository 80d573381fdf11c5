import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { changedPaths } from '../../main/services/edit-history-changes.js';
import { EditRecorder, recordEdits, type EditSubject } from '../../main/services/edit-history-recorder.js';
import { EditHistory, type HistoryVm } from '../../main/services/edit-history.js';
import { callSchemas, type CallName } from '../../main/api/contract/index.js';

const VM: HistoryVm = { uri: 'qemu:///system', uuid: '11111111-2222-3333-4444-555555555555' };
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'hangar-history-'));
  dirs.push(d);
  return d;
}

const domain = (vcpus: number, extra = ''): string =>
  `<domain type='kvm'>\n  <name>vm</name>\n  <uuid>${VM.uuid}</uuid>\n  <vcpu placement='static'>${vcpus}</vcpu>\n  <devices>\n${extra}  </devices>\n</domain>\n`;

describe('EditHistory', () => {
  it('keeps the newest entries up to its limit, newest first', async () => {
    const history = new EditHistory(dataDir(), { limit: 5 });
    for (let i = 1; i <= 8; i++) await history.record(VM, { call: 'domains.setVcpus', name: 'vm', before: domain(i), after: domain(i + 1) });
    const list = await history.list(VM);
    expect(list).toHaveLength(5);
    const afters = await Promise.all(list.map(async (e) => (await history.entry(VM, e.id))?.after));
    expect(afters).toEqual([9, 8, 7, 6, 5].map((n) => domain(n)));
    expect(list[0]?.changed).toEqual(['domain/vcpu']);
  });

  it('forgets a deleted VM: its file goes, after the write under way, and its list is empty', async () => {
    const history = new EditHistory(dataDir());
    await history.record(VM, { call: 'domains.setVcpus', name: 'vm', before: domain(1), after: domain(2) });
    const writing = history.record(VM, { call: 'domains.setVcpus', name: 'vm', before: domain(2), after: domain(3) });
    await history.forget(VM);
    await writing;
    await history.flush();
    expect(readdirSync(dirname(history.fileOf(VM)))).toEqual([]);
    expect(await history.list(VM)).toEqual([]);
  });

  it('keeps only recent files in memory and reads the others again, whole', async () => {
    const history = new EditHistory(dataDir());
    const vms = Array.from({ length: 40 }, (_, i) => ({ uri: VM.uri, uuid: `11111111-2222-3333-4444-${String(i).padStart(12, '0')}` }));
    for (const vm of vms) {
      await history.record(vm, { call: 'domains.setVcpus', name: 'vm', before: domain(1), after: domain(2) });
      await history.record(vm, { call: 'domains.setVcpus', name: 'vm', before: domain(2), after: domain(3) });
    }
    for (const vm of vms) expect((await history.list(vm)).map((e) => e.changed)).toEqual([['domain/vcpu'], ['domain/vcpu']]);
    const first = vms[0] ?? VM;
    await history.record(first, { call: 'domains.setVcpus', name: 'vm', before: domain(3), after: domain(4) });
    expect(await history.list(first)).toHaveLength(3);
  });

  it('records nothing when the definition did not change', async () => {
    const history = new EditHistory(dataDir());
    expect(await history.record(VM, { call: 'domains.setTags', name: 'vm', before: domain(1), after: domain(1) })).toBeNull();
    expect(await history.list(VM)).toEqual([]);
  });

  it('survives a restart: a new store on the same folder lists the same entries with their XML', async () => {
    const dir = dataDir();
    const first = new EditHistory(dir);
    const a = await first.record(VM, { call: 'domains.setVcpus', name: 'vm', before: domain(1), after: domain(2) });
    const b = await first.record(VM, { call: 'history.restore', name: 'vm', before: domain(2), after: domain(1), restoreOf: a?.id });
    await first.flush();
    const again = new EditHistory(dir);
    const list = await again.list(VM);
    expect(list.map((e) => e.id)).toEqual([b?.id, a?.id]);
    expect(list[0]?.restoreOf).toBe(a?.id);
    expect((await again.entry(VM, a?.id ?? ''))?.before).toBe(domain(1));
    // Another VM, or the same UUID on another host, has a history of its own.
    expect(await again.list({ ...VM, uri: 'qemu+ssh://far/system' })).toEqual([]);
  });

  it('moves a damaged file aside, starts that VM again and keeps recording', async () => {
    const dir = dataDir();
    const probe = new EditHistory(dir);
    const file = probe.fileOf(VM);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{"version":1,"uri":"qemu:///system","entries":[{"id": tru');
    const damaged: string[] = [];
    const history = new EditHistory(dir, { onDamaged: (f, movedTo) => damaged.push(f, movedTo) });
    expect(await history.list(VM)).toEqual([]);
    expect(damaged[0]).toBe(file);
    const aside = readdirSync(dirname(file)).filter((n) => n.includes('.damaged-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dirname(file), aside[0] ?? ''), 'utf8')).toContain('"id": tru');
    await history.record(VM, { call: 'domains.setVcpus', name: 'vm', before: domain(1), after: domain(2) });
    await history.flush();
    expect(await new EditHistory(dir).list(VM)).toHaveLength(1);
  });

  it('reads a file of the wrong shape as damaged too', async () => {
    const dir = dataDir();
    const file = new EditHistory(dir).fileOf(VM);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ version: 1, uri: VM.uri, uuid: VM.uuid, entries: [{ id: 'x' }] }));
    expect(await new EditHistory(dir).list(VM)).toEqual([]);
  });
});

describe('changedPaths', () => {
  it('names the elements whose lines changed, an inserted device without its later siblings', () => {
    const nic = (mac: string): string => `    <interface type='network'>\n      <mac address='${mac}'/>\n      <link state='up'/>\n    </interface>\n`;
    const before = domain(1, nic('52:54:00:00:00:01') + nic('52:54:00:00:00:02'));
    const after = domain(2, `    <sound model='ich9'/>\n${nic('52:54:00:00:00:01').replace("'up'", "'down'")}${nic('52:54:00:00:00:02')}`);
    expect(changedPaths(before, after)).toEqual(['domain/vcpu', 'domain/devices/sound', 'domain/devices/interface/link']);
  });

  it('names an added element once, not each of its lines, and ignores indentation alone', () => {
    const tags = "  <metadata>\n    <hangar:tags xmlns:hangar='urn:hangar:tags:1'>\n      <hangar:tag>a</hangar:tag>\n    </hangar:tags>\n  </metadata>\n";
    const before = domain(1);
    const after = before.replace('  <vcpu', `${tags}  <vcpu`);
    expect(changedPaths(before, after)).toEqual(['domain/metadata']);
    expect(changedPaths(after, after.replace('      <hangar:tag>', '<hangar:tag>'))).toEqual([]);
  });
});

describe('EditRecorder', () => {
  // A host in memory: each VM's inactive XML, as a real host would answer it.
  function host(): { xml: Map<string, string>; source: { uri: (c: string) => string; inactiveXml: (s: EditSubject) => Promise<string | undefined> } } {
    const xml = new Map<string, string>();
    return { xml, source: { uri: (c) => `test:///${c}`, inactiveXml: async (s) => xml.get(s.key) } };
  }

  it('records concurrent changes of one VM as coherent pairs, one after the other', async () => {
    const h = host();
    h.xml.set(VM.uuid, domain(1));
    const recorder = new EditRecorder(new EditHistory(dataDir()), h.source);
    const subject = { connection: 'c1', key: VM.uuid };
    const set = (n: number) => recorder.around([subject], 'domains.setVcpus', async () => {
      await new Promise((r) => setTimeout(r, 5));
      h.xml.set(VM.uuid, domain(n));
    });
    await Promise.all([set(2), set(3), set(4)]);
    const history = recorder.history;
    const vm = recorder.vm(subject);
    const entries = await Promise.all((await history.list(vm)).map((e) => history.entry(vm, e.id)));
    expect(entries.map((e) => [e?.before, e?.after])).toEqual([[domain(3), domain(4)], [domain(2), domain(3)], [domain(1), domain(2)]]);
  });

  it('wraps only the domain-changing handlers, passes failures on and records nothing for them', async () => {
    const h = host();
    h.xml.set(VM.uuid, domain(1));
    const recorder = new EditRecorder(new EditHistory(dataDir()), h.source);
    const calls: string[] = [];
    const handlers = Object.fromEntries(Object.keys(callSchemas).map((name) => [name, async (input: unknown) => {
      calls.push(name);
      if (name === 'domains.setVcpus') h.xml.set(VM.uuid, domain(2));
      if (name === 'snapshots.revert') h.xml.set(VM.uuid, domain(1));
      if (name === 'domains.setMemory') throw new Error('refused');
      return input;
    }])) as unknown as Record<CallName, (input: unknown, session: null) => Promise<unknown>>;
    const wrapped = recordEdits(handlers, recorder);
    const ref = { connection: 'c1', key: VM.uuid };
    await wrapped['domains.setVcpus'](ref, null);
    await expect(wrapped['domains.setMemory'](ref, null)).rejects.toThrow('refused');
    await wrapped['domains.xml'](ref, null);
    // A snapshot revert names its VM as `domain`.
    await wrapped['snapshots.revert']({ connection: 'c1', domain: VM.uuid, name: 'before' }, null);
    expect(calls).toEqual(['domains.setVcpus', 'domains.setMemory', 'domains.xml', 'snapshots.revert']);
    const list = await recorder.history.list(recorder.vm(ref));
    expect(list.map((e) => e.call)).toEqual(['snapshots.revert', 'domains.setVcpus']);
  });
});
