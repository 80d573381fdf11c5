// What a failed connection means to a person, as virt-manager's connect hints say it: the cause and what to do.
// The UI words each kind; libvirt's (or the transport's) own message stays beneath it.
import { isVirError, VIR_ERR_AUTH_CANCELLED, VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_UNAVAILABLE, VIR_ERR_SSH } from '../../drivers/api/index.js';
import type { ConnectionHint } from '../api/contract/index.js';

export type { ConnectionHint };

const quoted = (message: string, before: RegExp): string | undefined => new RegExp(`${before.source}'([^']+)'`).exec(message)?.[1];

/** The hint for an error met while opening `uri`, or undefined where there is nothing to add. */
export function connectionHint(uri: string, e: unknown): ConnectionHint | undefined {
  const message = e instanceof Error ? e.message : String(e);
  const ssh = /^[a-z0-9]+\+ssh:/i.test(uri) || /^[a-z0-9]+\+libssh2?:/i.test(uri);
  if (isVirError(e, VIR_ERR_AUTH_CANCELLED)) return undefined;
  if (isVirError(e, VIR_ERR_AUTH_FAILED) && ssh) {
    return { kind: 'ssh-auth-failed', who: /for (\S+): /.exec(message)?.[1] ?? '', tried: /tried: ([^;)]+)/.exec(message)?.[1] ?? '' };
  }
  if (isVirError(e, VIR_ERR_SSH) && /host key .* (has changed|is revoked)/i.test(message)) return { kind: 'ssh-host-key-changed' };
  if (isVirError(e, VIR_ERR_AUTH_FAILED) || isVirError(e, VIR_ERR_AUTH_UNAVAILABLE) || /polkit|access denied|authentication unavailable/i.test(message)) {
    return { kind: 'access-denied' };
  }
  if (/did not answer within|did not speak SSH within/.test(message)) return { kind: 'no-answer' };
  const socket = quoted(message, /Failed to connect socket to /);
  if (socket !== undefined) {
    if (/No such file or directory|Connection refused/.test(message)) return { kind: 'daemon-not-running', socket };
    if (/Permission denied/.test(message)) return { kind: 'socket-permission', socket };
  }
  if (/Connection refused/.test(message)) {
    const address = /at '([^']+)'/.exec(message)?.[1] ?? /connect to (\S+):\s/.exec(message)?.[1] ?? '';
    return ssh ? { kind: 'ssh-refused', address } : { kind: 'tcp-refused', address };
  }
  if (/getaddrinfo|Name or service not known|Temporary failure in name resolution|No address associated/i.test(message)) return { kind: 'unknown-host' };
  if (/No route to host|Network is unreachable|Host is unreachable/i.test(message)) return { kind: 'unreachable' };
  if (ssh && /virt-ssh-helper|nc: |not found|No such file or directory/.test(message)) return { kind: 'remote-libvirt-missing' };
  return undefined;
}
