import {
  VIR_IP_ADDR_TYPE_IPV6, VIR_NETWORK_DEFINE_VALIDATE, VIR_NETWORK_SECTION_IP_DHCP_HOST, VIR_NETWORK_UPDATE_AFFECT_CONFIG,
  VIR_NETWORK_UPDATE_AFFECT_LIVE, VIR_NETWORK_UPDATE_COMMAND_ADD_LAST, VIR_NETWORK_UPDATE_COMMAND_DELETE,
  VIR_NETWORK_UPDATE_COMMAND_MODIFY, VIR_NETWORK_XML_INACTIVE,
} from '../../../drivers/api/index.js';
import { XmlElement, newDocument } from '../../../drivers/xml/index.js';
import type { CallsOf, HandlerContext, Handlers } from './context.js';

export function networksHandlers(ctx: HandlerContext): Handlers<CallsOf<'networks'>> {
  const { manager } = ctx;
  const network = (connection: string, key: string) => manager.connection(connection).networkLookupByUUID(key);
  return {
    'networks.list': async ({ connection }) => ({ rev: ctx.revisions.current, items: manager.objects(connection).networks }),
    'networks.xml': async ({ connection, key, inactive }) => ({ xml: await (await network(connection, key)).getXMLDesc(inactive ? VIR_NETWORK_XML_INACTIVE : 0) }),
    'networks.define': async ({ connection, xml }) => {
      const n = await manager.connection(connection).networkDefineXML(xml, VIR_NETWORK_DEFINE_VALIDATE);
      return { key: n.uuid, name: n.name };
    },
    'networks.undefine': async ({ connection, key }) => {
      await (await network(connection, key)).undefine();
      return null;
    },
    'networks.start': async ({ connection, key }) => {
      await (await network(connection, key)).create();
      return null;
    },
    'networks.stop': async ({ connection, key }) => {
      await (await network(connection, key)).destroy();
      return null;
    },
    'networks.setAutostart': async ({ connection, key, autostart }) => {
      await (await network(connection, key)).setAutostart(autostart);
      // libvirt sends no event for autostart: read the network again so lists show it.
      await manager.refreshNetwork(connection, key);
      return null;
    },
    'networks.updateDhcpHost': async ({ connection, key, command, host, live, config }) => {
      const n = await network(connection, key);
      // A running network takes the change live and in its definition; a stopped one only in its definition.
      const flags = ((live && (await n.isActive())) ? VIR_NETWORK_UPDATE_AFFECT_LIVE : 0) | (config && (await n.isPersistent()) ? VIR_NETWORK_UPDATE_AFFECT_CONFIG : 0);
      const xml = newDocument(XmlElement.create('host', { mac: host.mac, name: host.name, ip: host.ip })).toXml().trim();
      const code = command === 'add' ? VIR_NETWORK_UPDATE_COMMAND_ADD_LAST : command === 'modify' ? VIR_NETWORK_UPDATE_COMMAND_MODIFY : VIR_NETWORK_UPDATE_COMMAND_DELETE;
      await n.update(code, VIR_NETWORK_SECTION_IP_DHCP_HOST, -1, xml, flags);
      await manager.refreshNetwork(connection, key);
      return null;
    },
    'networks.dhcpLeases': async ({ connection, key, mac }) => {
      const leases = await (await network(connection, key)).getDHCPLeases(mac ?? null);
      return leases.map((l) => ({
        iface: l.iface, expiryTime: l.expirytime, family: l.type === VIR_IP_ADDR_TYPE_IPV6 ? 'ipv6' as const : 'ipv4' as const,
        mac: l.mac, address: l.ipaddr, prefix: l.prefix, hostname: l.hostname, clientId: l.clientid,
      }));
    },
  };
}
