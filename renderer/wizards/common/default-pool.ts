// virt-manager's default storage: the dir pool `default` at libvirt's images folder, made (built, started,
// autostarted) when the host has none, started when it is there but inactive.
import type { PoolSummary } from '../../../main/api/contract/index.js';
import { buildStoragePool } from '../../../drivers/xml/index.js';
import type { ApiPort } from '../../state/api-port.js';

export const DEFAULT_POOL = 'default';
export const DEFAULT_POOL_PATH = '/var/lib/libvirt/images';

/** The default pool's UUID, once it is active. */
export async function ensureDefaultPool(api: Pick<ApiPort, 'call'>, connection: string, pools: readonly PoolSummary[]): Promise<string> {
  const existing = pools.find((p) => p.name === DEFAULT_POOL);
  if (existing) {
    if (!existing.active) await api.call('storage.startPool', { connection, key: existing.key });
    return existing.key;
  }
  const xml = buildStoragePool({ type: 'dir', name: DEFAULT_POOL, targetPath: DEFAULT_POOL_PATH }).toXml();
  const { key } = await api.call('storage.definePool', { connection, xml });
  await api.call('storage.buildPool', { connection, key, mode: 'new' });
  await api.call('storage.startPool', { connection, key });
  await api.call('storage.setPoolAutostart', { connection, key, autostart: true });
  return key;
}
