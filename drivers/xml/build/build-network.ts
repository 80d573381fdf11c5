import { XmlElement } from '../core/nodes.js';
import { newDocument } from '../core/new-document.js';
import { NetworkXml, type ForwardMode } from '../network/network.js';

export interface NetworkSpec {
  readonly name: string;
  readonly uuid?: string;
  /** Undefined: isolated network. */
  readonly forward?: { readonly mode: ForwardMode; readonly dev?: string };
  readonly bridge?: string;
  readonly mtu?: number;
  readonly domainName?: string;
  readonly ipv4?: { readonly address: string; readonly prefix: number; readonly dhcp?: readonly { readonly start: string; readonly end: string }[] };
  readonly ipv6?: { readonly address: string; readonly prefix: number; readonly dhcp?: readonly { readonly start: string; readonly end: string }[] };
}

/** Builds a new virtual network from a spec, validating names, addresses and DHCP ranges. */
export function buildNetwork(spec: NetworkSpec): NetworkXml {
  const net = new NetworkXml(newDocument(new XmlElement('network')));
  net.name = spec.name;
  if (spec.uuid !== undefined) net.uuid = spec.uuid;
  if (spec.forward !== undefined) {
    net.forwardMode = spec.forward.mode;
    if (spec.forward.dev !== undefined) net.forwardDev = spec.forward.dev;
  }
  if (spec.bridge !== undefined) net.bridgeName = spec.bridge;
  if (spec.mtu !== undefined) net.mtu = spec.mtu;
  if (spec.domainName !== undefined) net.element.insertChild(XmlElement.create('domain', { name: spec.domainName }), ['name', 'uuid', 'forward', 'bridge', 'mtu', 'mac', 'domain', 'ip']);
  if (spec.ipv4 !== undefined) net.addIp(spec.ipv4);
  if (spec.ipv6 !== undefined) net.addIp(spec.ipv6);
  return net;
}
