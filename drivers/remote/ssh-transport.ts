// The `+ssh` transport on ssh2: one SSH connection per user@host:port, shared by every channel
// (RPC sessions, console tunnels) and closed when the last one is released. The RPC runs on an exec
// channel of `virt-ssh-helper URI`, or `nc -U socket` (proxy=auto|netcat|native, as libvirt).
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import type { Duplex } from 'node:stream';
import ssh2, { type AnyAuthMethod, type AuthenticationType, type Client as SshClient, type ClientChannel, type ConnectConfig } from 'ssh2';
import { describeTunnelTarget, VirError, VIR_ERR_AUTH_CANCELLED, VIR_ERR_AUTH_FAILED, VIR_ERR_INVALID_ARG, VIR_ERR_NO_CONNECT, VIR_ERR_SSH, VIR_FROM_SSH, type Stream, type TunnelTarget } from '../api/index.js';
import { daemonUri, uriFlag, uriParam, type ConnectionUri } from '../uri.js';
import { checkKnownHosts, fingerprint, keyType, knownHostsLine, knownHostsName } from './known-hosts.js';
import { SocketStream } from './socket-stream.js';
import { reachableAddress, seconds, type OpenedTransport } from './socket-transport.js';
import { parseJump, parseSshConfig, resolveSshHost } from './ssh-config.js';
import { systemErrorText } from './system-error.js';

export interface HostKeyInfo {
  /** As the user would look it up in known_hosts: `host` or `[host]:port`. */
  readonly host: string;
  readonly keyType: string;
  /** `SHA256:…` */
  readonly fingerprint: string;
}

/** How the UI takes part in SSH authentication and host-key trust. */
export interface SshPrompts {
  /** Asked when no key works and the server takes passwords; null cancels. */
  readonly password?: (request: { user: string; host: string }) => Promise<string | null>;
  /** Asked for an encrypted private key; null skips that key. */
  readonly passphrase?: (request: { keyPath: string }) => Promise<string | null>;
  /** Asked for a host key known_hosts does not list; true trusts it (and records it in known_hosts). */
  readonly unknownHostKey?: (info: HostKeyInfo) => Promise<boolean>;
  /** Defaults: ~/.ssh/known_hosts, ~/.ssh/config, $SSH_AUTH_SOCK. */
  readonly knownHostsPath?: string;
  readonly configPath?: string;
  readonly agentSocket?: string | null;
  /** Connect timeout in ms (default 20 s); time spent waiting for an answer to a prompt does not count. */
  readonly timeoutMs?: number;
}

interface Target {
  readonly user: string;
  readonly host: string;
  readonly port: number;
  readonly identityFiles: readonly string[];
  readonly jump?: Target;
}

interface PooledConnection {
  readonly client: Client;
  readonly ready: Promise<void>;
  refs: number;
  readonly parentRelease?: () => void;
}

// ssh2 is CommonJS: take its exports from the default import so this works under plain Node ESM too.
const { Client, utils } = ssh2;
type Client = SshClient;

const pool = new Map<string, PooledConnection>();

function targetKey(t: Target): string {
  return `${t.user}@${t.host}:${t.port}${t.jump ? ` via ${targetKey(t.jump)}` : ''}`;
}

function resolveTarget(host: string, user: string | undefined, port: number | undefined, keyfile: string | undefined, prompts: SshPrompts, depth = 0): Target {
  const home = homedir();
  const localUser = userInfo().username;
  const configPath = prompts.configPath ?? join(home, '.ssh', 'config');
  const blocks = existsSync(configPath) ? parseSshConfig(readFileSync(configPath, 'utf8')) : [];
  const cfg = resolveSshHost(blocks, host, { home, localUser, ...(user !== undefined ? { remoteUser: user } : {}) });
  const defaults = ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => join(home, '.ssh', f));
  const identityFiles = [...(keyfile ? [keyfile] : []), ...cfg.identityFiles, ...defaults];
  let jump: Target | undefined;
  if (cfg.proxyJump && depth < 4) {
    const j = parseJump(cfg.proxyJump);
    jump = resolveTarget(j.host, j.user, j.port, undefined, prompts, depth + 1);
  }
  return {
    user: user ?? cfg.user ?? localUser,
    host: cfg.hostName ?? host,
    port: port ?? cfg.port ?? 22,
    identityFiles: [...new Set(identityFiles)],
    ...(jump ? { jump } : {}),
  };
}

