// domains.* calls of a VM's life beyond start and stop: delete with its storage, clone. Kept in their own file
// and spread into domains.ts's table, so the two grow apart.
import { z } from 'zod';
import { objectName, uuidRef } from './common.js';

/** One disk of a VM about to be deleted, and what the delete dialog does with it. */
export interface StorageToDelete {
  readonly target: string;
  /** disk, cdrom, floppy, lun. */
  readonly device: string;
  /** The file, device or volume path (or `protocol:name` for network disks). */
  readonly path: string;
  /** Capacity of the volume or size of the file, when known. */
  readonly capacity: number | null;
  /** Hangar can delete it (a pool volume, or a local file it may remove). */
  readonly deletable: boolean;
  /** Offered checked (deletable, and none of the reasons below). */
  readonly checked: boolean;
  /**
   * Why it is unchecked or cannot be deleted: read-only, shareable, CD/floppy media, used by other VMs, no write
   * access (left unchecked); network disks, block devices outside a pool, missing paths, files outside a pool on
   * a remote host, SAN pool volumes (not deletable).
   */
  readonly reason: null | 'readonly' | 'shareable' | 'cdrom' | 'floppy' | 'used' | 'no-write' | 'network' | 'block' | 'missing' | 'unmanaged' | 'pool-kind';
  /** Names of the other VMs that use it. */
  readonly usedBy: readonly string[];
}

export interface DeletePlan {
  readonly name: string;
  readonly running: boolean;
  readonly persistent: boolean;
  readonly managedSave: boolean;
  readonly snapshots: number;
  /** The UEFI variable store deleted with it, if any. */
  readonly nvram: string | null;
  readonly storage: readonly StorageToDelete[];
}

export interface DeleteOutcome {
  readonly deleted: readonly string[];
  readonly failed: readonly { readonly path: string; readonly message: string }[];
}

/** A disk of the VM to clone, and what becomes of it. */
export interface CloneDisk {
  readonly target: string;
  readonly device: string;
  readonly path: string;
  /** The pool volume it is, if any (a clone is made in the same pool). */
  readonly pool: string | null;
  readonly volume: string | null;
  readonly capacity: number | null;
  /** Cloned by default; CD/floppy media, read-only and shareable disks are shared. */
  readonly clone: boolean;
  /** The clone's path by default (`<new vm name>` in place of the VM's name, or `-clone` added). */
  readonly newPath: string | null;
  /** Why it cannot be cloned (only shared), if so. */
  readonly cannotClone: null | 'not-a-volume' | 'network';
}

export interface ClonePlan {
  readonly name: string;
  readonly suggestedName: string;
  /** libvirt needs the source shut off or paused. */
  readonly stateOk: boolean;
  readonly nvram: string | null;
  readonly disks: readonly CloneDisk[];
}

const path = z.string().min(1).max(4096);

export const domainLifecycleCalls = {
  /** What deleting a VM would do with its storage. */
  'domains.deletePlan': uuidRef,
  /** Forces the VM off if it runs, undefines it (snapshots metadata, managed save, NVRAM) and deletes `storage`. */
  'domains.delete': uuidRef.extend({ storage: z.array(path).max(256).default([]) }),
  /** A clone's defaults for a VM, with the name made unique. */
  'domains.clonePlan': uuidRef.extend({ name: objectName.optional() }),
  /** Clones a VM: each disk cloned (to `path`, a volume clone job each) or shared; new UUID, MACs, NVRAM copy. */
  'domains.clone': uuidRef.extend({
    name: objectName,
    disks: z.array(z.object({ target: z.string().min(1).max(32), mode: z.enum(['clone', 'share']), path: path.optional() })).max(64),
  }),
  /** Removes the VM's managed save image: the next Run boots instead of restoring. */
  'domains.discardSavedState': uuidRef,
} as const;

export interface DomainLifecycleResults {
  'domains.deletePlan': DeletePlan;
  'domains.delete': DeleteOutcome;
  'domains.clonePlan': ClonePlan;
  /** The new VM, and the volume clone jobs (their ids) that fill its disks. */
  'domains.discardSavedState': null;
  'domains.clone': { readonly key: string; readonly name: string; readonly jobs: readonly string[] };
}
