// Finish: fetch a network install's kernel and initrd onto the host, make the disk (and the cloud-init seed), define
// the VM, start it (and then drop the install boot from its definition). What was made before a failure is
// removed again, and the error says so.
import type { CallInput, JobView, OsDetails, PoolSummary } from '../../../main/api/contract/index.js';
import { buildNoCloudSeed } from '../../../drivers/cloud-init/nocloud-seed.js';
import { buildStorageVolume, type DomainCapabilitiesXml } from '../../../drivers/xml/index.js';
import type { ApiPort } from '../../state/api-port.js';
import { ensureDefaultPool } from '../common/default-pool.js';
import { uniqueName, volumeSuffix } from '../common/validators.js';
import { buildNewVmDomain, type NewVmDefaults, type NewVmPlan } from './new-vm-domain.js';
import type { NewVmState, VolumeChoice } from './new-vm-state.js';

export interface FinishDeps {
  /** Calls and byte channels only (the renderer's client, or a test's API socket). */
  readonly api: Pick<ApiPort, 'call' | 'openChannel'>;
  readonly waitJob: (id: string) => Promise<JobView>;
  readonly pools: readonly PoolSummary[];
  readonly os: OsDetails | undefined;
  readonly caps: DomainCapabilitiesXml | undefined;
  readonly emulator: string | undefined;
  readonly format: 'qcow2' | 'raw';
  readonly graphics: 'vnc' | 'spice' | 'none';
  readonly firmware: 'bios' | 'uefi';
  readonly cpuMode: 'host-passthrough' | 'host-model' | 'hypervisor-default';
  /** Progress for the user: which stage is under way. */
  readonly stage: (stage: FinishStage) => void;
}

export type FinishStage = 'pool' | 'fetch' | 'disk' | 'seed' | 'define' | 'start';

export interface FinishResult {
  readonly key: string;
  readonly started: boolean;
  readonly startError?: string;
  /** A network install started, but its definition still boots the installer or its kernel volumes stayed: why. */
  readonly installBootError?: string;
  readonly defaults: NewVmDefaults;
}

