import type { Domain } from '../../drivers/api/index.js';
import type { JobTransfer } from '../api/contract/index.js';
import { VIR_DOMAIN_JOB_NONE } from '../../drivers/api/index.js';
import type { JobControl } from './job-service.js';

/**
 * Runs `operation` while calling `tick` every `intervalMs` until it settles: how a job learns progress that
 * libvirt only reports when asked (job info, a growing volume's allocation). A failing tick is skipped, not fatal.
 */
export async function whilePolling<T>(operation: Promise<T>, intervalMs: number, tick: () => Promise<void>): Promise<T> {
  let settled = false;
  const poller = (async () => {
    while (!settled) {
      await new Promise((r) => setTimeout(r, intervalMs));
      if (settled) break;
      await tick().catch(() => undefined);
    }
  })();
  try {
    return await operation;
  } finally {
    settled = true;
    await poller;
  }
}

/** A polling tick that reports a domain job's progress (save, migration) from libvirt's job info. */
export function jobInfoProgress(domain: Domain, control: JobControl): () => Promise<void> {
  return async () => {
    const info = await domain.getJobInfo();
    if (info.type !== VIR_DOMAIN_JOB_NONE && info.dataTotal > 0) control.progress(info.dataProcessed / info.dataTotal);
  };
}

/**
 * The VIR_DOMAIN_JOB_* typed parameters of a running (or `completed`) job as a JobTransfer; undefined until libvirt
 * reports data_total.
 */
export function jobTransfer(params: Readonly<Record<string, number | boolean | string>>, completed = false): JobTransfer | undefined {
  const num = (field: string): number | undefined => {
    const v = params[field];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
  };
  const dataTotal = num('data_total');
  if (dataTotal === undefined || dataTotal <= 0) return undefined;
  const dataRemaining = num('data_remaining') ?? Math.max(0, dataTotal - (num('data_processed') ?? 0));
  const optional: [keyof JobTransfer, string][] = [
    ['memoryTotal', 'memory_total'], ['memoryRemaining', 'memory_remaining'], ['diskTotal', 'disk_total'], ['diskRemaining', 'disk_remaining'],
    // libvirt's one "downtime" field is the expected pause while the job runs, the real one once it completed.
    ['memoryBps', 'memory_bps'], [completed ? 'downtimeMs' : 'expectedDowntimeMs', 'downtime'], ['elapsedMs', 'time_elapsed'],
  ];
  const rest: Partial<Record<keyof JobTransfer, number>> = {};
  for (const [key, field] of optional) {
    const v = num(field);
    if (v !== undefined) rest[key] = v;
  }
  return { ...rest, dataTotal, dataProcessed: num('data_processed') ?? dataTotal - dataRemaining, dataRemaining };
}

/**
 * A polling tick for a migration: libvirt's job stats (virDomainGetJobStats) give the progress and what is left —
 * memory and disks, and the downtime expected at the switch-over.
 */
export function jobStatsProgress(domain: Domain, control: JobControl): () => Promise<void> {
  return async () => {
    const stats = await domain.getJobStats();
    if (stats.type === VIR_DOMAIN_JOB_NONE) return;
    const transfer = jobTransfer(stats.params);
    // While a storage copy runs first, the memory has not begun (its total is 0): the whole is not known yet.
    if (transfer) control.progress(transfer.memoryTotal === 0 ? null : transfer.dataProcessed / transfer.dataTotal, transfer);
  };
}
