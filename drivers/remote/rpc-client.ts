// One RPC session over a byte stream: serials with many calls in flight, one reader loop that
// demultiplexes replies, events and stream data, keepalive, and a single close path that fails
// every pending call. It owns the byte stream and destroys it on close.
import type { Duplex } from 'node:stream';
import { VirError, VIR_ERR_INTERNAL_ERROR, VIR_ERR_INVALID_CONN, VIR_ERR_RPC, VIR_FROM_REMOTE, VIR_FROM_RPC } from '../api/index.js';
import { CONNECTION_CLOSED_EVENT, connectionClosedMsg, EVENTS_BY_NUMBER, EVENT_MESSAGES, type RemoteEvent } from './event-messages.js';
import {
  beginFrame, decodeHeader, endFrame, FrameDecoder, KEEPALIVE_PROC_PING, KEEPALIVE_PROC_PONG,
  KEEPALIVE_PROGRAM, KEEPALIVE_PROTOCOL_VERSION, MessageStatus, MessageType, REMOTE_PROGRAM, REMOTE_PROTOCOL_VERSION,
  type PacketHeader,
} from './packet.js';
import { PROCEDURES, type ArgsOf, type ProcedureName, type RetOf } from './procedures.js';
import { remoteError } from './remote-types.js';
import { RpcStream } from './rpc-stream.js';
import { systemErrorText } from './system-error.js';
import { XdrReader } from './xdr.js';
import { xvoid, type XdrType } from './xdr-types.js';

/** Why a session ended (libvirt's virConnectCloseReason values). */
export const CloseReason = { ERROR: 0, EOF: 1, KEEPALIVE: 2, CLIENT: 3 } as const;
export type CloseReason = (typeof CloseReason)[keyof typeof CloseReason];

export interface CloseInfo {
  readonly reason: CloseReason;
  /** What happened, for logs and for the error every pending call fails with. */
  readonly message: string;
}

export interface KeepaliveOptions {
  /** Seconds of silence from the peer before we send a PING (libvirt's default is 5). */
  readonly interval: number;
  /** Unanswered PINGs after which the peer is declared dead (libvirt's default is 5). */
  readonly count: number;
}

