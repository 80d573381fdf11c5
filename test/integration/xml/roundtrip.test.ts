// Acceptance 1 of issue 3: real XML that no one here wrote — virt-install's output over many OS
// variants and device options (against the test driver and the lab's qemu driver), and every kind
// of XML the lab's libvirtd returns — parses, is understood by the typed models, and serializes
// to the same document: equal after canonicalization by an independent parser (Python's C14N),
// and in fact byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseCapabilities, parseDomain, parseDomainCapabilities, parseNetwork, parseNodeDevice, parseSnapshot, parseStoragePool,
  parseStorageVolume,
} from '../../../drivers/xml/index.js';
import { startLab, type Lab } from '../../lab/lab.js';
import { canonicalizeAll, firstDifference } from '../../support/xml-canonical.js';
import { virtInstallCorpus, type CorpusResult } from '../../support/xml-corpus.js';
import { exercise } from '../../support/xml-exercise.js';
import { collectLabXml, type LabXml, type LabXmlKind } from '../../support/xml-lab-corpus.js';

const parsers: Record<LabXmlKind, (xml: string) => { toXml(): string } & Parameters<typeof exercise>[0]> = {
  domain: parseDomain,
  network: parseNetwork,
  pool: parseStoragePool,
  volume: parseStorageVolume,
  capabilities: parseCapabilities,
  domainCapabilities: parseDomainCapabilities,
  snapshot: parseSnapshot,
  nodeDevice: parseNodeDevice,
};

let lab: Lab;
let testDriverCorpus: CorpusResult;
let labCorpus: CorpusResult;
let labXml: { docs: LabXml[]; refused: string[] };

beforeAll(async () => {
  lab = await startLab();
  // A pool and volume for virt-install's volume-backed disks, at a path stable across runs (cache).
  await lab.virsh(['pool-define-as', 'corpus', 'dir', '--target', '/var/lib/libvirt/images/corpus']);
  await lab.virsh(['pool-build', 'corpus']);
  await lab.virsh(['pool-start', 'corpus']);
  await lab.virsh(['vol-create-as', 'corpus', 'data.qcow2', '16M', '--format', 'qcow2']);
  const started = Date.now();
  [testDriverCorpus, labCorpus] = await Promise.all([
    virtInstallCorpus({ uri: 'test:///default', count: 140, cacheKey: 'test-driver', concurrency: 1 }),
    virtInstallCorpus({ uri: lab.uri, count: 140, cacheKey: 'lab-qemu', host: { volume: 'corpus/data.qcow2', hostdev: 'pci_0000_00_02_0' }, concurrency: 1 }),
  ]);
  console.log(`virt-install corpus: ${testDriverCorpus.documents.length} + ${labCorpus.documents.length} documents from ${testDriverCorpus.runs + labCorpus.runs} runs (${testDriverCorpus.fromCache + labCorpus.fromCache} cached) in ${Date.now() - started} ms`);
  // Some of virt-install's qemu domains go through libvirtd too, to collect their normalized form.
  labXml = await collectLabXml(lab, labCorpus.documents.filter((_, i) => i % 8 === 0).map((d) => d.xml));
  console.log(`lab XML: ${labXml.docs.length} documents; refused by this libvirtd: ${labXml.refused.join('; ') || 'none'}`);
});

afterAll(async () => {
  await lab?.stop();
});

interface Checked {
  readonly source: string;
  readonly input: string;
  readonly output?: string;
  readonly error?: string;
}

/** Parses, exercises and serializes every document, then compares canonical forms in one Python run. */
async function roundTrip(docs: readonly { kind: LabXmlKind; source: string; xml: string }[]): Promise<{ failures: string[]; identical: number; changed: string[] }> {
  const checked: Checked[] = docs.map((d) => {
    try {
      const model = parsers[d.kind](d.xml);
      exercise(model);
      return { source: d.source, input: d.xml, output: model.toXml() };
    } catch (e) {
      return { source: d.source, input: d.xml, error: e instanceof Error ? e.message : String(e) };
    }
  });
  const canon = await canonicalizeAll(checked.flatMap((c) => [c.input, c.output ?? '']));
  const failures: string[] = [];
  let identical = 0;
  const changed: string[] = [];
  for (const [i, c] of checked.entries()) {
    if (c.error !== undefined) {
      failures.push(`${c.source}: ${c.error}`);
      continue;
    }
    const a = canon[2 * i];
    const b = canon[2 * i + 1];
    if (a === undefined || b === undefined || !('c14n' in a) || !('c14n' in b)) {
      failures.push(`${c.source}: canonicalization failed: ${JSON.stringify([a, b]).slice(0, 300)}`);
      continue;
    }
    const diff = firstDifference(a.c14n, b.c14n);
    if (diff !== undefined) failures.push(`${c.source}: canonical forms differ ${diff}`);
    if (c.output === c.input) identical++;
    else changed.push(`${c.source}: ${firstDifference(c.input, c.output ?? '')}`);
  }
  return { failures, identical, changed };
}

/** Assigns a property the value it reads (a setter given what its getter returned). */
function writeBack<T, K extends keyof T>(o: T, k: K): void {
  const v = o[k];
  o[k] = v;
}

