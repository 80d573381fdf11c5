import type { SshPrompts } from '../../drivers/remote/index.js';
import type { PromptBroker } from './prompt-broker.js';

/** The SSH questions of one connection, asked through the broker (the UI answers them). */
export function sshPromptsFor(uri: string, broker: PromptBroker): SshPrompts {
  return {
    password: async ({ user, host }) => {
      const answer = await broker.ask({ kind: 'password', uri, user, host });
      return typeof answer === 'string' ? answer : null;
    },
    passphrase: async ({ keyPath }) => {
      const answer = await broker.ask({ kind: 'passphrase', uri, keyPath });
      return typeof answer === 'string' ? answer : null;
    },
    unknownHostKey: async ({ host, keyType, fingerprint }) => (await broker.ask({ kind: 'hostkey', uri, host, keyType, fingerprint })) === true,
  };
}
