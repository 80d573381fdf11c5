import { XmlDocument } from '../core/document.js';
import { ElementView } from '../core/element-view.js';
import { XmlElement } from '../core/nodes.js';
import { NamedXmlModel } from '../core/named-model.js';
import { XmlError } from '../core/xml-error.js';
import { validateDhcpRange, validateIpNetwork, type IpNetwork } from '../validate/ip.js';
import { validateMac } from '../validate/mac.js';


export const forwardModes = ['nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev'] as const;
export type ForwardMode = (typeof forwardModes)[number];

export const networkOrder = [
  'name', 'uuid', 'title', 'description', 'metadata', 'forward', 'port', 'bridge', 'mtu', 'mac', 'domain', 'dns', 'bandwidth',
  'vlan', 'portOptions', 'virtualport', 'portgroup', 'route', 'ip',
];

export interface DhcpHost {
  readonly mac?: string;
  readonly id?: string;
  readonly name?: string;
  readonly ip?: string;
}

/** One `<ip>` of a network, with its DHCP ranges and static hosts. */
export class NetworkIp extends ElementView {
  get family(): 4 | 6 {
    return this.element.attr('family') === 'ipv6' || (this.address ?? '').includes(':') ? 6 : 4;
  }

  get address(): string | undefined {
    return this.element.attr('address');
  }

  get prefix(): number | undefined {
    return this.network?.prefix;
  }

  get netmask(): string | undefined {
    return this.element.attr('netmask');
  }

  /** The parsed network (throws XmlError on an impossible address/prefix). */
  get network(): IpNetwork | undefined {
    const address = this.address;
    if (address === undefined) return undefined;
    return validateIpNetwork(address, this.element.attr('prefix') ?? this.netmask ?? (address.includes(':') ? 64 : 24), this.field);
  }

  get dhcpRanges(): { readonly start: string; readonly end: string }[] {
    return (this.element.child('dhcp')?.childrenNamed('range') ?? []).map((r) => ({ start: r.attr('start') ?? '', end: r.attr('end') ?? '' }));
  }

  /** Replaces the DHCP ranges, each checked against this network. */
  setDhcpRanges(ranges: readonly { readonly start: string; readonly end: string }[]): void {
    const net = this.network;
    if (net === undefined) throw new XmlError(this.fieldName('address'), 'set an address before DHCP ranges');
    for (const [i, r] of ranges.entries()) {
      const err = validateDhcpRange(net, r.start, r.end, this.fieldName(`dhcp.range[${i}]`));
      if (err !== undefined) throw err;
    }
    const dhcp = this.element.ensureChild('dhcp');
    for (const old of dhcp.childrenNamed('range')) dhcp.removeChild(old);
    const firstHost = dhcp.elements[0];
    for (const r of ranges) dhcp.insertBefore(XmlElement.create('range', { start: r.start, end: r.end }), firstHost);
    if (dhcp.elements.length === 0) this.element.removeChild(dhcp);
  }

  get dhcpHosts(): DhcpHost[] {
    return (this.element.child('dhcp')?.childrenNamed('host') ?? []).map((h) => {
      const out: { mac?: string; id?: string; name?: string; ip?: string } = {};
      for (const k of ['mac', 'id', 'name', 'ip'] as const) {
        const v = h.attr(k);
        if (v !== undefined) out[k] = v;
      }
      return out;
    });
  }

  addDhcpHost(host: DhcpHost): void {
    if (host.mac !== undefined) {
      const err = validateMac(host.mac, this.fieldName('dhcp.host.mac'));
      if (err !== undefined) throw err;
    }
    this.element.ensureChild('dhcp').insertChild(XmlElement.create('host', { ...host }));
  }
}

/** Typed, lossless model of libvirt network XML. */
export class NetworkXml extends NamedXmlModel {
  protected readonly objectKind = 'network';
  protected readonly childOrder = networkOrder;

