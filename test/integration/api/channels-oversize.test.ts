// The oversize-message bug, against the built service in its own process: a 64 MiB call used to end the whole
// browser-mode service (ws's 'error' on a socket with no listener). Now only that socket closes, with 1009.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApp, type RunningApp } from '../../support/app-process.js';
import { ApiSocket } from '../../support/api-socket.js';
import { seededDataDir } from '../../support/data-dir.js';

describe('browser mode, given a message over the size limit', () => {
  let app: RunningApp;
  let data: ReturnType<typeof seededDataDir>;

  beforeAll(async () => {
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
  });
  afterAll(async () => {
    await app?.stop();
    data?.remove();
  });

  it('closes only that socket (1009) and goes on answering its other clients and new ones', async () => {
    const good = await ApiSocket.open(app.url);
    const bad = await ApiSocket.open(app.url);
    await expect(bad.send('connections.list', { junk: 'x'.repeat(64 * 1024 * 1024) })).rejects.toThrow(/closed \(1009/);
    expect(await bad.closed).toMatchObject({ code: 1009 });
    await new Promise((r) => setTimeout(r, 200));
    expect(() => process.kill(app.pid, 0)).not.toThrow();
    expect((await good.call('connections.list', {})).items).toHaveLength(1);
    const later = await ApiSocket.open(app.url);
    expect((await later.call('connections.list', {})).items).toHaveLength(1);
    await good.close();
    await later.close();
  });
});
