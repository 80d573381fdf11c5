import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../../drivers/index.js';
import { ConnectionManager, type ManagerEvent } from '../../main/services/connection-manager.js';
import { ConnectionStore } from '../../main/services/connection-store.js';

const NODE_FILE = resolve('test/fixtures/node/contract-node.xml');

describe('editing a saved connection', () => {
  let dir = '';
  let manager: ConnectionManager | undefined;
  afterEach(async () => {
    await manager?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renames and changes autoconnect in place, and points at another URI with a fresh inventory', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hangar-conn-'));
    writeFileSync(join(dir, 'connections.json'), JSON.stringify({ version: 1, connections: [] }));
    const events: ManagerEvent[] = [];
    manager = new ConnectionManager(new ConnectionStore(dir), (uri) => openConnection(uri), (e) => events.push(e));
    const saved = manager.add({ uri: 'test:///default', name: 'Demo', autoconnect: true });
    await manager.connect(saved.id);
    const demoNames = manager.domains(saved.id).map((d) => d.name);
    expect(demoNames.length).toBeGreaterThan(0);

    const renamed = await manager.update(saved.id, { name: 'Playground', autoconnect: false });
    expect(renamed).toMatchObject({ id: saved.id, name: 'Playground', autoconnect: false, uri: 'test:///default' });
    expect(events.at(-1)).toMatchObject({ type: 'connection', connection: { name: 'Playground' }, state: { state: 'connected' } });
    expect(manager.domains(saved.id).map((d) => d.name)).toEqual(demoNames);

    const moved = await manager.update(saved.id, { uri: `test://${NODE_FILE}` });
    expect(moved.uri).toBe(`test://${NODE_FILE}`);
    await new Promise<void>((r) => {
      const poll = (): void => { if (manager?.list().find((c) => c.key === saved.id)?.state.state === 'connected') r(); else setTimeout(poll, 10); };
      poll();
    });
    const names = manager.domains(saved.id).map((d) => d.name).sort();
    expect(names).toContain('alpha');
    expect(names).not.toEqual([...demoNames].sort());
    const file = JSON.parse(readFileSync(join(dir, 'connections.json'), 'utf8')) as { connections: { id: string; uri: string; name: string }[] };
    expect(file.connections).toEqual([{ id: saved.id, uri: `test://${NODE_FILE}`, name: 'Playground', autoconnect: false }]);

    manager.add({ uri: 'test:///default', name: '', autoconnect: false });
    await expect(manager.update(saved.id, { uri: 'test:///default' })).rejects.toThrow(/already in the list/);
  });
});
