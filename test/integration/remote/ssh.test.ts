// qemu+ssh:// to the lab's sshd: helper (virt-ssh-helper) and netcat modes, calls, events, streams and the
// serial console of a real guest over SSH, one SSH connection shared by every channel, and host-key trust:
// unknown keys reach the callback, a changed key is refused naming host and fingerprint, no_verify=1; password
// logins through the prompt callback.
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VIR_DOMAIN_CONSOLE_FORCE, VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_UNDEFINED,
  VIR_ERR_AUTH_CANCELLED, VIR_ERR_AUTH_FAILED, type DomainLifecycleEvent, type VirError,
} from '../../../drivers/api/index.js';
import { openRemoteConnection, type HostKeyInfo, type RemoteConnection, type SshPrompts } from '../../../drivers/remote/index.js';
import { sshConnectionCount } from '../../../drivers/remote/ssh-transport.js';
import { startLab, type Lab } from '../../lab/lab.js';

let lab: Lab;
let tmp: string;

/** Prompts that never touch the machine's own ~/.ssh or agent. */
function prompts(extra: Partial<SshPrompts> = {}): SshPrompts {
  return { knownHostsPath: lab.ssh.knownHostsPath, configPath: join(tmp, 'no-config'), agentSocket: null, ...extra };
}

function sshUri(proxy: 'native' | 'netcat' | 'auto', extra = ''): string {
  return `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(lab.ssh.keyPath)}&proxy=${proxy}${extra}`;
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  lab = await startLab();
  await lab.exec('mkdir', ['-p', '/run/lock']);
  tmp = mkdtempSync(join(tmpdir(), 'hangar-ssh-'));
});

