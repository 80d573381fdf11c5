// The Demo host persists itself in libvirt's own node format: libvirtd's test driver loads the saved file and
// sees the same guests in the same states as the Demo host does after a restart.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';
import { STATE_FILE } from '../../../drivers/demo/host-persistence.js';
import { startLab } from '../../lab/lab.js';
import type { Lab } from '../../lab/types.js';

const STATE_WORDS: Record<number, string> = { [api.VIR_DOMAIN_RUNNING]: 'running', [api.VIR_DOMAIN_PAUSED]: 'paused', [api.VIR_DOMAIN_SHUTOFF]: 'shut off' };

describe('Demo host persistence', () => {
  let lab: Lab | undefined;
  beforeAll(async () => {
    lab = await startLab();
  });
  afterAll(async () => {
    await lab?.stop();
  });

  it('saves a file libvirtd loads with the same guests and states', async () => {
    if (!lab) throw new Error('no lab');
    const dir = join(lab.dir, 'demo-state');
    mkdirSync(dir, { recursive: true });
    const a = await openConnection('test:///default', { stateDir: dir });
    await (await a.domainLookupByName('ubuntu-dev')).create();
    await (await a.domainLookupByName('debian-server')).suspend();
    await a.domainDefineXML("<domain type='test'><name>added</name><memory unit='MiB'>256</memory><os><type>hvm</type></os></domain>");
    await a.close();

    const b = await openConnection('test:///default', { stateDir: dir });
    const demo: Record<string, string> = {};
    for (const d of await b.listAllDomains()) demo[d.name] = STATE_WORDS[(await d.getState()).state] ?? '?';
    await b.close();

    const uri = `test+unix://${join(dir, STATE_FILE)}?socket=${lab.socketPath}`;
    const names = (await lab.virsh(['-c', uri, 'list --all --name'])).split('\n').map((l) => l.trim()).filter(Boolean);
    const libvirtd: Record<string, string> = {};
    for (const name of names) libvirtd[name] = (await lab.virsh(['-c', uri, `domstate '${name}'`])).trim();
    expect(libvirtd).toEqual(demo);
    expect(demo).toMatchObject({ 'ubuntu-dev': 'running', 'debian-server': 'paused', added: 'shut off' });
  });
});
