import { VIR_DOMAIN_CONSOLE_FORCE, VIR_DOMAIN_XML_SECURE, VirError, VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN } from '../../../drivers/api/index.js';
import { consoleDevices } from '../../services/consoles/console-devices.js';
import { UnsavedSecretStore } from '../../services/secret-store.js';
import { sshSecretPrefix } from '../../services/ssh-prompts.js';
import { joinStream } from '../../services/consoles/join-stream.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function consolesHandlers(ctx: HandlerContext): Handlers<CallsOf<'consoles'>> {
  const { manager } = ctx;
  // Kept under the connection's prefix, so that removing the connection forgets them too.
  const secrets = ctx.secrets ?? new UnsavedSecretStore();
  const passwordKey = (connection: string, key: string): string => {
    const saved = manager.list().find((c) => c.key === connection)?.saved;
    if (!saved) throw new Error(`no connection ${connection}`);
    return `${sshSecretPrefix(saved.uri)}vnc\0${key}`;
  };
  const devices = async (connection: string, key: string) => {
    const c = manager.connection(connection);
    const xml = await (await c.domainLookupByUUID(key)).getXMLDesc(VIR_DOMAIN_XML_SECURE);
    return consoleDevices(xml, typeof c.openTunnel === 'function');
  };
  return {
    'consoles.devices': async ({ connection, key }) => devices(connection, key),

    'consoles.vncPassword': async ({ connection, key }) => {
      const canRemember = await secrets.canRemember();
      const fromXml = (await devices(connection, key)).graphics.find((g) => g.type === 'vnc')?.password ?? null;
      if (fromXml !== null) return { password: fromXml, source: 'definition', canRemember };
      const remembered = await secrets.get(passwordKey(connection, key));
      return remembered === undefined ? { password: null, source: null, canRemember } : { password: remembered, source: 'remembered', canRemember };
    },

    'consoles.rememberVncPassword': async ({ connection, key, password }) => {
      const k = passwordKey(connection, key);
      if (password === null) {
        await secrets.forget(k);
        return { remembered: false };
      }
      return { remembered: await secrets.remember(k, password) };
    },

    // A console stream runs on a libvirt connection of its own (libvirt has no flow control per stream): over SSH
    // that is one more channel of the host's one SSH connection, not a new login.
    'consoles.openSerial': async ({ connection, key, alias, force }, session) => {
      const lease = await manager.transferConnection(connection);
      const channel = session.channels.open();
      try {
        const dom = await lease.connection.domainLookupByUUID(key);
        const stream = await dom.openConsole(alias, force ? VIR_DOMAIN_CONSOLE_FORCE : 0);
        void joinStream(channel, stream, () => lease.release());
      } catch (e) {
        channel.shutdown('the console did not open');
        await lease.release();
        throw e;
      }
      return { channel: channel.id };
    },

    'consoles.openVnc': async ({ connection, key, index }, session) => {
      const c = manager.connection(connection);
      const found = await devices(connection, key);
      const vnc = found.graphics.filter((g) => g.type === 'vnc')[index];
      const fail = (message: string): never => {
        throw new VirError(VIR_ERR_OPERATION_INVALID, VIR_FROM_DOMAIN, message);
      };
      if (!c.openTunnel) return fail('this host cannot carry a graphical console');
      if (!vnc) return fail(found.graphics.length > 0 ? 'the domain has no VNC graphics (only SPICE or others)' : 'the domain has no graphics device');
      const listen = vnc.listen;
      if (!listen || listen.kind === 'none') return fail('the VNC server does not listen anywhere Hangar can reach (is the domain running?)');
      const stream = await c.openTunnel(listen.kind === 'socket' ? { socket: listen.socket } : { host: listen.address, port: listen.port });
      let channel;
      try {
        channel = session.channels.open();
      } catch (e) {
        stream.dispose();
        throw e;
      }
      void joinStream(channel, stream);
      return { channel: channel.id };
    },
  };
}
