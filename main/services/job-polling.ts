import type { Domain } from '../../drivers/api/index.js';
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
