// drivers/api Network over the REMOTE program.
import type { DhcpLease, Network } from '../api/index.js';
import type { NetworkRef } from './remote-types.js';
import type { RpcClient } from './rpc-client.js';

export type { DhcpLease };

export class RemoteNetwork implements Network {
  readonly name: string;
  readonly uuid: string;

  constructor(private readonly rpc: RpcClient, readonly ref: NetworkRef) {
    this.name = ref.name;
    this.uuid = ref.uuid;
  }

  async getXMLDesc(flags = 0): Promise<string> {
    return (await this.rpc.call('NETWORK_GET_XML_DESC', { net: this.ref, flags })).xml;
  }
  async getBridgeName(): Promise<string> {
    return (await this.rpc.call('NETWORK_GET_BRIDGE_NAME', { net: this.ref })).name;
  }
  async isActive(): Promise<boolean> {
    return (await this.rpc.call('NETWORK_IS_ACTIVE', { net: this.ref })).active !== 0;
  }
  async isPersistent(): Promise<boolean> {
    return (await this.rpc.call('NETWORK_IS_PERSISTENT', { net: this.ref })).persistent !== 0;
  }
  async getAutostart(): Promise<boolean> {
    return (await this.rpc.call('NETWORK_GET_AUTOSTART', { net: this.ref })).autostart !== 0;
  }
  async setAutostart(autostart: boolean): Promise<void> {
    await this.rpc.call('NETWORK_SET_AUTOSTART', { net: this.ref, autostart: autostart ? 1 : 0 });
  }
  async create(): Promise<void> {
    await this.rpc.call('NETWORK_CREATE', { net: this.ref });
  }
  async destroy(): Promise<void> {
    await this.rpc.call('NETWORK_DESTROY', { net: this.ref });
  }
  async undefine(): Promise<void> {
    await this.rpc.call('NETWORK_UNDEFINE', { net: this.ref });
  }
  /** virNetworkGetDHCPLeases; `mac` limits to one interface. */
  async getDHCPLeases(mac: string | null = null, flags = 0): Promise<DhcpLease[]> {
    return (await this.rpc.call('NETWORK_GET_DHCP_LEASES', { net: this.ref, mac, need_results: 1, flags })).leases;
  }
  async update(command: number, section: number, parentIndex: number, xml: string, flags = 0): Promise<void> {
    await this.rpc.call('NETWORK_UPDATE', { net: this.ref, command, section, parentIndex, xml, flags });
  }
}
