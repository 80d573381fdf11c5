// The subset of OpenSSH's client configuration (~/.ssh/config) Hangar honours: HostName, User, Port,
// IdentityFile and ProxyJump, chosen by `Host` patterns with OpenSSH's first-match-wins rule.

export interface SshHostConfig {
  readonly hostName?: string;
  readonly user?: string;
  readonly port?: number;
  /** In the order given; `~` expanded, `%d` (home), `%u` (local user), `%h`, `%r` (remote user) substituted. */
  readonly identityFiles: readonly string[];
  /** `host`, `user@host` or `user@host:port` of the first jump; `none` disables it. */
  readonly proxyJump?: string;
}

interface Block {
  readonly patterns: readonly string[];
  readonly options: readonly (readonly [string, string])[];
}

export function parseSshConfig(text: string): Block[] {
  const blocks: Block[] = [];
  let current: { patterns: string[]; options: [string, string][] } = { patterns: ['*'], options: [] };
  blocks.push(current);
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1]!.toLowerCase();
    const value = unquote(m[2]!.trim());
    if (key === 'host') {
      current = { patterns: value.split(/\s+/).filter(Boolean), options: [] };
      blocks.push(current);
    } else if (key === 'match') {
      // Match blocks need evaluation of arbitrary criteria; they are skipped, not misapplied.
      current = { patterns: [], options: [] };
      blocks.push(current);
    } else {
      current.options.push([key, value]);
    }
  }
  return blocks;
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

/** OpenSSH wildcard matching: `*`, `?`, and `!` negation within one Host line. */
export function hostMatches(patterns: readonly string[], host: string): boolean {
  let matched = false;
  for (const p of patterns) {
    const negated = p.startsWith('!');
    const pat = negated ? p.slice(1) : p;
    const re = new RegExp(`^${pat.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
    if (re.test(host)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}

/** The effective settings for `host` (as written by the user, before HostName substitution). */
export function resolveSshHost(
  blocks: readonly Block[],
  host: string,
  env: { home: string; localUser: string; remoteUser?: string },
): SshHostConfig {
  const first = new Map<string, string>();
  const identityFiles: string[] = [];
  for (const b of blocks) {
    if (!hostMatches(b.patterns, host)) continue;
    for (const [k, v] of b.options) {
      if (k === 'identityfile') identityFiles.push(v);
      else if (!first.has(k)) first.set(k, v);
    }
  }
  const hostName = first.get('hostname')?.replace(/%h/g, host);
  const user = first.get('user');
  const portText = first.get('port');
  const port = portText !== undefined ? Number(portText) : undefined;
  const expand = (f: string): string =>
    f.replace(/^~(?=\/|$)/, env.home)
      .replace(/%d/g, env.home)
      .replace(/%u/g, env.localUser)
      .replace(/%h/g, hostName ?? host)
      .replace(/%r/g, env.remoteUser ?? user ?? env.localUser)
      .replace(/%%/g, '%');
  const proxyJump = first.get('proxyjump');
  return {
    ...(hostName !== undefined ? { hostName } : {}),
    ...(user !== undefined ? { user } : {}),
    ...(port !== undefined && Number.isInteger(port) ? { port } : {}),
    identityFiles: identityFiles.map(expand),
    ...(proxyJump !== undefined && proxyJump.toLowerCase() !== 'none' ? { proxyJump: proxyJump.split(',')[0]!.trim() } : {}),
  };
}

/** Splits a ProxyJump element `[user@]host[:port]` (IPv6 in brackets). */
export function parseJump(spec: string): { user?: string; host: string; port?: number } {
  const s = spec.replace(/^ssh:\/\//, '');
  const at = s.lastIndexOf('@');
  const user = at >= 0 ? s.slice(0, at) : undefined;
  const rest = at >= 0 ? s.slice(at + 1) : s;
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(rest);
  const host = (m?.[1] ?? rest).replace(/^\[|\]$/g, '');
  const port = m?.[2] !== undefined ? Number(m[2]) : undefined;
  return { ...(user !== undefined ? { user } : {}), host, ...(port !== undefined ? { port } : {}) };
}
