// Faults against the lab's real libvirtd: the daemon killed mid-call (pending calls fail, close event with
// EOF), and the daemon frozen (keepalive declares it dead within interval × count).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirError, VIR_CONNECT_CLOSE_REASON_EOF, VIR_CONNECT_CLOSE_REASON_KEEPALIVE } from '../../../drivers/api/index.js';
import { openRemoteConnection } from '../../../drivers/remote/index.js';
import { startLab, type Lab } from '../../lab/lab.js';

let lab: Lab;

async function daemonUp(): Promise<void> {
  const end = Date.now() + 30_000;
  for (;;) {
    try {
      const c = await openRemoteConnection(lab.uri, { keepalive: false });
      await c.close();
      return;
    } catch {
      if (Date.now() > end) throw new Error('libvirtd did not come back');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

beforeAll(async () => {
  lab = await startLab();
});

afterAll(async () => {
  await lab?.stop();
});

describe('faults', () => {
  it('fails every pending call and raises the close event when libvirtd is killed mid-call', async () => {
    const conn = await openRemoteConnection(lab.uri, { keepalive: { interval: 1, count: 3 } });
    const closed = new Promise<{ reason: number; at: number }>((resolve) => conn.onClose((reason) => resolve({ reason, at: Date.now() })));
    // Keep hundreds of calls in flight while the daemon dies.
    const calls = Array.from({ length: 400 }, () => conn.getCapabilities().then(() => 'ok', (e: unknown) => e));
    const killedAt = Date.now();
    await lab.exec('pkill', ['-9', '-x', 'libvirtd']);
    try {
      await checkAfterKill();
    } finally {
      await lab.exec('libvirtd', ['-d', '--listen']);
      await daemonUp();
    }
    async function checkAfterKill(): Promise<void> {
      const results = await Promise.all(calls);
      const failures = results.filter((r) => r !== 'ok');
      expect(failures.length).toBeGreaterThan(0);
      for (const f of failures) expect(f).toBeInstanceOf(VirError);
      const { reason, at } = await closed;
      expect(reason).toBe(VIR_CONNECT_CLOSE_REASON_EOF);
      expect(at - killedAt).toBeLessThan(4_000); // within the keepalive window (1 s × 3)
      expect(conn.isAlive()).toBe(false);
      await expect(conn.getHostname()).rejects.toBeInstanceOf(VirError);
      await conn.close();
    }
  });

  it('declares a frozen daemon dead within the keepalive window', async () => {
    const conn = await openRemoteConnection(lab.uri, { keepalive: { interval: 1, count: 2 } });
    const closed = new Promise<{ reason: number; at: number }>((resolve) => conn.onClose((reason) => resolve({ reason, at: Date.now() })));
    await lab.exec('pkill', ['-STOP', '-x', 'libvirtd']);
    const frozenAt = Date.now();
    try {
      const pending = conn.getHostname().then(() => 'ok', (e: unknown) => e);
      const { reason, at } = await closed;
      expect(reason).toBe(VIR_CONNECT_CLOSE_REASON_KEEPALIVE);
      // interval × (count + 1) at most, plus timer granularity.
      expect(at - frozenAt).toBeLessThan(4_500);
      expect(at - frozenAt).toBeGreaterThan(1_500);
      const r = await pending;
      expect(r).toBeInstanceOf(VirError);
      expect((r as VirError).message).toMatch(/keepalive/);
    } finally {
      await lab.exec('pkill', ['-CONT', '-x', 'libvirtd']);
    }
    await conn.close();
  });
});
