// virNetworkUpdate on the Demo host, for the section Hangar edits: static DHCP hosts (ip-dhcp-host), with the
// matching rules and messages of libvirt's network driver (measured against libvirt 9.0's test driver).
import * as api from '../api/index.js';
import { virError } from './errors.js';
import type { NetworkObject } from './network-object.js';
import { type XmlElement, formatXml } from '../xml/index.js';
import { parseTree, element } from './xml-access.js';

const netError = (code: number, detail: string): api.VirError => virError(code, api.VIR_FROM_NETWORK, detail);

interface HostAttrs { mac?: string; name?: string; ip?: string }

function hostOf(el: XmlElement): HostAttrs {
  const [mac, name, ip] = [el.attr('mac'), el.attr('name'), el.attr('ip')];
  return { ...(mac !== undefined ? { mac: mac.toLowerCase() } : {}), ...(name !== undefined ? { name } : {}), ...(ip !== undefined ? { ip } : {}) };
}

/** The <ip> a DHCP host goes into: the one at `parentIndex`, or (-1) the first IPv4 one. */
function targetIp(n: NetworkObject, parentIndex: number): XmlElement {
  const ips = n.def.childrenNamed('ip');
  const ip = parentIndex >= 0 ? ips[parentIndex] : ips.find((i) => (i.attr('family') ?? 'ipv4') === 'ipv4');
  if (!ip) {
    throw netError(api.VIR_ERR_OPERATION_INVALID, parentIndex >= 0
      ? `couldn't update dhcp host entry - no <ip> element found at index ${parentIndex} in network '${n.name}'`
      : `can't update 'ip-dhcp-host' section of network '${n.name}' - no IPv4 address`);
  }
  return ip;
}

export function updateNetwork(n: NetworkObject, command: number, section: number, parentIndex: number, xml: string, flags: number): void {
  if (section !== api.VIR_NETWORK_SECTION_IP_DHCP_HOST) {
    throw netError(api.VIR_ERR_NO_SUPPORT, `the Demo host updates only the ip-dhcp-host section of network '${n.name}'`);
  }
  if ((flags & api.VIR_NETWORK_UPDATE_AFFECT_LIVE) !== 0 && !n.active) throw netError(api.VIR_ERR_OPERATION_INVALID, 'network is not running');
  let given: XmlElement;
  try {
    given = parseTree(xml);
  } catch (e) {
    throw netError(api.VIR_ERR_XML_ERROR, e instanceof Error ? e.message : String(e));
  }
  if (given.name !== 'host') throw netError(api.VIR_ERR_XML_ERROR, `unexpected element <${given.name}>, expecting <host>, while updating network '${n.name}'`);
  const host = hostOf(given);
  if (host.mac === undefined && host.name === undefined) {
    throw netError(api.VIR_ERR_XML_ERROR, `Static host definition in IPv4 network '${n.name}' must have mac or name attribute`);
  }
  if (command !== api.VIR_NETWORK_UPDATE_COMMAND_DELETE && host.ip === undefined) {
    throw netError(api.VIR_ERR_XML_ERROR, `Missing IP address in static host definition for network '${n.name}'`);
  }
  const ip = targetIp(n, parentIndex);
  let dhcp = ip.childrenNamed('dhcp')[0];
  if (!dhcp) {
    dhcp = element('dhcp');
    ip.children.push(dhcp);
  }
  const hosts = dhcp.childrenNamed('host');
  const notFound = (): api.VirError => netError(api.VIR_ERR_OPERATION_INVALID, `couldn't locate a matching dhcp host entry in network '${n.name}'`);
  const fresh = element('host', { ...(host.mac !== undefined ? { mac: given.attr('mac') ?? host.mac } : {}), ...(host.name !== undefined ? { name: host.name } : {}), ...(host.ip !== undefined ? { ip: host.ip } : {}) });
  switch (command) {
    case api.VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST:
    case api.VIR_NETWORK_UPDATE_COMMAND_ADD_LAST: {
      const clash = hosts.find((h) => {
        const o = hostOf(h);
        return (host.mac !== undefined && o.mac === host.mac) || (host.name !== undefined && o.name === host.name) || (o.ip !== undefined && o.ip === host.ip);
      });
      if (clash) throw netError(api.VIR_ERR_OPERATION_INVALID, `there is an existing dhcp host entry in network '${n.name}' that matches "${formatXml(fresh)}"`);
      const first = hosts[0];
      const at = command === api.VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST && first ? dhcp.children.indexOf(first) : dhcp.children.length;
      dhcp.children.splice(at, 0, fresh);
      return;
    }
    case api.VIR_NETWORK_UPDATE_COMMAND_MODIFY: {
      const old = hosts.find((h) => (host.mac !== undefined ? hostOf(h).mac === host.mac : hostOf(h).name === host.name));
      if (!old) throw notFound();
      dhcp.children.splice(dhcp.children.indexOf(old), 1, fresh);
      return;
    }
    case api.VIR_NETWORK_UPDATE_COMMAND_DELETE: {
      // Every attribute given must match.
      const old = hosts.find((h) => {
        const o = hostOf(h);
        return (host.mac === undefined || o.mac === host.mac) && (host.name === undefined || o.name === host.name) && (host.ip === undefined || o.ip === host.ip);
      });
      if (!old) throw notFound();
      dhcp.children.splice(dhcp.children.indexOf(old), 1);
      return;
    }
    default:
      throw netError(api.VIR_ERR_INVALID_ARG, `unrecognized network update command code ${command}`);
  }
}
