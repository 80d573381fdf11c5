import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets the user chose to remember (SSH passwords and key passphrases, console passwords), by a key of ours
 * such as "ssh␀<uri>␀password␀user@host".
 */
export interface SecretStore {
  /** Whether remember() keeps anything: false in browser mode, and where the OS offers no real encryption. */
  canRemember(): Promise<boolean>;
  get(key: string): Promise<string | undefined>;
  /** Resolves false when the secret was not kept. */
  remember(key: string, secret: string): Promise<boolean>;
  forget(key: string): Promise<void>;
  /** Forgets every key that starts with `prefix` (e.g. everything of a removed connection). */
  forgetAll(prefix: string): Promise<void>;
}

/** Encryption the OS provides (Electron's safeStorage); the store never writes anything it did not encrypt. */
export interface SecretCipher {
  available(): Promise<boolean>;
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(cipherText: Buffer): Promise<string>;
}

export const SECRETS_FILE = 'secrets.bin';

/**
 * Secrets in one file of the data folder: the whole key→secret map is encrypted as one blob, so the file holds
 * ciphertext only (not even which hosts have a secret). Mode 0600, written atomically; removed when empty.
 * Without encryption nothing is saved: there is no plain-text fallback.
 */
export class EncryptedFileSecretStore implements SecretStore {
  private readonly file: string;
  private secrets: Map<string, string> | undefined;
  /** Reads and writes one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string, private readonly cipher: SecretCipher) {
    this.file = join(dataDir, SECRETS_FILE);
  }

  canRemember(): Promise<boolean> {
    return this.cipher.available().catch(() => false);
  }

  get(key: string): Promise<string | undefined> {
    return this.serial(async () => (await this.load()).get(key));
  }

  remember(key: string, secret: string): Promise<boolean> {
    return this.serial(async () => {
      if (!(await this.canRemember())) return false;
      const secrets = await this.load();
      const before = secrets.get(key);
      secrets.set(key, secret);
      try {
        await this.save(secrets);
        return true;
      } catch {
        if (before === undefined) secrets.delete(key);
        else secrets.set(key, before);
        return false;
      }
    });
  }

  forget(key: string): Promise<void> {
    return this.forgetWhere((k) => k === key);
  }

  forgetAll(prefix: string): Promise<void> {
    return this.forgetWhere((k) => k.startsWith(prefix));
  }

  private forgetWhere(match: (key: string) => boolean): Promise<void> {
    return this.serial(async () => {
      const secrets = await this.load();
      const doomed = [...secrets.keys()].filter(match);
      if (doomed.length === 0) return;
      for (const k of doomed) secrets.delete(k);
      await this.save(secrets);
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<Map<string, string>> {
    if (this.secrets) return this.secrets;
    // A locked or absent keyring may come back: read nothing now, and keep the file as it is.
    if (!(await this.canRemember())) return new Map();
    let loaded = new Map<string, string>();
    if (existsSync(this.file)) {
      try {
        const parsed: unknown = JSON.parse(await this.cipher.decrypt(readFileSync(this.file)));
        if (typeof parsed !== 'object' || parsed === null) throw new Error('not a map');
        loaded = new Map(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
      } catch {
        // Another keyring, or damage: keep the file aside (it may open again elsewhere) and start empty.
        renameSync(this.file, `${this.file}.unreadable`);
      }
    }
    this.secrets = loaded;
    return loaded;
  }

  private async save(secrets: ReadonlyMap<string, string>): Promise<void> {
    if (secrets.size === 0) {
      rmSync(this.file, { force: true });
      return;
    }
    const data = await this.cipher.encrypt(JSON.stringify(Object.fromEntries(secrets)));
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    rmSync(tmp, { force: true });
    // Created 0600 (never readable by others, not even for a moment), then moved over the old file.
    writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    chmodSync(tmp, 0o600);
    renameSync(tmp, this.file);
  }
}

/**
 * Browser mode keeps no secrets, not even in memory: the server may run for days on a shared workstation, and
 * anyone holding the page's URL could then connect without the password. Prompts there offer no "remember".
 */
export class UnsavedSecretStore implements SecretStore {
  async canRemember(): Promise<boolean> {
    return false;
  }
  async get(_key: string): Promise<string | undefined> {
    return undefined;
  }
  async remember(_key: string, _secret: string): Promise<boolean> {
    return false;
  }
  async forget(_key: string): Promise<void> {}
  async forgetAll(_prefix: string): Promise<void> {}
}
