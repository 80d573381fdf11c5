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
  /** Adds, changes or removes a static DHCP host of the network's first IPv4 range (virNetworkUpdate). */
  'networks.updateDhcpHost': uuidRef.extend({
    command: z.enum(['add', 'modify', 'delete']),
    host: z.object({
      mac: mac.optional(),
      name: z.string().trim().min(1).max(255).regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'a host name such as web1').optional(),
      ip: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, 'an IPv4 address such as 192.168.122.10').optional(),
    }).refine((h) => h.mac !== undefined || h.name !== undefined, { message: 'a MAC address or a name is required', path: ['mac'] }),
    live: z.boolean().default(true),
    config: z.boolean().default(true),
  }).refine((u) => u.command === 'delete' || u.host.ip !== undefined, { message: 'an IP address is required', path: ['host', 'ip'] }),
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
  'networks.updateDhcpHost': null;
  'networks.dhcpLeases': readonly DhcpLeaseView[];
}

export type NetworksEvent =
  | ResetEvent<'networks.reset', NetworkSummary, HostScope>
  | DeltaEvent<'networks.delta', NetworkSummary, HostScope>;
