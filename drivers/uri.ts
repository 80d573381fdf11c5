// Connection URIs with libvirt's semantics (see https://libvirt.org/uri.html):
//   driver[+transport]://[user@][host][:port]/path[?param=value&…]
// Pure string logic; the caller supplies file-existence and environment facts.

export type Transport = 'unix' | 'tcp' | 'ssh' | 'tls' | 'ext' | 'libssh' | 'libssh2';

const TRANSPORTS: readonly Transport[] = ['unix', 'tcp', 'ssh', 'tls', 'ext', 'libssh', 'libssh2'];

/** Query parameters that configure the client side and are never sent to the daemon. */
const CLIENT_PARAMS = new Set([
  'name', 'command', 'socket', 'netcat', 'keyfile', 'no_verify', 'no_tty', 'pkipath', 'known_hosts',
  'known_hosts_verify', 'sshauth', 'mode', 'proxy', 'tls_priority', 'tls', 'auth', 'authfile',
]);

export interface ConnectionUri {
  /** The text it was parsed from. */
  readonly text: string;
  /** Hypervisor driver: `qemu`, `test`, `lxc`, … */
  readonly driver: string;
  /** Transport as written after `+`, if any. */
  readonly explicitTransport: Transport | undefined;
  /** The transport libvirt would use: explicit, else `unix` without a host and `tls` with one. */
  readonly transport: Transport;
  readonly user: string | undefined;
  /** Host name or address (IPv6 without brackets); undefined for local URIs. */
  readonly host: string | undefined;
  readonly port: number | undefined;
  /** `/system`, `/session`, `/default`, `/abs/path.xml`, or '' */
  readonly path: string;
  /** Query parameters, decoded, in order (last one wins on lookup). */
  readonly params: readonly (readonly [string, string])[];
}

export class UriError extends Error {
  override readonly name = 'UriError';
}

/** Parses a libvirt connection URI; throws UriError for anything libvirt would reject. */
export function parseUri(text: string): ConnectionUri {
  const m = /^([A-Za-z][A-Za-z0-9.-]*)(?:\+([A-Za-z0-9]+))?:\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/.exec(text.trim());
  if (!m) throw new UriError(`Malformed connection URI: ${text}`);
  const driver = m[1]!.toLowerCase();
  const transportText = m[2]?.toLowerCase();
  let explicitTransport: Transport | undefined;
  if (transportText !== undefined) {
    if (!(TRANSPORTS as readonly string[]).includes(transportText)) {
      throw new UriError(`Unknown transport '${transportText}' in URI ${text}`);
    }
    explicitTransport = transportText as Transport;
  }
  const authority = m[3] ?? '';
  let user: string | undefined;
  let hostPort = authority;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    user = decode(authority.slice(0, at));
    hostPort = authority.slice(at + 1);
  }
  let host: string | undefined;
  let port: number | undefined;
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
  if (!hp) throw new UriError(`Malformed host in URI ${text}`);
  const rawHost = hp[1] ?? '';
  host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : decode(rawHost);
  if (host === '') host = undefined;
  if (hp[2] !== undefined && hp[2] !== '') {
    port = Number(hp[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UriError(`Bad port in URI ${text}`);
  }
  const path = decode(m[4] ?? '');
  const params: [string, string][] = [];
  for (const part of (m[5] ?? '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    // libvirt does not treat '+' as a space in query values.
    params.push(eq < 0 ? [decode(part), ''] : [decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  const transport: Transport = explicitTransport ?? (host === undefined ? 'unix' : 'tls');
  return { text, driver, explicitTransport, transport, user, host, port, path, params };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new UriError(`Bad percent-encoding in '${s}'`);
  }
}

/** Last value of a query parameter, as libvirt reads them. */
export function uriParam(uri: ConnectionUri, name: string): string | undefined {
  let value: string | undefined;
  for (const [k, v] of uri.params) if (k === name) value = v;
  return value;
}

/** True for `1`/`yes`/`true`-style flags as libvirt's remote driver accepts them (it uses atoi != 0). */
export function uriFlag(uri: ConnectionUri, name: string): boolean {
  const v = uriParam(uri, name);
  return v !== undefined && Number.parseInt(v, 10) !== 0 && !Number.isNaN(Number.parseInt(v, 10));
}

/**
 * The URI the daemon is asked to open (REMOTE_PROC_CONNECT_OPEN's name): the driver without the transport,
 * no user/host/port (the daemon is always local to itself), and only the parameters not meant for the client.
 * `?name=` overrides it, as in libvirt.
 */
export function daemonUri(uri: ConnectionUri): string {
  const override = uriParam(uri, 'name');
  if (override !== undefined) return override;
  const rest = uri.params.filter(([k]) => !CLIENT_PARAMS.has(k));
  const query = rest.length === 0 ? '' : `?${rest.map(([k, v]) => `${encodeParam(k)}=${encodeParam(v)}`).join('&')}`;
  return `${uri.driver}://${encodePath(uri.path)}${query}`;
}

function encodeParam(s: string): string {
  return encodeURIComponent(s).replace(/%2F/g, '/');
}
function encodePath(s: string): string {
  return s.split('/').map(encodeURIComponent).join('/');
}

/** Facts about the machine a socket path is chosen on. */
export interface SocketEnvironment {
  readonly exists: (path: string) => boolean;
  /** `$XDG_RUNTIME_DIR`, for session daemons. */
  readonly runtimeDir?: string | undefined;
  /** The user's home, used when there is no runtime dir (`~/.cache/libvirt`). */
  readonly home?: string | undefined;
}

/**
 * The daemon socket for a unix-transport URI, as libvirt picks it: `?socket=` wins; otherwise the modular
 * per-driver daemon's socket (`virtqemud-sock`) when it exists, else the monolithic `libvirt-sock`.
 * Privileged (`/system`, `test:///…`) sockets live under /run/libvirt; `/session` under the runtime dir.
 */
export function localSocketPath(uri: ConnectionUri, env: SocketEnvironment): string {
  const explicit = uriParam(uri, 'socket');
  if (explicit !== undefined && explicit !== '') return explicit;
  const session = uri.path === '/session';
  const dir = session
    ? `${env.runtimeDir ?? `${env.home ?? ''}/.cache`}/libvirt`
    : '/run/libvirt';
  const modular = `${dir}/${modularDaemon(uri.driver)}-sock`;
  const monolithic = `${dir}/libvirt-sock`;
  if (env.exists(modular)) return modular;
  return monolithic;
}

/** The modular daemon serving a driver (libvirt ≥ 5.6 split libvirtd per driver). */
export function modularDaemon(driver: string): string {
  switch (driver) {
    case 'qemu': return 'virtqemud';
    case 'lxc': return 'virtlxcd';
    case 'test': return 'virtproxyd';
    case 'xen': return 'virtxend';
    case 'vbox': return 'virtvboxd';
    case 'ch': return 'virtchd';
    default: return 'virtproxyd';
  }
}

/** Default TCP port of libvirtd for the tcp (16509) and tls (16514) transports. */
export function defaultPort(transport: Transport): number {
  if (transport === 'tls') return 16514;
  if (transport === 'ssh' || transport === 'libssh' || transport === 'libssh2') return 22;
  return 16509;
}
