import { clonePlan, cloneVm } from '../../services/vm-clone.js';
import { deletePlan, deleteVm } from '../../services/vm-delete.js';
import type { JobSpec } from '../../services/job-service.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

type LifecycleCalls = Extract<CallsOf<'domains'>, 'domains.deletePlan' | 'domains.delete' | 'domains.clonePlan' | 'domains.clone' | 'domains.discardSavedState'>;

/** Delete with storage and clone: spread into the domains handlers. */
export function domainLifecycleHandlers(ctx: HandlerContext): Handlers<LifecycleCalls> {
  const { manager, jobs } = ctx;
  /** Volumes change without events: pools are read again so lists show what was made or deleted. */
  const refreshAfter = (spec: JobSpec, connection: string, pool: string): JobSpec => ({
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
    'domains.deletePlan': async ({ connection, key }) => deletePlan(manager.connection(connection), key, manager.domains(connection)),
    'domains.delete': async ({ connection, key, storage }) => {
      const { deleted, failed, pools } = await deleteVm(manager.connection(connection), key, storage, manager.domains(connection));
      // The VM is gone: its edit history and its snapshots' pictures in the data folder go with it.
      await Promise.all([
        ...pools.map((p) => manager.refreshPool(connection, p).catch(() => undefined)),
        ctx.history.history.forget(ctx.history.vm({ connection, key })).catch(() => undefined),
        ctx.snapshots.screenshots?.forget(connection, key).catch(() => undefined),
      ]);
      return { deleted, failed };
    },
    'domains.discardSavedState': async ({ connection, key }) => {
      await (await manager.domain(connection, key)).managedSaveRemove(0);
      // No lifecycle event says a saved state went away: the summary is read again.
      await manager.refreshDomain(connection, key);
      return null;
    },
    'domains.clonePlan': async ({ connection, key, name }) => clonePlan(manager.connection(connection), key, manager.domains(connection), name),
    'domains.clone': async (input) => {
      const c = manager.connection(input.connection);
      const made = await cloneVm(c, input.connection, input, manager.domains(input.connection));
      const started = made.jobs.map(({ spec, pool }) => jobs.start(refreshAfter(spec, input.connection, pool)));
      return { key: made.key, name: made.name, jobs: started.map((j) => j.id) };
    },
  };
}
