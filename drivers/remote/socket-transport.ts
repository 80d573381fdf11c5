// Plain socket transports: a unix socket (`qemu:///system`, `+unix`) or TCP (`+tcp`, libvirtd's
// unauthenticated listener on 16509).
import { existsSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { homedir } from 'node:os';
import type { Duplex } from 'node:stream';
import { VirError, VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE } from '../api.js';
import { defaultPort, localSocketPath, type ConnectionUri } from '../uri.js';

export interface OpenedTransport {
  readonly io: Duplex;
  /** What the far side said on its error channel (e.g. the remote proxy command's stderr), for close messages. */
  readonly diagnostics?: () => string;
  /** Releases what the transport holds besides `io` (e.g. a shared SSH connection's reference). */
  readonly release?: () => void;
  /** Names the peer in messages ("libvirtd at /run/libvirt/libvirt-sock"). */
  readonly describe: string;
}

/** Connects a socket and resolves once it is connected; the caller owns the socket. */
export function connectSocket(options: { path: string } | { host: string; port: number }, timeoutMs = 30_000): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(options);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`timed out after ${timeoutMs} ms`));
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

export async function openUnixTransport(uri: ConnectionUri): Promise<OpenedTransport> {
  const path = localSocketPath(uri, {
    exists: existsSync,
    runtimeDir: process.env['XDG_RUNTIME_DIR'],
    home: homedir(),
  });
  try {
    return { io: await connectSocket({ path }), describe: `libvirt daemon at ${path}` };
  } catch (e) {
    throw new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE, `Failed to connect socket to '${path}': ${(e as Error).message}`);
  }
}

export async function openTcpTransport(uri: ConnectionUri): Promise<OpenedTransport> {
  const host = uri.host ?? 'localhost';
  const port = uri.port ?? defaultPort('tcp');
  try {
    return { io: await connectSocket({ host, port }), describe: `libvirt daemon at ${host}:${port}` };
  } catch (e) {
    throw new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE, `unable to connect to server at '${host}:${port}': ${(e as Error).message}`);
  }
}
