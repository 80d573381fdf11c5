// Peers that take the connection and then say nothing: a unix socket, a TCP port, an SSH port, and a daemon that
// answers AUTH_LIST but never CONNECT_OPEN. Each open must fail within the connect timeout with a VirError that
// says what happened, not hang.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirError, VIR_ERR_NO_CONNECT } from '../../../drivers/api/index.js';
import { openRemoteConnection } from '../../../drivers/remote/index.js';
import { FakeDaemon, replyFrame } from './fake-daemon.js';

const TIMEOUT_MS = 600;
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A server that accepts every connection and never writes a byte. */
async function silentServer(listen: (s: Server, ready: () => void) => void): Promise<{ server: Server; accepted: () => number }> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((s) => {
    accepted++;
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => listen(server, resolve));
  cleanups.push(() => new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => resolve());
  }));
  return { server, accepted: () => accepted };
}

async function openFails(uri: string, extra: Parameters<typeof openRemoteConnection>[1] = {}): Promise<{ error: VirError; ms: number }> {
  const t0 = Date.now();
  const error = await openRemoteConnection(uri, { connectTimeoutMs: TIMEOUT_MS, ...extra }).then(
    (c) => { void c.close(); throw new Error('the connection opened'); },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VirError);
  return { error: error as VirError, ms: Date.now() - t0 };
}

describe('a peer that accepts but never answers', () => {
  it('over a unix socket: fails within the timeout, naming the socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hangar-silent-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'sock');
    const { accepted } = await silentServer((s, ready) => s.listen(path, ready));
    const { error, ms } = await openFails(`qemu+unix:///system?socket=${path}`);
    expect(accepted()).toBe(1);
    expect(error.code).toBe(VIR_ERR_NO_CONNECT);
    expect(error.message).toBe(`The socket ${path} accepted the connection but did not answer within 0.6 s: ` +
      "is it libvirt's socket, and is the daemon running?");
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(TIMEOUT_MS + 1_500);
  });

  it('over TCP: fails within the timeout, naming host and port', async () => {
    const { server } = await silentServer((s, ready) => s.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    const { error, ms } = await openFails(`qemu+tcp://127.0.0.1:${port}/system`);
    expect(error.message).toBe(`The server at '127.0.0.1:${port}' accepted the connection but did not answer within 0.6 s: ` +
      'is a libvirt daemon listening there?');
    expect(ms).toBeLessThan(TIMEOUT_MS + 1_500);
  });

  it('over SSH, when the server never sends its greeting: fails within the timeout', async () => {
    const { server } = await silentServer((s, ready) => s.listen(0, '127.0.0.1', ready));
    const { port } = server.address() as AddressInfo;
    const dir = mkdtempSync(join(tmpdir(), 'hangar-silent-ssh-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const { error, ms } = await openFails(`qemu+ssh://root@127.0.0.1:${port}/system`, {
      ssh: { knownHostsPath: join(dir, 'known_hosts'), configPath: join(dir, 'config'), agentSocket: null },
    });
    expect(error.code).toBe(VIR_ERR_NO_CONNECT);
    expect(error.message).toBe(`cannot connect to 127.0.0.1:${port}: the server accepted the connection but did not speak SSH ` +
      'within 0.6 s: is it an SSH server?');
    expect(ms).toBeLessThan(TIMEOUT_MS + 1_500);
  });

  it('a daemon that answers AUTH_LIST but never CONNECT_OPEN: fails within the timeout', async () => {
    const daemon = await FakeDaemon.start((c) => {
      if (c.name === 'AUTH_LIST') c.socket.write(replyFrame('AUTH_LIST', c.header.serial, { types: [0] }));
    });
    cleanups.push(() => daemon.stop());
    const { error, ms } = await openFails(`test+unix:///default?socket=${daemon.path}`);
    expect(error.message).toBe(`The libvirt daemon at ${daemon.path} did not finish opening test:///default within 0.6 s`);
    expect(ms).toBeLessThan(TIMEOUT_MS + 1_500);
    // The session was ended, not left open behind the error.
    await new Promise((r) => setTimeout(r, 50));
    expect(daemon.connections()).toHaveLength(0);
  });
});