describe('round trip of real libvirt XML', () => {
  it('has a corpus of at least 200 virt-install domain XMLs over many OS variants and device options', () => {
    const all = [...testDriverCorpus.documents, ...labCorpus.documents];
    expect(all.length).toBeGreaterThanOrEqual(200);
    const oses = new Set(all.map((d) => /--osinfo (\S+)/.exec(d.source)?.[1]));
    expect(oses.size).toBeGreaterThanOrEqual(100);
    // The option sets really produced the device classes they ask for.
    const joined = all.map((d) => d.xml).join('\n');
    for (const tag of ['<disk type="network"', '<disk type="volume"', 'device="cdrom"', 'device="floppy"', '<interface type="bridge"', '<interface type="direct"', '<interface type="user"',
      '<graphics type="spice"', '<graphics type="vnc"', '<channel', '<serial', '<parallel', '<hostdev mode="subsystem" type="pci"', '<hostdev mode="subsystem" type="usb"', 'type="mdev"', '<filesystem', '<tpm', '<rng', '<watchdog', '<sound', '<video', '<redirdev', '<smartcard', '<vsock', '<panic', '<kernel>', '<loader', 'host-passthrough', '<metadata>']) {
      expect(joined, tag).toContain(tag);
    }
    const failed = [...testDriverCorpus.failures, ...labCorpus.failures];
    if (failed.length > 0) console.log(`virt-install refused ${failed.length} runs: ${[...new Set(failed.map((f) => f.error))].join(' | ')}`);
    expect(failed.length).toBeLessThan(all.length / 10);
  });

  it('serializes every virt-install document back to an equal document (canonically, and byte for byte)', async () => {
    const docs = [...testDriverCorpus.documents, ...labCorpus.documents].map((d) => ({ kind: 'domain' as const, source: d.source, xml: d.xml }));
    const { failures, identical, changed } = await roundTrip(docs);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(changed.slice(0, 3)).toEqual([]);
    expect(identical).toBe(docs.length);
  });

  it("serializes every XML the lab's libvirtd returns back to an equal document", async () => {
    const kinds = new Set(labXml.docs.map((d) => d.kind));
    for (const k of Object.keys(parsers)) expect(kinds, k).toContain(k);
    expect(labXml.docs.filter((d) => d.kind === 'network').length).toBeGreaterThanOrEqual(7);
    expect(new Set(labXml.docs.filter((d) => d.kind === 'pool').map((d) => /<pool type='([^']+)'/.exec(d.xml)?.[1])).size).toBeGreaterThanOrEqual(6);
    expect(labXml.docs.filter((d) => d.kind === 'volume').length).toBe(3);
    expect(labXml.docs.filter((d) => d.kind === 'domain').length).toBeGreaterThanOrEqual(10);
    const { failures, identical, changed } = await roundTrip(labXml.docs);
    expect(failures.slice(0, 5)).toEqual([]);
    expect(changed.slice(0, 3)).toEqual([]);
    expect(identical).toBe(labXml.docs.length);
  });

  it('writing back the values just read changes nothing, on every domain of the corpus', () => {
    const docs = [...testDriverCorpus.documents, ...labCorpus.documents, ...labXml.docs.filter((d) => d.kind === 'domain')];
    const changed: string[] = [];
    for (const doc of docs) {
      const d = parseDomain(doc.xml);
      for (const k of ['memory', 'currentMemory', 'vcpus', 'currentVcpus', 'title'] as const) writeBack(d, k);
      for (const disk of d.disks) for (const k of ['cache', 'bootOrder', 'readonly'] as const) writeBack(disk, k);
      for (const nic of d.interfaces) for (const k of ['mac', 'model', 'bootOrder'] as const) writeBack(nic, k);
      const os = d.os;
      if (os !== undefined) os.bootOrder = os.bootOrder as ('hd' | 'cdrom' | 'network' | 'fd')[];
      if (d.toXml() !== doc.xml) changed.push(`${doc.source}: ${firstDifference(doc.xml, d.toXml())}`);
    }
    expect(changed.slice(0, 3)).toEqual([]);
  });

  it('would notice a lossy serializer (the comparison is not vacuous)', async () => {
    const doc = labXml.docs.find((d) => d.kind === 'domain')?.xml ?? '';
    const lossy = [
      doc.replace(/ bus='[^']*'/, ''), // a dropped attribute
      doc.replace(/<memballoon[^>]*\/>|<memballoon[\s\S]*?<\/memballoon>/, ''), // a dropped element
      doc.replace('<name>', '<name>x'), // changed text
    ];
    const canon = await canonicalizeAll([doc, ...lossy]);
    const original = canon[0];
    expect(original !== undefined && 'c14n' in original).toBe(true);
    for (const c of canon.slice(1)) expect(c).not.toEqual(original);
    // And whitespace / attribute order alone is not a difference.
    const reordered = doc.replace(/<disk type='file' device='cdrom'>/, "<disk device='cdrom'   type='file'>").replace(/\n {2}</g, '\n\t<');
    const [a, b] = await canonicalizeAll([doc, reordered]);
    expect(b).toEqual(a);
  });
});
