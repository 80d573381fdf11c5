import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function statsHandlers(ctx: HandlerContext): Handlers<CallsOf<'stats'>> {
  return {
    'stats.watch': async ({ connection, watch }, session) => {
      ctx.manager.saved(connection); // an unknown connection is refused, not watched
      const existing = session.watches.get(connection);
      if (watch && !existing) session.watches.set(connection, ctx.stats.watch(connection));
      if (!watch && existing) {
        existing();
        session.watches.delete(connection);
      }
      return null;
    },
    'stats.history': async ({ connection, key }) => ctx.stats.history(connection, key),
  };
}
