// The wizards' field checks, as pure functions: each returns the message (an i18n key of the wizards area and
// its values) to show at the field, or undefined when the input is good. No React, so a table test covers them.
import { parseIp, parseIpv4, unitFactor, validateIpNetwork, validateMac, validateName, XmlError, type NamedObject } from '../../../drivers/xml/index.js';

export interface FieldError {
  readonly key: string;
  readonly values?: Readonly<Record<string, string | number>>;
}

const err = (key: string, values?: Record<string, string | number>): FieldError => (values ? { key: `wizards.error.${key}`, values } : { key: `wizards.error.${key}` });

/** A libvirt object name; `taken` are the names already on the host. */
export function checkName(name: string, what: NamedObject, taken: readonly string[] = []): FieldError | undefined {
  if (name.trim() === '') return err('nameRequired');
  if (name !== name.trim()) return err('nameSpaces');
  const libvirt = validateName(name, what);
  if (libvirt) {
    if (name.includes('/')) return err('nameSlash');
    if (new TextEncoder().encode(name).length > 255) return err('nameLong');
    if (name === '.' || name === '..') return err('nameDots');
    if (what === 'network' && /\s/.test(name)) return err('nameWhitespace');
    return err('nameControl');
  }
  // virt-install's rule for new VMs: names that are safe in file names and on the command line.
  if (what === 'domain' && !/^[A-Za-z0-9_.:+-]+$/.test(name)) return err('nameChars');
  if (taken.includes(name)) return err('nameTaken', { name });
  return undefined;
}

export const SIZE_UNITS = ['MiB', 'GiB', 'TiB'] as const;
export type SizeUnit = (typeof SIZE_UNITS)[number];

/** A size typed as a number and chosen unit: its bytes, or the message. */
export function parseSizeField(text: string, unit: string, limits: { min?: number; max?: number } = {}): { bytes: number } | FieldError {
  const t = text.trim();
  if (t === '') return err('sizeRequired');
  if (!/^\d+(\.\d+)?$/.test(t)) return err('sizeNumber');
  const factor = unitFactor(unit);
  if (factor === undefined) return err('sizeUnit', { unit });
  const bytes = Math.round(Number(t) * factor);
  if (bytes <= 0) return err('sizePositive');
  if (!Number.isSafeInteger(bytes)) return err('sizeHuge');
  if (limits.min !== undefined && bytes < limits.min) return err('sizeMin', { min: formatBytesPlain(limits.min) });
  if (limits.max !== undefined && bytes > limits.max) return err('sizeMax', { max: formatBytesPlain(limits.max) });
  return { bytes };
}

export function isFieldError(v: unknown): v is FieldError {
  return typeof v === 'object' && v !== null && 'key' in v;
}

