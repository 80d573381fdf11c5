// connections.*: the saved connections, their state, and what their hosts are.
import { z } from 'zod';
import type { CollectionList, DeltaEvent, Keyed, ResetEvent } from './collections.js';
import { connectionId, libvirtUri } from './common.js';

/** A connection the user saved: what virt-manager keeps in its "connections" list. */
export interface SavedConnection {
  readonly id: string;
  readonly uri: string;
  /** Display name; empty means "derive from the URI". */
  readonly name: string;
  readonly autoconnect: boolean;
}

/** Why a connection failed, in terms a person can act on (the UI words it; the message stays beneath). */
export type ConnectionHint =
  /** A local socket that is not there, or refuses: libvirtd (or virtqemud) is not running or not installed. */
  | { readonly kind: 'daemon-not-running'; readonly socket: string }
  /** The socket is there but this user may not use it (not in the libvirt group). */
  | { readonly kind: 'socket-permission'; readonly socket: string }
  /** The daemon refused this user (polkit, or an auth scheme Hangar lacks). */
  | { readonly kind: 'access-denied' }
  /** Nothing listens for SSH at that address and port. */
  | { readonly kind: 'ssh-refused'; readonly address: string }
  /** Nothing listens for libvirt's TCP transport there. */
  | { readonly kind: 'tcp-refused'; readonly address: string }
  /** No key (and no password) was accepted; `tried` names what was offered. */
  | { readonly kind: 'ssh-auth-failed'; readonly who: string; readonly tried: string }
  | { readonly kind: 'ssh-host-key-changed' }
  | { readonly kind: 'unknown-host' }
  | { readonly kind: 'unreachable' }
  /** The peer took the connection and said nothing: not libvirt, or a stuck daemon. */
  | { readonly kind: 'no-answer' }
  /** SSH worked but the host has neither virt-ssh-helper nor nc for libvirt's socket. */
  | { readonly kind: 'remote-libvirt-missing' };

export type ConnectionState =
  | { readonly state: 'disconnected' }
  | { readonly state: 'connecting'; readonly attempt: number }
  | { readonly state: 'connected' }
  | { readonly state: 'error'; readonly message: string; readonly code?: number; readonly retryInMs?: number; readonly hint?: ConnectionHint };

/** A saved connection and its state; `key` is the connection's id. */
export interface ConnectionView extends Keyed {
  readonly saved: SavedConnection;
  readonly state: ConnectionState;
}

/** What a connected host is (virt-manager's Host Details overview). */
export interface HostInfo {
  readonly uri: string;
  readonly hostname: string;
  /** Driver name, e.g. "QEMU". */
  readonly driver: string;
  /** major * 1_000_000 + minor * 1_000 + release */
  readonly libVersion: number;
  readonly hypervisorVersion: number;
  readonly cpuModel: string;
  readonly cpus: number;
  readonly mhz: number;
  readonly memoryBytes: number;
  readonly freeMemoryBytes: number;
}

const ref = z.object({ connection: connectionId });

export const connectionsCalls = {
  'connections.list': z.object({}),
  'connections.add': z.object({
    uri: libvirtUri,
    name: z.string().trim().max(200).default(''),
    autoconnect: z.boolean().default(true),
  }),
  /** Renames a connection, changes its autoconnect, or its URI (it then reconnects to the new host). */
  'connections.update': ref.extend({
    name: z.string().trim().max(200).optional(),
    autoconnect: z.boolean().optional(),
    uri: libvirtUri.optional(),
  }),
  'connections.remove': ref,
  'connections.connect': ref,
  'connections.disconnect': ref,
  'connections.hostInfo': ref,
  /** The host's capabilities XML; drivers/xml reads it. */
  'connections.capabilities': ref,
  /** Domain capabilities for one emulator/arch/machine/virt type; unset fields take the host's defaults. */
  'connections.domainCapabilities': ref.extend({
    emulator: z.string().min(1).max(4096).optional(),
    arch: z.string().regex(/^[a-z0-9_]{1,32}$/, 'an architecture such as x86_64').optional(),
    machine: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'a machine type such as q35').optional(),
    virtType: z.enum(['kvm', 'qemu', 'xen', 'lxc', 'test', 'hvf', 'tcg']).optional(),
  }),
} as const;

export interface ConnectionsResults {
  'connections.list': CollectionList<ConnectionView>;
  'connections.add': SavedConnection;
  'connections.update': SavedConnection;
  'connections.remove': null;
  'connections.connect': null;
  'connections.disconnect': null;
  'connections.hostInfo': HostInfo;
  'connections.capabilities': { readonly xml: string };
  'connections.domainCapabilities': { readonly xml: string };
}

export type ConnectionsEvent =
  | ResetEvent<'connections.reset', ConnectionView, null>
  | DeltaEvent<'connections.delta', ConnectionView, null>;
