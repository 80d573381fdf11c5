import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function nodedevsHandlers(ctx: HandlerContext): Handlers<CallsOf<'nodedevs'>> {
  const { manager } = ctx;
  return {
    'nodedevs.list': async ({ connection }) => ({ rev: ctx.revisions.current, items: manager.objects(connection).nodeDevices }),
    'nodedevs.xml': async ({ connection, key }) => ({ xml: await (await manager.connection(connection).nodeDeviceLookupByName(key)).getXMLDesc() }),
  };
}
