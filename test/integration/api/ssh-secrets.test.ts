// Remembered SSH secrets over the WebSocket API against the lab's sshd: a key passphrase or password the user
// chose to remember opens the next connection without a prompt, is dropped when it stops working (the user is
// asked again), and goes away with the connection. Browser mode itself offers no "remember" and writes nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiEvent, PromptView } from '../../../main/api/contract/index.js';
import { EncryptedFileSecretStore, SECRETS_FILE } from '../../../main/services/secret-store.js';
import { sshSecretPrefix } from '../../../main/services/ssh-prompts.js';
import { startBrowserMode, type BrowserMode } from '../../../main/web/browser-mode.js';
import { startLab, type Lab } from '../../lab/lab.js';
import { ApiSocket } from '../../support/api-socket.js';
import { testCipher } from '../../support/test-cipher.js';

let lab: Lab;
let tmp: string;
let keyPath: string;
let uri: string;
let passwordUri: string;

beforeAll(async () => {
  lab = await startLab();
  tmp = mkdtempSync(join(tmpdir(), 'hangar-ssh-secrets-'));
  keyPath = join(tmp, 'encrypted_key');
  writeFileSync(keyPath, readFileSync(lab.ssh.keyPath), { mode: 0o600 });
  execFileSync('ssh-keygen', ['-q', '-p', '-P', '', '-N', 'sesame', '-f', keyPath]);
  const knownHosts = `known_hosts=${encodeURIComponent(lab.ssh.knownHostsPath)}`;
  uri = `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(keyPath)}&${knownHosts}`;
  passwordUri = `qemu+ssh://${lab.ssh.passwordUser}@127.0.0.1:${lab.ssh.port}/system?${knownHosts}`;
});
afterAll(async () => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  await lab?.stop();
});

/** Browser mode with the two SSH connections saved ('ssh' with the key, 'pw' with a password), not yet connected. */
async function start(dataDir: string, secrets?: EncryptedFileSecretStore): Promise<{ web: BrowserMode; api: ApiSocket }> {
  const connections = [{ id: 'ssh', uri, name: 'key', autoconnect: false }, { id: 'pw', uri: passwordUri, name: 'password', autoconnect: false }];
  writeFileSync(join(dataDir, 'connections.json'), JSON.stringify({ version: 1, connections }));
  const web = await startBrowserMode({ dataDir, ...(secrets ? { secrets } : {}) });
  return { web, api: await ApiSocket.open(web.url) };
}

/** A prompts.delta that opens a prompt (not one that closes it). */
const isOpened = (e: ApiEvent): e is Extract<ApiEvent, { type: 'prompts.delta' }> => e.type === 'prompts.delta' && e.upserted.length > 0;

/** Connects; answers the prompts with `answers` in turn; resolves with the prompts seen. */
async function connect(api: ApiSocket, answers: { answer: string; remember: boolean }[], id = 'ssh'): Promise<PromptView[]> {
  const from = api.events.length;
  const connecting = api.call('connections.connect', { connection: id });
  const seen: ApiEvent[] = [];
  for (const a of answers) {
    const { event } = await api.waitFor((e) => isOpened(e) && !seen.includes(e), 30_000, from);
    seen.push(event);
    const prompt = isOpened(event) ? event.upserted[0] : undefined;
    if (prompt) await api.call('prompts.answer', { id: prompt.key, answer: a.answer, remember: a.remember });
  }
  await connecting;
  await api.waitFor((e) => e.type === 'connections.delta' && e.upserted.some((c) => c.key === id && c.state.state === 'connected'), 30_000, from);
  return api.events.slice(from).map((e) => e.event).filter(isOpened).flatMap((e) => e.upserted);
}

