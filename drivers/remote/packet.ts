// libvirt RPC framing (src/rpc/virnetprotocol.x): every message is
//   uint length (including itself) | header (6 × 4 bytes) | payload.
import { XdrError, XdrReader, XdrWriter } from './xdr.js';

export const REMOTE_PROGRAM = 0x20008086;
export const REMOTE_PROTOCOL_VERSION = 1;
export const KEEPALIVE_PROGRAM = 0x6b656570;
export const KEEPALIVE_PROTOCOL_VERSION = 1;
export const KEEPALIVE_PROC_PING = 1;
export const KEEPALIVE_PROC_PONG = 2;

export const MessageType = { CALL: 0, REPLY: 1, MESSAGE: 2, STREAM: 3, CALL_WITH_FDS: 4, REPLY_WITH_FDS: 5 } as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];
export const MessageStatus = { OK: 0, ERROR: 1, CONTINUE: 2 } as const;
export type MessageStatus = (typeof MessageStatus)[keyof typeof MessageStatus];

/** VIR_NET_MESSAGE_MAX: the largest header+payload a peer may send. */
export const MESSAGE_MAX = 16_777_216;
export const LENGTH_BYTES = 4;
export const HEADER_BYTES = 24;
/** libvirt sends stream data in chunks of at most this (VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX). */
export const STREAM_CHUNK = 262_144;

export interface PacketHeader {
  readonly program: number;
  readonly version: number;
  readonly procedure: number;
  readonly type: MessageType;
  readonly serial: number;
  readonly status: MessageStatus;
}

/** Starts a frame: reserves the length word and writes the header; finish with `endFrame`. */
export function beginFrame(h: PacketHeader, sizeHint = 128): XdrWriter {
  const w = new XdrWriter(sizeHint);
  w.uint(0);
  w.uint(h.program);
  w.uint(h.version);
  w.int(h.procedure);
  w.int(h.type);
  w.uint(h.serial);
  w.int(h.status);
  return w;
}

export function endFrame(w: XdrWriter): Buffer {
  if (w.length - LENGTH_BYTES > MESSAGE_MAX) throw new XdrError(`message of ${w.length} bytes exceeds the protocol maximum`);
  w.patchUint(0, w.length);
  // Copy: the writer's buffer may be larger than the frame and is not ours to keep.
  return Buffer.from(w.bytes());
}

export function decodeHeader(r: XdrReader): PacketHeader {
  const program = r.uint();
  const version = r.uint();
  const procedure = r.int();
  const type = r.int();
  const serial = r.uint();
  const status = r.int();
  if (type < 0 || type > 5) throw new XdrError(`unknown message type ${type}`);
  if (status < 0 || status > 2) throw new XdrError(`unknown message status ${status}`);
  return { program, version, procedure, type: type as MessageType, serial, status: status as MessageStatus };
}

/**
 * Cuts a byte stream into frames. Holds at most one partial frame (bounded by MESSAGE_MAX), and rejects
 * a length that is too small or too large before buffering anything for it.
 */
export class FrameDecoder {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Feeds bytes; calls `onFrame` with each complete frame (header+payload, without the length word). */
  push(chunk: Buffer, onFrame: (frame: Buffer) => void): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= LENGTH_BYTES) {
      const head = this.peekLength();
      if (head < LENGTH_BYTES + HEADER_BYTES) throw new XdrError(`frame length ${head} is shorter than a header`);
      if (head > LENGTH_BYTES + MESSAGE_MAX) throw new XdrError(`frame length ${head} exceeds the protocol maximum`);
      if (this.buffered < head) return;
      const whole = this.take(head);
      onFrame(whole.subarray(LENGTH_BYTES));
    }
  }

  /** Bytes held for an incomplete frame. */
  get pending(): number {
    return this.buffered;
  }

  private peekLength(): number {
    if (this.chunks[0]!.length < LENGTH_BYTES) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0]!.readUInt32BE(0);
  }

  private take(n: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length >= n) {
      const out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
      this.buffered -= n;
      return out;
    }
    const out = Buffer.allocUnsafe(n);
    let off = 0;
    while (off < n) {
      const c = this.chunks[0]!;
      const k = Math.min(c.length, n - off);
      c.copy(out, off, 0, k);
      off += k;
      if (k === c.length) this.chunks.shift();
      else this.chunks[0] = c.subarray(k);
    }
    this.buffered -= n;
    return out;
  }
}

export function readerFor(frame: Buffer): XdrReader {
  return new XdrReader(frame);
}
