// The New storage pool form: which fields each libvirt pool type needs, their checks, and the pool they build.
import type { PoolSummary } from '../../../main/api/contract/index.js';
import { buildStoragePool, type PoolSource, type PoolType, type StoragePoolXml } from '../../../drivers/xml/index.js';
import { checkHost, checkIqn, checkName, checkPath, checkPort, uniqueName, type FieldError } from '../common/validators.js';

/** The types offered (libvirt's, less sheepdog, which libvirt dropped). */
export const POOL_TYPES = ['dir', 'fs', 'netfs', 'logical', 'disk', 'iscsi', 'iscsi-direct', 'scsi', 'mpath', 'rbd', 'gluster', 'zfs', 'vstorage'] as const satisfies readonly PoolType[];
export type NewPoolType = (typeof POOL_TYPES)[number];

export type PoolField = 'target' | 'device' | 'host' | 'port' | 'dir' | 'sourceName' | 'format' | 'iqn' | 'initiator' | 'adapter';

/** Each type's fields, in form order; `find` when libvirt can list what sources the host has. */
export const POOL_FIELDS: Readonly<Record<NewPoolType, { fields: readonly PoolField[]; required: readonly PoolField[]; formats?: readonly string[]; find?: boolean; build?: 'always' | 'optional' }>> = {
  dir: { fields: ['target'], required: ['target'], build: 'always' },
  fs: { fields: ['device', 'format', 'target'], required: ['device', 'target'], formats: ['auto', 'ext4', 'ext3', 'xfs', 'btrfs', 'vfat'], find: true, build: 'optional' },
  netfs: { fields: ['host', 'dir', 'format', 'target'], required: ['host', 'dir', 'target'], formats: ['auto', 'nfs', 'cifs', 'glusterfs'], find: true, build: 'always' },
  logical: { fields: ['sourceName', 'device'], required: ['sourceName'], find: true, build: 'optional' },
  disk: { fields: ['device', 'format', 'target'], required: ['device', 'target'], formats: ['dos', 'gpt', 'mac', 'bsd', 'sun', 'lvm2'], find: true, build: 'optional' },
  iscsi: { fields: ['host', 'port', 'iqn', 'target'], required: ['host', 'iqn', 'target'], find: true },
  'iscsi-direct': { fields: ['host', 'port', 'iqn', 'initiator'], required: ['host', 'iqn', 'initiator'] },
  scsi: { fields: ['adapter', 'target'], required: ['adapter', 'target'], find: true },
  mpath: { fields: ['target'], required: ['target'] },
  rbd: { fields: ['host', 'port', 'sourceName'], required: ['host', 'sourceName'], find: true },
  gluster: { fields: ['host', 'sourceName', 'dir'], required: ['host', 'sourceName'], find: true },
  zfs: { fields: ['sourceName', 'device'], required: ['sourceName'], find: true, build: 'optional' },
  vstorage: { fields: ['sourceName', 'target'], required: ['sourceName', 'target'], build: 'always' },
};

export interface NewPoolState {
  readonly name: string;
  readonly type: NewPoolType;
  readonly target: string;
  readonly device: string;
  readonly host: string;
  readonly port: string;
  readonly dir: string;
  readonly sourceName: string;
  readonly format: string;
  readonly iqn: string;
  readonly initiator: string;
  readonly adapter: string;
  readonly autostart: boolean;
  /** Build (format, vgcreate, zpool create) a type whose source may already be made. */
  readonly build: boolean;
}

export function initialPool(pools: readonly PoolSummary[]): NewPoolState {
  const name = uniqueName('pool', pools.map((p) => p.name));
  return {
    name, type: 'dir', target: `/var/lib/libvirt/images/${name}`, device: '', host: '', port: '', dir: '', sourceName: '', format: '', iqn: '',
    initiator: '', adapter: '', autostart: true, build: false,
  };
}

/** The default target for a type, as virt-manager proposes it. */
export function defaultTarget(type: NewPoolType, name: string): string {
  if (type === 'iscsi' || type === 'scsi' || type === 'mpath') return type === 'mpath' ? '/dev/mapper' : '/dev/disk/by-path';
  if (type === 'disk') return '/dev';
  return `/var/lib/libvirt/images/${name}`;
}

export function poolErrors(s: NewPoolState, pools: readonly PoolSummary[]): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  const put = (k: string, e: FieldError | undefined) => { if (e) out[k] = e; };
  const spec = POOL_FIELDS[s.type];
  const need = (f: PoolField) => spec.required.includes(f);
  put('name', checkName(s.name, 'pool', pools.map((p) => p.name)));
  for (const f of spec.fields) {
    const v = s[f === 'sourceName' ? 'sourceName' : f].trim();
    switch (f) {
      case 'target': put(f, checkPath(v, need(f))); break;
      case 'device':
        if (v === '' && need(f)) out[f] = { key: 'wizards.error.deviceRequired' };
        else if (v !== '') for (const d of v.split(',')) put(f, checkPath(d.trim()));
        break;
      case 'dir': put(f, s.type === 'gluster' && v === '' ? undefined : checkPath(v, need(f))); break;
      case 'host': put(f, checkHost(v)); break;
      case 'port': put(f, checkPort(v)); break;
      case 'iqn': put(f, checkIqn(v)); break;
      case 'initiator': put(f, checkIqn(v)); break;
      case 'sourceName':
        if (v === '' && need(f)) out[f] = { key: 'wizards.error.sourceRequired' };
        else if (v.includes(' ')) out[f] = { key: 'wizards.error.nameWhitespace' };
        break;
      case 'adapter':
        if (!/^(scsi_)?host\d+$/.test(v)) out[f] = { key: 'wizards.error.adapterName' };
        break;
      case 'format': break;
    }
  }
  return out;
}

export function buildNewPool(s: NewPoolState): StoragePoolXml {
  const spec = POOL_FIELDS[s.type];
  const has = (f: PoolField) => spec.fields.includes(f) && s[f].trim() !== '';
  const source: { -readonly [K in keyof PoolSource]: PoolSource[K] } = {};
  if (has('device')) source.devices = s.device.split(',').map((d) => d.trim()).filter(Boolean);
  if (has('host')) source.hosts = [{ name: s.host.trim(), ...(has('port') ? { port: Number(s.port) } : {}) }];
  if (has('dir')) source.dir = s.dir.trim();
  if (has('sourceName')) source.name = s.sourceName.trim();
  if (has('format')) source.format = s.format.trim();
  if (has('iqn')) source.devices = [s.iqn.trim()];
  if (has('initiator')) source.initiatorIqn = s.initiator.trim();
  if (has('adapter')) source.adapter = { type: 'scsi_host', name: s.adapter.trim() };
  // A logical pool's volumes are the group's device nodes: its target is /dev/<group>, as libvirt itself names it.
  const targetPath = s.type === 'logical' ? (has('sourceName') ? `/dev/${s.sourceName.trim()}` : undefined) : has('target') ? s.target.trim() : undefined;
  return buildStoragePool({
    type: s.type, name: s.name,
    ...(Object.keys(source).length ? { source } : {}),
    ...(targetPath !== undefined ? { targetPath } : {}),
  });
}
