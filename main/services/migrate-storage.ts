import type { Connection, Domain, StoragePool, StorageVolume } from '../../drivers/api/index.js';
import { isVirError, VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE, VIR_DOMAIN_STATS_BLOCK, VIR_ERR_NO_STORAGE_VOL } from '../../drivers/api/index.js';
import { buildStorageVolume } from '../../drivers/xml/build/build-storage.js';
import { parseDomain, parseStoragePool } from '../../drivers/xml/index.js';
import { volumeAt } from './volume-at.js';
import { InputError } from '../api/api-error.js';

// Storage migration (VIR_MIGRATE_NON_SHARED_DISK / _INC) copies every disk that is not read-only, not shareable
// and has a source, with NBD: the destination's QEMU serves a disk of the same path, which must exist before it
// starts, and the source mirrors into it (so only a direct migration: with QEMU's blockdev, libvirt refuses storage
// migration tunnelled). libvirt's qemu driver makes a missing one itself (qemuMigrationDstPrecreateStorage) only
// when a storage pool's target path is its folder, and never for an incremental copy ("pre-creation of storage
// targets for incremental storage migration is not supported"). Hangar checks the same before anything starts and
// makes the missing disks itself, with the source disk's capacity and format, so that it can say which disks it
// made and delete them again if the migration fails or is cancelled (libvirt leaves its own behind). Only file
// disks: a volume disk libvirt makes itself in the destination pool of the same name, and a block device must be
// there already (neither is something Hangar could create better).

const dirOf = (p: string): string => p.slice(0, Math.max(1, p.lastIndexOf('/')));
const baseOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** One disk the migration will copy, and where its copy goes on the destination. */
export interface CopiedDisk {
  readonly target: string;
  readonly path: string;
  readonly capacity: number;
  readonly format: string | undefined;
  /** The destination pool the copy is made in, when Hangar makes it; undefined when a disk is there already. */
  readonly createIn: StoragePool | undefined;
}

/** The running VM's disk capacities by target (block.N.name / block.N.capacity of its block stats). */
async function capacities(source: Connection, domain: Domain): Promise<Map<string, number>> {
  const [record] = await source.domainListGetStats([domain], VIR_DOMAIN_STATS_BLOCK);
  const byField = new Map((record?.params ?? []).map((p) => [p.field, p.value]));
  const out = new Map<string, number>();
  const count = Number(byField.get('block.count') ?? 0);
  for (let i = 0; i < count; i++) {
    const name = byField.get(`block.${i}.name`);
    const capacity = byField.get(`block.${i}.capacity`);
    if (typeof name === 'string' && typeof capacity === 'number') out.set(name, capacity);
  }
  return out;
}

/** The destination's active pools by target path (the folder a file disk's copy would be created in). */
async function poolsByPath(destination: Connection): Promise<Map<string, StoragePool>> {
  const out = new Map<string, StoragePool>();
  for (const pool of await destination.listAllStoragePools(VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE)) {
    const path = parseStoragePool(await pool.getXMLDesc()).targetPath;
    if (path !== undefined) out.set(path.replace(/\/+$/, '') || '/', pool);
  }
  return out;
}

/**
 * The disks a storage migration copies and, for each, whether its copy exists on the destination or where Hangar
 * creates it. Refuses, before anything starts, what could only fail later: a copy that exists but is smaller, an
 * incremental copy with nothing to copy onto, a missing disk with no pool on the destination to make it in.
 */
export async function planCopiedDisks(source: Connection, domain: Domain, destination: Connection, mode: 'full' | 'incremental'): Promise<CopiedDisk[]> {
  const model = parseDomain(await domain.getXMLDesc());
  const sizes = await capacities(source, domain);
  let pools: Map<string, StoragePool> | undefined;
  const plan: CopiedDisk[] = [];
  for (const disk of model.disks) {
    const src = disk.source;
    const target = disk.targetDev ?? '';
    if (!src || disk.readonly || disk.shareable || src.type !== 'file') continue;
    const path = src.file;
    const capacity = sizes.get(target) ?? 0;
    const there = await volumeAt(destination, path);
    if (there) {
      const has = (await there.getInfo()).capacity;
      if (has < capacity) {
        throw new InputError('copyStorage', `${target}: ${path} on the destination holds ${has} bytes, less than the ${capacity} bytes of the disk it would receive`);
      }
      plan.push({ target, path, capacity, format: disk.format, createIn: undefined });
      continue;
    }
    pools ??= await poolsByPath(destination);
    const pool = pools.get(dirOf(path));
    if (pool) {
      await pool.refresh();
      const named = await pool.storageVolLookupByName(baseOf(path)).catch((e: unknown) => {
        if (isVirError(e, VIR_ERR_NO_STORAGE_VOL)) return undefined;
        throw e;
      });
      if (named) {
        plan.push({ target, path, capacity, format: disk.format, createIn: undefined });
        continue;
      }
    }
    if (mode === 'incremental') {
      throw new InputError('copyStorage', `${target}: an incremental copy goes onto ${path} on the destination, over the same backing files, and there is none: `
        + 'copy the image (or make an overlay of the same backing file) there first, or copy the whole disk');
    }
    if (!pool) {
      throw new InputError('copyStorage', `${target}: the destination has no disk at ${path} and no active storage pool at ${dirOf(path)} to create it in: `
        + 'define one there (or copy the disk there) first');
    }
    plan.push({ target, path, capacity, format: disk.format, createIn: pool });
  }
  return plan;
}

/** The copies Hangar made on the destination, to delete if the migration does not happen. */
export interface CreatedCopies {
  readonly volumes: readonly StorageVolume[];
  readonly pools: readonly StoragePool[];
  /** Deletes them; each failure is skipped (the migration's own error is what the user needs to read). */
  remove(): Promise<void>;
}

/** Creates the missing disks of a plan on the destination: empty, with the source's capacity and format. */
export async function createCopies(plan: readonly CopiedDisk[]): Promise<CreatedCopies> {
  const volumes: StorageVolume[] = [];
  const pools: StoragePool[] = [];
  const remove = async (): Promise<void> => {
    for (const v of volumes.splice(0)) await v.delete().catch(() => undefined);
  };
  try {
    for (const disk of plan) {
      if (!disk.createIn) continue;
      const xml = buildStorageVolume({ name: baseOf(disk.path), capacity: disk.capacity, ...(disk.format !== undefined ? { format: disk.format } : {}) }).toXml();
      const made = await disk.createIn.storageVolCreateXML(xml);
      // The copy must land where the definition points: a pool that names its files otherwise would not do.
      const path = await made.getPath();
      volumes.push(made);
      if (!pools.includes(disk.createIn)) pools.push(disk.createIn);
      if (path !== disk.path) throw new Error(`the destination pool made ${path} for ${disk.target}, not ${disk.path}`);
    }
  } catch (e) {
    await remove();
    throw e;
  }
  return { volumes, pools, remove };
}
