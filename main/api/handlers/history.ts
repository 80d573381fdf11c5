import { VIR_DOMAIN_DEFINE_VALIDATE, VIR_DOMAIN_XML_INACTIVE, VIR_DOMAIN_XML_SECURE } from '../../../drivers/api/index.js';
import { parseDomain } from '../../../drivers/xml/index.js';
import { InputError } from '../api-error.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

/**
 * The history keeps definitions as libvirt prints them without secrets, so a graphics password is absent from them
 * (not removed): the restored definition keeps the password each graphics device has now, rather than dropping it.
 */
function keepPasswords(restored: string, secureNow: string): string {
  const model = parseDomain(restored);
  const now = parseDomain(secureNow).graphics;
  let carried = false;
  const seen = new Map<string, number>();
  for (const g of model.graphics) {
    const type = g.type ?? '';
    const nth = seen.get(type) ?? 0;
    seen.set(type, nth + 1);
    const password = now.filter((x) => (x.type ?? '') === type)[nth]?.passwd;
    if (g.passwd === undefined && password !== undefined) {
      g.passwd = password;
      carried = true;
    }
  }
  return carried ? model.toXml() : restored;
}

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
        const xml = keepPasswords(entry.before, await d.getXMLDesc(VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE));
        await manager.connection(connection).domainDefineXML(xml, VIR_DOMAIN_DEFINE_VALIDATE);
      }, id);
      return { id: entries[0]?.id ?? null };
    },
  };
}