interface Pending {
  readonly label: string;
  /** Waiting for the daemon to confirm the end of a stream (it answers with a STREAM or a REPLY packet). */
  readonly streamEnd?: boolean;
  readonly procedure: number;
  readonly ret: XdrType<unknown>;
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/** Decodes a remote_error payload into a VirError. */
export function decodeRemoteError(r: XdrReader): VirError {
  const e = remoteError.decode(r);
  return new VirError(e.code, e.domain, e.message ?? 'unknown error', {
    level: e.level, str1: e.str1, str2: e.str2, str3: e.str3, int1: e.int1, int2: e.int2,
  });
}

export class RpcClient {
  private serial = 1;
  private outgoing: Buffer[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly streams = new Map<number, RpcStream>();
  private readonly decoder = new FrameDecoder();
  private readonly eventListeners = new Set<(e: RemoteEvent) => void>();
  private readonly closeListeners = new Set<(info: CloseInfo) => void>();
  private closed: CloseInfo | undefined;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private lastHeard = Date.now();
  private unansweredPings = 0;
  /** Streams whose consumers are full; the transport is paused while any is. */
  private readonly throttled = new Set<RpcStream>();

  constructor(
    private readonly io: Duplex,
    /** Names the peer in messages ("libvirt daemon at /run/libvirt/libvirt-sock"). */
    readonly describe = 'libvirt daemon',
    private readonly diagnostics: () => string = () => '',
  ) {
    io.on('data', (chunk: Buffer) => this.onData(chunk));
    io.on('end', () => this.shutdown({ reason: CloseReason.EOF, message: `${this.describe} closed the connection` }));
    io.on('close', () => this.shutdown({ reason: CloseReason.EOF, message: `${this.describe} closed the connection` }));
    io.on('error', (e: Error & { code?: string }) => {
      // A reset or broken pipe is the peer going away, as libvirt reports it: end of file.
      const gone = e.code === 'ECONNRESET' || e.code === 'EPIPE';
      this.shutdown({ reason: gone ? CloseReason.EOF : CloseReason.ERROR, message: `${this.describe}: ${systemErrorText(e)}` });
    });
  }

  get isOpen(): boolean {
    return this.closed === undefined;
  }

  get closeInfo(): CloseInfo | undefined {
    return this.closed;
  }

  /** Calls in flight (for tests and diagnostics). */
  get inFlight(): number {
    return this.pending.size;
  }

  /** Issues a call; many may be outstanding at once, replies are matched by serial. */
  call<N extends ProcedureName>(name: N, args: ArgsOf<N>): Promise<RetOf<N>> {
    return this.send(name, args, undefined) as Promise<RetOf<N>>;
  }

  /** Issues a call that opens a stream; the stream exists before the call leaves, so no data is missed. */
  async callWithStream<N extends ProcedureName>(name: N, args: ArgsOf<N>): Promise<{ ret: RetOf<N>; stream: RpcStream }> {
    const proc = PROCEDURES[name];
    const serial = this.serial;
    const stream = new RpcStream(this, proc.number, serial, proc.stream);
    this.streams.set(serial, stream);
    try {
      const ret = (await this.send(name, args, stream)) as RetOf<N>;
      return { ret, stream };
    } catch (e) {
      this.streams.delete(serial);
      stream.fail(e instanceof VirError ? e : rpcError(String(e)));
      throw e;
    }
  }

  private send(name: ProcedureName, args: unknown, _stream: RpcStream | undefined): Promise<unknown> {
    if (this.closed) return Promise.reject(connectionClosedError(this.closed));
    const proc = PROCEDURES[name];
    const serial = this.nextSerial();
    let frame: Buffer;
    try {
      const w = beginFrame({
        program: REMOTE_PROGRAM, version: REMOTE_PROTOCOL_VERSION, procedure: proc.number,
        type: MessageType.CALL, serial, status: MessageStatus.OK,
      });
      (proc.args as XdrType<unknown>).encode(w, args);
      frame = endFrame(w);
    } catch (e) {
      return Promise.reject(new VirError(VIR_ERR_INTERNAL_ERROR, VIR_FROM_RPC, `cannot encode ${name}: ${(e as Error).message}`));
    }
    return new Promise((resolve, reject) => {
      this.pending.set(serial, { label: name, procedure: proc.number, ret: proc.ret as XdrType<unknown>, resolve, reject });
      this.enqueue(frame);
    });
  }

  /**
   * Calls issued in the same tick leave in one write: hundreds of small frames cost one syscall, not hundreds.
   */
  private enqueue(frame: Buffer): void {
    this.outgoing.push(frame);
    if (this.outgoing.length === 1) {
      queueMicrotask(() => {
        const batch = this.outgoing;
        this.outgoing = [];
        if (this.closed || batch.length === 0) return;
        this.io.write(batch.length === 1 ? batch[0]! : Buffer.concat(batch));
      });
    }
  }

  private nextSerial(): number {
    const s = this.serial;
    this.serial = this.serial >= 0xffff_ffff ? 1 : this.serial + 1;
    return s;
  }

  /** Sends one stream packet; resolves when the transport has taken it (write back-pressure). */
  sendStreamPacket(procedure: number, serial: number, status: MessageStatus, payload: Uint8Array | undefined): Promise<void> {
    if (this.closed) return Promise.reject(connectionClosedError(this.closed));
    const w = beginFrame({
      program: REMOTE_PROGRAM, version: REMOTE_PROTOCOL_VERSION, procedure, type: MessageType.STREAM, serial, status,
    }, (payload?.length ?? 0) + 32);
    if (payload) w.raw(payload);
    const frame = endFrame(w);
    return new Promise((resolve, reject) => {
      this.io.write(frame, (err) => (err ? reject(rpcError(systemErrorText(err))) : resolve()));
    });
  }

  /**
   * Ends our side of a stream (status OK = finish, ERROR = abort) and waits for the daemon's REPLY on the
   * stream's serial, as libvirt's client does.
   */
  endStream(procedure: number, serial: number, status: MessageStatus): Promise<void> {
    if (this.closed) return Promise.reject(connectionClosedError(this.closed));
    if (this.pending.has(serial)) return Promise.reject(rpcError('stream is already ending'));
    const done = new Promise<void>((resolve, reject) => {
      this.pending.set(serial, {
        label: `stream ${serial} ${status === MessageStatus.OK ? 'finish' : 'abort'}`,
        streamEnd: true, procedure, ret: xvoid, resolve: () => resolve(), reject,
      });
    });
    this.sendStreamPacket(procedure, serial, status, undefined).catch(() => {});
    return done;
  }

  /** Called by a stream whose consumer's queue is full / has room again. */
  throttle(stream: RpcStream, on: boolean): void {
    if (on) {
      this.throttled.add(stream);
      if (this.throttled.size === 1) this.io.pause();
    } else if (this.throttled.delete(stream) && this.throttled.size === 0 && !this.closed) {
      this.lastHeard = Date.now();
      this.io.resume();
    }
  }

  /** Forgets a finished stream. */
  releaseStream(serial: number): void {
    const s = this.streams.get(serial);
    if (s) {
      this.streams.delete(serial);
      this.throttle(s, false);
    }
  }

  onEvent(listener: (e: RemoteEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onClose(listener: (info: CloseInfo) => void): () => void {
    if (this.closed) {
      const info = this.closed;
      queueMicrotask(() => listener(info));
      return () => {};
    }
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /**
   * Starts keepalive: PING after `interval` seconds without hearing from the peer; after `count` unanswered
   * PINGs the session is closed with reason KEEPALIVE. Only call once the peer said it supports the program.
   */
  startKeepalive(opts: KeepaliveOptions): void {
    if (this.closed || this.keepaliveTimer) return;
    const intervalMs = Math.max(50, opts.interval * 1000);
    this.lastHeard = Date.now();
    this.keepaliveTimer = setInterval(() => {
      // While we ourselves stopped reading (a slow stream consumer), silence proves nothing.
      if (this.throttled.size > 0) return;
      if (Date.now() - this.lastHeard < intervalMs) return;
      if (this.unansweredPings >= opts.count) {
        this.shutdown({
          reason: CloseReason.KEEPALIVE,
          message: `no response from ${this.describe} for ${(opts.interval * (opts.count + 1)).toFixed(1)} s (keepalive)`,
        });
        return;
      }
      this.unansweredPings++;
      this.lastHeard = Date.now();
      this.sendKeepalive(KEEPALIVE_PROC_PING);
    }, Math.max(25, Math.floor(intervalMs / 4)));
    this.keepaliveTimer.unref();
  }

  private sendKeepalive(procedure: number): void {
    if (this.closed) return;
    const w = beginFrame({
      program: KEEPALIVE_PROGRAM, version: KEEPALIVE_PROTOCOL_VERSION, procedure,
      type: MessageType.MESSAGE, serial: 0, status: MessageStatus.OK,
    }, 32);
    this.io.write(endFrame(w));
  }

  /** Ends the session: fails pending calls and streams, closes the transport. Idempotent. */
  close(message = 'connection closed by the client'): void {
    this.shutdown({ reason: CloseReason.CLIENT, message });
  }

  /** Ends the session because of a fault this side found (e.g. a peer that never answered); reason ERROR. */
  abort(message: string): void {
    this.shutdown({ reason: CloseReason.ERROR, message });
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    this.lastHeard = Date.now();
    this.unansweredPings = 0;
    try {
      this.decoder.push(chunk, (frame) => this.onFrame(frame));
    } catch (e) {
      this.shutdown({ reason: CloseReason.ERROR, message: `protocol error from ${this.describe}: ${(e as Error).message}` });
    }
  }

  private onFrame(frame: Buffer): void {
    if (this.closed) return;
    const r = new XdrReader(frame);
    const h = decodeHeader(r);
    if (h.program === KEEPALIVE_PROGRAM) return this.onKeepalive(h);
    if (h.program !== REMOTE_PROGRAM) throw new Error(`unknown program 0x${h.program.toString(16)}`);
    if (h.version !== REMOTE_PROTOCOL_VERSION) throw new Error(`unknown protocol version ${h.version}`);
    switch (h.type) {
      case MessageType.REPLY: return this.onReply(h, r);
      case MessageType.MESSAGE: return this.onMessage(h, r);
      case MessageType.STREAM: return this.onStream(h, r);
      default: throw new Error(`unexpected message type ${h.type}`);
    }
  }

  private onKeepalive(h: PacketHeader): void {
    if (h.type !== MessageType.MESSAGE) throw new Error(`keepalive message of type ${h.type}`);
    if (h.procedure === KEEPALIVE_PROC_PING) this.sendKeepalive(KEEPALIVE_PROC_PONG);
    else if (h.procedure !== KEEPALIVE_PROC_PONG) throw new Error(`unknown keepalive procedure ${h.procedure}`);
  }

  private onReply(h: PacketHeader, r: XdrReader): void {
    const p = this.pending.get(h.serial);
    if (!p) throw new Error(`reply to unknown serial ${h.serial}`);
    if (p.procedure !== h.procedure) throw new Error(`reply for procedure ${h.procedure} to a ${p.label} call`);
    this.pending.delete(h.serial);
    // The frame itself was sound; a payload that does not decode fails only this call.
    if (h.status === MessageStatus.OK) {
      let value: unknown;
      try {
        value = p.ret.decode(r);
        r.done();
      } catch (e) {
        p.reject(rpcError(`bad reply to ${p.label}: ${(e as Error).message}`));
        return;
      }
      p.resolve(value);
    } else if (h.status === MessageStatus.ERROR) {
      let err: VirError;
      try {
        err = decodeRemoteError(r);
      } catch (e) {
        err = rpcError(`bad error reply to ${p.label}: ${(e as Error).message}`);
      }
      p.reject(err);
    } else {
      p.reject(rpcError(`reply with status CONTINUE to ${p.label}`));
    }
  }

  private onMessage(h: PacketHeader, r: XdrReader): void {
    if (h.procedure === CONNECTION_CLOSED_EVENT) {
      const { reason } = connectionClosedMsg.decode(r);
      this.shutdown({ reason: reason === CloseReason.KEEPALIVE ? CloseReason.KEEPALIVE : CloseReason.EOF, message: `${this.describe} closed the connection (reason ${reason})` });
      return;
    }
    const name = EVENTS_BY_NUMBER.get(h.procedure);
    if (!name) return; // An event this client does not know: libvirt's client ignores those too.
    const payload = EVENT_MESSAGES[name].msg.decode(r);
    r.done();
    const ev = { name, payload } as RemoteEvent;
    for (const l of [...this.eventListeners]) {
      try {
        l(ev);
      } catch {
        // A listener's failure is its own; it must not tear down the session.
      }
    }
  }

  private onStream(h: PacketHeader, r: XdrReader): void {
    const ending = this.pending.get(h.serial);
    if (ending?.streamEnd && h.status !== MessageStatus.CONTINUE) {
      if (ending.procedure !== h.procedure) throw new Error(`stream packet for procedure ${h.procedure} on a ${ending.label}`);
      this.pending.delete(h.serial);
      if (h.status === MessageStatus.OK) ending.resolve(undefined);
      else ending.reject(decodeRemoteError(r));
      const st = this.streams.get(h.serial);
      if (st) st.peerFinished();
      return;
    }
    const s = this.streams.get(h.serial);
    if (!s) return; // Late packets of a stream we already ended (e.g. the confirmation of an abort).
    if (s.procedure !== h.procedure) throw new Error(`stream packet for procedure ${h.procedure} on a ${s.procedure} stream`);
    if (h.status === MessageStatus.CONTINUE) {
      // An empty data packet is libvirt's end-of-stream marker.
      const data = r.rest();
      if (data.length === 0) s.peerFinished();
      else s.deliver(data);
    } else if (h.status === MessageStatus.OK) {
      s.peerFinished();
    } else {
      s.fail(decodeRemoteError(r));
    }
  }

  private shutdown(reported: CloseInfo): void {
    if (this.closed) return;
    const said = reported.reason === CloseReason.CLIENT ? '' : this.diagnostics();
    const info = said ? { reason: reported.reason, message: `${reported.message}: ${said}` } : reported;
    this.closed = info;
    if (this.keepaliveTimer) clearInterval(this.keepaliveTimer);
    this.keepaliveTimer = undefined;
    const err = connectionClosedError(info);
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) p.reject(err);
    const streams = [...this.streams.values()];
    this.streams.clear();
    this.throttled.clear();
    for (const s of streams) s.fail(err);
    this.io.destroy();
    for (const l of [...this.closeListeners]) {
      try {
        l(info);
      } catch {
        // ignore listener failures during close
      }
    }
    this.closeListeners.clear();
    this.eventListeners.clear();
  }
}

function rpcError(message: string): VirError {
  return new VirError(VIR_ERR_RPC, VIR_FROM_RPC, message);
}

function connectionClosedError(info: CloseInfo): VirError {
  return new VirError(
    info.reason === CloseReason.CLIENT ? VIR_ERR_INVALID_CONN : VIR_ERR_RPC,
    info.reason === CloseReason.CLIENT ? VIR_FROM_REMOTE : VIR_FROM_RPC,
    info.message,
  );
}

