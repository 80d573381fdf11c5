// A damaged connections.json (half-written, empty, someone else's JSON) must not stop the app: the store and the
// app's services start with no connections, the damaged file is kept under another name, and a notice says so.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppServices } from '../../main/app-services.js';
import { ConnectionStore } from '../../main/services/connection-store.js';

const HALF_WRITTEN = '{\n  "version": 1,\n  "connections": [\n    {\n      "id": "6b1c", "uri": "qemu+ssh://root@vmhost/sys';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function dataDirWith(text: string): string {
  dir = mkdtempSync(join(tmpdir(), 'hangar-damaged-'));
  writeFileSync(join(dir, 'connections.json'), text);
  return dir;
}

describe('a damaged connections.json', () => {
  it('is moved aside, never deleted; the store starts empty and says what happened', () => {
    const data = dataDirWith(HALF_WRITTEN);
    const file = join(data, 'connections.json');
    const store = new ConnectionStore(data, () => true, () => new Date('2025-03-04T05:06:07.089Z'));
    expect(store.list()).toEqual([]);
    expect(store.recovered).toEqual({
      file,
      movedTo: `${file}.damaged-2025-03-04T050607.089Z`,
      reason: expect.stringMatching(/^not valid JSON: /) as unknown,
    });
    expect(readFileSync(store.recovered!.movedTo, 'utf8')).toBe(HALF_WRITTEN);
    // The new file is a sound, empty list; a second start finds nothing wrong and keeps the empty list.
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ version: 1, connections: [] });
    const again = new ConnectionStore(data, () => true);
    expect(again.recovered).toBeUndefined();
    expect(again.list()).toEqual([]);
    // And it works as a store.
    again.add({ uri: 'test:///default', name: 'Demo host', autoconnect: false });
    expect(new ConnectionStore(data).list()).toHaveLength(1);
  });

  it('names each kind of damage, and never moves a file over an earlier one', () => {
    const at = () => new Date('2025-03-04T05:06:07.089Z');
    const data = dataDirWith('');
    const first = new ConnectionStore(data, undefined, at);
    expect(first.recovered?.reason).toBe('the file is empty');
    writeFileSync(join(data, 'connections.json'), '[1, 2, 3]\n');
    const second = new ConnectionStore(data, undefined, at);
    expect(second.recovered?.reason).toBe('valid JSON, but without a "connections" list');
    expect(second.recovered?.movedTo).not.toBe(first.recovered?.movedTo);
    expect(readdirSync(data).filter((f) => f.includes('.damaged-')).sort()).toEqual([
      'connections.json.damaged-2025-03-04T050607.089Z', 'connections.json.damaged-2025-03-04T050607.089Z-1',
    ]);
    expect(readFileSync(second.recovered!.movedTo, 'utf8')).toBe('[1, 2, 3]\n');
  });

  it('still lets the app services start, with a notice the UI can show', async () => {
    const data = dataDirWith(HALF_WRITTEN);
    const services = await startAppServices({ dataDir: data, mode: 'web', statsIntervalMs: 60_000 });
    try {
      expect(services.notices).toHaveLength(1);
      const [notice] = services.notices;
      expect(notice).toMatchObject({ kind: 'connections-file-damaged', file: join(data, 'connections.json') });
      expect(notice!.movedTo).toMatch(/connections\.json\.damaged-\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z$/);
      expect(notice!.reason).toMatch(/^not valid JSON: /);
      expect(readFileSync(notice!.movedTo, 'utf8')).toBe(HALF_WRITTEN);
      expect(services.manager.list()).toEqual([]);
    } finally {
      await services.dispose();
    }
  });

  it('a sound file gives no notice', async () => {
    const data = dataDirWith(JSON.stringify({ version: 1, connections: [{ id: 'a', uri: 'test:///default', name: 'Demo', autoconnect: false }] }));
    const services = await startAppServices({ dataDir: data, mode: 'web', statsIntervalMs: 60_000 });
    try {
      expect(services.notices).toEqual([]);
      expect(existsSync(join(data, 'connections.json'))).toBe(true);
    } finally {
      await services.dispose();
    }
  });
});
