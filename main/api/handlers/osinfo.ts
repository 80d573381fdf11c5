import { InputError } from '../api-error.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function osinfoHandlers(ctx: HandlerContext): Handlers<CallsOf<'osinfo'>> {
  const { osinfo, manager } = ctx;
  return {
    'osinfo.list': async ({ query, includeEol, limit }) => ({
      version: osinfo.db.version, dirs: osinfo.db.dirs, items: osinfo.db.search(query, includeEol, limit),
    }),
    'osinfo.get': async ({ id }) => {
      const os = osinfo.db.get(id);
      if (!os) throw new InputError('id', `osinfo-db knows no OS "${id}".`);
      return os;
    },
    'osinfo.detectTree': async ({ url, arch }) => osinfo.detectTree(url, arch),
    'osinfo.detect': async ({ connection, pool, volume }) => {
      // Its own libvirt connection, as volume transfers have, so the stream does not hold up the host's calls.
      const lease = await manager.transferConnection(connection);
      try {
        return await osinfo.detectVolume(lease.connection, pool, volume);
      } finally {
        await lease.release();
      }
    },
  };
}
