// XDR (RFC 4506) primitives: big-endian 4-byte units, padded opaque data and strings.
// The reader never trusts a length: every read is bounds-checked and limited, so a hostile
// frame fails with XdrError instead of allocating or reading past the end.

export class XdrError extends Error {
  override readonly name = 'XdrError';
}

const TWO_32 = 0x1_0000_0000;

/** A growable output buffer. */
export class XdrWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(initialSize = 256) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  get length(): number {
    return this.pos;
  }

  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int(v: number): void {
    if (!Number.isInteger(v) || v < -0x8000_0000 || v > 0x7fff_ffff) throw new XdrError(`int out of range: ${v}`);
    this.reserve(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
  }

  uint(v: number): void {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff_ffff) throw new XdrError(`unsigned int out of range: ${v}`);
    this.reserve(4);
    this.buf.writeUInt32BE(v, this.pos);
    this.pos += 4;
  }

  hyper(v: number | bigint): void {
    this.reserve(8);
    this.buf.writeBigInt64BE(BigInt(v), this.pos);
    this.pos += 8;
  }

  uhyper(v: number | bigint): void {
    this.reserve(8);
    this.buf.writeBigUInt64BE(BigInt(v), this.pos);
    this.pos += 8;
  }

  double(v: number): void {
    this.reserve(8);
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
  }

  /** Fixed-length opaque: the bytes then zero padding to 4. */
  fixedOpaque(data: Uint8Array, length: number): void {
    if (data.length !== length) throw new XdrError(`fixed opaque needs ${length} bytes, got ${data.length}`);
    this.raw(data);
    this.pad(length);
  }

  /** Variable-length opaque: length, bytes, padding. */
  opaque(data: Uint8Array, max: number): void {
    if (data.length > max) throw new XdrError(`opaque longer than ${max}`);
    this.uint(data.length);
    this.raw(data);
    this.pad(data.length);
  }

  string(s: string, max: number): void {
    const n = Buffer.byteLength(s, 'utf8');
    if (n > max) throw new XdrError(`string longer than ${max}`);
    this.uint(n);
    this.reserve(n);
    this.buf.write(s, this.pos, n, 'utf8');
    this.pos += n;
    this.pad(n);
  }

  /** Raw bytes with no length or padding (stream payloads). */
  raw(data: Uint8Array): void {
    this.reserve(data.length);
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  private pad(n: number): void {
    const p = (4 - (n % 4)) % 4;
    if (p === 0) return;
    this.reserve(p);
    this.buf.fill(0, this.pos, this.pos + p);
    this.pos += p;
  }

  /** Overwrites a 4-byte unsigned at an earlier offset (the frame length). */
  patchUint(offset: number, v: number): void {
    this.buf.writeUInt32BE(v, offset);
  }

  /** The written bytes (a view; valid until the next write). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** A bounds-checked cursor over one received message. */
export class XdrReader {
  private pos: number;

  constructor(private readonly buf: Buffer, start = 0, private readonly end = buf.length) {
    this.pos = start;
  }

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): void {
    if (this.pos + n > this.end) throw new XdrError(`truncated: need ${n} bytes, have ${this.end - this.pos}`);
  }

  int(): number {
    this.need(4);
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  /** 64-bit signed as a number (exact up to 2^53, which covers every size and counter libvirt reports). */
  hyper(): number {
    this.need(8);
    const hi = this.buf.readInt32BE(this.pos);
    const lo = this.buf.readUInt32BE(this.pos + 4);
    this.pos += 8;
    return hi * TWO_32 + lo;
  }

  uhyper(): number {
    this.need(8);
    const hi = this.buf.readUInt32BE(this.pos);
    const lo = this.buf.readUInt32BE(this.pos + 4);
    this.pos += 8;
    return hi * TWO_32 + lo;
  }

  double(): number {
    this.need(8);
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  fixedOpaque(length: number): Buffer {
    const padded = length + ((4 - (length % 4)) % 4);
    this.need(padded);
    const out = Buffer.from(this.buf.subarray(this.pos, this.pos + length));
    this.pos += padded;
    return out;
  }

  opaque(max: number): Buffer {
    const n = this.uint();
    if (n > max) throw new XdrError(`opaque length ${n} exceeds ${max}`);
    return this.fixedOpaque(n);
  }

  string(max: number): string {
    const n = this.uint();
    if (n > max) throw new XdrError(`string length ${n} exceeds ${max}`);
    const padded = n + ((4 - (n % 4)) % 4);
    this.need(padded);
    const s = this.buf.toString('utf8', this.pos, this.pos + n);
    this.pos += padded;
    return s;
  }

  /** Array/discriminant count, checked against a limit and against what the frame could hold. */
  count(max: number, minItemBytes: number): number {
    const n = this.uint();
    if (n > max) throw new XdrError(`array length ${n} exceeds ${max}`);
    if (n * minItemBytes > this.remaining) throw new XdrError(`array length ${n} cannot fit in the frame`);
    return n;
  }

  /** Everything left (stream payloads). */
  rest(): Buffer {
    const out = this.buf.subarray(this.pos, this.end);
    this.pos = this.end;
    return out;
  }

  /** Asserts the message was consumed exactly. */
  done(): void {
    if (this.pos !== this.end) throw new XdrError(`${this.end - this.pos} trailing bytes`);
  }
}
