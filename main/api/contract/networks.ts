// networks.*: a host's virtual networks.
import { z } from 'zod';
import type { CollectionList, DeltaEvent, HostScope, Keyed, ResetEvent } from './collections.js';
import { connectionId, uuidRef, xmlDocument } from './common.js';

/** `key` is the network's UUID. */
export interface NetworkSummary extends Keyed {
  readonly uuid: string;
  readonly name: string;
  readonly active: boolean;
  readonly persistent: boolean;
  readonly autostart: boolean;
  /** The network's XML as libvirt gives it; drivers/xml models read it (networks are few and small). */
  readonly xml: string;
}

export interface DhcpLeaseView {
  readonly iface: string;
  readonly expiryTime: number;
  readonly family: 'ipv4' | 'ipv6';
  readonly mac: string | null;
  readonly address: string;
  readonly prefix: number;
  readonly hostname: string | null;
  readonly clientId: string | null;
}

const mac = z.string().regex(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i, 'a MAC address such as 52:54:00:12:34:56');

export const networksCalls = {
  'networks.list': z.object({ connection: connectionId }),
  'networks.xml': uuidRef.extend({ inactive: z.boolean().default(false) }),
  /** Defines (or redefines) a network; libvirt validates the XML. */
  'networks.define': z.object({ connection: connectionId, xml: xmlDocument }),
  'networks.undefine': uuidRef,
  'networks.start': uuidRef,
  'networks.stop': uuidRef,
  'networks.setAutostart': uuidRef.extend({ autostart: z.boolean() }),
  'networks.dhcpLeases': uuidRef.extend({ mac: mac.optional() }),
} as const;

export interface NetworksResults {
  'networks.list': CollectionList<NetworkSummary>;
  'networks.xml': { readonly xml: string };
  'networks.define': { readonly key: string; readonly name: string };
  'networks.undefine': null;
  'networks.start': null;
  'networks.stop': null;
  'networks.setAutostart': null;
  'networks.dhcpLeases': readonly DhcpLeaseView[];
}

export type NetworksEvent =
  | ResetEvent<'networks.reset', NetworkSummary, HostScope>
  | DeltaEvent<'networks.delta', NetworkSummary, HostScope>;
