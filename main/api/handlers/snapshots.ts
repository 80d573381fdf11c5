import {
  VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT, VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY, VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE,
  VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN, VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY,
  VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY, VIR_DOMAIN_SNAPSHOT_REVERT_FORCE, VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED,
  VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING, type Domain,
} from '../../../drivers/api/index.js';
import { buildSnapshot, parseSnapshot, type SnapshotDisk } from '../../../drivers/xml/index.js';
import { defaultMemoryPath, defaultOverlayPath, type ParsedInput, type SnapshotScope } from '../contract/index.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

const REVERT = { 'as-saved': 0, running: VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING, paused: VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED } as const;
const DELETE = { keep: 0, 'with-children': VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN, 'only-children': VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY } as const;

type CreateInput = ParsedInput<'snapshots.create'>;

/** The snapshot XML and flags of a create: internal as libvirt defaults, or external with files beside the disks. */
async function createRequest(ctx: HandlerContext, scope: SnapshotScope, d: Domain, input: CreateInput): Promise<{ xml: string; flags: number }> {
  const description = input.description ? { description: input.description } : {};
  const name = input.name !== undefined ? { name: input.name } : {};
  if (input.xml !== undefined) return { xml: input.xml, flags: VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE | (input.diskOnly ? VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY : 0) };
  if (!input.external) {
    return { xml: buildSnapshot({ ...name, ...description }).toXml(), flags: VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE | (input.diskOnly ? VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY : 0) };
  }
  const support = await ctx.snapshots.support(scope);
  // An external snapshot needs a name to place its files by; libvirt's own default is the time in seconds.
  const snapName = input.name ?? String(Math.floor(Date.now() / 1000));
  const disks: SnapshotDisk[] = support.disks.map((disk) => {
    const file = input.external?.diskFiles[disk.target] ?? (disk.file !== null ? defaultOverlayPath(disk.file, snapName) : undefined);
    return { name: disk.target, snapshot: 'external', ...(file !== undefined ? { sourceFile: file, driverType: 'qcow2' } : {}) };
  });
  const withMemory = support.running && !input.diskOnly;
  const first = support.disks.find((x) => x.file !== null)?.file ?? null;
  const memoryFile = input.external.memoryFile ?? (first !== null ? defaultMemoryPath(first, d.name, snapName) : undefined);
  const model = buildSnapshot({ name: snapName, ...description, memory: withMemory ? 'external' : 'no', disks });
  if (withMemory && memoryFile !== undefined) model.element.child('memory')?.setAttr('file', memoryFile);
  return { xml: model.toXml(), flags: VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE | (withMemory ? 0 : VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY) };
}

export function snapshotsHandlers(ctx: HandlerContext): Handlers<CallsOf<'snapshots'>> {
  const { manager, snapshots } = ctx;
  const domain = (connection: string, uuid: string) => manager.domain(connection, uuid);
  const snapshot = async (connection: string, uuid: string, name: string) => (await domain(connection, uuid)).snapshotLookupByName(name);
  /** Pictures of snapshots that are no longer there go with them. */
  const dropPictures = async (scope: SnapshotScope, before: readonly string[]): Promise<void> => {
    const shots = snapshots.screenshots;
    if (!shots) return;
    const now = new Set((await (await domain(scope.connection, scope.domain)).listAllSnapshots()).map((s) => s.name));
    await Promise.all(before.filter((n) => !now.has(n)).map((n) => shots.remove(scope.connection, scope.domain, n)));
  };
  return {
    'snapshots.list': async ({ connection, domain: uuid }) => {
      const rev = ctx.revisions.current;
      return { rev, items: await snapshots.list({ connection, domain: uuid }) };
    },
    'snapshots.xml': async ({ connection, domain: uuid, name }) => ({ xml: await (await snapshot(connection, uuid, name)).getXMLDesc() }),
    'snapshots.create': async (input) => {
      const scope = { connection: input.connection, domain: input.domain };
      const d = await domain(input.connection, input.domain);
      const { xml, flags } = await createRequest(ctx, scope, d, input);
      // The picture is of the moment just before: virt-manager takes it the same way. No display, no picture.
      const picture = input.screenshot && snapshots.screenshots && await d.isActive() ? await d.screenshot(0).catch(() => undefined) : undefined;
      const made = await d.snapshotCreateXML(xml, flags);
      if (picture && snapshots.screenshots) await snapshots.screenshots.save(input.connection, input.domain, made.name, picture).catch(() => false);
      const summary = await snapshots.summarize(scope, made);
      await snapshots.refresh(scope);
      return summary;
    },
    'snapshots.support': async ({ connection, domain: uuid }) => snapshots.support({ connection, domain: uuid }),
    'snapshots.setDescription': async ({ connection, domain: uuid, name, description }) => {
      const s = await snapshot(connection, uuid, name);
      const [xml, current] = await Promise.all([s.getXMLDesc(), s.isCurrent()]);
      const model = parseSnapshot(xml);
      model.description = description;
      // Redefining the metadata is libvirt's (and virt-manager's) way to change a snapshot's description.
      await s.domain.snapshotCreateXML(model.toXml(), VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE | (current ? VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT : 0));
      await snapshots.refresh({ connection, domain: uuid });
      return null;
    },
    'snapshots.screenshot': async ({ connection, domain: uuid, name }) => {
      const png = await snapshots.screenshots?.read(connection, uuid, name);
      return png ? { mime: 'image/png', base64: png.toString('base64') } : null;
    },
    'snapshots.revert': async ({ connection, domain: uuid, name, after, force }) => {
      const s = await snapshot(connection, uuid, name);
      await s.domain.revertToSnapshot(s, REVERT[after] | (force ? VIR_DOMAIN_SNAPSHOT_REVERT_FORCE : 0));
      await snapshots.refresh({ connection, domain: uuid });
      return null;
    },
    'snapshots.delete': async ({ connection, domain: uuid, name, children, metadataOnly }) => {
      const scope = { connection, domain: uuid };
      const d = await domain(connection, uuid);
      const before = (await d.listAllSnapshots()).map((s) => s.name);
      await (await d.snapshotLookupByName(name)).delete(DELETE[children] | (metadataOnly ? VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY : 0));
      await dropPictures(scope, before);
      await snapshots.refresh(scope);
      return null;
    },
  };
}