/** Acquires the shared SSH connection for a target; call the returned release once per acquire. */
async function acquire(target: Target, prompts: SshPrompts, noVerify: boolean, knownHostsPath: string): Promise<{ client: Client; release: () => void }> {
  const key = targetKey(target);
  let entry = pool.get(key);
  if (!entry) {
    let sock: Duplex | undefined;
    let parentRelease: (() => void) | undefined;
    if (target.jump) {
      const parent = await acquire(target.jump, prompts, noVerify, knownHostsPath);
      parentRelease = parent.release;
      try {
        sock = await new Promise<ClientChannel>((resolve, reject) =>
          parent.client.forwardOut('127.0.0.1', 0, target.host, target.port, (err, ch) => (err ? reject(err) : resolve(ch))));
      } catch (e) {
        parent.release();
        throw sshError(`cannot reach ${target.host}:${target.port} through ${target.jump.host}: ${systemErrorText(e)}`);
      }
    }
    const client = new Client();
    const ready = connectClient(client, target, prompts, noVerify, knownHostsPath, sock);
    // Released exactly once, whether this connection is given up by its last user or drops by itself.
    let parentReleased = false;
    const releaseParent = (): void => {
      if (parentReleased) return;
      parentReleased = true;
      parentRelease?.();
    };
    const created: PooledConnection = { client, ready, refs: 0, parentRelease: releaseParent };
    entry = created;
    pool.set(key, created);
    client.on('close', () => {
      if (pool.get(key) === created) pool.delete(key);
      created.parentRelease?.();
    });
    ready.catch(() => {
      if (pool.get(key) === created) pool.delete(key);
      client.end();
      releaseParent();
    });
  }
  entry.refs++;
  const e = entry;
  try {
    await e.ready;
  } catch (err) {
    e.refs--;
    throw err;
  }
  let released = false;
  return {
    client: e.client,
    release: () => {
      if (released) return;
      released = true;
      e.refs--;
      if (e.refs === 0) {
        if (pool.get(key) === e) pool.delete(key);
        e.client.end();
        e.parentRelease?.();
      }
    },
  };
}

/** What authentication went through, to say why it failed. */
interface AuthProgress {
  /** The methods the server still accepts; null until its first answer. */
  allowed: readonly string[] | null;
  passwordTried: boolean;
  passwordCancelled: boolean;
  /** What was offered, for the message when nothing was accepted: the agent, key files. */
  readonly tried: string[];
}

