import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIR_DOMAIN_RUNNING } from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';
import { ConnectionManager, type ManagerEvent } from '../../../main/services/connection-manager.js';
import { ConnectionStore } from '../../../main/services/connection-store.js';
import { startLab, type Lab } from '../../lab/lab.js';

const CYCLES = 20;

/**
 * Active handles and requests by kind, e.g. { PipeWrap: 1, Timeout: 2 }, and the process's own listeners by event
 * (what a service that forgot to unsubscribe on reconnect would grow).
 */
function resources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  for (const name of process.eventNames()) counts[`process.on(${String(name)})`] = process.listenerCount(name);
  return counts;
}

describe('a libvirtd restart while connected', () => {
  let lab: Lab;
  let dataDir: string;
  let manager: ConnectionManager;
  const events: ManagerEvent[] = [];

  beforeAll(async () => {
    lab = await startLab();
    for (const name of ['keep-a', 'keep-b', 'keep-c']) {
      await lab.defineGuest({ name });
    }
    await lab.virsh(['start', 'keep-a']);
    dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    const store = new ConnectionStore(dataDir);
    for (const c of store.list()) store.remove(c.id);
    store.add({ uri: lab.uri, name: 'lab', autoconnect: true });
    manager = new ConnectionManager(store, openConnection, (e) => events.push(e));
    await manager.start();
  });
  afterAll(async () => {
    await manager?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await lab?.stop();
  });

  async function oneCycle(): Promise<{ sawError: string; reconnectMs: number }> {
    const from = events.length;
    const restarted = Date.now();
    await lab.restartLibvirtd();
    const deadline = restarted + 10_000;
    for (;;) {
      const host = manager.list()[0];
      const sawError = events.slice(from).find((e) => e.type === 'connection' && e.state.state === 'error');
      if (host?.state.state === 'connected' && sawError?.type === 'connection' && sawError.state.state === 'error') {
        return { sawError: sawError.state.message, reconnectMs: Date.now() - restarted };
      }
      if (Date.now() > deadline) throw new Error(`not reconnected within 10 s: ${JSON.stringify(events.slice(from).map((e) => e.type === 'connection' ? e.state : e.type))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it(`reports the drop, reconnects within 10 s with the whole inventory, ${CYCLES} times, without leaking`, async () => {
    expect(manager.list()[0]?.state.state).toBe('connected');
    const first = await oneCycle();
    expect(first.sawError).toMatch(/^Lost the connection to qemu\+unix:\/\/\/system.*: the host closed the connection\.$/);
    const baseline = resources();
    const times = [first.reconnectMs];
    for (let i = 1; i < CYCLES; i++) times.push((await oneCycle()).reconnectMs);
    const host = manager.list()[0];
    const domains = host ? manager.domains(host.key) : [];
    expect(domains.map((d) => d.name).sort()).toEqual(['keep-a', 'keep-b', 'keep-c']);
    expect(domains.find((d) => d.name === 'keep-a')?.state).toBe(VIR_DOMAIN_RUNNING);
    expect(Math.max(...times)).toBeLessThan(10_000);
    expect(resources()).toEqual(baseline);
    console.log(`reconnect after libvirtd restart: ${CYCLES} cycles, median ${times.sort((a, b) => a - b)[CYCLES >> 1]} ms, max ${Math.max(...times)} ms`);
  });
});
