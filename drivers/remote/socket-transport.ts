// Plain socket transports: a unix socket (`qemu:///system`, `+unix`) or TCP (`+tcp`, libvirtd's
// unauthenticated listener on 16509).
import { existsSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { homedir } from 'node:os';
import type { Duplex } from 'node:stream';
import { describeTunnelTarget, VirError, VIR_ERR_NO_CONNECT, VIR_ERR_SYSTEM_ERROR, VIR_FROM_REMOTE, type Stream, type TunnelTarget } from '../api/index.js';
import { defaultPort, localSocketPath, type ConnectionUri } from '../uri.js';
import { SocketStream } from './socket-stream.js';
import { systemErrorText } from './system-error.js';

/** How long a connection may take, from the first packet to libvirt's answer to the opening handshake. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;

export interface OpenedTransport {
  readonly io: Duplex;
  /** What the far side said on its error channel (e.g. the remote proxy command's stderr), for close messages. */
  readonly diagnostics?: () => string;
  /** Releases what the transport holds besides `io` (e.g. a shared SSH connection's reference). */
  readonly release?: () => void;
  /** Names the peer in messages ("libvirtd at /run/libvirt/libvirt-sock"). */
  readonly describe: string;
  /**
   * Says what it means when the peer took the connection but sent nothing within `seconds` (a socket that is
   * not libvirt's, a frozen daemon, a remote proxy stuck on its way to the daemon).
   */
  readonly unanswered: (seconds: string) => string;
  /** Reaches a socket on the daemon's host (Connection.openTunnel); absent when the transport cannot. */
  readonly tunnel?: (target: TunnelTarget) => Promise<Stream>;
}

/** A wildcard listen address means the host itself. */
export function reachableAddress(address: string, host: string): string {
  return address === '' || address === '0.0.0.0' || address === '::' || address === '[::]' ? host : address;
}

/**
 * A direct socket to a service on the daemon's host: unix sockets only when that host is this machine. `host` is
 * what a wildcard listen address stands for.
 */
function directTunnel(host: string, local: boolean): (target: TunnelTarget) => Promise<Stream> {
  return async (target) => {
    const what = describeTunnelTarget(target);
    if ('socket' in target && !local) {
      throw new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE, `the unix socket ${what} is on another host, which this transport cannot reach (use ssh)`);
    }
    try {
      const io = await connectSocket('socket' in target ? { path: target.socket } : { host: reachableAddress(target.host, host), port: target.port });
      return new SocketStream(io, what);
    } catch (e) {
      throw new VirError(VIR_ERR_SYSTEM_ERROR, VIR_FROM_REMOTE, `Failed to connect to ${what}: ${systemErrorText(e)}`);
    }
  };
}

/** Connects a socket and resolves once it is connected; the caller owns the socket. */
export function connectSocket(options: { path: string } | { host: string; port: number }, timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(options);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`Connection timed out after ${seconds(timeoutMs)} s`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeListener('error', onError);
      socket.setNoDelay?.(true);
      resolve(socket);
    });
    const onError = (e: Error): void => {
      clearTimeout(timer);
      socket.destroy();
      reject(e);
    };
    socket.once('error', onError);
  });
}

/** A duration in seconds as messages show it: "20", "0.5". */
export function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

export async function openUnixTransport(uri: ConnectionUri, timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS): Promise<OpenedTransport> {
  const path = localSocketPath(uri, {
    exists: existsSync,
    runtimeDir: process.env['XDG_RUNTIME_DIR'],
    home: homedir(),
  });
  try {
    return {
      io: await connectSocket({ path }, timeoutMs),
      describe: `libvirt daemon at ${path}`,
      tunnel: directTunnel('127.0.0.1', true),
      unanswered: (s) => `The socket ${path} accepted the connection but did not answer within ${s} s: is it libvirt's socket, and is the daemon running?`,
    };
  } catch (e) {
    throw new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE, `Failed to connect socket to '${path}': ${systemErrorText(e)}`);
  }
}

export async function openTcpTransport(uri: ConnectionUri, timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS): Promise<OpenedTransport> {
  const host = uri.host ?? 'localhost';
  const port = uri.port ?? defaultPort('tcp');
  try {
    return {
      io: await connectSocket({ host, port }, timeoutMs),
      describe: `libvirt daemon at ${host}:${port}`,
      tunnel: directTunnel(host, host === 'localhost' || host === '127.0.0.1' || host === '::1'),
      unanswered: (s) => `The server at '${host}:${port}' accepted the connection but did not answer within ${s} s: is a libvirt daemon listening there?`,
    };
  } catch (e) {
    throw new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE, `unable to connect to server at '${host}:${port}': ${systemErrorText(e)}`);
  }
}