function connectClient(client: Client, target: Target, prompts: SshPrompts, noVerify: boolean, knownHostsPath: string, sock: Duplex | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let hostKeyFailure: VirError | undefined;
    let settled = false;
    // Our own connect timer instead of ssh2's readyTimeout, which runs through the whole login: a person
    // typing a password or reading a fingerprint for longer than the timeout would fail the connection.
    const timeoutMs = prompts.timeoutMs ?? 20_000;
    let timer: NodeJS.Timeout | undefined;
    let asking = 0;
    // How far the login got, to say what did not answer: the TCP connect, the SSH server, or the login.
    let phase: 'connect' | 'greeting' | 'login' = 'connect';
    client.once('connect', () => { phase = 'greeting'; });
    client.once('handshake', () => { phase = 'login'; });
    const silence = (): string => {
      const s = seconds(timeoutMs);
      if (phase === 'connect') return `Connection timed out after ${s} s`;
      if (phase === 'greeting') return `the server accepted the connection but did not speak SSH within ${s} s: is it an SSH server?`;
      return `the SSH login did not finish within ${s} s`;
    };
    const arm = (): void => {
      clearTimeout(timer);
      if (settled || asking > 0) return;
      timer = setTimeout(() => {
        fail(sshError(`cannot connect to ${target.host}:${target.port}: ${silence()}`));
        client.destroy();
      }, timeoutMs);
    };
    const ask = async <T>(question: () => Promise<T>): Promise<T> => {
      asking++;
      clearTimeout(timer);
      try {
        return await question();
      } finally {
        asking--;
        arm();
      }
    };
    const fail = (e: VirError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      client.removeListener('ready', onReady);
      reject(e);
    };
    const hostVerifier = (keyBlob: Buffer, verify: (ok: boolean) => void): void => {
      if (noVerify) return verify(true);
      const info: HostKeyInfo = { host: knownHostsName(target.host, target.port), keyType: keyType(keyBlob), fingerprint: fingerprint(keyBlob) };
      const text = existsSync(knownHostsPath) ? readFileSync(knownHostsPath, 'utf8') : '';
      const verdict = checkKnownHosts(text, target.host, target.port, keyBlob);
      if (verdict === 'known') return verify(true);
      if (verdict === 'changed' || verdict === 'revoked') {
        hostKeyFailure = new VirError(VIR_ERR_SSH, VIR_FROM_SSH,
          `Host key verification failed: the ${info.keyType} host key of ${info.host} ${verdict === 'changed' ? 'has changed' : 'is revoked'} ` +
          `(it is now ${info.fingerprint}, which does not match ${knownHostsPath}). Refusing to connect.`);
        return verify(false);
      }
      if (!prompts.unknownHostKey) {
        hostKeyFailure = new VirError(VIR_ERR_SSH, VIR_FROM_SSH,
          `Host key verification failed: ${info.host} is not in ${knownHostsPath} (${info.keyType} ${info.fingerprint})`);
        return verify(false);
      }
      const question = prompts.unknownHostKey;
      ask(() => question(info)).then((trust) => {
        if (trust) {
          try {
            mkdirSync(dirname(knownHostsPath), { recursive: true });
            appendFileSync(knownHostsPath, knownHostsLine(target.host, target.port, keyBlob));
          } catch {
            // Trusted for this connection even if it cannot be recorded.
          }
          verify(true);
        } else {
          hostKeyFailure = new VirError(VIR_ERR_SSH, VIR_FROM_SSH, `Host key of ${info.host} (${info.fingerprint}) was not accepted`);
          verify(false);
        }
      }, () => verify(false));
    };

    const progress: AuthProgress = { allowed: null, passwordTried: false, passwordCancelled: false, tried: [] };
    const methods = authMethods(target, prompts, progress, ask);
    const authHandler = (left: AuthenticationType[] | null, _partial: boolean, next: (m: AnyAuthMethod | false) => void): void => {
      if (left) progress.allowed = left;
      methods.next().then((r) => next(r.done ? false : r.value), () => next(false));
    };

    const onError = (e: Error): void => {
      if (hostKeyFailure) return fail(hostKeyFailure);
      const level = (e as Error & { level?: string }).level;
      const who = `${target.user}@${target.host}:${target.port}`;
      if (level === 'client-authentication') {
        if (progress.passwordCancelled) return fail(new VirError(VIR_ERR_AUTH_CANCELLED, VIR_FROM_SSH, `authentication cancelled for ${who}: no password was given`));
        const allows = progress.allowed ? `; the server allows: ${progress.allowed.join(', ')}` : '';
        const why = progress.passwordTried
          ? 'the password was not accepted'
          : progress.tried.length > 0
            ? `no key was accepted (tried: ${progress.tried.join(', ')}${allows})`
            : `there was no key to offer: no SSH agent and no key file (${target.identityFiles.join(', ') || '~/.ssh/id_*'})${allows}`;
        return fail(new VirError(VIR_ERR_AUTH_FAILED, VIR_FROM_SSH, `authentication failed for ${who}: ${why}`));
      }
      fail(sshError(`cannot connect to ${target.host}:${target.port}: ${systemErrorText(e)}`));
    };
    const onReady = (): void => {
      client.removeListener('error', onError);
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve();
    };
    // Errors after the first (or after ready) end the connection; channels see their own close.
    client.on('error', () => {});
    client.once('ready', onReady);
    client.once('error', onError);
    // ssh2 reports a peer that just hangs up during the login (LoginGraceTime, MaxStartups) with no error.
    client.once('close', () => fail(hostKeyFailure ?? sshError(`cannot connect to ${target.host}:${target.port}: the server closed the connection during login`)));
    const config: ConnectConfig = {
      host: target.host,
      port: target.port,
      username: target.user,
      readyTimeout: 0,
      keepaliveInterval: 15_000,
      hostVerifier: hostVerifier as ConnectConfig['hostVerifier'],
      authHandler: authHandler as ConnectConfig['authHandler'],
      ...(sock ? { sock } : {}),
    };
    arm();
    client.connect(config);
  });
}

