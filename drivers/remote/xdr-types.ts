// Declarative XDR type descriptions. Each value is both the encoder/decoder and, through
// `XdrValue<T>`, the TypeScript type of what it carries, so the procedure table in
// procedures.ts is the single source of argument and return types.
import { XdrError, type XdrReader, type XdrWriter } from './xdr.js';

export interface XdrType<T> {
  encode(w: XdrWriter, v: T): void;
  decode(r: XdrReader): T;
  /** The fewest bytes one value can occupy (bounds array counts before allocating). */
  readonly minBytes: number;
}

export type XdrValue<X> = X extends XdrType<infer T> ? T : never;

export const xvoid: XdrType<void> = { encode() {}, decode() {}, minBytes: 0 };

export const int: XdrType<number> = { encode: (w, v) => w.int(v), decode: (r) => r.int(), minBytes: 4 };
export const uint: XdrType<number> = { encode: (w, v) => w.uint(v), decode: (r) => r.uint(), minBytes: 4 };
export const hyper: XdrType<number> = { encode: (w, v) => w.hyper(v), decode: (r) => r.hyper(), minBytes: 8 };
export const uhyper: XdrType<number> = { encode: (w, v) => w.uhyper(v), decode: (r) => r.uhyper(), minBytes: 8 };
export const double: XdrType<number> = { encode: (w, v) => w.double(v), decode: (r) => r.double(), minBytes: 8 };
/** libvirt sends booleans as int. */
export const bool: XdrType<boolean> = {
  encode: (w, v) => w.int(v ? 1 : 0),
  decode: (r) => r.int() !== 0,
  minBytes: 4,
};

export function string(max: number): XdrType<string> {
  return { encode: (w, v) => w.string(v, max), decode: (r) => r.string(max), minBytes: 4 };
}

export function opaque(max: number): XdrType<Buffer> {
  return { encode: (w, v) => w.opaque(v, max), decode: (r) => r.opaque(max), minBytes: 4 };
}

export function fixedOpaque(length: number): XdrType<Buffer> {
  return {
    encode: (w, v) => w.fixedOpaque(v, length),
    decode: (r) => r.fixedOpaque(length),
    minBytes: length + ((4 - (length % 4)) % 4),
  };
}

/** Fixed-length `char x[n]` (remote_node_get_info_ret.model): XDR sends each char as a 4-byte int. */
export function fixedChars(length: number): XdrType<string> {
  return {
    encode: (w, v) => {
      const b = Buffer.alloc(length);
      b.write(v, 'utf8');
      for (const c of b) w.int(c > 127 ? c - 256 : c);
    },
    decode: (r) => {
      const b = Buffer.alloc(length);
      for (let i = 0; i < length; i++) b[i] = r.int() & 0xff;
      const nul = b.indexOf(0);
      return b.toString('utf8', 0, nul < 0 ? length : nul);
    },
    minBytes: 4 * length,
  };
}

/** XDR optional-data (`T *`): a boolean then the value. */
export function optional<T>(t: XdrType<T>): XdrType<T | null> {
  return {
    encode: (w, v) => {
      if (v === null || v === undefined) {
        w.uint(0);
      } else {
        w.uint(1);
        t.encode(w, v);
      }
    },
    decode: (r) => {
      const present = r.uint();
      if (present === 0) return null;
      if (present !== 1) throw new XdrError(`bad optional flag ${present}`);
      return t.decode(r);
    },
    minBytes: 4,
  };
}

export function array<T>(t: XdrType<T>, max: number): XdrType<T[]> {
  return {
    encode: (w, v) => {
      if (v.length > max) throw new XdrError(`array longer than ${max}`);
      w.uint(v.length);
      for (const item of v) t.encode(w, item);
    },
    decode: (r) => {
      const n = r.count(max, Math.max(1, t.minBytes));
      const out = new Array<T>(n);
      for (let i = 0; i < n; i++) out[i] = t.decode(r);
      return out;
    },
    minBytes: 4,
  };
}

type Fields = Record<string, XdrType<unknown>>;
export type StructValue<F extends Fields> = { [K in keyof F]: XdrValue<F[K]> };

export function struct<F extends Fields>(fields: F): XdrType<StructValue<F>> {
  const entries = Object.entries(fields);
  let minBytes = 0;
  for (const [, t] of entries) minBytes += t.minBytes;
  return {
    encode: (w, v) => {
      for (const [k, t] of entries) t.encode(w, (v as Record<string, unknown>)[k]);
    },
    decode: (r) => {
      const out: Record<string, unknown> = {};
      for (const [k, t] of entries) out[k] = t.decode(r);
      return out as StructValue<F>;
    },
    minBytes,
  };
}

/** A discriminated union on an int: `{ type, value }`. */
export function union<C extends Record<number, XdrType<unknown>>>(
  cases: C,
): XdrType<{ [K in keyof C & number]: { type: K; value: XdrValue<C[K]> } }[keyof C & number]> {
  type V = { type: number; value: unknown };
  const t: XdrType<V> = {
    encode: (w, v) => {
      const arm = cases[v.type];
      if (!arm) throw new XdrError(`no union arm ${v.type}`);
      w.int(v.type);
      arm.encode(w, v.value);
    },
    decode: (r) => {
      const type = r.int();
      const arm = cases[type];
      if (!arm) throw new XdrError(`unknown union discriminant ${type}`);
      return { type, value: arm.decode(r) };
    },
    minBytes: 4,
  };
  return t as unknown as XdrType<{ [K in keyof C & number]: { type: K; value: XdrValue<C[K]> } }[keyof C & number]>;
}

/** Maps a wire value to a friendlier one without a second description (e.g. uuid bytes ↔ string). */
export function mapped<W, T>(t: XdrType<W>, from: (w: W) => T, to: (v: T) => W): XdrType<T> {
  return { encode: (w, v) => t.encode(w, to(v)), decode: (r) => from(t.decode(r)), minBytes: t.minBytes };
}
