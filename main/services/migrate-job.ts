import type { Connection, Domain } from '../../drivers/api/index.js';
import {
  isVirError, VIR_DOMAIN_JOB_STATS_COMPLETED, VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED, VIR_ERR_OPERATION_INVALID,
  VIR_MIGRATE_LIVE, VIR_MIGRATE_NON_SHARED_DISK, VIR_MIGRATE_NON_SHARED_INC, VIR_MIGRATE_OFFLINE, VIR_MIGRATE_PEER2PEER, VIR_MIGRATE_PERSIST_DEST,
  VIR_MIGRATE_TUNNELLED, VIR_MIGRATE_UNDEFINE_SOURCE,
} from '../../drivers/api/index.js';
import type { ParsedInput } from '../api/contract/index.js';
import { jobStatsProgress, jobTransfer, whilePolling } from './job-polling.js';
import { createCopies, planCopiedDisks } from './migrate-storage.js';
import type { JobSpec } from './job-service.js';

const POLL_MS = 250;
/** How long a cancel keeps trying while the migration job has not started on the source yet. */
const ABORT_PATIENCE_MS = 10_000;

export interface MigrationTarget {
  readonly connectionId: string;
  /** What the source host dials: the destination's saved URI unless the user gave another. */
  readonly uri: string;
  /**
   * The destination's live connection in Hangar, if it is connected: used to confirm the result, and to create the
   * disks a storage migration copies onto.
   */
  readonly connection: Connection | undefined;
  /** Reads a destination pool again once Hangar made volumes in it (volumes change without events). */
  readonly refreshPool?: (uuid: string) => Promise<void>;
}

export function migrationFlags(input: Pick<ParsedInput<'jobs.migrate'>, 'tunnelled' | 'temporary'> & Partial<Pick<ParsedInput<'jobs.migrate'>, 'offline' | 'copyStorage'>>): number {
  // Offline moves only the definition: libvirt wants it persistent on the destination and no LIVE.
  let flags = (input.offline ? VIR_MIGRATE_OFFLINE : VIR_MIGRATE_LIVE) | VIR_MIGRATE_PEER2PEER;
  if (input.tunnelled) flags |= VIR_MIGRATE_TUNNELLED;
  if (!input.temporary || input.offline) flags |= VIR_MIGRATE_PERSIST_DEST | VIR_MIGRATE_UNDEFINE_SOURCE;
  if (!input.offline && input.copyStorage === 'full') flags |= VIR_MIGRATE_NON_SHARED_DISK;
  if (!input.offline && input.copyStorage === 'incremental') flags |= VIR_MIGRATE_NON_SHARED_INC;
  return flags;
}

/** virDomainAbortJob, retried while libvirt says no job is active yet (a cancel right after the start). */
async function abortWhenActive(domain: Domain, finished: () => boolean): Promise<void> {
  const deadline = Date.now() + ABORT_PATIENCE_MS;
  for (;;) {
    try {
      await domain.abortJob();
      return;
    } catch (e) {
      const notYet = isVirError(e) && e.code === VIR_ERR_OPERATION_INVALID;
      if (!notYet || finished() || Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Live migration of a running VM to another host (peer to peer, the params API): progress from the source's job
 * info, cancel with virDomainAbortJob (the VM keeps running on the source), and as a result the VM on the
 * destination.
 */
export async function migrateJob(connection: Connection, connectionId: string, input: ParsedInput<'jobs.migrate'>, target: MigrationTarget): Promise<JobSpec> {
  const domain = await connection.domainLookupByUUID(input.key);
  // virDomainMigrateToURI3's typed parameters: VIR_MIGRATE_PARAM_BANDWIDTH, _URI, _DISKS_URI.
  const params: Record<string, number | string> = {
    ...(input.bandwidthMiBs !== undefined ? { bandwidth: input.bandwidthMiBs } : {}),
    ...(input.migrateUri !== undefined ? { migrate_uri: input.migrateUri } : {}),
    ...(input.disksUri !== undefined ? { disks_uri: input.disksUri } : {}),
  };
  const copying = !input.offline && input.copyStorage !== 'none' ? input.copyStorage : undefined;
  // What a storage migration copies is checked before anything starts; the missing disks are made when it runs.
  const plan = copying && target.connection ? await planCopiedDisks(connection, domain, target.connection, copying) : [];
  let finished = false;
  return {
    connectionId,
    kind: 'domain.migrate',
    target: domain.name,
    cancel: () => abortWhenActive(domain, () => finished),
    run: async (control) => {
      const copies = await createCopies(plan);
      try {
        await whilePolling(domain.migrateToURI3(target.uri, params, migrationFlags(input)), POLL_MS, jobStatsProgress(domain, control));
      } catch (e) {
        await copies.remove();
        throw e;
      } finally {
        finished = true;
        for (const pool of copies.pools) await target.refreshPool?.(pool.uuid).catch(() => undefined);
      }
      // The destination confirms where the VM now is, when Hangar is connected to it, and keeps the completed
      // job's figures (the source's went with the VM): what moved, and how long the VM was paused.
      const moved = target.connection ? await target.connection.domainLookupByUUID(domain.uuid) : domain;
      if (target.connection) {
        // KEEP_COMPLETED: reading them leaves them for other clients (virsh domjobinfo --completed).
        const completed = await moved.getJobStats(VIR_DOMAIN_JOB_STATS_COMPLETED | VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED).catch(() => undefined);
        const transfer = completed && jobTransfer(completed.params, true);
        if (transfer) control.progress(1, transfer);
      }
      return { kind: 'domain', connectionId: target.connectionId, uuid: moved.uuid, name: moved.name };
    },
  };
}
