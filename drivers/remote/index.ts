// drivers/remote: a libvirt client speaking the daemon's RPC protocol over unix sockets, TCP and SSH.
import { VirError, VIR_ERR_INVALID_ARG, VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE, type Connection, type OpenOptions } from '../api/index.js';
import { daemonUri, parseUri, UriError } from '../uri.js';
import { RemoteConnection } from './remote-connection.js';
import { RpcClient, type KeepaliveOptions } from './rpc-client.js';
import { DEFAULT_CONNECT_TIMEOUT_MS, openTcpTransport, openUnixTransport, type OpenedTransport } from './socket-transport.js';
import type { SshPrompts } from './ssh-transport.js';

export interface RemoteOpenOptions extends OpenOptions {
  /** Keepalive interval (s) and count; `false` disables keepalive. Default 5 × 5 as in libvirt. */
  readonly keepalive?: KeepaliveOptions | false;
  /** Callbacks and files for `+ssh` URIs. */
  readonly ssh?: SshPrompts;
  /**
   * How long connecting may take: the socket or SSH login (time spent answering prompts aside), then each call
   * of libvirt's opening handshake. Default 20 s; `ssh.timeoutMs`, when given, overrides it for the login.
   */
  readonly connectTimeoutMs?: number;
}

/** Opens a connection for any non-embedded URI: `qemu:///system`, `qemu+ssh://…`, `test+unix:///…?socket=…`. */
export async function openRemoteConnection(uri: string, options: RemoteOpenOptions = {}): Promise<RemoteConnection & Connection> {
  let parsed;
  try {
    parsed = parseUri(uri);
  } catch (e) {
    if (e instanceof UriError) throw new VirError(VIR_ERR_INVALID_ARG, VIR_FROM_REMOTE, e.message);
    throw e;
  }
  const timeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  let transport: OpenedTransport;
  switch (parsed.transport) {
    case 'unix':
      transport = await openUnixTransport(parsed, timeoutMs);
      break;
    case 'tcp':
      transport = await openTcpTransport(parsed, timeoutMs);
      break;
    case 'ssh':
    case 'libssh':
    case 'libssh2': {
      // Loaded only for SSH URIs: ssh2 and its crypto are most of the start-up time of a short command.
      const { openSshTransport } = await import('./ssh-transport.js');
      transport = await openSshTransport(parsed, { timeoutMs, ...options.ssh });
      break;
    }
    default:
      throw new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE, `transport '${parsed.transport}' is not supported by Hangar (use ssh, tcp or unix)`);
  }
  const rpc = new RpcClient(transport.io, transport.describe, transport.diagnostics);
  if (transport.release) rpc.onClose(transport.release);
  return RemoteConnection.open(rpc, {
    name: daemonUri(parsed),
    readOnly: options.readOnly ?? false,
    ...(options.keepalive !== undefined ? { keepalive: options.keepalive } : {}),
    answer: { timeoutMs, unanswered: transport.unanswered },
    ...(transport.tunnel ? { tunnel: transport.tunnel } : {}),
  });
}

export { RemoteConnection } from './remote-connection.js';
export { RemoteDomain, RemoteDomainSnapshot } from './remote-domain.js';
export { RemoteNetwork, type DhcpLease } from './remote-network.js';
export { RemoteStoragePool, RemoteStorageVolume } from './remote-storage.js';
export { RemoteNodeDevice } from './remote-node-device.js';
export { RpcClient, CloseReason, type CloseInfo, type KeepaliveOptions } from './rpc-client.js';
export type { SshPrompts, HostKeyInfo } from './ssh-transport.js';
