import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type Ssh2 from 'ssh2';
import { isVirError, VIR_ERR_AUTH_FAILED, type Connection } from '../../drivers/api/index.js';
import type { SshPrompts } from '../../drivers/remote/index.js';
import type { PromptBroker } from './prompt-broker.js';
import type { SecretStore } from './secret-store.js';

// ssh2 takes ~30 ms to load, a tenth of the app's start-up: it is loaded when a key is first checked, by which time
// an SSH connection is being opened and the transport has loaded it anyway (see drivers/remote/index.ts).
const ssh2 = (): typeof Ssh2 => createRequire(import.meta.url)('ssh2') as typeof Ssh2;

/** Everything remembered for one connection URI starts with this. */
export function sshSecretPrefix(uri: string): string {
  return `ssh\0${uri}\0`;
}

const passwordKey = (uri: string, user: string, host: string): string => `${sshSecretPrefix(uri)}password\0${user}@${host}`;
const passphraseKey = (uri: string, keyPath: string): string => `${sshSecretPrefix(uri)}passphrase\0${keyPath}`;

/** Whether `passphrase` opens the private key at `keyPath`: checked here, so a stale one is never sent. */
function opensKey(keyPath: string, passphrase: string): boolean {
  try {
    return !(ssh2().utils.parseKey(readFileSync(keyPath), passphrase) instanceof Error);
  } catch {
    return false;
  }
}

/** One attempt to open a connection: its SSH questions, and what to keep or drop once it is known how it went. */
export interface SshAttempt {
  readonly prompts: SshPrompts;
  /** The connection opened: keep what the user asked to remember. */
  succeeded(): Promise<void>;
  /** It failed: drop remembered passwords the host refused. True when one was, so asking the user is worth a retry. */
  failed(error: unknown): Promise<boolean>;
}

/**
 * The SSH questions of one connection attempt, asked through the broker (the UI answers them). A remembered
 * password or passphrase is used without asking; a passphrase that no longer opens its key is dropped before
 * use, a password when the host refuses it (see failed()).
 */
export function sshAttempt(uri: string, broker: PromptBroker, secrets: SecretStore): SshAttempt {
  const toRemember = new Map<string, string>();
  const usedRemembered = new Set<string>();
  return {
    prompts: {
      password: async ({ user, host }) => {
        const key = passwordKey(uri, user, host);
        const saved = await secrets.get(key);
        if (saved !== undefined) {
          usedRemembered.add(key);
          return saved;
        }
        const { answer, remember } = await broker.ask({ kind: 'password', uri, user, host, canRemember: await secrets.canRemember() });
        if (typeof answer !== 'string') return null;
        if (remember) toRemember.set(key, answer);
        return answer;
      },
      passphrase: async ({ keyPath }) => {
        const key = passphraseKey(uri, keyPath);
        const saved = await secrets.get(key);
        if (saved !== undefined) {
          if (opensKey(keyPath, saved)) return saved;
          await secrets.forget(key);
        }
        const { answer, remember } = await broker.ask({ kind: 'passphrase', uri, keyPath, canRemember: await secrets.canRemember() });
        if (typeof answer !== 'string') return null;
        if (remember && opensKey(keyPath, answer)) toRemember.set(key, answer);
        return answer;
      },
      unknownHostKey: async ({ host, keyType, fingerprint }) => (await broker.ask({ kind: 'hostkey', uri, host, keyType, fingerprint })).answer === true,
    },
    succeeded: async () => {
      for (const [key, secret] of toRemember) await secrets.remember(key, secret);
    },
    failed: async (error) => {
      if (!isVirError(error) || error.code !== VIR_ERR_AUTH_FAILED || usedRemembered.size === 0) return false;
      for (const key of usedRemembered) await secrets.forget(key);
      return true;
    },
  };
}

/**
 * Opens a connection with SSH questions going to the user and remembered secrets used first. When the host refuses
 * a remembered password, it is forgotten and the connection is tried once more, asking the user this time.
 */
export async function openWithSshPrompts(
  uri: string, broker: PromptBroker, secrets: SecretStore, open: (prompts: SshPrompts) => Promise<Connection>,
): Promise<Connection> {
  for (let attempt = 0; ; attempt++) {
    const ssh = sshAttempt(uri, broker, secrets);
    let connection: Connection;
    try {
      connection = await open(ssh.prompts);
    } catch (e) {
      if ((await ssh.failed(e)) && attempt === 0) continue;
      throw e;
    }
    // Failing to save a secret must not cost the user the connection they just opened.
    await ssh.succeeded().catch(() => undefined);
    return connection;
  }
}
