import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function connectionsHandlers(ctx: HandlerContext): Handlers<CallsOf<'connections'>> {
  const { manager } = ctx;
  return {
    'connections.list': async () => ({ rev: ctx.revisions.current, items: manager.list() }),
    'connections.add': async (input) => {
      const saved = manager.add(input);
      if (input.autoconnect) void manager.connect(saved.id);
      return saved;
    },
    'connections.update': async ({ connection, name, autoconnect, uri }) =>
      manager.update(connection, { ...(name !== undefined ? { name } : {}), ...(autoconnect !== undefined ? { autoconnect } : {}), ...(uri !== undefined ? { uri } : {}) }),
    'connections.remove': async ({ connection }) => {
      await manager.remove(connection);
      return null;
    },
    'connections.connect': async ({ connection }) => {
      await manager.connect(connection);
      return null;
    },
    'connections.disconnect': async ({ connection }) => {
      await manager.disconnect(connection);
      return null;
    },
    'connections.hostInfo': async ({ connection }) => {
      const c = manager.connection(connection);
      const [uri, hostname, driver, libVersion, hypervisorVersion, node, free] = await Promise.all([
        c.getURI(), c.getHostname(), c.getType(), c.getLibVersion(), c.getVersion(), c.nodeGetInfo(), c.nodeGetFreeMemory(),
      ]);
      return {
        uri, hostname, driver, libVersion, hypervisorVersion,
        cpuModel: node.model, cpus: node.cpus, mhz: node.mhz, memoryBytes: node.memory * 1024, freeMemoryBytes: free,
      };
    },
    'connections.capabilities': async ({ connection }) => ({ xml: await manager.connection(connection).getCapabilities() }),
    'connections.domainCapabilities': async ({ connection, emulator, arch, machine, virtType }) => ({
      xml: await manager.connection(connection).getDomainCapabilities(emulator ?? null, arch ?? null, machine ?? null, virtType ?? null),
    }),
  };
}
