// nodedevs.*: a host's devices (PCI, USB, storage, net…), for passthrough.
import { z } from 'zod';
import type { CollectionList, DeltaEvent, HostScope, Keyed, ResetEvent } from './collections.js';
import { connectionId } from './common.js';

/** `key` is the device's name (pci_0000_00_1f_2). */
export interface NodeDeviceSummary extends Keyed {
  readonly name: string;
  readonly parent: string | null;
  readonly caps: readonly string[];
  readonly xml: string;
}

const deviceRef = z.object({ connection: connectionId, key: z.string().regex(/^[A-Za-z0-9_:.-]{1,255}$/, 'a node device name such as pci_0000_00_1f_2') });

export const nodedevsCalls = {
  'nodedevs.list': z.object({ connection: connectionId }),
  'nodedevs.xml': deviceRef,
  /** Detaches a PCI device from its host driver so a guest can take it (virNodeDeviceDetachFlags). */
  'nodedevs.detach': deviceRef.extend({ driver: z.enum(['vfio', 'kvm', 'xen']).optional() }),
  /** Gives a detached PCI device back to its host driver. */
  'nodedevs.reattach': deviceRef,
} as const;

export interface NodedevsResults {
  'nodedevs.list': CollectionList<NodeDeviceSummary>;
  'nodedevs.xml': { readonly xml: string };
  'nodedevs.detach': null;
  'nodedevs.reattach': null;
}

export type NodedevsEvent =
  | ResetEvent<'nodedevs.reset', NodeDeviceSummary, HostScope>
  | DeltaEvent<'nodedevs.delta', NodeDeviceSummary, HostScope>;
