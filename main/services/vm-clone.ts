import { randomBytes } from 'node:crypto';
import { copyFile } from 'node:fs/promises';
import type { Connection, StorageVolume } from '../../drivers/api/index.js';
import {
  VIR_DOMAIN_DEFINE_VALIDATE, VIR_DOMAIN_PAUSED, VIR_DOMAIN_SHUTOFF, VIR_DOMAIN_XML_INACTIVE, VIR_DOMAIN_XML_SECURE,
} from '../../drivers/api/index.js';
import { parseDomain } from '../../drivers/xml/index.js';
import { volumeAt } from './volume-at.js';
import type { CloneDisk, ClonePlan, DomainSummary, ParsedInput } from '../api/contract/index.js';
import { InputError } from '../api/api-error.js';
import type { JobSpec } from './job-service.js';
import { cloneVolumeJob } from './volume-jobs.js';
import { isLocalHost } from './vm-delete.js';

// virt-manager's clone (virtinst/cloner.py), as rules: `<vm>-clone` made unique, each disk cloned into its own
// pool (a volume clone job) or shared, a new UUID and new MACs, the NVRAM copied; libvirt needs the source off or
// paused so that the copied disks are consistent.

const dirOf = (p: string): string => p.slice(0, Math.max(1, p.lastIndexOf('/')));
const baseOf = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** The first of `<vm>-clone`, `<vm>-clone1`, `<vm>-clone2`… that no VM of the host has. */
export function uniqueCloneName(vm: string, taken: ReadonlySet<string>): string {
  if (!taken.has(`${vm}-clone`)) return `${vm}-clone`;
  for (let n = 1; ; n++) if (!taken.has(`${vm}-clone${n}`)) return `${vm}-clone${n}`;
}