  /** Forward mode; undefined is an isolated network. */
  get forwardMode(): string | undefined {
    const f = this.element.child('forward');
    return f === undefined ? undefined : (f.attr('mode') ?? 'nat');
  }

  set forwardMode(mode: ForwardMode | undefined) {
    if (mode === undefined) {
      this.removePath('forward');
      return;
    }
    this.checkOneOf(mode, forwardModes, 'forward.mode');
    this.setAttrAt('forward@mode', mode, networkOrder);
  }

  /** `<forward dev=…>` plus the `<interface dev>` pool for bridge/macvtap modes. */
  get forwardDevices(): string[] {
    const f = this.element.child('forward');
    if (f === undefined) return [];
    const devs = f.childrenNamed('interface').map((i) => i.attr('dev') ?? '');
    const dev = f.attr('dev');
    return dev !== undefined && !devs.includes(dev) ? [dev, ...devs] : devs;
  }

  set forwardDev(dev: string | undefined) {
    this.setAttrAt('forward@dev', dev, networkOrder);
  }

  get bridgeName(): string | undefined {
    return this.getAttr('bridge@name');
  }

  set bridgeName(name: string | undefined) {
    if (name !== undefined && (name.length === 0 || name.length > 15 || /[\s/]/.test(name))) {
      throw new XmlError('bridge.name', 'a bridge name is 1–15 characters without spaces or /');
    }
    this.setAttrAt('bridge@name', name, networkOrder);
  }

  get mtu(): number | undefined {
    return this.intOf(this.getAttr('mtu@size'), 'mtu.size');
  }

  set mtu(size: number | undefined) {
    if (size !== undefined) this.checkInt(size, 'mtu.size', 68, 65535);
    if (size === undefined) this.removePath('mtu');
    else this.setAttrAt('mtu@size', size, networkOrder);
  }

  get mac(): string | undefined {
    return this.getAttr('mac@address');
  }

  get domainName(): string | undefined {
    return this.getAttr('domain@name');
  }

  get ips(): NetworkIp[] {
    return this.element.childrenNamed('ip').map((el, i) => new NetworkIp(el, `ip[${i}]`));
  }

  /** Adds an `<ip>` after validating it. */
  addIp(spec: { readonly address: string; readonly prefix: number; readonly dhcp?: readonly { readonly start: string; readonly end: string }[] }): NetworkIp {
    const net = validateIpNetwork(spec.address, spec.prefix, `ip[${this.ips.length}]`);
    const el = XmlElement.create('ip', net.family === 6 ? { family: 'ipv6', address: spec.address, prefix: spec.prefix } : { address: spec.address, prefix: spec.prefix });
    this.element.insertChild(el, networkOrder);
    const ip = new NetworkIp(el, `ip[${this.ips.length - 1}]`);
    if (spec.dhcp !== undefined && spec.dhcp.length > 0) ip.setDhcpRanges(spec.dhcp);
    return ip;
  }

  /** `<dns><host ip=…><hostname>…` entries. */
  get dnsHosts(): { readonly ip: string; readonly hostnames: string[] }[] {
    return (this.element.child('dns')?.childrenNamed('host') ?? []).map((h) => ({ ip: h.attr('ip') ?? '', hostnames: h.childrenNamed('hostname').map((n) => n.text) }));
  }

  get dnsForwarders(): string[] {
    return (this.element.child('dns')?.childrenNamed('forwarder') ?? []).map((f) => f.attr('addr') ?? f.attr('domain') ?? '');
  }

  get portGroups(): { readonly name: string; readonly default: boolean }[] {
    return this.element.childrenNamed('portgroup').map((p) => ({ name: p.attr('name') ?? '', default: p.attr('default') === 'yes' }));
  }
}

export function parseNetwork(xml: string): NetworkXml {
  const model = new NetworkXml(XmlDocument.parse(xml, 'network'));
  void model.name;
  return model;
}
