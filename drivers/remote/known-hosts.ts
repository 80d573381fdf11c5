// OpenSSH known_hosts checking: plain and hashed (|1|salt|hash) host entries, `[host]:port` for
// non-default ports, and @revoked markers. The verdict is one of known / unknown / changed / revoked.
import { createHash, createHmac } from 'node:crypto';

export type HostKeyVerdict = 'known' | 'unknown' | 'changed' | 'revoked';

/** The name OpenSSH files a host under: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** `SHA256:…` as OpenSSH prints it (unpadded base64 of the SHA-256 of the key blob). */
export function fingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside an SSH public key blob (its first string). */
export function keyType(keyBlob: Buffer): string {
  if (keyBlob.length < 4) return 'unknown';
  const n = keyBlob.readUInt32BE(0);
  return keyBlob.toString('latin1', 4, Math.min(4 + n, keyBlob.length));
}

function nameMatches(field: string, name: string): boolean {
  if (field.startsWith('|1|')) {
    const [, , salt, hash] = field.split('|');
    if (!salt || !hash) return false;
    const mac = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
    return mac === hash;
  }
  let matched = false;
  for (const pat of field.split(',')) {
    const negated = pat.startsWith('!');
    const p = negated ? pat.slice(1) : pat;
    const re = new RegExp(`^${p.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\[/g, '\\[').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    if (re.test(name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

/** Checks a host's key blob against the text of a known_hosts file. */
export function checkKnownHosts(text: string, host: string, port: number, keyBlob: Buffer): HostKeyVerdict {
  const name = knownHostsName(host, port);
  const type = keyType(keyBlob);
  const b64 = keyBlob.toString('base64');
  let sameTypeOther = false;
  let known = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split(/\s+/);
    let marker: string | undefined;
    if (parts[0]!.startsWith('@')) marker = parts.shift();
    const [names, t, key] = parts;
    if (!names || !t || !key || !nameMatches(names, name)) continue;
    if (marker === '@revoked') {
      if (key === b64) return 'revoked';
      continue;
    }
    if (marker === '@cert-authority') continue;
    if (key === b64) known = true;
    else if (t === type) sameTypeOther = true;
  }
  if (known) return 'known';
  return sameTypeOther ? 'changed' : 'unknown';
}

/** A known_hosts line for a newly trusted key. */
export function knownHostsLine(host: string, port: number, keyBlob: Buffer): string {
  return `${knownHostsName(host, port)} ${keyType(keyBlob)} ${keyBlob.toString('base64')}\n`;
}
