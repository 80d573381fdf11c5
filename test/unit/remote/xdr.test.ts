import { describe, expect, it } from 'vitest';
import { FrameDecoder, beginFrame, endFrame, decodeHeader, MessageType, MessageStatus, MESSAGE_MAX } from '../../../drivers/remote/packet.js';
import { PROCEDURES } from '../../../drivers/remote/procedures.js';
import { typedParam } from '../../../drivers/remote/remote-types.js';
import { XdrError, XdrReader, XdrWriter } from '../../../drivers/remote/xdr.js';
import { array, fixedChars, optional, string, struct, int, uhyper } from '../../../drivers/remote/xdr-types.js';

function roundTrip<T>(t: { encode(w: XdrWriter, v: T): void; decode(r: XdrReader): T }, v: T): { bytes: Buffer; back: T } {
  const w = new XdrWriter(4);
  t.encode(w, v);
  const bytes = Buffer.from(w.bytes());
  const r = new XdrReader(bytes);
  const back = t.decode(r);
  r.done();
  return { bytes, back };
}

describe('XDR', () => {
  it('pads strings to 4 bytes and keeps UTF-8', () => {
    const { bytes, back } = roundTrip(string(100), 'héllo');
    expect(bytes.toString('hex')).toBe('0000000668c3a96c6c6f0000');
    expect(back).toBe('héllo');
  });

  it('encodes optional data as a flag then the value', () => {
    expect(roundTrip(optional(int), null).bytes.toString('hex')).toBe('00000000');
    expect(roundTrip(optional(int), -2).bytes.toString('hex')).toBe('00000001fffffffe');
  });

  it('encodes 64-bit values exactly up to 2^53', () => {
    const { bytes, back } = roundTrip(uhyper, 2 ** 53 - 1);
    expect(bytes.toString('hex')).toBe('001fffffffffffff');
    expect(back).toBe(2 ** 53 - 1);
  });

  it('sends char[n] as n four-byte units', () => {
    const { bytes, back } = roundTrip(fixedChars(4), 'ab');
    expect(bytes.length).toBe(16);
    expect(back).toBe('ab');
  });

  it('round-trips structs, arrays and typed parameters', () => {
    const t = struct({ a: int, list: array(struct({ s: string(10) }), 5) });
    expect(roundTrip(t, { a: 7, list: [{ s: 'x' }, { s: 'yz' }] }).back).toEqual({ a: 7, list: [{ s: 'x' }, { s: 'yz' }] });
    for (const p of [
      { field: 'i', value: { type: 1, value: -5 } }, { field: 'u', value: { type: 2, value: 5 } },
      { field: 'l', value: { type: 3, value: -(2 ** 40) } }, { field: 'ul', value: { type: 4, value: 2 ** 50 } },
      { field: 'd', value: { type: 5, value: 0.25 } }, { field: 'b', value: { type: 6, value: true } },
      { field: 's', value: { type: 7, value: 'str' } },
    ] as const) {
      expect(roundTrip(typedParam, p).back).toEqual(p);
    }
  });

  it('rejects lengths beyond their limit or beyond the data, before allocating', () => {
    const w = new XdrWriter();
    w.uint(0x7fffffff);
    expect(() => string(1000).decode(new XdrReader(Buffer.from(w.bytes())))).toThrow(XdrError);
    expect(() => array(int, 2 ** 32).decode(new XdrReader(Buffer.from(w.bytes())))).toThrow(/cannot fit/);
    expect(() => int.decode(new XdrReader(Buffer.alloc(2)))).toThrow(/truncated/);
    expect(() => new XdrWriter().int(2 ** 31)).toThrow(XdrError);
  });
});

describe('framing', () => {
  const frame = (serial: number) => {
    const w = beginFrame({ program: 0x20008086, version: 1, procedure: 59, type: MessageType.REPLY, serial, status: MessageStatus.OK });
    PROCEDURES.CONNECT_GET_HOSTNAME.ret.encode(w, { hostname: `host-${serial}` });
    return endFrame(w);
  };

  it('writes the length (including itself) and the 24-byte header', () => {
    const f = frame(9);
    expect(f.readUInt32BE(0)).toBe(f.length);
    const h = decodeHeader(new XdrReader(f, 4));
    expect(h).toEqual({ program: 0x20008086, version: 1, procedure: 59, type: 1, serial: 9, status: 0 });
  });

  it('reassembles frames split at any byte and several frames in one chunk', () => {
    const all = Buffer.concat([frame(1), frame(2), frame(3)]);
    for (let cut = 1; cut < all.length; cut += 3) {
      const d = new FrameDecoder();
      const serials: number[] = [];
      const on = (f: Buffer) => serials.push(decodeHeader(new XdrReader(f)).serial);
      d.push(all.subarray(0, cut), on);
      d.push(all.subarray(cut), on);
      expect(serials).toEqual([1, 2, 3]);
      expect(d.pending).toBe(0);
    }
  });

  it('refuses too-short and too-long length words at once', () => {
    const d = new FrameDecoder();
    const b = Buffer.alloc(8);
    b.writeUInt32BE(27, 0);
    expect(() => d.push(b, () => {})).toThrow(/shorter than a header/);
    const big = Buffer.alloc(8);
    big.writeUInt32BE(MESSAGE_MAX + 5, 0);
    expect(() => new FrameDecoder().push(big, () => {})).toThrow(/exceeds/);
  });
});
