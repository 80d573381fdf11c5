import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';

/**
 * Makes a TCP port inside the lab's network namespace reachable on 127.0.0.1 outside it: each accepted
 * connection is joined to `nc 127.0.0.1 <port>` started in the namespace with nsenter.
 */
export class TcpForward {
  private readonly children = new Set<ChildProcess>();
  private readonly sockets = new Set<Socket>();
  private constructor(private readonly server: Server, readonly port: number) {}

  static async open(namespacePid: number, innerPort: number): Promise<TcpForward> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    const forward = new TcpForward(server, address.port);
    server.on('connection', (socket) => forward.join(socket, namespacePid, innerPort));
    return forward;
  }

  private join(socket: Socket, namespacePid: number, innerPort: number): void {
    const child = spawn('nsenter', ['-t', String(namespacePid), '-n', '--', 'nc', '127.0.0.1', String(innerPort)], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.children.add(child);
    this.sockets.add(socket);
    socket.pipe(child.stdin);
    child.stdout.pipe(socket);
    const end = (): void => {
      socket.destroy();
      child.kill('SIGKILL');
    };
    socket.on('close', end);
    socket.on('error', end);
    child.stdin.on('error', end);
    child.on('exit', () => {
      this.children.delete(child);
      socket.end();
    });
    child.on('close', () => this.sockets.delete(socket));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const exits = [...this.children].map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) resolve();
      else c.once('exit', () => resolve());
      c.kill('SIGKILL');
    }));
    await Promise.all(exits);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