afterAll(async () => {
  await lab?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe.each(['native', 'netcat'] as const)('qemu+ssh with proxy=%s', (proxy) => {
  let conn: RemoteConnection;

  beforeAll(async () => {
    conn = await openRemoteConnection(sshUri(proxy), { ssh: prompts() });
  });
  afterAll(async () => {
    await conn?.close();
  });

  it('answers connection calls like the local socket does', async () => {
    expect(await conn.getURI()).toBe('qemu:///system');
    expect(await conn.getType()).toBe('QEMU');
    expect(await conn.getHostname()).toBe((await lab.virsh(['hostname'])).trim());
    expect(await conn.getCapabilities()).toContain('<capabilities>');
  });

  it('keeps hundreds of calls in flight and delivers events', async () => {
    const events: DomainLifecycleEvent[] = [];
    const reg = await conn.domainEventRegisterAny(VIR_DOMAIN_EVENT_ID_LIFECYCLE, (e) => events.push(e));
    const name = `ssh-${proxy}`;
    const dom = await conn.domainDefineXML(lab.tinyGuestXml({ name }));
    const xmls = await Promise.all(Array.from({ length: 300 }, () => dom.getXMLDesc()));
    expect(new Set(xmls).size).toBe(1);
    await dom.undefine();
    await waitFor('events', () => (events.some((e) => e.domain.name === name && e.event === VIR_DOMAIN_EVENT_DEFINED)
      && events.some((e) => e.domain.name === name && e.event === VIR_DOMAIN_EVENT_UNDEFINED)) || undefined);
    await reg.dispose();
  });

  it('uploads and downloads a volume through streams', async () => {
    const path = join(lab.dir, `pool-${proxy}`);
    const pool = await conn.storagePoolCreateXML(`<pool type='dir'><name>p-${proxy}</name><target><path>${path}</path></target></pool>`, 1);
    const data = randomBytes(2 * 1024 * 1024 + 5);
    const vol = await pool.storageVolCreateXML(`<volume><name>v</name><capacity unit='bytes'>${data.length}</capacity></volume>`);
    const up = await vol.upload(0, data.length);
    await up.send(data);
    await up.finish();
    const chunks: Uint8Array[] = [];
    for await (const c of await vol.download(0, 0)) chunks.push(c);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(Buffer.concat(chunks))).toBe(sha(data));
    await vol.delete();
    await pool.destroy();
  });
});

describe('one SSH connection per host', () => {
  it('carries every RPC session to the host on one SSH connection, and the guest console over it', async () => {
    const before = sshConnectionCount();
    const a = await openRemoteConnection(sshUri('native'), { ssh: prompts() });
    const b = await openRemoteConnection(sshUri('netcat'), { ssh: prompts() });
    expect(sshConnectionCount()).toBe(before + 1);
    try {
      const dom = await a.domainDefineXML(lab.tinyGuestXml({ name: 'ssh-console' }));
      await dom.create();
      const console = await (await b.domainLookupByName('ssh-console')).openConsole(null, VIR_DOMAIN_CONSOLE_FORCE);
      let text = '';
      const sub = console.onData((c) => { text += Buffer.from(c).toString('utf8'); });
      await waitFor('a prompt', async () => {
        await console.send(Buffer.from('\r'));
        return /[#$] ?$/m.test(text) || undefined;
      }, 120_000);
      const mark = text.length;
      await console.send(Buffer.from('echo over-ssh-$((20+3))\r'));
      await waitFor('the answer', () => text.slice(mark).includes('over-ssh-23') || undefined, 30_000);
      sub.dispose();
      await console.abort();
      await dom.destroy();
      await dom.undefine();
    } finally {
      await a.close();
      await b.close();
    }
    expect(sshConnectionCount()).toBe(before);
  });
});

describe('host keys', () => {
  it('asks about an unknown host key, refuses when declined, records it when accepted', async () => {
    const known = join(tmp, 'known_hosts_empty');
    writeFileSync(known, '');
    const seen: HostKeyInfo[] = [];
    const declined = await openRemoteConnection(sshUri('native'), {
      ssh: prompts({ knownHostsPath: known, unknownHostKey: async (info) => { seen.push(info); return false; } }),
    }).catch((e: unknown) => e as VirError);
    expect((declined as VirError).message).toMatch(/not accepted/);
    const blob = Buffer.from(lab.ssh.hostKey.split(/\s+/)[1]!, 'base64');
    const fp = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
    expect(seen).toEqual([{ host: `[127.0.0.1]:${lab.ssh.port}`, keyType: 'ssh-ed25519', fingerprint: fp }]);

    const accepted = await openRemoteConnection(sshUri('native'), {
      ssh: prompts({ knownHostsPath: known, unknownHostKey: async () => true }),
    });
    expect(await accepted.getType()).toBe('QEMU');
    await accepted.close();
    expect(readFileSync(known, 'utf8')).toContain(`[127.0.0.1]:${lab.ssh.port} ssh-ed25519 ${blob.toString('base64')}`);
  });

  it('refuses a changed host key with a message naming the host and the fingerprint; no_verify=1 overrides', async () => {
    const other = join(tmp, 'other');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const known = join(tmp, 'known_hosts_changed');
    writeFileSync(known, `[127.0.0.1]:${lab.ssh.port} ${readFileSync(`${other}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`);
    let asked = false;
    const err = (await openRemoteConnection(sshUri('native'), {
      ssh: prompts({ knownHostsPath: known, unknownHostKey: async () => { asked = true; return true; } }),
    }).catch((e: unknown) => e)) as VirError;
    const blob = Buffer.from(lab.ssh.hostKey.split(/\s+/)[1]!, 'base64');
    const fp = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
    expect(asked).toBe(false);
    expect(err.message).toContain(`[127.0.0.1]:${lab.ssh.port}`);
    expect(err.message).toContain(fp);
    expect(err.message).toMatch(/has changed/);

    const forced = await openRemoteConnection(sshUri('native', '&no_verify=1'), { ssh: prompts({ knownHostsPath: known }) });
    expect(await forced.getType()).toBe('QEMU');
    await forced.close();
  });
});

describe('~/.ssh/config and keys', () => {
  it('honours HostName, User, Port and IdentityFile from the config, and ProxyJump through a jump host', async () => {
    const hostKey = lab.ssh.hostKey.split(/\s+/).slice(0, 2).join(' ');
    const known = join(tmp, 'known_hosts_config');
    // The jump host is the lab's sshd seen from here; the target is the same sshd seen from inside the lab.
    writeFileSync(known, `[127.0.0.1]:${lab.ssh.port} ${hostKey}\n127.0.0.1 ${hostKey}\n`);
    const config = join(tmp, 'ssh_config');
    writeFileSync(config, [
      'Host labhost',
      '  HostName 127.0.0.1',
      `  Port ${lab.ssh.port}`,
      '  User root',
      'Host inner',
      '  HostName 127.0.0.1',
      '  Port 22',
      `  ProxyJump root@127.0.0.1:${lab.ssh.port}`,
      'Host *',
      `  IdentityFile ${lab.ssh.keyPath}`,
      '',
    ].join('\n'));
    const opts = { ssh: { knownHostsPath: known, configPath: config, agentSocket: null } };
    const viaConfig = await openRemoteConnection('qemu+ssh://labhost/system?proxy=native', opts);
    expect(await viaConfig.getType()).toBe('QEMU');
    await viaConfig.close();
    const before = sshConnectionCount();
    const viaJump = await openRemoteConnection('qemu+ssh://root@inner/system?proxy=netcat', opts);
    try {
      expect(await viaJump.getHostname()).toBe((await lab.virsh(['hostname'])).trim());
      expect(sshConnectionCount()).toBe(before + 2); // the jump host's connection and the target's
    } finally {
      await viaJump.close();
    }
    expect(sshConnectionCount()).toBe(before);
  });

  it('asks for the passphrase of an encrypted key through the callback', async () => {
    const key = join(tmp, 'encrypted_key');
    writeFileSync(key, readFileSync(lab.ssh.keyPath), { mode: 0o600 });
    execFileSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', 'sesame', '-f', key]);
    const asked: string[] = [];
    const conn = await openRemoteConnection(
      `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(key)}&proxy=native`,
      { ssh: prompts({ passphrase: async ({ keyPath }) => { asked.push(keyPath); return 'sesame'; } }) },
    );
    expect(await conn.getType()).toBe('QEMU');
    await conn.close();
    expect(asked).toEqual([key]);
    const refused = (await openRemoteConnection(
      `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(key)}&proxy=native`,
      { ssh: prompts({ passphrase: async () => null }) },
    ).catch((e: unknown) => e)) as VirError;
    expect(refused.message).toMatch(/authentication failed for root@127.0.0.1/);
  });
});

describe('SSH agent', () => {
  it('authenticates with a key held by ssh-agent', async () => {
    const sock = join(tmp, 'agent.sock');
    const agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    try {
      await waitFor('the agent socket', () => (existsSync(sock) ? true : undefined), 10_000);
      execFileSync('ssh-add', [lab.ssh.keyPath], { env: { ...process.env, SSH_AUTH_SOCK: sock }, stdio: 'ignore' });
      // No keyfile and no identity files: only the agent can answer.
      const conn = await openRemoteConnection(`qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?proxy=native`, {
        ssh: prompts({ agentSocket: sock, configPath: join(tmp, 'no-config') }),
      });
      expect(await conn.getType()).toBe('QEMU');
      await conn.close();
    } finally {
      agent.kill();
    }
  });
});

describe('remote proxy failures', () => {
  it('explains a session that ends at once with the remote command\'s own error', async () => {
    const err = (await openRemoteConnection(sshUri('netcat', '&netcat=/nonexistent/nc'), { ssh: prompts() })
      .catch((e: unknown) => e)) as VirError;
    expect(err.message).toContain('closed the connection');
    expect(err.message).toContain('/nonexistent/nc');
  });
});

describe('password authentication', () => {
  // No agent, a keyfile that does not exist, no ssh config: only the password can log in. (Keys in the machine's
  // own ~/.ssh may still be offered; the lab's sshd accepts none of them.)
  const pwUri = (proxy: 'native' | 'netcat'): string =>
    `qemu+ssh://${lab.ssh.passwordUser}@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(join(tmp, 'no-such-key'))}&proxy=${proxy}`;

  it.each(['native', 'netcat'] as const)('logs in with the password from the callback (proxy=%s) and lists domains', { timeout: 30_000 }, async (proxy) => {
    const asked: { user: string; host: string }[] = [];
    const conn = await openRemoteConnection(pwUri(proxy), {
      ssh: prompts({ password: async (request) => { asked.push(request); return lab.ssh.password; } }),
    });
    try {
      expect(asked).toEqual([{ user: lab.ssh.passwordUser, host: '127.0.0.1' }]);
      expect(await conn.getURI()).toBe('qemu:///system');
      const names = (await conn.listAllDomains()).map((d) => d.name).sort();
      const virshNames = (await lab.virsh(['list', '--all', '--name'])).split('\n').map((s) => s.trim()).filter(Boolean).sort();
      expect(names).toEqual(virshNames);
    } finally {
      await conn.close();
    }
  });

  it('refuses a wrong password with a clear error, without hanging', { timeout: 30_000 }, async () => {
    let asked = 0;
    const started = Date.now();
    const err = (await openRemoteConnection(pwUri('native'), {
      ssh: prompts({ password: async () => { asked++; return 'not-the-password'; } }),
    }).catch((e: unknown) => e)) as VirError;
    expect(err.code).toBe(VIR_ERR_AUTH_FAILED);
    expect(err.message).toBe(`authentication failed for ${lab.ssh.passwordUser}@127.0.0.1:${lab.ssh.port}: the password was not accepted`);
    expect(asked).toBe(1);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('cancelling the password prompt ends the attempt at once', { timeout: 30_000 }, async () => {
    const err = (await openRemoteConnection(pwUri('native'), { ssh: prompts({ password: async () => null }) })
      .catch((e: unknown) => e)) as VirError;
    expect(err.code).toBe(VIR_ERR_AUTH_CANCELLED);
  });

  it('does not time out while the user is typing the password', { timeout: 30_000 }, async () => {
    // The connect timeout is for the network, not for a person reading a dialog.
    const conn = await openRemoteConnection(pwUri('native'), {
      ssh: prompts({ timeoutMs: 1500, password: async () => { await new Promise((r) => setTimeout(r, 3000)); return lab.ssh.password; } }),
    });
    expect(await conn.getType()).toBe('QEMU');
    await conn.close();
  });

  it('does not ask for a password the server would not accept', { timeout: 30_000 }, async () => {
    // root is key-only on the lab's sshd (PermitRootLogin prohibit-password).
    let asked = 0;
    const err = (await openRemoteConnection(
      `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(join(tmp, 'no-such-key'))}&proxy=native`,
      { ssh: prompts({ password: async () => { asked++; return 'anything'; } }) },
    ).catch((e: unknown) => e)) as VirError;
    expect(err.code).toBe(VIR_ERR_AUTH_FAILED);
    expect(err.message).toMatch(/there was no key to offer: no SSH agent and no key file \(.*no-such-key.*\); the server allows: publickey/);
    expect(asked).toBe(0);
  });

  it('names the keys it offered when none was accepted', { timeout: 30_000 }, async () => {
    const stranger = join(tmp, 'stranger_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
    const err = (await openRemoteConnection(
      `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(stranger)}&proxy=native`,
      { ssh: prompts({}) },
    ).catch((e: unknown) => e)) as VirError;
    expect(err.code).toBe(VIR_ERR_AUTH_FAILED);
    expect(err.message).toContain(`no key was accepted (tried: ${stranger}; the server allows: publickey)`);
  });

  it('still gives up on a server that never answers, within the connect timeout', { timeout: 30_000 }, async () => {
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    try {
      const started = Date.now();
      const err = (await openRemoteConnection(`qemu+ssh://root@127.0.0.1:${port}/system?proxy=native`, {
        ssh: prompts({ timeoutMs: 1000, password: async () => lab.ssh.password }),
      }).catch((e: unknown) => e)) as VirError;
      expect(err.message).toMatch(/accepted the connection but did not speak SSH within 1 s: is it an SSH server\?/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      silent.close();
    }
  });
});
