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
  /** internal (disks and memory in the qcow2 images), external (overlay files and a memory file), disk-only, memory state only. */
  readonly kind: 'internal' | 'external' | 'disk-only' | 'memory-only';
  /** Where an external snapshot keeps the memory state, and each disk's overlay (target → file). */
  readonly memoryFile: string | null;
  readonly diskFiles: readonly { readonly target: string; readonly file: string }[];
  /** A picture of the guest's screen taken when it was made is kept in Hangar's data folder. */
  readonly hasScreenshot: boolean;
}

/**
 * What this host's libvirt can do with a domain's snapshots, known before the user tries (a code per limit; the
 * renderer says it in words).
 */
export interface SnapshotSupport {
  /** major * 1_000_000 + minor * 1_000 + release. */
  readonly libVersion: number;
  /** Why an internal snapshot cannot be made, or null. */
  readonly internal: null | 'uefi-old-libvirt' | 'not-qcow2';
  /** Disks that an internal snapshot cannot hold (not qcow2), by target. */
  readonly nonQcow2: readonly string[];
  /** libvirt reverts to (and deletes) external snapshots only since 9.9 (reverting) / 9.7 (deleting). */
  readonly externalRevert: boolean;
  readonly externalDelete: boolean;
  /** The domain's writable disks with their file, for the external snapshot's default paths. */
  readonly disks: readonly { readonly target: string; readonly file: string | null; readonly format: string | null }[];
  readonly running: boolean;
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
    /** External: overlay files (and the memory state of a running VM) beside the disks, or where these say. */
    external: z.object({
      memoryFile: z.string().min(1).max(4096).regex(/^\//, 'an absolute path').optional(),
      diskFiles: z.record(z.string().min(1).max(32), z.string().min(1).max(4096).regex(/^\//, 'an absolute path')).default({}),
    }).optional(),
    /** Keep a picture of the guest's screen with the snapshot (a running VM with a display). */
    screenshot: z.boolean().default(true),
  }),
  'snapshots.support': domainRef,
  /** Changes the description (libvirt redefines the snapshot's metadata). */
  'snapshots.setDescription': snapshotRef.extend({ description: z.string().max(100_000) }),
  /** The picture taken when the snapshot was made, as PNG, or null. */
  'snapshots.screenshot': snapshotRef,
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
  'snapshots.support': SnapshotSupport;
  'snapshots.setDescription': null;
  'snapshots.screenshot': { readonly mime: string; readonly base64: string } | null;
  'snapshots.revert': null;
  'snapshots.delete': null;
}

export type SnapshotsEvent =
  | ResetEvent<'snapshots.reset', SnapshotSummary, SnapshotScope>
  | DeltaEvent<'snapshots.delta', SnapshotSummary, SnapshotScope>;

// The default places of an external snapshot's files, shared by the create dialog (which shows them) and the
// service (which uses them when the dialog sends none): libvirt's own overlay name, the disk's path without its
// extension then `.<snapshot>`; and virt-manager's memory state file beside the first disk, `<vm>-mem.<snapshot>`.
const dirOf = (path: string): string => path.slice(0, Math.max(1, path.lastIndexOf('/')));

export function defaultOverlayPath(diskFile: string, snapshot: string): string {
  const base = diskFile.slice(diskFile.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  return `${dirOf(diskFile)}/${stem}.${snapshot}`.replace(/^\/\//, '/');
}

export function defaultMemoryPath(diskFile: string, vm: string, snapshot: string): string {
  return `${dirOf(diskFile)}/${vm}-mem.${snapshot}`.replace(/^\/\//, '/');
}
