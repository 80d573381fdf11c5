// Where a Demo host guest's NICs get their addresses, the way libvirt's test driver invents them: on a libvirt
// network, the start of its DHCP range (or its own address) plus 20 × (domain ID − 1) + NIC index + 1; on
// anything else, 192.168.0.<NIC index + 1>/24. DHCP leases of a network follow from the same rule, except for a
// MAC the network reserves an address for (<dhcp><host mac ip name/>), which gets that address and name as
// dnsmasq gives them on libvirtd.
import * as api from '../api/index.js';
import type { DemoHost } from './demo-host.js';
import type { DomainObject } from './domain-object.js';
import { testError } from './errors.js';
import { type XmlElement } from '../xml/index.js';

export interface NicAddress {
  readonly nic: XmlElement;
  readonly ifname: string;
  readonly mac: string | null;
  readonly network: string | null;
  readonly type: number;
  readonly addr: string;
  readonly prefix: number;
}

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}
function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (Math.floor(n / 2 ** s) % 256).toString()).join('.');
}
function prefixOf(ip: XmlElement): number {
  if (ip.attr('prefix') !== undefined) return Number(ip.attr('prefix'));
  const netmask = ip.attr('netmask');
  if (netmask !== undefined) return netmask.split('.').reduce((n, o) => n + Number(o).toString(2).replace(/0/g, '').length, 0);
  return ip.attr('family') === 'ipv6' ? 64 : 24;
}

/** Addresses of every NIC of an active domain. */
export function guestAddresses(host: DemoHost, dom: DomainObject): NicAddress[] {
  const devices = dom.def.path('devices');
  const nics = devices ? devices.childrenNamed('interface') : [];
  return nics.map((nic, i) => {
    const ifname = nic.path('target')?.attr('dev') ?? `vnet${i}`;
    const mac = nic.path('mac')?.attr('address') ?? null;
    if (nic.attr('type') !== 'network') {
      return { nic, ifname, mac, network: null, type: api.VIR_IP_ADDR_TYPE_IPV4, addr: `192.168.0.${1 + i}`, prefix: 24 };
    }
    const netName = nic.path('source')?.attr('network') ?? '';
    const net = host.networkByName(netName);
    if (!net) throw testError(api.VIR_ERR_NO_NETWORK, `no network with matching name '${netName}'`);
    const ip = net.def.childrenNamed('ip')[0];
    const offset = 20 * (dom.id - 1) + i + 1;
    if (!ip) return { nic, ifname, mac, network: netName, type: api.VIR_IP_ADDR_TYPE_IPV4, addr: intToIpv4(offset), prefix: 0 };
    const range = ip.path('dhcp/range');
    const base = range?.attr('start') ?? ip.attr('address') ?? '0.0.0.0';
    if (ip.attr('family') === 'ipv6') {
      const head = base.slice(0, base.lastIndexOf(':') + 1);
      const last = parseInt(base.slice(base.lastIndexOf(':') + 1) || '0', 16);
      return { nic, ifname, mac, network: netName, type: api.VIR_IP_ADDR_TYPE_IPV6, addr: `${head}${((last + offset) % 0x10000).toString(16)}`, prefix: prefixOf(ip) };
    }
    return { nic, ifname, mac, network: netName, type: api.VIR_IP_ADDR_TYPE_IPV4, addr: intToIpv4(ipv4ToInt(base) + offset), prefix: prefixOf(ip) };
  });
}

/** The DHCP leases a network would show: one per NIC of a running guest on it, if it serves DHCP. */
export function networkLeases(host: DemoHost, networkName: string, now: number): api.DhcpLease[] {
  const net = host.networkByName(networkName);
  if (!net || !net.active) return [];
  const ip = net.def.childrenNamed('ip')[0];
  const dhcp = ip ? ip.path('dhcp') : undefined;
  if (!dhcp) return [];
  const bridge = net.def.path('bridge')?.attr('name') ?? '';
  const reserved = new Map(
    dhcp.childrenNamed('host')
      .filter((h) => h.attr('mac') !== undefined && h.attr('ip') !== undefined)
      .map((h) => [(h.attr('mac') as string).toLowerCase(), h] as const),
  );
  const out: api.DhcpLease[] = [];
  for (const dom of host.domains.values()) {
    if (!dom.active) continue;
    for (const a of guestAddresses(host, dom)) {
      if (a.network !== networkName) continue;
      const reservation = a.mac === null ? undefined : reserved.get(a.mac.toLowerCase());
      out.push({
        iface: bridge,
        expirytime: Math.floor(now / 1000) + 3600,
        type: a.type,
        mac: a.mac,
        iaid: null,
        ipaddr: reservation?.attr('ip') ?? a.addr,
        prefix: a.prefix,
        hostname: reservation?.attr('name') ?? dom.name,
        clientid: a.mac ? `01:${a.mac}` : null,
      });
    }
  }
  return out;
}
