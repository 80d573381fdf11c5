import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function nodedevsHandlers(ctx: HandlerContext): Handlers<CallsOf<'nodedevs'>> {
  const { manager } = ctx;
  const device = (connection: string, name: string) => manager.connection(connection).nodeDeviceLookupByName(name);
  return {
    'nodedevs.list': async ({ connection }) => ({ rev: ctx.revisions.current, items: manager.objects(connection).nodeDevices }),
    'nodedevs.xml': async ({ connection, key }) => ({ xml: await (await device(connection, key)).getXMLDesc() }),
    'nodedevs.detach': async ({ connection, key, driver }) => {
      await (await device(connection, key)).detach(driver ?? null);
      return null;
    },
    'nodedevs.reattach': async ({ connection, key }) => {
      await (await device(connection, key)).reAttach();
      return null;
    },
  };
}
