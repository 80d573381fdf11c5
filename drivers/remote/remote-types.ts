// The shared data types of libvirt's REMOTE program (src/remote/remote_protocol.x,
// src/rpc/virnetprotocol.x), described once with the combinators of xdr-types.ts.
import {
  array, bool, double, fixedOpaque, hyper, int, mapped, optional, string, struct, uhyper, uint, union,
  type XdrValue,
} from './xdr-types.js';

export const REMOTE_STRING_MAX = 4194304; // VIR_NET_MESSAGE_STRING_MAX; newer daemons allow more than 1 MiB
export const REMOTE_LIST_MAX = 1_048_576; // generous cap on list lengths (libvirt's own limits vary by list)

export const nonnullString = string(REMOTE_STRING_MAX);
export const optString = optional(nonnullString);

/** UUIDs travel as 16 raw bytes; Hangar uses the canonical text form. */
export const uuid = mapped(fixedOpaque(16), uuidToString, uuidToBytes);

export function uuidToString(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function uuidToBytes(s: string): Buffer {
  const hex = s.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new TypeError(`not a UUID: ${s}`);
  return Buffer.from(hex, 'hex');
}

export const domainRef = struct({ name: nonnullString, uuid, id: int });
export const networkRef = struct({ name: nonnullString, uuid });
export const poolRef = struct({ name: nonnullString, uuid });
export const volumeRef = struct({ pool: nonnullString, name: nonnullString, key: nonnullString });
export const nodeDeviceRef = struct({ name: nonnullString });
export const snapshotRef = struct({ name: nonnullString, dom: domainRef });

export type DomainRef = XdrValue<typeof domainRef>;
export type NetworkRef = XdrValue<typeof networkRef>;
export type PoolRef = XdrValue<typeof poolRef>;
export type VolumeRef = XdrValue<typeof volumeRef>;
export type NodeDeviceRef = XdrValue<typeof nodeDeviceRef>;
export type SnapshotRef = XdrValue<typeof snapshotRef>;

/** remote_error / virNetMessageError: the payload of every failed reply. */
export const remoteError = struct({
  code: int,
  domain: int,
  message: optString,
  level: int,
  dom: optional(domainRef),
  str1: optString,
  str2: optString,
  str3: optString,
  int1: int,
  int2: int,
  net: optional(networkRef),
});
export type RemoteErrorPayload = XdrValue<typeof remoteError>;

/** VIR_TYPED_PARAM_* */
export const TypedParamType = { INT: 1, UINT: 2, LLONG: 3, ULLONG: 4, DOUBLE: 5, BOOLEAN: 6, STRING: 7 } as const;

export const typedParamValue = union({
  1: int,
  2: uint,
  3: hyper,
  4: uhyper,
  5: double,
  6: bool,
  7: nonnullString,
});
export const typedParam = struct({ field: nonnullString, value: typedParamValue });
export type TypedParam = XdrValue<typeof typedParam>;
export const typedParams = array(typedParam, REMOTE_LIST_MAX);

/** Flattens typed parameters into a plain record (last value wins, as libvirt's getters do). */
export function typedParamsToRecord(params: readonly TypedParam[]): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  for (const p of params) out[p.field] = p.value.value;
  return out;
}

/** Encodes a plain record as typed parameters; numbers become ULLONG unless a type is given. */
export function recordToTypedParams(
  record: Readonly<Record<string, number | boolean | string>>,
  types: Readonly<Record<string, number>> = {},
): TypedParam[] {
  return Object.entries(record).map(([field, v]): TypedParam => {
    const t = types[field];
    if (typeof v === 'string') return { field, value: { type: 7, value: v } };
    if (typeof v === 'boolean') return { field, value: { type: 6, value: v } };
    switch (t) {
      case 1: return { field, value: { type: 1, value: v } };
      case 2: return { field, value: { type: 2, value: v } };
      case 3: return { field, value: { type: 3, value: v } };
      case 5: return { field, value: { type: 5, value: v } };
      default: return { field, value: { type: 4, value: v } };
    }
  });
}
