import { constants } from 'node:fs';
import { access, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Connection, StorageVolume } from '../../drivers/api/index.js';
import {
  VIR_DOMAIN_UNDEFINE_MANAGED_SAVE, VIR_DOMAIN_UNDEFINE_NVRAM, VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA, VIR_DOMAIN_XML_INACTIVE,
} from '../../drivers/api/index.js';
import { parseUri } from '../../drivers/uri.js';
import { parseDomain, parseStoragePool, type DiskDevice } from '../../drivers/xml/index.js';
import { volumeAt } from './volume-at.js';
import type { DeleteOutcome, DeletePlan, DomainSummary, StorageToDelete } from '../api/contract/index.js';

// virt-manager's delete dialog (delete.py), as rules: what of a VM's storage can be deleted, and what is offered
// checked. Volumes of a pool are deleted through libvirt; a plain file only when Hangar runs on the host itself.

/** Pool kinds whose volumes libvirt cannot delete (LUNs of a SAN, not files). */
const UNDELETABLE_POOLS = new Set(['iscsi', 'iscsi-direct', 'scsi', 'mpath']);

async function diskVolume(connection: Connection, disk: DiskDevice): Promise<{ path: string | undefined; volume: StorageVolume | undefined }> {
  const src = disk.source;
  if (!src) return { path: undefined, volume: undefined };
  if (src.type === 'volume') {
    try {
      const volume = await (await connection.storagePoolLookupByName(src.pool)).storageVolLookupByName(src.volume);
      return { path: await volume.getPath(), volume };
    } catch {
      return { path: `${src.pool}/${src.volume}`, volume: undefined };
    }
  }
  const path = src.type === 'file' ? src.file : src.type === 'block' ? src.dev : src.type === 'dir' ? src.dir : undefined;
  return { path, volume: path !== undefined ? await volumeAt(connection, path) : undefined };
}

/** Whether Hangar's own process sees the host's files (a local URI), so a file outside any pool may be removed here. */
export function isLocalHost(uri: string): boolean {
  try {
    const u = parseUri(uri);
    return u.host === undefined && u.transport === 'unix' && u.driver !== 'test';
  } catch {
    return false;
  }
}

async function writable(path: string): Promise<boolean> {
  try {
    await access(dirname(path), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The VM's storage and what deleting it would do; `others` are the host's other VMs (their disk sources). */
export async function deletePlan(connection: Connection, uuid: string, others: readonly DomainSummary[]): Promise<DeletePlan> {
  const domain = await connection.domainLookupByUUID(uuid);
  const [active, persistent, uri, managedSave] = await Promise.all([
    domain.isActive(), domain.isPersistent(), connection.getURI(), domain.hasManagedSaveImage().catch(() => false),
  ]);
  const xml = await domain.getXMLDesc(persistent ? VIR_DOMAIN_XML_INACTIVE : 0);
  const model = parseDomain(xml);
  const snapshots = (await domain.listAllSnapshots().catch(() => [])).length;
  const local = isLocalHost(uri);
  const users = (path: string, poolVolume: string | undefined): string[] => others
    .filter((o) => o.key !== uuid && o.diskSources.some((s) => s === path || (poolVolume !== undefined && s === poolVolume)))
    .map((o) => o.name);
  const storage: StorageToDelete[] = [];
  for (const disk of model.disks) {
    const src = disk.source;
    const target = disk.targetDev ?? '';
    const device = disk.device;
    if (!src) continue;
    if (src.type === 'network') {
      storage.push({ target, device, path: `${src.protocol}:${src.name ?? ''}`, deletable: false, checked: false, reason: 'network', usedBy: [], capacity: null });
      continue;
    }
    const { path, volume } = await diskVolume(connection, disk);
    if (path === undefined) continue;
    const poolVolume = volume ? `${volume.pool}/${volume.name}` : src.type === 'volume' ? `${src.pool}/${src.volume}` : undefined;
    const usedBy = users(path, poolVolume);
    let reason: StorageToDelete['reason'] = null;
    let deletable = true;
    let capacity: number | null = null;
    if (volume) {
      const [info, poolXml] = await Promise.all([volume.getInfo(), connection.storagePoolLookupByName(volume.pool).then((p) => p.getXMLDesc())]);
      capacity = info.capacity;
      if (UNDELETABLE_POOLS.has(parseStoragePool(poolXml).type)) {
        deletable = false;
        reason = 'pool-kind';
      }
    } else if (!local) {
      deletable = false;
      reason = 'unmanaged';
    } else {
      const found = await stat(path).catch(() => undefined);
      if (!found) {
        deletable = false;
        reason = 'missing';
      } else if (found.isBlockDevice()) {
        deletable = false;
        reason = 'block';
      } else {
        capacity = found.size;
        if (!(await writable(path))) reason = 'no-write';
      }
    }
    if (deletable && reason === null) {
      if (device === 'cdrom' || device === 'floppy') reason = device;
      else if (disk.readonly) reason = 'readonly';
      else if (disk.shareable) reason = 'shareable';
      else if (usedBy.length > 0) reason = 'used';
    }
    storage.push({ target, device, path, deletable, checked: deletable && reason === null, reason, usedBy, capacity });
  }
  const nvram = model.os?.element.child('nvram')?.text.trim() || null;
  return { name: model.name, running: active, persistent, managedSave, snapshots, nvram, storage };
}

/**
 * Deletes a VM as virt-manager does: forced off if it runs, undefined with its snapshots' metadata, managed save
 * and NVRAM, then the chosen storage, each only if the plan allows it. Failures per path; the VM is gone either way.
 */
export async function deleteVm(connection: Connection, uuid: string, paths: readonly string[], others: readonly DomainSummary[]): Promise<DeleteOutcome & { pools: string[] }> {
  const plan = await deletePlan(connection, uuid, others);
  const domain = await connection.domainLookupByUUID(uuid);
  if (plan.running) await domain.destroy();
  if (plan.persistent) await domain.undefine(VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA | VIR_DOMAIN_UNDEFINE_NVRAM);
  const deleted: string[] = [];
  const failed: { path: string; message: string }[] = [];
  const pools = new Set<string>();
  for (const path of new Set(paths)) {
    const item = plan.storage.find((s) => s.path === path);
    if (!item || !item.deletable) {
      failed.push({ path, message: item ? `${path} cannot be deleted (${item.reason ?? 'unknown'})` : `${path} is not storage of this VM` });
      continue;
    }
    try {
      const volume = await volumeAt(connection, path);
      if (volume) {
        pools.add((await connection.storagePoolLookupByName(volume.pool)).uuid);
        await volume.delete(0);
      } else {
        await unlink(path);
      }
      deleted.push(path);
    } catch (e) {
      failed.push({ path, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { deleted, failed, pools: [...pools] };
}
