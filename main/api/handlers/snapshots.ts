import {
  VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY, VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN,
  VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY, VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY, VIR_DOMAIN_SNAPSHOT_REVERT_FORCE,
  VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED, VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING,
} from '../../../drivers/api/index.js';
import { buildSnapshot } from '../../../drivers/xml/index.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

const REVERT = { 'as-saved': 0, running: VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING, paused: VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED } as const;
const DELETE = { keep: 0, 'with-children': VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN, 'only-children': VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY } as const;

export function snapshotsHandlers(ctx: HandlerContext): Handlers<CallsOf<'snapshots'>> {
  const { manager, snapshots } = ctx;
  const domain = (connection: string, uuid: string) => manager.domain(connection, uuid);
  const snapshot = async (connection: string, uuid: string, name: string) => (await domain(connection, uuid)).snapshotLookupByName(name);
  return {
    'snapshots.list': async ({ connection, domain: uuid }) => {
      const rev = ctx.revisions.current;
      return { rev, items: await snapshots.list({ connection, domain: uuid }) };
    },
    'snapshots.xml': async ({ connection, domain: uuid, name }) => ({ xml: await (await snapshot(connection, uuid, name)).getXMLDesc() }),
    'snapshots.create': async ({ connection, domain: uuid, name, description, xml, diskOnly }) => {
      const d = await domain(connection, uuid);
      const doc = xml ?? buildSnapshot({ ...(name !== undefined ? { name } : {}), ...(description ? { description } : {}) }).toXml();
      const made = await d.snapshotCreateXML(doc, VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE | (diskOnly ? VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY : 0));
      const summary = await snapshots.summarize(made);
      await snapshots.refresh({ connection, domain: uuid });
      return summary;
    },
    'snapshots.revert': async ({ connection, domain: uuid, name, after, force }) => {
      const s = await snapshot(connection, uuid, name);
      await s.domain.revertToSnapshot(s, REVERT[after] | (force ? VIR_DOMAIN_SNAPSHOT_REVERT_FORCE : 0));
      await snapshots.refresh({ connection, domain: uuid });
      return null;
    },
    'snapshots.delete': async ({ connection, domain: uuid, name, children, metadataOnly }) => {
      await (await snapshot(connection, uuid, name)).delete(DELETE[children] | (metadataOnly ? VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY : 0));
      await snapshots.refresh({ connection, domain: uuid });
      return null;
    },
  };
}
