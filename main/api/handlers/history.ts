import { VIR_DOMAIN_DEFINE_VALIDATE, VIR_DOMAIN_XML_INACTIVE } from '../../../drivers/api/index.js';
import { parseDomain } from '../../../drivers/xml/index.js';
import { InputError } from '../api-error.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function historyHandlers(ctx: HandlerContext): Handlers<CallsOf<'history'>> {
  const { history, manager } = ctx;
  const entryOf = async (connection: string, key: string, id: string) => {
    const entry = await history.history.entry(history.vm({ connection, key }), id);
    if (!entry) throw new InputError('id', 'This change is no longer in the VM\'s history.');
    return entry;
  };
  return {
    'history.list': async ({ connection, key }) => history.history.list(history.vm({ connection, key })),
    'history.entry': async ({ connection, key, id }) => entryOf(connection, key, id),
    'history.restore': async ({ connection, key, id, base }) => {
      const entry = await entryOf(connection, key, id);
      const { entries } = await history.around([{ connection, key }], 'history.restore', async () => {
        const d = await manager.domain(connection, key);
        const current = await d.getXMLDesc(VIR_DOMAIN_XML_INACTIVE);
        // What the user compared the restore with must still be what the host has: nothing newer is overwritten.
        if (current !== base) {
          throw new InputError('base', 'The VM\'s definition changed on the host since the comparison was shown. Look at the difference again before restoring.');
        }
        // libvirt keeps a UUID to one name: a restore across a rename renames the VM back first (while shut off).
        const wanted = parseDomain(entry.before).name;
        if (wanted !== undefined && wanted !== parseDomain(current).name) await d.rename(wanted);
        await manager.connection(connection).domainDefineXML(entry.before, VIR_DOMAIN_DEFINE_VALIDATE);
      }, id);
      return { id: entries[0]?.id ?? null };
    },
  };
}
