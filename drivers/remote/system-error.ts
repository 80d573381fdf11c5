// Node's system errors in the words libvirt (through strerror) uses: `connect ENOENT /run/libvirt/libvirt-sock`
// becomes "No such file or directory", `write EPIPE` "Broken pipe". Callers add the path or address themselves.
import { getSystemErrorMap } from 'node:util';

// glibc's strerror / gai_strerror texts where they differ from libuv's, or where the code is not an errno.
const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  ECONNREFUSED: 'Connection refused',
  EPIPE: 'Broken pipe',
  ECONNRESET: 'Connection reset by peer',
  ETIMEDOUT: 'Connection timed out',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EHOSTUNREACH: 'No route to host',
  ENETUNREACH: 'Network is unreachable',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  ECONNABORTED: 'Software caused connection abort',
  ENOTSOCK: 'Socket operation on non-socket',
  ENOTDIR: 'Not a directory',
  EAGAIN: 'Resource temporarily unavailable',
  EMFILE: 'Too many open files',
  ENOTFOUND: 'Name or service not known',
  EAI_AGAIN: 'Temporary failure in name resolution',
};

let byName: Map<string, string> | undefined;

/** strerror-style words for an error code such as 'ENOENT'; undefined for codes that are not system errors. */
export function errnoText(code: string): string | undefined {
  const known = WORDS[code];
  if (known) return known;
  byName ??= new Map([...getSystemErrorMap().values()].map(([name, text]) => [name, text]));
  const text = byName.get(code);
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : undefined;
}

/** What to show for a transport failure: the words for a system error's code, else the error's own message. */
export function systemErrorText(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as Error & { code?: unknown }).code;
  return (typeof code === 'string' ? errnoText(code) : undefined) ?? e.message;
}
