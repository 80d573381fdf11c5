// qemu+ssh:// to the lab's sshd where the login works but the remote command never answers: nc joined to a
// socket that accepts and stays silent, and virt-ssh-helper in front of a frozen libvirtd. The open must fail
// within the connect timeout with a VirError saying what did not answer, and release the SSH connection.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirError, VIR_ERR_NO_CONNECT } from '../../../drivers/api/index.js';
import { openRemoteConnection, type SshPrompts } from '../../../drivers/remote/index.js';
import { sshConnectionCount } from '../../../drivers/remote/ssh-transport.js';
import { startLab, type Lab } from '../../lab/lab.js';

const TIMEOUT_MS = 3_000;
let lab: Lab;
let tmp: string;
let silent: Server;
const held = new Set<Socket>();

function prompts(): SshPrompts {
  return { knownHostsPath: lab.ssh.knownHostsPath, configPath: join(tmp, 'no-config'), agentSocket: null };
}

function sshUri(query: string): string {
  return `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(lab.ssh.keyPath)}&${query}`;
}

async function openFails(uri: string): Promise<{ error: VirError; ms: number }> {
  const t0 = Date.now();
  const error = await openRemoteConnection(uri, { ssh: prompts(), connectTimeoutMs: TIMEOUT_MS, keepalive: false }).then(
    (c) => { void c.close(); throw new Error('the connection opened'); },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VirError);
  return { error: error as VirError, ms: Date.now() - t0 };
}

beforeAll(async () => {
  lab = await startLab();
  tmp = mkdtempSync(join(tmpdir(), 'hangar-silent-ssh-'));
  // The lab's namespaces share this process's view of lab.dir, so nc inside it reaches this socket.
  silent = createServer((s) => {
    held.add(s);
    s.on('error', () => {});
    s.on('close', () => held.delete(s));
  });
  await new Promise<void>((r) => silent.listen(join(lab.dir, 'silent-sock'), r));
});

afterAll(async () => {
  for (const s of held) s.destroy();
  await new Promise<void>((r) => (silent ? silent.close(() => r()) : r()));
  await lab?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('an SSH session whose remote command never answers', () => {
  it('nc to a socket that accepts and stays silent: fails within the timeout, naming the command', async () => {
    const before = sshConnectionCount();
    const { error, ms } = await openFails(sshUri(`proxy=netcat&socket=${encodeURIComponent(join(lab.dir, 'silent-sock'))}`));
    expect(error.code).toBe(VIR_ERR_NO_CONNECT);
    expect(error.message).toMatch(new RegExp(
      `^The SSH login to root@127\\.0\\.0\\.1:${lab.ssh.port} worked, but the remote command \\(nc -U\\) did not answer within 3 s: ` +
      'is the libvirt daemon running there, and is its socket the right one\\?'));
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(TIMEOUT_MS + 3_000);
    // The shared SSH connection was released. (nc itself stays on the host until the silent socket closes:
    // it ignores its stdin's end, as it would in front of a frozen libvirtd that later wakes and hangs up.)
    expect(sshConnectionCount()).toBe(before);
  });

  it('virt-ssh-helper in front of a frozen libvirtd: fails within the timeout', async () => {
    await lab.exec('pkill', ['-STOP', '-x', 'libvirtd']);
    try {
      const { error, ms } = await openFails(sshUri('proxy=native'));
      expect(error.message).toMatch(/^The SSH login to .* worked, but the remote command \(virt-ssh-helper\) did not answer within 3 s/);
      expect(ms).toBeLessThan(TIMEOUT_MS + 3_000);
    } finally {
      await lab.exec('pkill', ['-CONT', '-x', 'libvirtd']);
    }
    // The daemon, thawed, still serves a normal open over the same path.
    const conn = await openRemoteConnection(sshUri('proxy=native'), { ssh: prompts(), connectTimeoutMs: 30_000 });
    expect(await conn.getType()).toBe('QEMU');
    await conn.close();
  });
});
