import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function historyHandlers(_ctx: HandlerContext): Handlers<CallsOf<'history'>> {
  return {};
}
