import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function osinfoHandlers(_ctx: HandlerContext): Handlers<CallsOf<'osinfo'>> {
  return {};
}
