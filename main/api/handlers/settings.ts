import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function settingsHandlers(ctx: HandlerContext, changed: (settings: ReturnType<HandlerContext['settings']['get']>) => void): Handlers<CallsOf<'settings'>> {
  return {
    'settings.get': async () => ctx.settings.get(),
    'settings.set': async (change) => {
      const next = ctx.settings.set(change);
      ctx.stats.setInterval(next.statsIntervalSeconds);
      changed(next);
      return next;
    },
  };
}
