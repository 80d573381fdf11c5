// Byte channels: binary streams beside calls and events (volume upload/download, consoles). A call opens one and
// its result names it; then frames flow both ways. This file is the wire format, the same on both transports: a
// WebSocket binary message or a MessagePort message is one frame, `[op u8][channel id u32 BE][payload]`.
import type { CallName, CallResults } from './index.js';

export type ChannelId = number;

/** What a call that opens a channel answers. */
export interface ChannelOpened {
  readonly channel: ChannelId;
}

/** The calls whose result is a channel. */
export type ChannelCall = { [C in CallName]: CallResults[C] extends ChannelOpened ? C : never }[CallName];

/**
 * Bytes a sender may have sent and not yet seen acknowledged, per channel and direction. The receiver
 * acknowledges what its application consumed, so its buffer never holds more than this.
 */
export const CHANNEL_WINDOW = 1024 * 1024;
/** Largest data payload of one frame: well below MAX_TEXT_FRAME, and small enough to keep channels interleaved. */
export const CHANNEL_CHUNK = 64 * 1024;
/** Largest WebSocket message the service accepts: a call's JSON (the largest inputs are 4 MB of XML). */
export const MAX_TEXT_FRAME = 16 * 1024 * 1024;
/** A close reason is cut to this many characters. */
export const MAX_CLOSE_REASON = 500;

export type ChannelFrame =
  | { readonly type: 'data'; readonly bytes: Uint8Array }
  /** The receiver consumed this many more bytes: the sender may send as many again. */
  | { readonly type: 'ack'; readonly bytes: number }
  /** The sender sends no more data (a half-close); the other direction stays open. */
  | { readonly type: 'end' }
  /** The channel is over; `error` says whether it failed (an upload the host refused) or ended as meant. */
  | { readonly type: 'close'; readonly reason: string; readonly error: boolean };

const OP = { data: 0, ack: 1, end: 2, close: 3 } as const;
const HEADER = 5;
const MAX_ID = 0xffff_ffff;

export function encodeChannelFrame(id: ChannelId, frame: ChannelFrame): Uint8Array<ArrayBuffer> {
  let payload: Uint8Array;
  switch (frame.type) {
    case 'data':
      payload = frame.bytes;
      break;
    case 'ack':
      payload = new Uint8Array(4);
      new DataView(payload.buffer).setUint32(0, frame.bytes);
      break;
    case 'end':
      payload = new Uint8Array(0);
      break;
    case 'close': {
      const reason = new TextEncoder().encode(frame.reason.slice(0, MAX_CLOSE_REASON));
      payload = new Uint8Array(1 + reason.byteLength);
      payload[0] = frame.error ? 1 : 0;
      payload.set(reason, 1);
      break;
    }
  }
  const out = new Uint8Array(HEADER + payload.byteLength);
  const view = new DataView(out.buffer);
  view.setUint8(0, OP[frame.type]);
  view.setUint32(1, id);
  out.set(payload, HEADER);
  return out;
}

/** One frame from the wire, or null when the bytes are not a well-formed frame. Data is a view, not a copy. */
export function decodeChannelFrame(message: Uint8Array | ArrayBuffer): { readonly id: ChannelId; readonly frame: ChannelFrame } | null {
  const bytes = message instanceof Uint8Array ? message : new Uint8Array(message);
  if (bytes.byteLength < HEADER) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = view.getUint32(1);
  const payload = bytes.subarray(HEADER);
  switch (view.getUint8(0)) {
    case OP.data:
      return payload.byteLength <= CHANNEL_CHUNK ? { id, frame: { type: 'data', bytes: payload } } : null;
    case OP.ack:
      return payload.byteLength === 4 ? { id, frame: { type: 'ack', bytes: view.getUint32(HEADER) } } : null;
    case OP.end:
      return payload.byteLength === 0 ? { id, frame: { type: 'end' } } : null;
    case OP.close:
      if (payload.byteLength < 1 || payload.byteLength > 1 + 4 * MAX_CLOSE_REASON) return null;
      return { id, frame: { type: 'close', error: payload[0] !== 0, reason: new TextDecoder().decode(payload.subarray(1)) } };
    default:
      return null;
  }
}

export function isChannelId(id: unknown): id is ChannelId {
  return typeof id === 'number' && Number.isInteger(id) && id > 0 && id <= MAX_ID;
}
