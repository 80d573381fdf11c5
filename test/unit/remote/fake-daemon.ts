// A fake libvirt daemon of our own on a real unix socket: it reads CALL frames and lets a test decide
// what bytes to send back. Replies are built with the same procedure table the client uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beginFrame, endFrame, FrameDecoder, MessageStatus, MessageType, REMOTE_PROGRAM, type PacketHeader } from '../../../drivers/remote/packet.js';
import { PROCEDURES, PROCEDURE_NAMES, type ProcedureName, type RetOf } from '../../../drivers/remote/procedures.js';
import { remoteError } from '../../../drivers/remote/remote-types.js';
import { XdrReader } from '../../../drivers/remote/xdr.js';
import type { XdrType } from '../../../drivers/remote/xdr-types.js';
import { decodeHeader } from '../../../drivers/remote/packet.js';

export interface IncomingCall {
  readonly header: PacketHeader;
  readonly name: ProcedureName | undefined;
  readonly socket: Socket;
}

export class FakeDaemon {
  readonly path: string;
  private readonly dir: string;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly onCall: (call: IncomingCall) => void) {
    this.dir = mkdtempSync(join(tmpdir(), 'hangar-fake-'));
    this.path = join(this.dir, 'sock');
    this.server = createServer((s) => this.accept(s));
  }

  static async start(onCall: (call: IncomingCall) => void): Promise<FakeDaemon> {
    const d = new FakeDaemon(onCall);
    await new Promise<void>((resolve) => d.server.listen(d.path, resolve));
    return d;
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => {});
    const decoder = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      try {
        decoder.push(chunk, (frame) => {
          const header = decodeHeader(new XdrReader(frame));
          if (header.type !== MessageType.CALL) return;
          this.onCall({ header, name: PROCEDURE_NAMES.get(header.procedure), socket });
        });
      } catch {
        socket.destroy();
      }
    });
  }

  /** The sockets of the clients connected now. */
  connections(): Socket[] {
    return [...this.sockets];
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A well-formed OK reply to a call. */
export function replyFrame<N extends ProcedureName>(name: N, serial: number, ret: RetOf<N>): Buffer {
  const w = beginFrame({
    program: REMOTE_PROGRAM, version: 1, procedure: PROCEDURES[name].number, type: MessageType.REPLY, serial, status: MessageStatus.OK,
  });
  (PROCEDURES[name].ret as XdrType<unknown>).encode(w, ret);
  return endFrame(w);
}

/** A well-formed error reply. */
export function errorFrame(procedure: number, serial: number, code: number, domain: number, message: string): Buffer {
  const w = beginFrame({ program: REMOTE_PROGRAM, version: 1, procedure, type: MessageType.REPLY, serial, status: MessageStatus.ERROR });
  remoteError.encode(w, { code, domain, message, level: 2, dom: null, str1: null, str2: null, str3: null, int1: -1, int2: -1, net: null });
  return endFrame(w);
}
