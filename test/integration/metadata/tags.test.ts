import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANGAR_TAGS_NS } from '../../../drivers/xml/index.js';
import type { DomainSummary } from '../../../main/api/contract/index.js';
import { startBrowserMode, type BrowserMode } from '../../../main/web/browser-mode.js';
import { startLab, type Lab } from '../../lab/lab.js';
import { ApiSocket } from '../../support/api-socket.js';
import { seededDataDir } from '../../support/data-dir.js';

// Tags live in each VM's <metadata> under Hangar's namespace: set through the API, they come back in the
// summaries (a METADATA_CHANGE event re-reads the VM), in the domain XML libvirt keeps, and after a reconnect.
describe('tags in the domain metadata', () => {
  let lab: Lab;
  let data: ReturnType<typeof seededDataDir>;
  let web: BrowserMode;
  let api: ApiSocket;

  beforeAll(async () => {
    lab = await startLab();
    await lab.defineGuest({ name: 'tag-a' });
    await lab.defineGuest({ name: 'tag-b' });
    data = seededDataDir([]);
    web = await startBrowserMode({ dataDir: data.dir });
    api = await ApiSocket.open(web.url);
  });
  afterAll(async () => {
    await api?.close();
    await web?.close();
    data?.remove();
    await lab?.stop();
  });

  for (const target of ['Demo host', 'lab libvirtd'] as const) {
    it(`${target}: adds and removes tags on several VMs; they show in the summaries, the XML and after a reconnect`, async () => {
      const uri = target === 'Demo host' ? 'test:///default' : lab.uri;
      const from = api.events.length;
      const saved = await api.call('connections.add', { uri, name: target, autoconnect: true });
      await api.waitFor((e) => e.type === 'domains.reset' && e.scope.connection === saved.id && e.items.length > 0, 15_000, from);
      const list = async (): Promise<readonly DomainSummary[]> => (await api.call('domains.list', { connection: saved.id })).items;
      const vms = (await list()).slice(0, 2);
      expect(vms).toHaveLength(2);
      const keys = vms.map((v) => v.uuid);
      const tagsOf = async (): Promise<string[][]> => {
        const now = await list();
        return keys.map((k) => [...(now.find((d) => d.uuid === k)?.tags ?? [])]);
      };

      const before = api.events.length;
      expect(await api.call('domains.setTags', { connection: saved.id, keys, add: ['web', 'prod', 'Web'] })).toEqual({ failed: [] });
      await api.waitFor((e) => e.type === 'domains.delta' && e.upserted.some((d) => d.uuid === keys[1] && d.tags.includes('prod')), 5000, before);
      expect(await tagsOf()).toEqual([['web', 'prod'], ['web', 'prod']]);

      const xml = (await api.call('domains.xml', { connection: saved.id, key: keys[0] ?? '', inactive: true })).xml;
      expect(xml).toContain(HANGAR_TAGS_NS);
      expect(xml).toMatch(/<hangar:tag>web<\/hangar:tag>/);
      // …and libvirt's own tools see them.
      if (target === 'lab libvirtd') expect(await lab.virsh(['dumpxml', vms[0]?.name ?? ''])).toMatch(/<hangar:tags xmlns:hangar="urn:hangar:tags:1">/);

      await api.call('domains.setTags', { connection: saved.id, keys: [keys[0] ?? ''], remove: ['WEB'] });
      await api.waitFor((e) => e.type === 'domains.delta' && e.upserted.some((d) => d.uuid === keys[0] && !d.tags.includes('web')), 5000, before);
      expect(await tagsOf()).toEqual([['prod'], ['web', 'prod']]);

      // A reconnect reads them again from the host.
      await api.call('connections.disconnect', { connection: saved.id });
      const again = api.events.length;
      await api.call('connections.connect', { connection: saved.id });
      await api.waitFor((e) => e.type === 'domains.reset' && e.scope.connection === saved.id && e.items.length > 0, 15_000, again);
      expect(await tagsOf()).toEqual([['prod'], ['web', 'prod']]);

      // Bad input is refused at the field; an unknown VM is reported, the others still tagged.
      await expect(api.call('domains.setTags', { connection: saved.id, keys, add: ['<b>'] })).rejects.toMatchObject({ field: 'add.0' });
      const missing = '00000000-0000-4000-8000-00000000abcd';
      const partial = await api.call('domains.setTags', { connection: saved.id, keys: [missing, keys[0] ?? ''], add: ['db'] });
      expect(partial.failed.map((f) => f.key)).toEqual([missing]);
      expect(partial.failed[0]?.error.code).toBe(42); // VIR_ERR_NO_DOMAIN
      await api.call('domains.setTags', { connection: saved.id, keys, remove: ['web', 'prod', 'db'] });
      await api.call('connections.remove', { connection: saved.id });
    });
  }
});
