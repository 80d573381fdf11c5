// The New network form's state, checks and the network it builds (pure).
import type { NetworkSummary } from '../../../main/api/contract/index.js';
import { buildNetwork, parseNetwork, XmlElement, type NetworkXml } from '../../../drivers/xml/index.js';
import {
  checkDhcpAddress, checkDnsDomain, checkIpv6Cidr, checkName, deriveIpv4, ipv4Text, isFieldError, overlappingNetwork, parseIpv4Cidr,
  uniqueName, type FieldError, type Ipv4Network,
} from '../common/validators.js';

export const NETWORK_MODES = ['nat', 'route', 'open', 'isolated', 'bridge', 'hostdev'] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

export interface NewNetworkState {
  readonly name: string;
  readonly mode: NetworkMode;
  /** The physical device NAT/routed traffic leaves by (empty: any); the host bridge; the SR-IOV physical function. */
  readonly device: string;
  readonly ipv4: boolean;
  readonly ipv4Cidr: string;
  readonly dhcp: boolean;
  readonly dhcpStart: string;
  readonly dhcpEnd: string;
  readonly ipv6: boolean;
  readonly ipv6Cidr: string;
  readonly domain: string;
}

/** The IPv4 networks of the host's other virtual networks, by name. */
export function hostSubnets(networks: readonly NetworkSummary[]): { name: string; cidrs: Ipv4Network[] }[] {
  return networks.map((n) => {
    try {
      const cidrs = parseNetwork(n.xml).ips.map((ip) => ip.network).filter((x) => x?.family === 4)
        .map((x) => ({ network: x!.network, prefix: x!.prefix, last: x!.last }));
      return { name: n.name, cidrs };
    } catch {
      return { name: n.name, cidrs: [] };
    }
  });
}

/** virt-manager's defaults: the name `network` made unique, NAT, the first free 192.168.N.0/24 from 100 up. */
export function initialNetwork(networks: readonly NetworkSummary[]): NewNetworkState {
  const subnets = hostSubnets(networks);
  let cidr = '192.168.100.0/24';
  for (let n = 100; n < 255; n++) {
    const c = parseIpv4Cidr(`192.168.${n}.0/24`);
    if (!isFieldError(c) && !overlappingNetwork(c, subnets)) {
      cidr = `192.168.${n}.0/24`;
      break;
    }
  }
  const net = parseIpv4Cidr(cidr) as Ipv4Network;
  const d = deriveIpv4(net);
  return {
    name: uniqueName('network', networks.map((n) => n.name)), mode: 'nat', device: '', ipv4: true, ipv4Cidr: cidr, dhcp: true,
    dhcpStart: d.dhcpStart, dhcpEnd: d.dhcpEnd, ipv6: false, ipv6Cidr: 'fd00:1234:5678::/64', domain: '',
  };
}

/** The DHCP range follows the network typed, as virt-manager derives it. */
export function withCidr(s: NewNetworkState, ipv4Cidr: string): NewNetworkState {
  const net = parseIpv4Cidr(ipv4Cidr);
  if (isFieldError(net)) return { ...s, ipv4Cidr };
  const d = deriveIpv4(net);
  return { ...s, ipv4Cidr, dhcpStart: d.dhcpStart, dhcpEnd: d.dhcpEnd };
}

const hasIp = (m: NetworkMode): boolean => m !== 'bridge' && m !== 'hostdev';

export function networkErrors(s: NewNetworkState, networks: readonly NetworkSummary[]): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  const put = (k: string, e: FieldError | undefined) => { if (e) out[k] = e; };
  put('name', checkName(s.name, 'network', networks.map((n) => n.name)));
  if ((s.mode === 'bridge' || s.mode === 'hostdev') && s.device.trim() === '') out['device'] = { key: 'wizards.error.deviceRequired' };
  else if (s.device.trim() !== '' && !/^[A-Za-z0-9_.:-]{1,15}$/.test(s.device.trim())) out['device'] = { key: 'wizards.error.bridgeName' };
  if (hasIp(s.mode) && s.ipv4) {
    const net = parseIpv4Cidr(s.ipv4Cidr);
    if (isFieldError(net)) out['ipv4'] = net;
    else {
      put('ipv4', overlappingNetwork(net, hostSubnets(networks)));
      if (s.dhcp) {
        const gw = deriveIpv4(net).gateway;
        put('dhcpStart', checkDhcpAddress(s.dhcpStart, net, gw));
        put('dhcpEnd', checkDhcpAddress(s.dhcpEnd, net, gw));
        if (!out['dhcpStart'] && !out['dhcpEnd']) {
          const a = BigInt(s.dhcpStart.trim().split('.').reduce((v, p) => v * 256 + Number(p), 0));
          const b = BigInt(s.dhcpEnd.trim().split('.').reduce((v, p) => v * 256 + Number(p), 0));
          if (a > b) out['dhcpEnd'] = { key: 'wizards.error.dhcpOrder' };
        }
      }
    }
  }
  if (hasIp(s.mode) && s.ipv6) put('ipv6', checkIpv6Cidr(s.ipv6Cidr));
  put('domain', checkDnsDomain(s.domain));
  return out;
}

/** The network's XML model, through buildNetwork (and the SR-IOV pool's physical function). */
export function buildNewNetwork(s: NewNetworkState): NetworkXml {
  const dev = s.device.trim();
  const ip4 = hasIp(s.mode) && s.ipv4 ? (parseIpv4Cidr(s.ipv4Cidr) as Ipv4Network) : undefined;
  const ipv6 = hasIp(s.mode) && s.ipv6 ? s.ipv6Cidr.trim().split('/') : undefined;
  const net = buildNetwork({
    name: s.name,
    ...(s.mode === 'isolated' ? {} : s.mode === 'bridge' || s.mode === 'hostdev' ? { forward: { mode: s.mode } } : { forward: { mode: s.mode, ...(dev ? { dev } : {}) } }),
    ...(s.mode === 'bridge' ? { bridge: dev } : {}),
    ...(s.domain.trim() && hasIp(s.mode) ? { domainName: s.domain.trim() } : {}),
    ...(ip4 ? {
      ipv4: {
        address: ipv4Text(ip4.network + 1n), prefix: ip4.prefix,
        ...(s.dhcp ? { dhcp: [{ start: s.dhcpStart.trim(), end: s.dhcpEnd.trim() }] } : {}),
      },
    } : {}),
    ...(ipv6 ? { ipv6: { address: ipv6[0]!.replace(/::$/, '::1'), prefix: Number(ipv6[1]) } } : {}),
  });
  if (s.mode === 'hostdev') {
    const forward = net.element.child('forward');
    forward?.setAttr('managed', 'yes');
    forward?.insertChild(XmlElement.create('pf', { dev }));
  }
  return net;
}
