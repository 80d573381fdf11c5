import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore, SECRETS_FILE, UnsavedSecretStore } from '../../main/services/secret-store.js';
import { testCipher } from '../support/test-cipher.js';

const KEY = 'ssh\0qemu+ssh://root@build-host.example/system\0password\0root@build-host.example';
const SECRET = 'correct horse battery staple';

describe('secret store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hangar-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps secrets in a 0600 file that holds only ciphertext, not even the host names', async () => {
    const store = new EncryptedFileSecretStore(dir, testCipher());
    expect(await store.canRemember()).toBe(true);
    expect(await store.remember(KEY, SECRET)).toBe(true);
    const file = join(dir, SECRETS_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    for (const plain of [SECRET, 'build-host', 'password']) {
      expect(bytes.includes(Buffer.from(plain, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(plain, 'utf16le'))).toBe(false);
    }
    expect(await store.get(KEY)).toBe(SECRET);
  });

  it('reads back what an earlier run saved, with the same cipher', async () => {
    const cipher = testCipher();
    await new EncryptedFileSecretStore(dir, cipher).remember(KEY, SECRET);
    expect(await new EncryptedFileSecretStore(dir, cipher).get(KEY)).toBe(SECRET);
  });

  it('writes the file 0600 again after someone loosened it, leaving no temporary file', async () => {
    const store = new EncryptedFileSecretStore(dir, testCipher());
    await store.remember(KEY, SECRET);
    const file = join(dir, SECRETS_FILE);
    chmodSync(file, 0o644);
    await store.remember(`${KEY}2`, 'other');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([SECRETS_FILE]);
  });

  it('forgets one secret, or all of a connection, and removes the file once empty', async () => {
    const store = new EncryptedFileSecretStore(dir, testCipher());
    await store.remember('ssh\0a\0password\0u@a', '1');
    await store.remember('ssh\0a\0passphrase\0/k', '2');
    await store.remember('ssh\0b\0password\0u@b', '3');
    await store.forget('ssh\0b\0password\0u@b');
    expect(await store.get('ssh\0b\0password\0u@b')).toBeUndefined();
    await store.forgetAll('ssh\0a\0');
    expect(await store.get('ssh\0a\0passphrase\0/k')).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('saves nothing when the OS offers no encryption: no plain-text fallback', async () => {
    const cipher = testCipher({ available: () => false });
    const store = new EncryptedFileSecretStore(dir, cipher);
    expect(await store.canRemember()).toBe(false);
    expect(await store.remember(KEY, SECRET)).toBe(false);
    expect(await store.get(KEY)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    expect(cipher.encrypted).toBe(0);
  });

  it('sets an unreadable file aside (another keyring) and starts empty', async () => {
    writeFileSync(join(dir, SECRETS_FILE), 'not ours');
    const store = new EncryptedFileSecretStore(dir, testCipher());
    expect(await store.get(KEY)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([`${SECRETS_FILE}.unreadable`]);
    expect(await store.remember(KEY, SECRET)).toBe(true);
    expect(await store.get(KEY)).toBe(SECRET);
  });

  it('in browser mode remembers nothing and writes nothing', async () => {
    const store = new UnsavedSecretStore();
    expect(await store.canRemember()).toBe(false);
    expect(await store.remember(KEY, SECRET)).toBe(false);
    expect(await store.get(KEY)).toBeUndefined();
    await store.forgetAll('ssh\0');
    expect(readdirSync(dir)).toEqual([]);
  });
});
