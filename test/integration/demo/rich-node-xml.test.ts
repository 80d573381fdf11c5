// Acceptance: the rich node fixture loaded into the Demo host and into libvirtd's test driver (the lab's
// libvirtd, test+unix:///<file>) serves the same XML for every domain, network, pool, volume and node device,
// compared canonically (both parsed and written by drivers/xml's formatXml: whitespace between elements is the
// only freedom). KNOWN lists any difference that stays, with its reason; today there is none.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';
import { openRemoteConnection } from '../../../drivers/remote/index.js';
import { parseTree } from '../../../drivers/demo/xml-access.js';
import { formatXml } from '../../../drivers/xml/index.js';
import { startLab } from '../../lab/lab.js';
import type { Lab } from '../../lab/types.js';

const RICH = fileURLToPath(new URL('../../fixtures/node/rich-node.xml', import.meta.url));

/** Objects whose XML may still differ, and why. */
const KNOWN: Readonly<Record<string, string>> = {};

function canonical(xml: string): string {
  return formatXml(parseTree(xml));
}

/** Every object's XML by kind and name; node devices without the ACTIVE filter libvirt's test driver rejects. */
async function allXml(c: Connection): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const d of await c.listAllDomains()) out.set(`domain ${d.name}`, await d.getXMLDesc());
  for (const n of await c.listAllNetworks()) out.set(`network ${n.name}`, await n.getXMLDesc());
  for (const p of await c.listAllStoragePools()) {
    out.set(`pool ${p.name}`, await p.getXMLDesc());
    for (const v of await p.listAllVolumes()) out.set(`volume ${p.name}/${v.name}`, await v.getXMLDesc());
  }
  for (const d of await c.listAllNodeDevices()) out.set(`device ${d.name}`, await d.getXMLDesc());
  return out;
}

describe("rich node file: the Demo host's XML is libvirtd's", () => {
  let lab: Lab;
  let ours: Map<string, string>;
  let theirs: Map<string, string>;

  beforeAll(async () => {
    lab = await startLab();
    const demo = await openConnection(`test://${RICH}`);
    const remote = await openRemoteConnection(`test+unix://${RICH}?socket=${lab.socketPath}`);
    try {
      [ours, theirs] = await Promise.all([allXml(demo), allXml(remote)]);
    } finally {
      await Promise.all([demo.close(), remote.close()]);
    }
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('holds the shapes libvirtd normalises', () => {
    for (const key of ['domain numa-only', 'domain bootloader-only', 'domain no-controllers', 'pool slashes', 'volume slashes/overlay.qcow2', 'pool vg-fast']) {
      expect(theirs.has(key), key).toBe(true);
    }
    // What libvirtd made of them, so that the comparison below covers each case.
    expect(theirs.get('domain numa-only')).toContain("<memory unit='KiB'>1048576</memory>");
    expect(theirs.get('domain bootloader-only')).toContain("<type arch='i686'>xen</type>");
    expect(theirs.get('domain no-controllers')).toContain("<controller type='scsi' index='0'/>");
    expect(theirs.get('pool slashes')).toContain('<path>/var/lib/slashes</path>');
    expect(theirs.get('volume slashes/overlay.qcow2')).toContain('<backingStore>');
  });

  it('lists the same objects', () => {
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
  });

  it('serves every object the XML libvirtd serves, canonically', () => {
    const differing: string[] = [];
    for (const [key, xml] of theirs) {
      const mine = ours.get(key);
      if (mine === undefined || canonical(mine) === canonical(xml)) continue;
      if (KNOWN[key] === undefined) differing.push(`${key}\n--- libvirtd\n${canonical(xml)}\n--- Demo host\n${canonical(mine)}`);
    }
    expect(differing).toEqual([]);
  });

  it('serves it byte for byte, not only canonically', () => {
    const differing = [...theirs].filter(([key, xml]) => KNOWN[key] === undefined && ours.get(key) !== xml).map(([key]) => key);
    expect(differing).toEqual([]);
  });
});