describe('remembered SSH secrets (a store like the Electron one)', () => {
  let dataDir: string;
  let secrets: EncryptedFileSecretStore;
  let web: BrowserMode;
  let api: ApiSocket;
  const key = (): string => `${sshSecretPrefix(uri)}passphrase\0${keyPath}`;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    secrets = new EncryptedFileSecretStore(dataDir, testCipher());
    ({ web, api } = await start(dataDir, secrets));
  });
  afterAll(async () => {
    await api?.close();
    await web?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('offers "remember", keeps the passphrase encrypted in a 0600 file, and connects next time without asking', async () => {
    const prompts = await connect(api, [{ answer: 'sesame', remember: true }]);
    expect(prompts).toEqual([expect.objectContaining({ request: { kind: 'passphrase', uri, keyPath, canRemember: true } })]);
    const file = join(dataDir, SECRETS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).includes('sesame')).toBe(false);
    expect(await secrets.get(key())).toBe('sesame');

    await api.call('connections.disconnect', { connection: 'ssh' });
    expect(await connect(api, [])).toEqual([]);
  });

  it('drops the remembered passphrase once it no longer opens the key, and asks the user again', async () => {
    execFileSync('ssh-keygen', ['-q', '-p', '-P', 'sesame', '-N', 'open sesame', '-f', keyPath]);
    await api.call('connections.disconnect', { connection: 'ssh' });
    const prompts = await connect(api, [{ answer: 'open sesame', remember: false }]);
    expect(prompts).toHaveLength(1);
    expect(await secrets.get(key())).toBeUndefined();
  });

  it('remembers a password; when the host stops taking it, drops it and asks again in the same connect', async () => {
    const passwordKey = `${sshSecretPrefix(passwordUri)}password\0${lab.ssh.passwordUser}@127.0.0.1`;
    const prompts = await connect(api, [{ answer: lab.ssh.password, remember: true }], 'pw');
    expect(prompts).toEqual([expect.objectContaining({ request: { kind: 'password', uri: passwordUri, user: lab.ssh.passwordUser, host: '127.0.0.1', canRemember: true } })]);
    expect(await secrets.get(passwordKey)).toBe(lab.ssh.password);
    await api.call('connections.disconnect', { connection: 'pw' });
    expect(await connect(api, [], 'pw')).toEqual([]);

    const changed = await lab.exec('chpasswd', [], `${lab.ssh.passwordUser}:changed-${lab.ssh.password}\n`);
    expect(changed.code).toBe(0);
    await api.call('connections.disconnect', { connection: 'pw' });
    expect(await connect(api, [{ answer: `changed-${lab.ssh.password}`, remember: true }], 'pw')).toHaveLength(1);
    expect(await secrets.get(passwordKey)).toBe(`changed-${lab.ssh.password}`);
    await api.call('connections.remove', { connection: 'pw' });
  });

  it('forgets the secrets of a connection that is removed', async () => {
    await api.call('connections.disconnect', { connection: 'ssh' });
    await connect(api, [{ answer: 'open sesame', remember: true }]);
    expect(await secrets.get(key())).toBe('open sesame');
    await api.call('connections.remove', { connection: 'ssh' });
    await api.waitFor((e) => e.type === 'connections.delta' && e.removed.includes('ssh'), 10_000);
    await expect.poll(() => secrets.get(key())).toBeUndefined();
    expect(existsSync(join(dataDir, SECRETS_FILE))).toBe(false);
  });
});

describe('browser mode', () => {
  it('offers no "remember", keeps nothing even when asked, and asks again on the next connect', async () => {
    execFileSync('ssh-keygen', ['-q', '-p', '-P', 'open sesame', '-N', 'sesame', '-f', keyPath]);
    const dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    const { web, api } = await start(dataDir);
    try {
      const prompts = await connect(api, [{ answer: 'sesame', remember: true }]);
      expect(prompts).toEqual([expect.objectContaining({ request: expect.objectContaining({ kind: 'passphrase', canRemember: false }) })]);
      await api.call('connections.disconnect', { connection: 'ssh' });
      expect(await connect(api, [{ answer: 'sesame', remember: true }])).toHaveLength(1);
      // Nothing browser mode wrote holds the passphrase, in any form we could read back.
      expect(readdirSync(dataDir)).not.toContain(SECRETS_FILE);
      const files = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).map((f) => join(dataDir, f)).filter((f) => statSync(f).isFile());
      expect(files.filter((f) => readFileSync(f).includes('sesame'))).toEqual([]);
    } finally {
      await api.close();
      await web.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
