import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function promptsHandlers(ctx: HandlerContext): Handlers<CallsOf<'prompts'>> {
  return {
    'prompts.list': async () => ({ rev: ctx.revisions.current, items: ctx.prompts.open().map((p) => ({ key: p.id, request: p.request })) }),
    'prompts.answer': async ({ id, answer, remember }) => ({ open: ctx.prompts.answer(id, answer, remember) }),
  };
}
