// Acceptance: every error case gives the libvirt error code, error domain and message libvirtd gives. Each case
// runs on a fresh Demo host and on a fresh libvirtd test-driver host (through drivers/remote), both loaded
// from the contract fixture, and the two errors must be identical. Only the text of XML syntax errors differs
// by design (libxml2 words them), so for those the code, domain and libvirt's prefix are compared.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';
import { openRemoteConnection } from '../../../drivers/remote/index.js';
import { startLab } from '../../lab/lab.js';
import type { Lab } from '../../lab/types.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/node/contract-node.xml', import.meta.url));
const ALPHA = 'a0000000-0000-4000-8000-000000000001';

type Op = (c: api.Connection) => Promise<unknown>;
const dom = (c: api.Connection, name: string): Promise<api.Domain> => c.domainLookupByName(name);
const pool = (c: api.Connection, name: string): Promise<api.StoragePool> => c.storagePoolLookupByName(name);
const xml = (name: string, uuid?: string): string =>
  `<domain type='test'><name>${name}</name>${uuid ? `<uuid>${uuid}</uuid>` : ''}<memory>262144</memory><os><type>hvm</type></os></domain>`;
const netXml = (name: string, uuid?: string): string => `<network><name>${name}</name>${uuid ? `<uuid>${uuid}</uuid>` : ''}<bridge name='brx'/></network>`;
const volXml = (name: string, gib: number): string => `<volume><name>${name}</name><capacity unit='GiB'>${gib}</capacity><allocation unit='GiB'>${gib}</allocation></volume>`;

