import { managedSaveJob, uploadVolumeJob } from '../../services/job-operations.js';
import { installKernelJob } from '../../services/install-kernel-job.js';
import { migrateJob } from '../../services/migrate-job.js';
import { cloneVolumeJob, createVolumeJob } from '../../services/volume-jobs.js';
import type { JobSpec } from '../../services/job-service.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function jobsHandlers(ctx: HandlerContext): Handlers<CallsOf<'jobs'>> {
  const { manager, jobs } = ctx;
  /** Volumes change without events: once a volume job ends, its pool is read again so lists show the result. */
  const refreshing = (spec: JobSpec, connection: string, pool: string): JobSpec => ({
    ...spec,
    run: async (control) => {
      try {
        return await spec.run(control);
      } finally {
        await manager.refreshPool(connection, pool).catch(() => undefined);
      }
    },
  });
  return {
    'jobs.list': async () => ({ rev: ctx.revisions.current, items: jobs.list() }),
    'jobs.cancel': async ({ job }) => jobs.cancel(job),
    'jobs.managedSave': async ({ connection, key }) => jobs.start(await managedSaveJob(manager.connection(connection), connection, key)),
    'jobs.uploadVolume': async ({ connection, pool, volume, path }) =>
      jobs.start(refreshing(await uploadVolumeJob(manager.connection(connection), connection, pool, volume, path), connection, pool)),
    'jobs.createVolume': async (input) =>
      jobs.start(refreshing(await createVolumeJob(manager.connection(input.connection), input.connection, input), input.connection, input.pool)),
    'jobs.cloneVolume': async (input) =>
      jobs.start(refreshing(await cloneVolumeJob(manager.connection(input.connection), input.connection, input), input.connection, input.targetPool ?? input.pool)),
    'jobs.fetchInstallKernel': async (input) =>
      jobs.start(refreshing(await installKernelJob(manager.connection(input.connection), input.connection, input), input.connection, input.pool)),
    'jobs.migrate': async (input) => {
      const destination = manager.saved(input.to);
      const target = {
        connectionId: destination.id, uri: input.destinationUri ?? destination.uri, connection: manager.liveConnection(input.to),
        refreshPool: (uuid: string) => manager.refreshPool(destination.id, uuid),
      };
      return jobs.start(await migrateJob(manager.connection(input.connection), input.connection, input, target));
    },
  };
}