/**
 * "none" first, to learn what the server accepts (as OpenSSH does); then agent, identity files (asking for
 * passphrases), then password: one method per server request.
 */
async function* authMethods(target: Target, prompts: SshPrompts, progress: AuthProgress, ask: <T>(q: () => Promise<T>) => Promise<T>): AsyncGenerator<AnyAuthMethod> {
  const username = target.user;
  yield { type: 'none', username };
  const agent = prompts.agentSocket === undefined ? process.env['SSH_AUTH_SOCK'] : prompts.agentSocket;
  if (agent) {
    progress.tried.push('the SSH agent');
    yield { type: 'agent', username, agent };
  }
  for (const path of target.identityFiles) {
    if (!existsSync(path)) continue;
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch {
      continue;
    }
    const parsed = utils.parseKey(data);
    if (!(parsed instanceof Error)) {
      progress.tried.push(path);
      yield { type: 'publickey', username, key: data };
      continue;
    }
    const question = prompts.passphrase;
    if (!/encrypt|passphrase/i.test(parsed.message) || !question) continue;
    const passphrase = await ask(() => question({ keyPath: path }));
    if (passphrase === null) continue;
    if (utils.parseKey(data, passphrase) instanceof Error) continue;
    progress.tried.push(path);
    yield { type: 'publickey', username, key: data, passphrase };
  }
  // Asking for a password the server would refuse anyway (key-only hosts, root with prohibit-password)
  // only makes the user type it for nothing.
  const question = prompts.password;
  if (question && (progress.allowed === null || progress.allowed.includes('password'))) {
    const password = await ask(() => question({ user: username, host: target.host }));
    if (password === null) {
      progress.passwordCancelled = true;
      return;
    }
    progress.passwordTried = true;
    yield { type: 'password', username, password };
  }
}

function sshError(message: string): VirError {
  return new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_SSH, message);
}

/** Single-quotes a word for the remote POSIX shell. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The remote command that joins the channel to the daemon, as libvirt builds it for each proxy mode. */
export function remoteProxyCommand(uri: ConnectionUri): string {
  const proxy = (uriParam(uri, 'proxy') ?? 'auto').toLowerCase();
  const netcat = uriParam(uri, 'netcat') ?? 'nc';
  const socket = uriParam(uri, 'socket');
  const helper = `virt-ssh-helper ${shellQuote(daemonUri(uri))}`;
  const session = uri.path === '/session';
  const sockDir = session ? '${XDG_RUNTIME_DIR:-$HOME/.cache}/libvirt' : '/run/libvirt';
  const modular = uri.driver === 'qemu' ? 'virtqemud' : 'virtproxyd';
  // Prefer the per-driver daemon's socket when it exists, as libvirt does for netcat mode.
  const pickSocket = socket !== undefined
    ? `S=${shellQuote(socket)}`
    : `if test -S "${sockDir}/${modular}-sock"; then S="${sockDir}/${modular}-sock"; else S="${sockDir}/libvirt-sock"; fi`;
  const nc = `${pickSocket}; exec ${shellQuote(netcat)} -U "$S"`;
  switch (proxy) {
    case 'native':
      return `sh -c ${shellQuote(`exec ${helper}`)}`;
    case 'netcat':
      return `sh -c ${shellQuote(nc)}`;
    case 'auto':
      // The helper knows the daemon layout best, but it cannot honour an explicit socket.
      if (socket !== undefined) return `sh -c ${shellQuote(nc)}`;
      return `sh -c ${shellQuote(`if command -v virt-ssh-helper >/dev/null 2>&1; then exec ${helper}; else ${nc}; fi`)}`;
    default:
      throw new VirError(VIR_ERR_INVALID_ARG, VIR_FROM_SSH, `unknown proxy mode '${proxy}' (expected auto, netcat or native)`);
  }
}

/** The program that joins the SSH channel to the daemon, as a person would recognise it. */
function proxyName(uri: ConnectionUri): string {
  const proxy = (uriParam(uri, 'proxy') ?? 'auto').toLowerCase();
  const netcat = `${uriParam(uri, 'netcat') ?? 'nc'} -U`;
  if (proxy === 'native') return 'virt-ssh-helper';
  if (proxy === 'netcat' || uriParam(uri, 'socket') !== undefined) return netcat;
  return `virt-ssh-helper or ${netcat}`;
}