/** Sizes in messages: MiB/GiB with up to one decimal (the units are the same in every language). */
export function formatBytesPlain(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${Number(gib.toFixed(1))} GiB`;
  return `${Number((bytes / 1024 ** 2).toFixed(1))} MiB`;
}

/** Memory in MiB: at least 16, at most the host's; below the OS's minimum is a warning, not an error (see memoryWarning). */
export function checkMemoryMiB(text: string, hostBytes: number | undefined): FieldError | undefined {
  const t = text.trim();
  if (t === '') return err('memoryRequired');
  if (!/^\d+$/.test(t)) return err('memoryInteger');
  const mib = Number(t);
  if (mib < 16) return err('memoryMin');
  if (hostBytes !== undefined && mib * 1024 * 1024 > hostBytes) return err('memoryHost', { host: formatBytesPlain(hostBytes) });
  return undefined;
}

export function memoryWarning(mib: number, osMinimumBytes: number | undefined, osName: string): FieldError | undefined {
  if (osMinimumBytes !== undefined && mib * 1024 * 1024 < osMinimumBytes) return err('memoryBelowOs', { os: osName, min: formatBytesPlain(osMinimumBytes) });
  return undefined;
}

export function checkVcpus(text: string, hostCpus: number | undefined, maxVcpus: number | undefined): FieldError | undefined {
  const t = text.trim();
  if (t === '') return err('vcpusRequired');
  if (!/^\d+$/.test(t)) return err('vcpusInteger');
  const n = Number(t);
  if (n < 1) return err('vcpusMin');
  if (maxVcpus !== undefined && n > maxVcpus) return err('vcpusMachine', { max: maxVcpus });
  if (hostCpus !== undefined && n > hostCpus) return err('vcpusHost', { host: hostCpus });
  return undefined;
}

/** An install tree's URL: http, https, ftp or nfs, with a host. */
export function checkInstallUrl(text: string): FieldError | undefined {
  const t = text.trim();
  if (t === '') return err('urlRequired');
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return err('urlInvalid');
  }
  // Main fetches the tree's kernel itself, over http(s) only.
  if (!['http:', 'https:'].includes(url.protocol)) return err('urlScheme', { scheme: url.protocol.replace(/:$/, '') });
  if (!url.hostname) return err('urlHost');
  return undefined;
}

export function checkKernelArgs(text: string): FieldError | undefined {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f]/.test(text)) return err('kernelArgsLine');
  if (text.length > 4096) return err('kernelArgsLong');
  return undefined;
}

export function checkMac(text: string): FieldError | undefined {
  const t = text.trim();
  if (t === '') return undefined; // libvirt picks one
  const e = validateMac(t);
  if (!e) return undefined;
  if (!/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/i.test(t)) return err('macFormat');
  return err('macMulticast');
}

/** An absolute path on the host. */
export function checkPath(text: string, required = true): FieldError | undefined {
  const t = text.trim();
  if (t === '') return required ? err('pathRequired') : undefined;
  if (!t.startsWith('/')) return err('pathAbsolute');
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f]/.test(t)) return err('pathControl');
  if (t.split('/').some((p) => p === '..')) return err('pathDots');
  return undefined;
}

/** A host name (RFC 1123 labels) or an IP address. */
export function checkHost(text: string): FieldError | undefined {
  const t = text.trim();
  if (t === '') return err('hostRequired');
  if (parseIp(t)) return undefined;
  if (/^[\d.]+$/.test(t)) return err('hostIp');
  if (t.length > 253 || !t.split('.').every((l) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l))) return err('hostName');
  return undefined;
}

/** A guest's host name (one label). */
export function checkHostname(text: string): FieldError | undefined {
  const t = text.trim();
  if (t === '') return err('hostnameRequired');
  if (!/^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(t)) return err('hostnameFormat');
  return undefined;
}

export function checkPort(text: string, required = false): FieldError | undefined {
  const t = text.trim();
  if (t === '') return required ? err('portRequired') : undefined;
  if (!/^\d+$/.test(t)) return err('portNumber');
  const n = Number(t);
  if (n < 1 || n > 65535) return err('portRange');
  return undefined;
}

/** A DNS domain for a network (e.g. example.lan). */
export function checkDnsDomain(text: string): FieldError | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (!t.split('.').every((l) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l))) return err('dnsDomain');
  return undefined;
}

/** A user name for cloud-init (what useradd accepts). */
export function checkUserName(text: string): FieldError | undefined {
  const t = text.trim();
  if (t === '') return err('userRequired');
  if (t === 'root') return err('userRoot');
  if (!/^[a-z_][a-z0-9_-]{0,31}$/.test(t)) return err('userFormat');
  return undefined;
}

/** One or more SSH public keys, one per line. */
export function checkSshKeys(text: string): FieldError | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  for (const [i, l] of lines.entries()) {
    if (!/^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp(256|384|521)|sk-(ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) [A-Za-z0-9+/]+=*( .*)?$/.test(l)) {
      return err('sshKey', { line: i + 1 });
    }
  }
  return undefined;
}

/** Password or SSH keys: cloud-init needs one way in. */
export function checkCloudLogin(password: string, keys: string): FieldError | undefined {
  if (password === '' && keys.trim() === '') return err('cloudLogin');
  if (password !== '' && password.length < 6) return err('passwordShort');
  return undefined;
}

/** Extra user-data: a #cloud-config document. */
export function checkUserData(text: string): FieldError | undefined {
  if (text.trim() === '') return undefined;
  if (!text.trimStart().startsWith('#cloud-config')) return err('userDataHeader');
  if (text.includes('\t')) return err('userDataTabs');
  return undefined;
}

export interface Ipv4Network {
  readonly network: bigint;
  readonly prefix: number;
  readonly last: bigint;
}

/** An IPv4 network in CIDR form (192.168.100.0/24): the network, or the message. */
export function parseIpv4Cidr(text: string): Ipv4Network | FieldError {
  const t = text.trim();
  if (t === '') return err('cidrRequired');
  const m = /^([^/]+)\/(\d{1,2})$/.exec(t);
  if (!m) return err('cidrFormat');
  const addr = parseIpv4(m[1]!);
  if (addr === undefined) return err('ipv4Address', { address: m[1]! });
  const prefix = Number(m[2]);
  if (prefix < 8 || prefix > 30) return err('ipv4Prefix');
  const hostMask = (1n << BigInt(32 - prefix)) - 1n;
  const network = addr & ~hostMask & 0xffffffffn;
  return { network, prefix, last: network | hostMask };
}

export function checkIpv6Cidr(text: string): FieldError | undefined {
  const t = text.trim();
  if (t === '') return err('cidrRequired');
  const m = /^([^/]+)\/(\d{1,3})$/.exec(t);
  if (!m) return err('cidrFormat');
  try {
    const net = validateIpNetwork(m[1]!, Number(m[2]));
    if (net.family !== 6) return err('ipv6Address', { address: m[1]! });
    // libvirt's DHCPv6 and router advertisements need a /64.
    if (net.prefix !== 64) return err('ipv6Prefix');
  } catch (e) {
    if (e instanceof XmlError) return err('ipv6Address', { address: m[1]! });
    throw e;
  }
  return undefined;
}

export const ipv4Text = (v: bigint): string => [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 255n)).join('.');

/** virt-manager's derivation: the gateway is the first address, DHCP the second half of the network. */
export function deriveIpv4(net: Ipv4Network): { gateway: string; dhcpStart: string; dhcpEnd: string } {
  const size = net.last - net.network + 1n;
  return { gateway: ipv4Text(net.network + 1n), dhcpStart: ipv4Text(net.network + size / 2n), dhcpEnd: ipv4Text(net.last - 1n) };
}

/** A DHCP range end given by hand: inside the network, not its network/broadcast address, not the gateway. */
export function checkDhcpAddress(text: string, net: Ipv4Network, gateway: string): FieldError | undefined {
  const v = parseIpv4(text.trim());
  if (v === undefined) return err('ipv4Address', { address: text.trim() });
  if (v <= net.network || v >= net.last) return err('dhcpOutside');
  if (ipv4Text(v) === gateway) return err('dhcpGateway');
  return undefined;
}

/** Another network of the host whose IPv4 range overlaps `net`, by name. */
export function overlappingNetwork(net: Ipv4Network, others: readonly { name: string; cidrs: readonly Ipv4Network[] }[]): FieldError | undefined {
  for (const o of others) {
    for (const c of o.cidrs) if (c.network <= net.last && net.network <= c.last) return err('subnetOverlap', { name: o.name });
  }
  return undefined;
}

/** An iSCSI qualified name (iqn.2003-01.org.example:target) or an EUI. */
export function checkIqn(text: string): FieldError | undefined {
  const t = text.trim();
  if (t === '') return err('iqnRequired');
  if (!/^(iqn\.\d{4}-\d{2}\.[a-z0-9.-]+(:.+)?|eui\.[0-9A-Fa-f]{16})$/.test(t)) return err('iqnFormat');
  return undefined;
}

/** A volume name with the suffix of its format (virt-manager adds .qcow2 / .img). */
export function checkVolumeName(name: string, format: string, taken: readonly string[]): FieldError | undefined {
  const base = checkName(name, 'volume', taken);
  if (base) return base;
  const suffix = volumeSuffix(format);
  if (suffix && !name.endsWith(suffix)) return err('volumeSuffix', { suffix });
  return undefined;
}

export function volumeSuffix(format: string): string {
  return format === 'qcow2' ? '.qcow2' : format === 'raw' ? '.img' : format === 'iso' ? '.iso' : format ? `.${format}` : '';
}

/** The first of `base`, `base-2`, `base-3`… that no object has. */
export function uniqueName(base: string, taken: readonly string[], suffix = ''): string {
  const has = new Set(taken);
  if (!has.has(`${base}${suffix}`)) return `${base}${suffix}`;
  for (let i = 2; ; i++) if (!has.has(`${base}-${i}${suffix}`)) return `${base}-${i}${suffix}`;
}
