import {
  VIR_STORAGE_POOL_BUILD_NEW, VIR_STORAGE_POOL_BUILD_NO_OVERWRITE, VIR_STORAGE_POOL_BUILD_OVERWRITE, VIR_STORAGE_POOL_DEFINE_VALIDATE,
  VIR_STORAGE_VOL_RESIZE_ALLOCATE, VIR_STORAGE_VOL_RESIZE_SHRINK, VIR_STORAGE_XML_INACTIVE, type StorageVolume, type Stream,
} from '../../../drivers/api/index.js';
import { channelIntoStream, streamIntoChannel } from '../channels/stream-bridge.js';
import type { ByteChannel } from '../contract/byte-channel.js';
import type { ChannelOpened } from '../contract/channels.js';
import type { CallsOf, HandlerContext, Handlers, SessionState } from './context.js';

const BUILD = { new: VIR_STORAGE_POOL_BUILD_NEW, overwrite: VIR_STORAGE_POOL_BUILD_OVERWRITE, 'no-overwrite': VIR_STORAGE_POOL_BUILD_NO_OVERWRITE } as const;

export function storageHandlers(ctx: HandlerContext): Handlers<CallsOf<'storage'>> {
  const { manager } = ctx;
  const pool = (connection: string, key: string) => manager.connection(connection).storagePoolLookupByUUID(key);
  /** Runs a change to a pool, then reads the pool again: volume and autostart changes send no event. */
  const onPool = async (connection: string, key: string, change: (p: Awaited<ReturnType<typeof pool>>) => Promise<unknown>): Promise<null> => {
    await change(await pool(connection, key));
    await manager.refreshPool(connection, key);
    return null;
  };
  const volume = async (connection: string, poolKey: string, name: string) => (await pool(connection, poolKey)).storageVolLookupByName(name);
  /**
   * Opens a volume's stream on a libvirt connection of its own (see ConnectionManager.transferConnection) and joins
   * it to a new channel of the session; `move` carries the bytes, and the connection goes when it is done.
   */
  const transfer = async (
    connection: string, poolKey: string, name: string, session: SessionState, what: 'upload' | 'download',
    open: (vol: StorageVolume) => Promise<Stream>, move: (stream: Stream, channel: ByteChannel) => Promise<unknown>,
  ): Promise<ChannelOpened> => {
    const lease = await manager.transferConnection(connection);
    const channel = session.channels.open();
    try {
      const stream = await open(await (await lease.connection.storagePoolLookupByUUID(poolKey)).storageVolLookupByName(name));
      void move(stream, channel).catch(() => undefined).finally(() => void lease.release());
    } catch (e) {
      channel.shutdown(`the ${what} did not start`);
      await lease.release();
      throw e;
    }
    return { channel: channel.id };
  };
  return {
    'storage.list': async ({ connection }) => ({ rev: ctx.revisions.current, items: manager.objects(connection).pools }),
    'storage.poolXml': async ({ connection, key, inactive }) => ({ xml: await (await pool(connection, key)).getXMLDesc(inactive ? VIR_STORAGE_XML_INACTIVE : 0) }),
    'storage.definePool': async ({ connection, xml }) => {
      const p = await manager.connection(connection).storagePoolDefineXML(xml, VIR_STORAGE_POOL_DEFINE_VALIDATE);
      return { key: p.uuid, name: p.name };
    },
    'storage.undefinePool': async ({ connection, key }) => {
      await (await pool(connection, key)).undefine();
      return null;
    },
    'storage.startPool': async ({ connection, key }) => onPool(connection, key, (p) => p.create()),
    'storage.stopPool': async ({ connection, key }) => onPool(connection, key, (p) => p.destroy()),
    'storage.refreshPool': async ({ connection, key }) => onPool(connection, key, (p) => p.refresh()),
    'storage.buildPool': async ({ connection, key, mode }) => onPool(connection, key, (p) => p.build(BUILD[mode])),
    'storage.deletePool': async ({ connection, key }) => onPool(connection, key, (p) => p.delete()),
    'storage.setPoolAutostart': async ({ connection, key, autostart }) => onPool(connection, key, (p) => p.setAutostart(autostart)),
    'storage.findPoolSources': async ({ connection, type, sourceSpec }) => ({
      xml: await manager.connection(connection).findStoragePoolSources(type, sourceSpec ?? null),
    }),
    'storage.volumeXml': async ({ connection, pool: p, volume: v }) => ({ xml: await (await volume(connection, p, v)).getXMLDesc() }),
    'storage.deleteVolume': async ({ connection, pool: p, volume: v }) => {
      await (await volume(connection, p, v)).delete();
      await manager.refreshPool(connection, p);
      return null;
    },
    'storage.wipeVolume': async ({ connection, pool: p, volume: v }) => {
      await (await volume(connection, p, v)).wipe();
      await manager.refreshPool(connection, p);
      return null;
    },
    'storage.resizeVolume': async ({ connection, pool: p, volume: v, capacity, shrink, allocate }) => {
      await (await volume(connection, p, v)).resize(capacity, (shrink ? VIR_STORAGE_VOL_RESIZE_SHRINK : 0) | (allocate ? VIR_STORAGE_VOL_RESIZE_ALLOCATE : 0));
      await manager.refreshPool(connection, p);
      return null;
    },
    'storage.uploadVolume': async ({ connection, pool: p, volume: v, offset, length }, session) =>
      transfer(connection, p, v, session, 'upload', (vol) => vol.upload(offset, length), async (stream, channel) => {
        if (await channelIntoStream(channel, stream)) await manager.refreshPool(connection, p);
      }),
    'storage.downloadVolume': async ({ connection, pool: p, volume: v, offset, length }, session) =>
      transfer(connection, p, v, session, 'download', (vol) => vol.download(offset, length), (stream, channel) => streamIntoChannel(stream, channel)),
  };
}