/** The clone's disk path: the VM's name replaced by the new one in the file name, else `-clone` before the extension. */
export function clonePath(path: string, vm: string, newName: string): string {
  const base = baseOf(path);
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const ext = dot > 0 ? base.slice(dot) : '';
  const renamed = stem.includes(vm) ? stem.replace(vm, newName) : `${stem}-clone`;
  return `${dirOf(path)}/${renamed}${ext}`.replace(/^\/\//, '/');
}

/** A locally administered unicast MAC in QEMU's 52:54:00 range. */
export function newMac(): string {
  const b = randomBytes(3);
  return `52:54:00:${[...b].map((x) => x.toString(16).padStart(2, '0')).join(':')}`;
}

export async function clonePlan(connection: Connection, uuid: string, host: readonly DomainSummary[], name?: string): Promise<ClonePlan> {
  const domain = await connection.domainLookupByUUID(uuid);
  const [xml, { state }] = await Promise.all([domain.getXMLDesc(VIR_DOMAIN_XML_INACTIVE), domain.getState()]);
  const model = parseDomain(xml);
  const suggestedName = name ?? uniqueCloneName(model.name, new Set(host.map((d) => d.name)));
  const disks: CloneDisk[] = [];
  for (const disk of model.disks) {
    const src = disk.source;
    if (!src) continue;
    const base = { target: disk.targetDev ?? '', device: disk.device };
    if (src.type === 'network') {
      disks.push({ ...base, path: `${src.protocol}:${src.name ?? ''}`, pool: null, volume: null, capacity: null, clone: false, newPath: null, cannotClone: 'network' });
      continue;
    }
    let volume: StorageVolume | undefined;
    let path: string | undefined;
    if (src.type === 'volume') {
      volume = await (await connection.storagePoolLookupByName(src.pool)).storageVolLookupByName(src.volume).catch(() => undefined);
      path = volume ? await volume.getPath() : `${src.pool}/${src.volume}`;
    } else {
      path = src.type === 'file' ? src.file : src.type === 'block' ? src.dev : src.dir;
      volume = await volumeAt(connection, path);
    }
    const media = disk.device === 'cdrom' || disk.device === 'floppy';
    const clone = volume !== undefined && !media && !disk.readonly && !disk.shareable;
    disks.push({
      ...base, path, pool: volume?.pool ?? null, volume: volume?.name ?? null,
      capacity: volume ? (await volume.getInfo()).capacity : null,
      clone, newPath: volume ? clonePath(path, model.name, suggestedName) : null,
      cannotClone: volume ? null : 'not-a-volume',
    });
  }
  const stateOk = state === VIR_DOMAIN_SHUTOFF || state === VIR_DOMAIN_PAUSED;
  return { name: model.name, suggestedName, stateOk, nvram: model.os?.nvram?.path ?? null, disks };
}

/**
 * Defines the clone and returns the jobs that copy its disks: the new definition first (nothing to undo if
 * libvirt refuses it), then one volume clone job per cloned disk, into the source volume's pool.
 */
export async function cloneVm(connection: Connection, connectionId: string, input: ParsedInput<'domains.clone'>, host: readonly DomainSummary[]): Promise<{ key: string; name: string; jobs: { spec: JobSpec; pool: string }[] }> {
  const plan = await clonePlan(connection, input.key, host, input.name);
  if (!plan.stateOk) throw new InputError('key', `${plan.name} must be shut off or paused to be cloned, so that its disks do not change while they are copied`);
  if (host.some((d) => d.name === input.name)) throw new InputError('name', `a VM named ${input.name} already exists`);
  const source = await connection.domainLookupByUUID(input.key);
  const model = parseDomain(await source.getXMLDesc(VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE));
  model.name = input.name;
  model.uuid = undefined;
  for (const nic of model.interfaces) nic.mac = newMac();
  const specs: { spec: JobSpec; pool: string }[] = [];
  const wanted = new Map(input.disks.map((d) => [d.target, d]));
  for (const disk of model.disks) {
    const info = plan.disks.find((d) => d.target === (disk.targetDev ?? ''));
    const choice = wanted.get(disk.targetDev ?? '');
    if (!info || (choice?.mode ?? (info.clone ? 'clone' : 'share')) === 'share') continue;
    if (info.pool === null || info.volume === null || info.newPath === null) {
      throw new InputError(`disks.${info.target}`, `${info.path} is not a volume of a storage pool, so it can only be shared`);
    }
    const newPath = choice?.path ?? info.newPath;
    if (dirOf(newPath) !== dirOf(info.path)) throw new InputError(`disks.${info.target}`, `the copy goes in the same pool as ${info.path}: a path in ${dirOf(info.path)}`);
    const pool = await connection.storagePoolLookupByName(info.pool);
    const name = baseOf(newPath);
    specs.push({ spec: await cloneVolumeJob(connection, connectionId, { connection: connectionId, pool: pool.uuid, volume: info.volume, name }), pool: pool.uuid });
    const src = disk.source;
    disk.source = src?.type === 'volume' ? { type: 'volume', pool: src.pool, volume: name } : { type: 'file', file: newPath };
  }
  // The UEFI variables are the VM's own: copied beside the original, as libvirt names them (<name>_VARS.fd).
  const nvram = model.os?.nvram;
  if (nvram?.path !== undefined && model.os) {
    const copy = `${dirOf(nvram.path)}/${input.name}_VARS.fd`;
    const vol = await volumeAt(connection, nvram.path);
    if (vol) {
      const pool = await connection.storagePoolLookupByName(vol.pool);
      specs.push({ spec: await cloneVolumeJob(connection, connectionId, { connection: connectionId, pool: pool.uuid, volume: vol.name, name: baseOf(copy) }), pool: pool.uuid });
    } else if (isLocalHost(await connection.getURI())) {
      await copyFile(nvram.path, copy);
    } else {
      throw new InputError('key', `the NVRAM file ${nvram.path} is outside any storage pool on a remote host, so Hangar cannot copy it`);
    }
    model.os.nvram = { ...nvram, path: copy };
  }
  const made = await connection.domainDefineXML(model.toXml(), VIR_DOMAIN_DEFINE_VALIDATE);
  return { key: made.uuid, name: made.name, jobs: specs };
}
