import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function appHandlers(ctx: HandlerContext): Handlers<CallsOf<'app'>> {
  return { 'app.info': async () => ctx.info };
}
