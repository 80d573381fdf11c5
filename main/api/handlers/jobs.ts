import { managedSaveJob, uploadVolumeJob } from '../../services/job-operations.js';
import { migrateJob } from '../../services/migrate-job.js';
import { cloneVolumeJob, createVolumeJob } from '../../services/volume-jobs.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function jobsHandlers(ctx: HandlerContext): Handlers<CallsOf<'jobs'>> {
  const { manager, jobs } = ctx;
  return {
    'jobs.list': async () => ({ rev: ctx.revisions.current, items: jobs.list() }),
    'jobs.cancel': async ({ job }) => jobs.cancel(job),
    'jobs.managedSave': async ({ connection, key }) => jobs.start(await managedSaveJob(manager.connection(connection), connection, key)),
    'jobs.uploadVolume': async ({ connection, pool, volume, path }) =>
      jobs.start(await uploadVolumeJob(manager.connection(connection), connection, pool, volume, path)),
    'jobs.createVolume': async (input) => jobs.start(await createVolumeJob(manager.connection(input.connection), input.connection, input)),
    'jobs.cloneVolume': async (input) => jobs.start(await cloneVolumeJob(manager.connection(input.connection), input.connection, input)),
    'jobs.migrate': async (input) => {
      const destination = manager.saved(input.to);
      const target = { connectionId: destination.id, uri: input.destinationUri ?? destination.uri, connection: manager.liveConnection(input.to) };
      return jobs.start(await migrateJob(manager.connection(input.connection), input.connection, input, target));
    },
  };
}