const CASES: readonly (readonly [string, Op, 'exact' | 'syntax'])[] = [
  ['domain lookup by name', (c) => c.domainLookupByName('nope'), 'exact'],
  ['domain lookup by UUID', (c) => c.domainLookupByUUID('a0000000-0000-4000-8000-0000000000ff'), 'exact'],
  ['domain lookup by ID', (c) => c.domainLookupByID(999), 'exact'],
  ['start a running domain', async (c) => (await dom(c, 'alpha')).create(), 'exact'],
  ['destroy a shut off domain', async (c) => (await dom(c, 'beta')).destroy(), 'exact'],
  ['shut down a shut off domain', async (c) => (await dom(c, 'beta')).shutdown(), 'exact'],
  ['suspend a paused domain', async (c) => (await dom(c, 'gamma')).suspend(), 'exact'],
  ['suspend a shut off domain', async (c) => (await dom(c, 'beta')).suspend(), 'exact'],
  ['resume a running domain', async (c) => (await dom(c, 'alpha')).resume(), 'exact'],
  ['reboot a shut off domain', async (c) => (await dom(c, 'beta')).reboot(), 'exact'],
  ['reset a shut off domain', async (c) => (await dom(c, 'beta')).reset(), 'exact'],
  ['managed save of a transient domain', async (c) => (await dom(c, 'delta')).managedSave(), 'exact'],
  ['managed save of a shut off domain', async (c) => (await dom(c, 'beta')).managedSave(), 'exact'],
  ['undefine with a managed save image', async (c) => (await dom(c, 'epsilon')).undefine(), 'exact'],
  [
    'undefine an inactive domain with snapshots',
    async (c) => {
      const d = await dom(c, 'beta');
      await d.snapshotCreateXML('<domainsnapshot><name>s</name></domainsnapshot>');
      await d.undefine();
    },
    'exact',
  ],
  ['define a taken name', (c) => c.domainDefineXML(xml('alpha', 'a0000000-0000-4000-8000-0000000000aa')), 'exact'],
  ['define a taken UUID', (c) => c.domainDefineXML(xml('other', ALPHA)), 'exact'],
  ['define XML that is not a domain', (c) => c.domainDefineXML('<network/>'), 'exact'],
  ['define a domain without name', (c) => c.domainDefineXML("<domain type='test'><memory>1</memory><os><type>hvm</type></os></domain>"), 'exact'],
  ['define XML that is not well formed', (c) => c.domainDefineXML('<domain'), 'syntax'],
  ['create an active domain', async (c) => c.domainCreateXML(await (await dom(c, 'alpha')).getXMLDesc()), 'exact'],
  ['memory above the maximum', async (c) => (await dom(c, 'alpha')).setMemory(99_999_999), 'exact'],
  ['maximum memory of a running domain', async (c) => (await dom(c, 'alpha')).setMemory(1, api.VIR_DOMAIN_MEM_MAXIMUM | api.VIR_DOMAIN_AFFECT_LIVE), 'exact'],
  ['LIVE and CONFIG together', async (c) => (await dom(c, 'alpha')).setMemory(1, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG), 'exact'],
  ['vCPUs above the hypervisor maximum', async (c) => (await dom(c, 'alpha')).setVcpus(33), 'exact'],
  ['vCPUs above the domain maximum', async (c) => (await dom(c, 'alpha')).setVcpus(5, api.VIR_DOMAIN_AFFECT_LIVE), 'exact'],
  ['live vCPUs of a shut off domain', async (c) => (await dom(c, 'beta')).setVcpus(1, api.VIR_DOMAIN_AFFECT_LIVE), 'exact'],
  ['missing metadata', async (c) => (await dom(c, 'beta')).getMetadata(api.VIR_DOMAIN_METADATA_TITLE, null), 'exact'],
  ['no current snapshot', async (c) => (await dom(c, 'beta')).snapshotCurrent(), 'exact'],
  ['unknown snapshot', async (c) => (await dom(c, 'beta')).snapshotLookupByName('nope'), 'exact'],
  [
    'duplicate snapshot',
    async (c) => {
      const d = await dom(c, 'beta');
      await d.snapshotCreateXML('<domainsnapshot><name>s</name></domainsnapshot>');
      await d.snapshotCreateXML('<domainsnapshot><name>s</name></domainsnapshot>');
    },
    'exact',
  ],
  ['parent of a root snapshot', async (c) => (await (await dom(c, 'beta')).snapshotCreateXML('<domainsnapshot><name>r</name></domainsnapshot>')).getParent(), 'exact'],
  ['halt a transient domain after a snapshot', async (c) => (await dom(c, 'delta')).snapshotCreateXML('<domainsnapshot/>', api.VIR_DOMAIN_SNAPSHOT_CREATE_HALT), 'exact'],
  [
    'a handle whose domain is gone',
    async (c) => {
      const d = await dom(c, 'beta');
      await d.undefine();
      await d.getState();
    },
    'exact',
  ],
  ['network lookup by name', (c) => c.networkLookupByName('nope'), 'exact'],
  ['network lookup by UUID', (c) => c.networkLookupByUUID('b0000000-0000-4000-8000-0000000000ff'), 'exact'],
  ['start a running network', async (c) => (await c.networkLookupByName('net-a')).create(), 'exact'],
  ['undefine a running network', async (c) => (await c.networkLookupByName('net-a')).undefine(), 'exact'],
  ['bridge of a network without one', async (c) => (await c.networkDefineXML('<network><name>nb</name></network>')).getBridgeName(), 'exact'],
  ['network with a taken name', (c) => c.networkDefineXML(netXml('net-a')), 'exact'],
  ['network with a taken UUID', (c) => c.networkDefineXML(netXml('nz', 'b0000000-0000-4000-8000-000000000001')), 'exact'],
  ['create an active network', async (c) => c.networkCreateXML(await (await c.networkLookupByName('net-a')).getXMLDesc()), 'exact'],
  ['network without name', (c) => c.networkDefineXML('<network/>'), 'exact'],
  ['pool lookup by name', (c) => c.storagePoolLookupByName('nope'), 'exact'],
  ['pool lookup by UUID', (c) => c.storagePoolLookupByUUID('c0000000-0000-4000-8000-0000000000ff'), 'exact'],
  ['start an active pool', async (c) => (await pool(c, 'pool-a')).create(), 'exact'],
  ['undefine an active pool', async (c) => (await pool(c, 'pool-a')).undefine(), 'exact'],
  ['delete an active pool', async (c) => (await pool(c, 'pool-a')).delete(), 'exact'],
  ['build an active pool', async (c) => (await pool(c, 'pool-a')).build(), 'exact'],
  [
    'stop an inactive pool',
    async (c) => {
      const p = await pool(c, 'pool-a');
      await p.destroy();
      await p.destroy();
    },
    'exact',
  ],
  [
    'refresh an inactive pool',
    async (c) => {
      const p = await pool(c, 'pool-a');
      await p.destroy();
      await p.refresh();
    },
    'exact',
  ],
  [
    'volumes of an inactive pool',
    async (c) => {
      const p = await pool(c, 'pool-a');
      await p.destroy();
      await p.listAllVolumes();
    },
    'exact',
  ],
  [
    'volume lookup in an inactive pool',
    async (c) => {
      const p = await pool(c, 'pool-a');
      await p.destroy();
      await p.storageVolLookupByName('disk1.img');
    },
    'exact',
  ],
  ['autostart of a transient pool', async (c) => (await c.storagePoolCreateXML("<pool type='dir'><name>t</name><target><path>/t</path></target></pool>")).setAutostart(true), 'exact'],
  ['pool with a taken name', (c) => c.storagePoolDefineXML("<pool type='dir'><name>pool-a</name><target><path>/elsewhere</path></target></pool>"), 'exact'],
  ['pool on a taken directory', (c) => c.storagePoolDefineXML("<pool type='dir'><name>px</name><target><path>/contract/pool-a</path></target></pool>"), 'exact'],
  ['pool without type', (c) => c.storagePoolDefineXML('<pool><name>q</name><target><path>/q</path></target></pool>'), 'exact'],
  ['volume lookup by name', async (c) => (await pool(c, 'pool-a')).storageVolLookupByName('nope'), 'exact'],
  ['volume lookup by path', (c) => c.storageVolLookupByPath('/nope'), 'exact'],
  ['volume lookup by key', (c) => c.storageVolLookupByKey('/nope'), 'exact'],
  ['volume with a taken name', async (c) => (await pool(c, 'pool-a')).storageVolCreateXML(volXml('disk1.img', 1)), 'exact'],
  ['volume that does not fit', async (c) => (await pool(c, 'pool-b')).storageVolCreateXML(volXml('big', 500)), 'exact'],
  [
    'clone from another pool',
    async (c) => {
      const src = await (await pool(c, 'pool-a')).storageVolLookupByName('disk1.img');
      await (await pool(c, 'pool-b')).storageVolCreateXMLFrom(volXml('c', 1), src);
    },
    'exact',
  ],
  [
    'a volume handle whose volume is gone',
    async (c) => {
      const v = await (await pool(c, 'pool-a')).storageVolLookupByName('disk1.img');
      await v.delete();
      await v.getInfo();
    },
    'exact',
  ],
  ['node device lookup', (c) => c.nodeDeviceLookupByName('nope'), 'exact'],
  ['rename an active domain', async (c) => (await dom(c, 'alpha')).rename('x'), 'exact'],
  ['rename onto a taken name', async (c) => (await dom(c, 'beta')).rename('alpha'), 'exact'],
  ['rename a domain to itself', async (c) => (await dom(c, 'beta')).rename('beta'), 'exact'],
  ['rename with a slash', async (c) => (await dom(c, 'beta')).rename('a/b'), 'exact'],
  ['addresses of a stopped domain', async (c) => (await dom(c, 'beta')).interfaceAddresses(api.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE), 'exact'],
  ['an invalid key code', async (c) => (await dom(c, 'alpha')).sendKey(api.VIR_KEYCODE_SET_LINUX, 0, [99999]), 'exact'],
  ['keys to a stopped domain', async (c) => (await dom(c, 'beta')).sendKey(api.VIR_KEYCODE_SET_LINUX, 0, [29]), 'exact'],
  ['save with changed XML', async (c) => (await dom(c, 'alpha')).save('/nonexistent/x.save', '<domain/>'), 'exact'],
  ['restore from a missing file', (c) => c.domainRestore('/nonexistent/hangar.save'), 'exact'],
];

