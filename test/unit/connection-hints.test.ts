import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openConnection } from '../../drivers/index.js';
import { VirError, VIR_ERR_AUTH_FAILED, VIR_ERR_SSH, VIR_FROM_SSH } from '../../drivers/api/index.js';
import { connectionHint } from '../../main/services/connection-hints.js';

/** The error a real open of `uri` fails with. */
async function failure(uri: string, options = {}): Promise<unknown> {
  try {
    const c = await openConnection(uri, options);
    await c.close();
  } catch (e) {
    return e;
  }
  throw new Error(`${uri} opened`);
}

async function freePort(): Promise<number> {
  const s: Server = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('connection hints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hangar-hints-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says the daemon is not running when the local socket is missing', async () => {
    const socket = join(dir, 'libvirt-sock');
    const uri = `qemu+unix:///system?socket=${socket}`;
    expect(connectionHint(uri, await failure(uri))).toEqual({ kind: 'daemon-not-running', socket });
  });

  it('says nothing listens for SSH, or for libvirt over TCP, at a refused address', async () => {
    const port = await freePort();
    const ssh = `qemu+ssh://root@127.0.0.1:${port}/system`;
    expect(connectionHint(ssh, await failure(ssh, { ssh: { knownHostsPath: join(dir, 'known_hosts'), agentSocket: null } }))).toEqual({ kind: 'ssh-refused', address: `127.0.0.1:${port}` });
    const tcp = `qemu+tcp://127.0.0.1:${port}/system`;
    expect(connectionHint(tcp, await failure(tcp))).toEqual({ kind: 'tcp-refused', address: `127.0.0.1:${port}` });
  });

  it('says the peer took the connection and never answered', async () => {
    const socket = join(dir, 'silent-sock');
    const peers = new Set<Socket>();
    const server = createServer((c) => peers.add(c));
    await new Promise<void>((r) => server.listen(socket, () => r()));
    try {
      const uri = `qemu+unix:///system?socket=${socket}`;
      expect(connectionHint(uri, await failure(uri, { connectTimeoutMs: 300 }))).toEqual({ kind: 'no-answer' });
    } finally {
      for (const c of peers) c.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('names what SSH offered when no key was accepted, and a changed host key', () => {
    const auth = new VirError(VIR_ERR_AUTH_FAILED, VIR_FROM_SSH, 'authentication failed for root@h:22: no key was accepted (tried: the SSH agent, /root/.ssh/id_ed25519; the server allows: publickey)');
    expect(connectionHint('qemu+ssh://root@h/system', auth)).toEqual({ kind: 'ssh-auth-failed', who: 'root@h:22', tried: 'the SSH agent, /root/.ssh/id_ed25519' });
    const key = new VirError(VIR_ERR_SSH, VIR_FROM_SSH, 'Host key verification failed: the ssh-ed25519 host key of h has changed (it is now SHA256:x, which does not match /root/.ssh/known_hosts). Refusing to connect.');
    expect(connectionHint('qemu+ssh://root@h/system', key)).toEqual({ kind: 'ssh-host-key-changed' });
  });

  it('adds nothing to an error it does not know', () => {
    expect(connectionHint('qemu:///system', new Error('something else'))).toBeUndefined();
  });
});
