// The New volume form: name with the format's suffix, format, capacity with its unit, preallocation, a backing
// volume for qcow2 (pure).
import type { PoolSummary } from '../../../main/api/contract/index.js';
import { buildStorageVolume, type StorageVolumeXml } from '../../../drivers/xml/index.js';
import { checkVolumeName, isFieldError, parseSizeField, uniqueName, volumeSuffix, type FieldError } from '../common/validators.js';

export interface NewVolumeState {
  readonly name: string;
  readonly format: string;
  readonly capacity: string;
  readonly unit: string;
  readonly preallocate: boolean;
  /** A volume of the same pool, by name (qcow2 only). */
  readonly backing: string;
}

/** Formats by pool type: file pools take image formats, the others hold raw block volumes only. */
export function volumeFormats(poolType: string | undefined): readonly string[] {
  return poolType === 'dir' || poolType === 'fs' || poolType === 'netfs' || poolType === 'gluster' || poolType === 'vstorage'
    ? ['qcow2', 'raw'] : [];
}

export function initialVolume(pool: PoolSummary, poolType: string | undefined, qcow2Default = true): NewVolumeState {
  const formats = volumeFormats(poolType);
  const format = formats.length === 0 ? '' : qcow2Default ? 'qcow2' : 'raw';
  return { name: uniqueName('volume', pool.volumes.map((v) => v.name), volumeSuffix(format)), format, capacity: '20', unit: 'GiB', preallocate: false, backing: '' };
}

/** Renaming with the format: the suffix follows (virt-manager's behaviour). */
export function withFormat(s: NewVolumeState, format: string): NewVolumeState {
  const old = volumeSuffix(s.format);
  const base = old && s.name.endsWith(old) ? s.name.slice(0, -old.length) : s.name;
  return { ...s, format, name: `${base}${volumeSuffix(format)}`, backing: format === 'qcow2' ? s.backing : '' };
}

export function volumeErrors(s: NewVolumeState, pool: PoolSummary): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  const name = checkVolumeName(s.name, s.format, pool.volumes.map((v) => v.name));
  if (name) out['name'] = name;
  const size = parseSizeField(s.capacity, s.unit, s.preallocate ? { max: pool.available } : {});
  if (isFieldError(size)) out['capacity'] = size.key === 'wizards.error.sizeMax' ? { key: 'wizards.error.diskFree', values: size.values ?? {} } : size;
  if (s.backing && !pool.volumes.some((v) => v.name === s.backing)) out['backing'] = { key: 'wizards.error.existingRequired' };
  return out;
}

export function buildNewVolume(s: NewVolumeState, pool: PoolSummary): StorageVolumeXml {
  const size = parseSizeField(s.capacity, s.unit);
  if (isFieldError(size)) throw new Error(size.key);
  const base = s.backing ? pool.volumes.find((v) => v.name === s.backing) : undefined;
  return buildStorageVolume({
    name: s.name, capacity: size.bytes, allocation: s.preallocate ? size.bytes : 0,
    ...(s.format ? { format: s.format } : {}),
    ...(base ? { backingStore: { path: base.path, format: /\.qcow2$/.test(base.name) ? 'qcow2' : 'raw' } } : {}),
  });
}
