import { XmlError } from '../core/xml-error.js';

/** A parsed IP address: its family and value as an integer (IPv6 needs 128 bits). */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/** An IP network as libvirt's `<ip address= prefix=|netmask=>` describes it. */
export interface IpNetwork {
  readonly family: 4 | 6;
  /** The host's own address in the network (libvirt's `address`). */
  readonly address: IpAddress;
  readonly prefix: number;
  readonly network: bigint;
  /** Last address of the network (broadcast for IPv4). */
  readonly last: bigint;
}

export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let v = 0n;
  for (const p of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p) || Number(p) > 255) return undefined;
    v = (v << 8n) | BigInt(p);
  }
  return v;
}

export function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return undefined;
  let tail4: bigint | undefined;
  let body = text;
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail4 = parseIpv4(text.slice(lastColon + 1));
    if (tail4 === undefined) return undefined;
    body = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = body.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = rest === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  if (groups.length !== 8 || (rest !== undefined && h.length + t.length > 7)) return undefined;
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    v = (v << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail4 !== undefined) v = (v & ~0xffffffffn) | tail4;
  return v;
}

export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  if (v6 !== undefined) return { family: 6, value: v6 };
  return undefined;
}

/** Prefix length of a contiguous IPv4 netmask, or undefined. */
export function netmaskToPrefix(mask: string): number | undefined {
  const v = parseIpv4(mask);
  if (v === undefined) return undefined;
  for (let p = 0; p <= 32; p++) {
    const m = p === 0 ? 0n : ((1n << BigInt(p)) - 1n) << BigInt(32 - p);
    if (m === v) return p;
  }
  return undefined;
}

/**
 * Validates `<ip address=… prefix=…|netmask=…>`: a valid address, a valid prefix for its family,
 * and (IPv4) an address that is neither the network nor the broadcast address.
 * Returns the network or throws XmlError naming the field.
 */
export function validateIpNetwork(address: string, prefixOrNetmask: number | string, field = 'ip'): IpNetwork {
  const addr = parseIp(address);
  if (addr === undefined) throw new XmlError(`${field}.address`, `'${address}' is not an IPv4 or IPv6 address`);
  const bits = addr.family === 4 ? 32 : 128;
  let prefix: number | undefined;
  if (typeof prefixOrNetmask === 'number' || /^[0-9]+$/.test(prefixOrNetmask)) {
    prefix = Number(prefixOrNetmask);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) {
      throw new XmlError(`${field}.prefix`, `prefix must be 0–${bits} for IPv${addr.family}, got ${String(prefixOrNetmask)}`);
    }
  } else {
    if (addr.family === 6) throw new XmlError(`${field}.netmask`, 'IPv6 networks take a prefix, not a netmask');
    prefix = netmaskToPrefix(prefixOrNetmask);
    if (prefix === undefined) throw new XmlError(`${field}.netmask`, `'${prefixOrNetmask}' is not a valid netmask`);
  }
  const hostBits = BigInt(bits - prefix);
  const hostMask = (1n << hostBits) - 1n;
  const network = addr.value & ~hostMask & ((1n << BigInt(bits)) - 1n);
  const last = network | hostMask;
  if (addr.family === 4 && prefix < 31 && (addr.value === network || addr.value === last)) {
    throw new XmlError(`${field}.address`, `${address} is the ${addr.value === network ? 'network' : 'broadcast'} address of /${prefix}; use a host address`);
  }
  return { family: addr.family, address: addr, prefix, network, last };
}

/** Validates a DHCP range: both ends in `net`, same family, start ≤ end, not the network/broadcast or host address. */
export function validateDhcpRange(net: IpNetwork, start: string, end: string, field = 'dhcp.range'): XmlError | undefined {
  const s = parseIp(start);
  const e = parseIp(end);
  if (s === undefined) return new XmlError(`${field}.start`, `'${start}' is not an IP address`);
  if (e === undefined) return new XmlError(`${field}.end`, `'${end}' is not an IP address`);
  for (const [which, a, text] of [['start', s, start], ['end', e, end]] as const) {
    if (a.family !== net.family) return new XmlError(`${field}.${which}`, `${text} is IPv${a.family} but the network is IPv${net.family}`);
    if (a.value < net.network || a.value > net.last) return new XmlError(`${field}.${which}`, `${text} is outside the network`);
    if (net.family === 4 && net.prefix < 31 && (a.value === net.network || a.value === net.last)) {
      return new XmlError(`${field}.${which}`, `${text} is the network's ${a.value === net.network ? 'network' : 'broadcast'} address`);
    }
  }
  if (s.value > e.value) return new XmlError(field, `range start ${start} is after its end ${end}`);
  if (net.address.value >= s.value && net.address.value <= e.value) {
    return new XmlError(field, `range ${start}–${end} includes the host's own address`);
  }
  return undefined;
}
