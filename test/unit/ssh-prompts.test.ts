import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirError, VIR_ERR_AUTH_FAILED, VIR_ERR_NO_CONNECT, VIR_FROM_SSH, type Connection } from '../../drivers/api/index.js';
import type { SshPrompts } from '../../drivers/remote/index.js';
import type { PromptRequest } from '../../main/api/contract/index.js';
import { PromptBroker } from '../../main/services/prompt-broker.js';
import { EncryptedFileSecretStore, SECRETS_FILE } from '../../main/services/secret-store.js';
import { openWithSshPrompts, sshSecretPrefix } from '../../main/services/ssh-prompts.js';
import { testCipher } from '../support/test-cipher.js';

const URI = 'qemu+ssh://admin@vmhost.example/system';

/** A broker whose "user" answers from a script, recording what was asked. */
function scriptedUser(answers: { answer: string | null; remember: boolean }[]): { broker: PromptBroker; asked: PromptRequest[] } {
  const asked: PromptRequest[] = [];
  const broker: PromptBroker = new PromptBroker((e) => {
    if (e.type !== 'prompt') return;
    asked.push(e.request);
    const next = answers.shift() ?? { answer: null, remember: false };
    queueMicrotask(() => broker.answer(e.id, next.answer, next.remember));
  }, () => true);
  return { broker, asked };
}

const fakeConnection = {} as Connection;

/** An SSH host that takes one password: what the driver does, reduced to the prompts it calls. */
function hostWithPassword(password: string, tries: string[]): (prompts: SshPrompts) => Promise<Connection> {
  return async (prompts) => {
    const given = await prompts.password?.({ user: 'admin', host: 'vmhost.example' });
    if (given === null || given === undefined) throw new VirError(VIR_ERR_AUTH_FAILED, VIR_FROM_SSH, 'authentication cancelled');
    tries.push(given);
    if (given !== password) throw new VirError(VIR_ERR_AUTH_FAILED, VIR_FROM_SSH, 'authentication failed for admin@vmhost.example:22');
    return fakeConnection;
  };
}

describe('SSH prompts with remembered secrets', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hangar-ssh-prompts-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('remembers a password the user asked it to keep, and connects next time without asking', async () => {
    const secrets = new EncryptedFileSecretStore(join(dir, 'a'), testCipher());
    const first = scriptedUser([{ answer: 's3cret', remember: true }]);
    expect(await openWithSshPrompts(URI, first.broker, secrets, hostWithPassword('s3cret', []))).toBe(fakeConnection);
    expect(first.asked).toEqual([{ kind: 'password', uri: URI, user: 'admin', host: 'vmhost.example', canRemember: true }]);
    expect(readFileSync(join(dir, 'a', SECRETS_FILE)).includes('s3cret')).toBe(false);
    const second = scriptedUser([]);
    const tries: string[] = [];
    await openWithSshPrompts(URI, second.broker, secrets, hostWithPassword('s3cret', tries));
    expect(second.asked).toEqual([]);
    expect(tries).toEqual(['s3cret']);
  });

  it('keeps nothing the user did not ask to remember, nor a password the host refused', async () => {
    const secrets = new EncryptedFileSecretStore(join(dir, 'b'), testCipher());
    await openWithSshPrompts(URI, scriptedUser([{ answer: 's3cret', remember: false }]).broker, secrets, hostWithPassword('s3cret', []));
    await expect(openWithSshPrompts(URI, scriptedUser([{ answer: 'typo', remember: true }]).broker, secrets, hostWithPassword('s3cret', [])))
      .rejects.toThrow(/authentication failed/);
    expect(await secrets.get(`${sshSecretPrefix(URI)}password\0admin@vmhost.example`)).toBeUndefined();
  });

  it('drops a remembered password the host refuses and asks the user again at once', async () => {
    const secrets = new EncryptedFileSecretStore(join(dir, 'c'), testCipher());
    const key = `${sshSecretPrefix(URI)}password\0admin@vmhost.example`;
    await secrets.remember(key, 'old password');
    const user = scriptedUser([{ answer: 'new password', remember: true }]);
    const tries: string[] = [];
    await openWithSshPrompts(URI, user.broker, secrets, hostWithPassword('new password', tries));
    expect(tries).toEqual(['old password', 'new password']);
    expect(user.asked.map((r) => r.kind)).toEqual(['password']);
    expect(await secrets.get(key)).toBe('new password');
  });

  it('keeps a remembered password when the connection fails for another reason', async () => {
    const secrets = new EncryptedFileSecretStore(join(dir, 'd'), testCipher());
    const key = `${sshSecretPrefix(URI)}password\0admin@vmhost.example`;
    await secrets.remember(key, 'pw');
    const down = async (): Promise<Connection> => {
      throw new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_SSH, 'cannot connect to vmhost.example:22: connect ECONNREFUSED');
    };
    await expect(openWithSshPrompts(URI, scriptedUser([]).broker, secrets, down)).rejects.toThrow(/ECONNREFUSED/);
    expect(await secrets.get(key)).toBe('pw');
  });

  it('drops a remembered passphrase that no longer opens the key, before sending it, and asks', async () => {
    const keyPath = join(dir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'first', '-f', keyPath]);
    const secrets = new EncryptedFileSecretStore(join(dir, 'e'), testCipher());
    const key = `${sshSecretPrefix(URI)}passphrase\0${keyPath}`;
    const usesKey = (got: (string | null)[]) => async (prompts: SshPrompts): Promise<Connection> => {
      got.push((await prompts.passphrase?.({ keyPath })) ?? null);
      return fakeConnection;
    };
    // A wrong passphrase is not remembered even when asked to be.
    await openWithSshPrompts(URI, scriptedUser([{ answer: 'wrong', remember: true }]).broker, secrets, usesKey([]));
    expect(await secrets.get(key)).toBeUndefined();
    await openWithSshPrompts(URI, scriptedUser([{ answer: 'first', remember: true }]).broker, secrets, usesKey([]));
    expect(await secrets.get(key)).toBe('first');
    // The key gets a new passphrase: the remembered one is dropped and the user is asked.
    execFileSync('ssh-keygen', ['-q', '-p', '-P', 'first', '-N', 'second', '-f', keyPath]);
    const user = scriptedUser([{ answer: 'second', remember: false }]);
    const got: (string | null)[] = [];
    await openWithSshPrompts(URI, user.broker, secrets, usesKey(got));
    expect(got).toEqual(['second']);
    expect(user.asked).toEqual([{ kind: 'passphrase', uri: URI, keyPath, canRemember: true }]);
    expect(await secrets.get(key)).toBeUndefined();
  });

  it('offers no "remember" where secrets cannot be kept', async () => {
    const secrets = new EncryptedFileSecretStore(join(dir, 'f'), testCipher({ available: () => false }));
    const user = scriptedUser([{ answer: 's3cret', remember: true }]);
    await openWithSshPrompts(URI, user.broker, secrets, hostWithPassword('s3cret', []));
    expect(user.asked[0]).toMatchObject({ kind: 'password', canRemember: false });
    expect(await secrets.get(`${sshSecretPrefix(URI)}password\0admin@vmhost.example`)).toBeUndefined();
    expect(existsSync(join(dir, 'f'))).toBe(false);
  });
});
