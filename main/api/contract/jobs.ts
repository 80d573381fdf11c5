// jobs.*: long operations with progress, cancel and a result.
import { z } from 'zod';
import type { CollectionList, DeltaEvent, Keyed, ResetEvent } from './collections.js';
import { bytes, connectionId, libvirtUri, uuid, type ApiError } from './common.js';
import { volumeName } from './storage.js';

export type JobKind = 'domain.managedSave' | 'domain.migrate' | 'volume.upload' | 'volume.create' | 'volume.clone' | 'volume.fetchKernel';

/** What a finished job made: the new volume, or the VM where it now runs. */
export type JobResult =
  | { readonly kind: 'volume'; readonly pool: string; readonly name: string; readonly key: string; readonly path: string; readonly capacity: number; readonly allocation: number }
  | { readonly kind: 'domain'; readonly connectionId: string; readonly uuid: string; readonly name: string }
  | InstallKernelResult;

/** A network install's kernel and initrd, fetched from the tree and uploaded into the pool as two volumes. */
export interface InstallKernelResult {
  readonly kind: 'installKernel';
  /** The pool's name. */
  readonly pool: string;
  readonly kernel: { readonly name: string; readonly path: string };
  readonly initrd: { readonly name: string; readonly path: string };
  /** Where in the tree they were found. */
  readonly kernelUrl: string;
  readonly initrdUrl: string;
  /** The tree's family and version, when its .treeinfo names them. */
  readonly treeFamily?: string;
  readonly treeVersion?: string;
}

/**
 * What a domain job (a migration) has moved and has left, from libvirt's job stats (virDomainGetJobStats, the
 * VIR_DOMAIN_JOB_* typed parameters): bytes, and the downtime QEMU expects for the final switch-over. A field
 * libvirt did not report is absent.
 */
export interface JobTransfer {
  /** data_total / data_processed / data_remaining: memory and disks together. */
  readonly dataTotal: number;
  readonly dataProcessed: number;
  readonly dataRemaining: number;
  readonly memoryTotal?: number;
  readonly memoryRemaining?: number;
  readonly diskTotal?: number;
  readonly diskRemaining?: number;
  /** memory_bps: bytes per second the memory goes at. */
  readonly memoryBps?: number;
  /** downtime while the job runs: the pause QEMU expects at the switch-over, in ms. */
  readonly expectedDowntimeMs?: number;
  /** downtime of the completed job (the destination's record of it): how long the VM was paused, in ms. */
  readonly downtimeMs?: number;
  /** time_elapsed, in ms. */
  readonly elapsedMs?: number;
}

/** A long operation: progress (0–1, or null while unknown), cancel where the host allows it, then a result. `key` is its id. */
export interface JobView extends Keyed {
  readonly id: string;
  readonly connectionId: string;
  readonly kind: JobKind;
  /** What it works on, for the user: a VM's or a volume's name. */
  readonly target: string;
  readonly state: 'running' | 'done' | 'failed' | 'cancelled';
  readonly progress: number | null;
  /** A migration's remaining data and expected downtime, while it runs (the last figures once it ended). */
  readonly transfer?: JobTransfer;
  readonly cancellable: boolean;
  readonly error?: ApiError;
  /** Set when the job is done. */
  readonly result?: JobResult;
  readonly startedAt: number;
  readonly endedAt?: number;
}

/** Where a direct migration's data goes: QEMU's tcp://host:port or unix:///path. */
const dataUri = z.string().trim().max(4096).regex(/^(tcp:\/\/[^\s/]+|unix:\/\/\/\S+)$/, 'tcp://host:port or unix:///path');