/** A failure of Finish, with what was removed again (volumes made before it), so the message can say so. */
export class FinishError extends Error {
  constructor(message: string, readonly removed: readonly string[], readonly leftBehind: readonly string[]) {
    super(message);
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function volumePath(pools: readonly PoolSummary[], v: VolumeChoice): string {
  const vol = pools.find((p) => p.key === v.pool)?.volumes.find((x) => x.name === v.volume);
  if (!vol) throw new Error(`${v.volume}: no such volume`);
  return vol.path;
}

async function jobResult(d: FinishDeps, job: JobView): Promise<NonNullable<JobView['result']>> {
  const end = job.state === 'running' ? await d.waitJob(job.id) : job;
  if (end.state !== 'done' || !end.result) throw new Error(end.error?.message ?? `the ${job.kind} job ended ${end.state}`);
  return end.result;
}

async function createVolume(d: FinishDeps, connection: string, pool: string, volume: CallInput<'jobs.createVolume'>['volume']): Promise<{ path: string; name: string }> {
  const r = await jobResult(d, await d.api.call('jobs.createVolume', { connection, pool, volume }));
  if (r.kind !== 'volume') throw new Error('the volume job gave no volume');
  return { path: r.path, name: r.name };
}

export async function finishNewVm(s: NewVmState, d: FinishDeps): Promise<FinishResult> {
  const { api } = d;
  const connection = s.connection;
  const made: { pool: string; volume: string }[] = [];
  let key: string | undefined;
  try {
    let disk: { path: string; format: string } | undefined;
    let seedPath: string | undefined;
    const needsPool = (s.storage === 'new' && s.method !== 'import') || s.method === 'cloud' || s.method === 'url';
    let poolKey: string | undefined;
    if (needsPool) {
      d.stage('pool');
      poolKey = await ensureDefaultPool(api, connection, d.pools);
    }
    const taken = d.pools.find((p) => p.key === poolKey)?.volumes.map((v) => v.name) ?? [];
    let installKernel: NonNullable<NewVmPlan['installKernel']> | undefined;
    if (s.method === 'url' && poolKey) {
      // First, as the likeliest to fail (a wrong URL): main fetches the tree's files and uploads them to the host.
      d.stage('fetch');
      const r = await jobResult(d, await api.call('jobs.fetchInstallKernel', { connection, pool: poolKey, url: s.url.trim(), arch: s.arch, name: s.name }));
      if (r.kind !== 'installKernel') throw new Error('the install tree job gave no kernel');
      for (const v of [r.kernel, r.initrd]) made.push({ pool: poolKey, volume: v.name });
      // Main ends the install boot (and deletes these) when the VM first starts, now or after customizing.
      installKernel = { kernel: r.kernel.path, initrd: r.initrd.path, cmdline: s.kernelArgs.trim(), volumes: [r.kernel, r.initrd].map((v) => ({ pool: r.pool, name: v.name })) };
    }
    if (s.method === 'import' && s.importDisk) {
      disk = { path: volumePath(d.pools, s.importDisk), format: /\.qcow2$/i.test(s.importDisk.volume) ? 'qcow2' : 'raw' };
    } else if (s.method === 'cloud' && s.cloudImage && poolKey) {
      // The cloud image stays as it is: the VM's disk is a qcow2 overlay on it.
      d.stage('disk');
      const base = volumePath(d.pools, s.cloudImage);
      const name = uniqueName(s.name, taken, '.qcow2');
      const backingFormat = /\.qcow2$/i.test(s.cloudImage.volume) || /\.img$/i.test(s.cloudImage.volume) ? 'qcow2' : 'raw';
      const xml = buildStorageVolume({ name, capacity: Math.round(Number(s.diskGiB) * 1024 ** 3) || 10 * 1024 ** 3, format: 'qcow2', backingStore: { path: base, format: backingFormat } }).toXml();
      const v = await createVolume(d, connection, poolKey, { xml });
      made.push({ pool: poolKey, volume: v.name });
      disk = { path: v.path, format: 'qcow2' };
      d.stage('seed');
      const seed = buildNoCloudSeed({
        hostname: s.cloudHostname.trim(), user: s.cloudUser.trim(), password: s.cloudPassword,
        sshKeys: s.cloudKeys.split('\n').map((k) => k.trim()).filter(Boolean), extraUserData: s.cloudUserData, instanceId: `${s.name}-${Date.now()}`,
      });
      const seedName = uniqueName(`${s.name}-seed`, taken, '.iso');
      const sv = await createVolume(d, connection, poolKey, { name: seedName, capacity: seed.length, format: 'raw' });
      made.push({ pool: poolKey, volume: sv.name });
      if (!api.openChannel) throw new Error('byte channels are not available');
      const ch = await api.openChannel('storage.uploadVolume', { connection, pool: poolKey, volume: sv.name, length: seed.length });
      await ch.send(seed);
      await ch.end();
      const end = await ch.closed;
      if (end.error) throw new Error(end.reason);
      seedPath = sv.path;
    } else if (s.storage === 'new' && poolKey) {
      d.stage('disk');
      const name = uniqueName(s.name, taken, volumeSuffix(d.format));
      const v = await createVolume(d, connection, poolKey, { name, capacity: Math.round(Number(s.diskGiB) * 1024 ** 3), format: d.format });
      made.push({ pool: poolKey, volume: v.name });
      disk = { path: v.path, format: d.format };
    } else if (s.storage === 'existing' && s.existingDisk) {
      disk = { path: volumePath(d.pools, s.existingDisk), format: /\.qcow2$/i.test(s.existingDisk.volume) ? 'qcow2' : 'raw' };
    }
    d.stage('define');
    const network = s.network.startsWith('network:') ? { type: 'network' as const, network: s.network.slice('network:'.length) }
      : s.network.startsWith('bridge:') ? { type: 'bridge' as const, bridge: s.bridge.trim() } : undefined;
    const { domain, defaults } = buildNewVmDomain({
      name: s.name, memoryMiB: Number(s.memoryMiB), vcpus: Number(s.vcpus), arch: s.arch, ...(s.machine ? { machine: s.machine } : {}),
      virtType: s.virtType, ...(d.emulator ? { emulator: d.emulator } : {}), ...(d.os ? { os: d.os } : {}), method: s.method,
      ...(s.method === 'iso' && s.iso ? { cdromPath: volumePath(d.pools, s.iso) } : {}),
      ...(seedPath ? { seedPath } : {}), ...(installKernel ? { installKernel } : {}), ...(disk ? { disk } : {}), ...(network ? { network } : {}),
      graphics: d.graphics, firmwarePreference: d.firmware, cpuModePreference: d.cpuMode, ...(d.caps ? { caps: d.caps } : {}),
    });
    key = (await api.call('domains.define', { connection, xml: domain.toXml() })).key;
    if (s.customize) return { key, started: false, defaults };
    d.stage('start');
    try {
      const started = await api.call('domains.action', { connection, key, action: 'start' });
      return { key, started: true, ...(started?.installBootError ? { installBootError: started.installBootError } : {}), defaults };
    } catch (e) {
      // Defined, so its disk is in use: nothing is removed; the VM tab shows it shut off.
      return { key, started: false, startError: messageOf(e), defaults };
    }
  } catch (e) {
    const removed: string[] = [];
    const left: string[] = [];
    for (const m of made.reverse()) {
      try {
        await api.call('storage.deleteVolume', { connection, pool: m.pool, volume: m.volume });
        removed.push(m.volume);
      } catch {
        left.push(m.volume);
      }
    }
    throw new FinishError(messageOf(e), removed, left);
  }
}
