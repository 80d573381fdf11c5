import type { Settings } from '../contract/index.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function settingsHandlers(ctx: HandlerContext, changed: (settings: Settings) => void): Handlers<CallsOf<'settings'>> {
  return {
    'settings.get': async () => ctx.settings.get(),
    'settings.set': async (change) => {
      const next = ctx.settings.set(change);
      // Applied at once: the next tick comes after the new interval and asks for the new groups.
      ctx.stats.setInterval(next.stats.intervalSeconds);
      ctx.stats.setGroups(next.stats);
      changed(next);
      return next;
    },
  };
}
