// The inventory's first listing reads state and persistence in bulk: each summary must say what the domain's own
// calls say, on the Demo host and on libvirtd's test driver, and a daemon without bulk stats must still list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Domain } from '../../../drivers/api/index.js';
import { VIR_DOMAIN_PAUSED, VIR_DOMAIN_RUNNING, VIR_DOMAIN_SHUTOFF } from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';
import { DomainInventory } from '../../../main/services/domain-inventory.js';
import { startLab, type Lab } from '../../lab/lab.js';

const xml = (name: string): string =>
  `<domain type='test'><name>${name}</name><memory unit='MiB'>64</memory><os><type>hvm</type></os></domain>`;

/** Adds a transient running VM, a paused one and a shut-off one beside the test driver's own "test". */
async function varied(c: Connection): Promise<void> {
  await c.domainCreateXML(xml('inv-transient'));
  const paused = await c.domainDefineXML(xml('inv-paused'));
  await paused.create();
  await paused.suspend();
  await c.domainDefineXML(xml('inv-off'));
}

async function ownView(d: Domain): Promise<{ state: number; reason: number; persistent: boolean }> {
  const [{ state, reason }, persistent] = await Promise.all([d.getState(), d.isPersistent()]);
  return { state, reason, persistent };
}

/** The connection as an old daemon shows it: no bulk stats call. */
function withoutBulkStats(c: Connection): Connection {
  return new Proxy(c, {
    get(target, prop, receiver) {
      if (prop === 'getAllDomainStats') return () => Promise.reject(new Error('this function is not supported by the connection driver: virConnectGetAllDomainStats'));
      const v: unknown = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

describe.each([
  ['the Demo host', false],
  ['libvirtd test driver', true],
] as const)('domain inventory on %s', (_name, onLab) => {
  let lab: Lab | undefined;
  let connection: Connection;

  beforeAll(async () => {
    if (onLab) lab = await startLab();
    connection = await openConnection(lab ? `test+unix:///default?socket=${lab.socketPath}` : 'test:///default');
    await varied(connection);
  });
  afterAll(async () => {
    await connection.close();
    await lab?.stop();
  });

  it.each([['bulk stats', false], ['no bulk stats (old daemon)', true]] as const)('lists each domain with the state, reason and persistence its own calls give (%s)', async (_how, old) => {
    const inventory = await DomainInventory.load(old ? withoutBulkStats(connection) : connection, () => undefined);
    try {
      const domains = await connection.listAllDomains();
      const listed = inventory.list();
      expect(listed.map((d) => d.name).sort()).toEqual(domains.map((d) => d.name).sort());
      for (const d of domains) {
        const summary = inventory.get(d.uuid);
        expect({ name: d.name, state: summary?.state, reason: summary?.reason, persistent: summary?.persistent }).toEqual({ name: d.name, ...(await ownView(d)) });
      }
      const byName = new Map(listed.map((d) => [d.name, d]));
      expect(byName.get('inv-transient')).toMatchObject({ state: VIR_DOMAIN_RUNNING, persistent: false });
      expect(byName.get('inv-paused')).toMatchObject({ state: VIR_DOMAIN_PAUSED, persistent: true });
      expect(byName.get('inv-off')).toMatchObject({ state: VIR_DOMAIN_SHUTOFF, persistent: true });
    } finally {
      await inventory.dispose();
    }
  });
});
