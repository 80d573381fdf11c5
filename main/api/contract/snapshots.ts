// snapshots.*: the snapshots of one domain, as a tree (each names its parent).
import { z } from 'zod';
import type { CollectionList, DeltaEvent, Keyed, ResetEvent } from './collections.js';
import { connectionId, uuid } from './common.js';

/** `key` is the snapshot's name. */
export interface SnapshotSummary extends Keyed {
  readonly name: string;
  readonly parent: string | null;
  readonly current: boolean;
  readonly description: string;
  /** Seconds since the epoch. */
  readonly creationTime: number | null;
  /** The VM state it holds: running, paused, shutoff, disk-snapshot… */
  readonly state: string | null;
  /** internal (disks and memory in the qcow2 images), external (overlay files), disk-only, memory state only. */
  readonly kind: 'internal' | 'external' | 'disk-only';
}

export interface SnapshotScope {
  readonly connection: string;
  /** The domain's UUID. */
  readonly domain: string;
}

const domainRef = z.object({ connection: connectionId, domain: uuid });
const snapshotName = z.string().trim().min(1, 'a snapshot name is required').max(255).regex(/^[^/]+$/, 'a snapshot name has no "/"');
const snapshotRef = domainRef.extend({ name: snapshotName });

export const snapshotsCalls = {
  'snapshots.list': domainRef,
  'snapshots.xml': snapshotRef,
  'snapshots.create': domainRef.extend({
    name: snapshotName.optional(),
    description: z.string().max(100_000).default(''),
    /** Without `xml`, an internal snapshot (memory too when the VM runs). With it, the user's snapshot XML. */
    xml: z.string().min(1).max(1_000_000).optional(),
    diskOnly: z.boolean().default(false),
  }),
  'snapshots.revert': snapshotRef.extend({
    /** What the VM is after the revert, regardless of the state the snapshot holds. */
    after: z.enum(['as-saved', 'running', 'paused']).default('as-saved'),
    /** Revert although libvirt calls it risky (VIR_ERR_SNAPSHOT_REVERT_RISKY). */
    force: z.boolean().default(false),
  }),
  'snapshots.delete': snapshotRef.extend({ children: z.enum(['keep', 'with-children', 'only-children']).default('keep'), metadataOnly: z.boolean().default(false) }),
} as const;

export interface SnapshotsResults {
  'snapshots.list': CollectionList<SnapshotSummary>;
  'snapshots.xml': { readonly xml: string };
  'snapshots.create': SnapshotSummary;
  'snapshots.revert': null;
  'snapshots.delete': null;
}

export type SnapshotsEvent =
  | ResetEvent<'snapshots.reset', SnapshotSummary, SnapshotScope>
  | DeltaEvent<'snapshots.delta', SnapshotSummary, SnapshotScope>;