interface Outcome {
  code: number;
  domain: number;
  message: string;
}

async function outcome(open: () => Promise<api.Connection>, op: Op): Promise<Outcome | 'no error'> {
  const c = await open();
  try {
    await op(c);
    return 'no error';
  } catch (e) {
    if (!(e instanceof api.VirError)) throw e;
    return { code: e.code, domain: e.domain, message: e.message };
  } finally {
    await c.close();
  }
}

describe('error cases: Demo host vs libvirtd test driver', () => {
  let lab: Lab | undefined;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('covers enough cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(70);
  });

  for (const [name, op, mode] of CASES) {
    it(name, async () => {
      const socket = lab?.socketPath ?? '';
      const want = await outcome(() => openRemoteConnection(`test+unix://${FIXTURE}?socket=${socket}`), op);
      const got = await outcome(() => openConnection(`test://${FIXTURE}`), op);
      expect(want, 'libvirtd must fail this case').not.toBe('no error');
      if (mode === 'exact' || want === 'no error' || got === 'no error') {
        expect(got).toEqual(want);
      } else {
        expect({ code: got.code, domain: got.domain }).toEqual({ code: want.code, domain: want.domain });
        expect(got.message.split(':').slice(0, 2)).toEqual(want.message.split(':').slice(0, 2));
      }
    });
  }
});