/** An install tree's root; main fetches only http and https. */
export const installTreeUrl = z.string().trim().min(1).max(4096).url('not a URL')
  .refine((u) => /^https?:\/\//i.test(u), 'only http and https install trees can be fetched');

/** A new volume as the wizard describes it; the XML is built from it in main. */
const volumeSpec = z.object({
  name: volumeName,
  capacity: bytes.min(1, 'at least 1 byte'),
  /** Bytes to preallocate; 0 (the default) makes a sparse volume. */
  allocation: bytes.default(0),
  format: z.string().regex(/^[a-z0-9-]{1,32}$/, 'a format such as raw or qcow2').optional(),
}).refine((v) => v.allocation <= v.capacity, { path: ['allocation'], message: 'cannot be more than the capacity' });

export const jobsCalls = {
  'jobs.list': z.object({}),
  'jobs.cancel': z.object({ job: z.string().min(1).max(200) }),
  'jobs.managedSave': z.object({ connection: connectionId, key: uuid }),
  /** Uploads a file on the service's machine into a volume. */
  'jobs.uploadVolume': z.object({ connection: connectionId, pool: uuid, volume: volumeName, path: z.string().min(1).max(4096).regex(/^\//, 'an absolute path') }),
  /** A new volume from a spec, or from the user's own volume XML. */
  'jobs.createVolume': z.object({ connection: connectionId, pool: uuid, volume: z.union([volumeSpec, z.object({ xml: z.string().min(1).max(1_000_000) })]) }),
  /**
   * A network install's boot kernel and initrd: found in the tree at `url` (its .treeinfo, else the well-known
   * layouts) for `arch`, fetched by main and uploaded into `pool` as `<name>-kernel` and `<name>-initrd` (made unique).
   */
  'jobs.fetchInstallKernel': z.object({ connection: connectionId, pool: uuid, url: installTreeUrl, arch: z.string().regex(/^[a-z0-9_]{1,32}$/, 'an architecture such as x86_64'), name: volumeName }),
  /** A copy of `volume` (in `pool`) named `name`, in `targetPool` (default: the same pool). */
  'jobs.cloneVolume': z.object({ connection: connectionId, pool: uuid, volume: volumeName, name: volumeName, targetPool: uuid.optional() }),
  /**
   * Live peer-to-peer migration to the saved connection `to`. `destinationUri` is how the source host reaches the
   * destination's daemon when that differs from the saved URI (e.g. qemu+ssh://host/system); `temporary` leaves
   * the VM defined on the source and transient on the destination (virt-manager's "temporary move").
   */
  'jobs.migrate': z.object({
    connection: connectionId,
    key: uuid,
    to: connectionId,
    destinationUri: libvirtUri.optional(),
    tunnelled: z.boolean().default(false),
    temporary: z.boolean().default(false),
    /** A shut-off VM's definition only (VIR_MIGRATE_OFFLINE); else a live migration of the running VM. */
    offline: z.boolean().default(false),
    /** Copy the disks as well, when the hosts share no storage: whole, or incrementally over shared backing files. */
    copyStorage: z.enum(['none', 'full', 'incremental']).default('none'),
    /** MiB/s; unset means libvirt's default (unlimited). */
    bandwidthMiBs: z.number().int().min(1).max(1_000_000).optional(),
    /**
     * Direct migration only: where the destination's QEMU listens for the VM's memory (VIR_MIGRATE_PARAM_URI,
     * tcp://host:port or unix:///path), and for its disks (VIR_MIGRATE_PARAM_DISKS_URI); unset, libvirt picks
     * the destination's host name and a port of its own.
     */
    migrateUri: dataUri.optional(),
    disksUri: dataUri.optional(),
  }).refine((m) => m.to !== m.connection, { path: ['to'], message: 'the destination is the source' })
    .refine((m) => !(m.tunnelled && (m.migrateUri !== undefined || m.disksUri !== undefined)), {
      path: ['migrateUri'], message: 'a tunnelled migration travels over the daemons’ connection: it has no data address of its own',
    })
    // libvirt copies disks with NBD (drive-mirror) only; with QEMU's blockdev it refuses storage migration tunnelled
    // ("migration of non-shared storage is not supported with tunnelled migration and this QEMU").
    .refine((m) => m.offline || m.copyStorage === 'none' || !m.tunnelled, {
      path: ['copyStorage'], message: 'libvirt copies disks only in a direct migration, not a tunnelled one',
    })
    .refine((m) => !(m.offline && m.temporary), { path: ['temporary'], message: 'an offline migration moves the definition: it cannot be temporary' }),
} as const;

export interface JobsResults {
  'jobs.list': CollectionList<JobView>;
  'jobs.cancel': JobView;
  'jobs.managedSave': JobView;
  'jobs.uploadVolume': JobView;
  'jobs.createVolume': JobView;
  'jobs.cloneVolume': JobView;
  'jobs.fetchInstallKernel': JobView;
  'jobs.migrate': JobView;
}

export type JobsEvent =
  | ResetEvent<'jobs.reset', JobView, null>
  | DeltaEvent<'jobs.delta', JobView, null>;
