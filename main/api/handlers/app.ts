import type { HostLists } from '../contract/index.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function appHandlers(ctx: HandlerContext): Handlers<CallsOf<'app'>> {
  return {
    'app.info': async () => ctx.info,
    // The same lists as connections.list, jobs.list, prompts.list and each connected host's four *.list calls,
    // read in one go at one revision.
    'app.start': async () => {
      const rev = ctx.revisions.current;
      const connections = ctx.manager.list();
      const hosts: HostLists[] = connections.filter((c) => c.state.state === 'connected').map((c) => {
        const objects = ctx.manager.objects(c.key);
        return {
          connection: c.key,
          domains: { rev, items: ctx.manager.domains(c.key) },
          networks: { rev, items: objects.networks },
          pools: { rev, items: objects.pools },
          nodedevs: { rev, items: objects.nodeDevices },
        };
      });
      return {
        info: ctx.info,
        settings: ctx.settings.get(),
        connections: { rev, items: connections },
        jobs: { rev, items: ctx.jobs.list() },
        prompts: { rev, items: ctx.prompts.open().map((p) => ({ key: p.id, request: p.request })) },
        hosts,
      };
    },
  };
}
