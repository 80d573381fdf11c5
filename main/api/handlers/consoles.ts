import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function consolesHandlers(_ctx: HandlerContext): Handlers<CallsOf<'consoles'>> {
  return {};
}