/** Opens an exec channel to the daemon over the shared SSH connection of the URI's host. */
export async function openSshTransport(uri: ConnectionUri, prompts: SshPrompts): Promise<OpenedTransport> {
  if (!uri.host) throw new VirError(VIR_ERR_INVALID_ARG, VIR_FROM_SSH, `an ssh URI needs a host: ${uri.text}`);
  const noVerify = uriFlag(uri, 'no_verify');
  const knownHostsPath = uriParam(uri, 'known_hosts') ?? prompts.knownHostsPath ?? join(homedir(), '.ssh', 'known_hosts');
  const target = resolveTarget(uri.host, uri.user, uri.port, uriParam(uri, 'keyfile'), prompts);
  const { client, release } = await acquire(target, prompts, noVerify, knownHostsPath);
  const command = remoteProxyCommand(uri);
  let channel: ClientChannel;
  try {
    channel = await new Promise<ClientChannel>((resolve, reject) =>
      client.exec(command, (err, ch) => (err ? reject(err) : resolve(ch))));
  } catch (e) {
    release();
    throw sshError(`cannot start the remote proxy on ${target.host}: ${systemErrorText(e)}`);
  }
  // Keep the tail of the remote command's stderr ("virt-ssh-helper: not found", "nc: … No such file"): it
  // explains a session that ends at once. Reading it also keeps the channel's window open.
  let stderrTail = '';
  channel.stderr.on('data', (d: Buffer) => {
    stderrTail = (stderrTail + d.toString('utf8')).slice(-1000);
  });
  const who = `${target.user}@${target.host}:${target.port}`;
  return {
    io: channel,
    describe: `libvirt daemon on ${who} (ssh)`,
    diagnostics: () => stderrTail.trim(),
    release,
    unanswered: (s) => `The SSH login to ${who} worked, but the remote command (${proxyName(uri)}) did not answer within ${s} s: ` +
      'is the libvirt daemon running there, and is its socket the right one?',
    // A further channel of the same SSH connection (its own reference on it): never a new login, never a listening port.
    tunnel: async (where: TunnelTarget): Promise<Stream> => {
      const shared = await acquire(target, prompts, noVerify, knownHostsPath);
      const what = describeTunnelTarget(where);
      try {
        const ch = await new Promise<ClientChannel>((resolve, reject) => {
          const done = (err: Error | undefined, c: ClientChannel): void => (err ? reject(err) : resolve(c));
          if ('socket' in where) shared.client.openssh_forwardOutStreamLocal(where.socket, done);
          else shared.client.forwardOut('127.0.0.1', 0, reachableAddress(where.host, '127.0.0.1'), where.port, done);
        });
        return new SocketStream(ch, `${what} on ${who}`, shared.release);
      } catch (e) {
        shared.release();
        throw sshError(`cannot open a tunnel to ${what} on ${who}: ${systemErrorText(e)}`);
      }
    },
  };
}

/**
 * Opens a further channel on a host's shared SSH connection: a TCP forward (e.g. to a VNC port on the host's
 * loopback). The caller must call `release` after the channel closes.
 */
export async function openSshForward(uri: ConnectionUri, prompts: SshPrompts, host: string, port: number): Promise<{ channel: ClientChannel; release: () => void }> {
  if (!uri.host) throw new VirError(VIR_ERR_INVALID_ARG, VIR_FROM_SSH, `an ssh URI needs a host: ${uri.text}`);
  const knownHostsPath = uriParam(uri, 'known_hosts') ?? prompts.knownHostsPath ?? join(homedir(), '.ssh', 'known_hosts');
  const target = resolveTarget(uri.host, uri.user, uri.port, uriParam(uri, 'keyfile'), prompts);
  const { client, release } = await acquire(target, prompts, uriFlag(uri, 'no_verify'), knownHostsPath);
  try {
    const channel = await new Promise<ClientChannel>((resolve, reject) =>
      client.forwardOut('127.0.0.1', 0, host, port, (err, ch) => (err ? reject(err) : resolve(ch))));
    return { channel, release };
  } catch (e) {
    release();
    throw sshError(`cannot open a tunnel to ${host}:${port}: ${systemErrorText(e)}`);
  }
}

/** Open shared SSH connections (for tests: one per host, however many channels). */
export function sshConnectionCount(): number {
  return pool.size;
}
