// A virtual network handle of the Demo host, with libvirt's test-driver semantics (testNetwork*).
import * as api from '../api/index.js';
import type { DemoContext } from './demo-context.js';
import { checkFlags, testError } from './errors.js';
import { networkLeases } from './guest-addresses.js';
import type { NetworkObject } from './network-object.js';
import { updateNetwork } from './network-update.js';
import { formatXml } from '../xml/index.js';

export class DemoNetwork implements api.Network {
  constructor(
    private readonly ctx: DemoContext,
    readonly name: string,
    readonly uuid: string,
  ) {}

  private obj(fn: string): NetworkObject {
    this.ctx.check(fn);
    const n = this.ctx.host.networks.get(this.uuid);
    if (!n) throw testError(api.VIR_ERR_NO_NETWORK, `no network with matching uuid '${this.uuid}'`);
    return n;
  }

  async getXMLDesc(flags = 0): Promise<string> {
    const n = this.obj('virNetworkGetXMLDesc');
    checkFlags(flags, api.VIR_NETWORK_XML_INACTIVE, 'testNetworkGetXMLDesc');
    const def = n.def.clone();
    def.setAttr('connections', undefined);
    // libvirt writes an <ip> as an open/close pair even when it holds nothing.
    for (const ip of def.childrenNamed('ip')) ip.expandEmpty = true;
    return `${formatXml(def)}\n`;
  }
  async getBridgeName(): Promise<string> {
    const n = this.obj('virNetworkGetBridgeName');
    const bridge = n.def.path('bridge')?.attr('name');
    if (!bridge) throw testError(api.VIR_ERR_INTERNAL_ERROR, `network '${n.name}' does not have a bridge name.`);
    return bridge;
  }
  async isActive(): Promise<boolean> {
    return this.obj('virNetworkIsActive').active;
  }
  async isPersistent(): Promise<boolean> {
    return this.obj('virNetworkIsPersistent').persistent;
  }
  async getAutostart(): Promise<boolean> {
    return this.obj('virNetworkGetAutostart').autostart;
  }
  async setAutostart(autostart: boolean): Promise<void> {
    const n = this.obj('virNetworkSetAutostart');
    n.autostart = autostart;
    this.ctx.host.changed();
  }
  async create(): Promise<void> {
    const n = this.obj('virNetworkCreate');
    if (n.active) throw testError(api.VIR_ERR_OPERATION_INVALID, `Network '${n.name}' is already running`);
    n.active = true;
    this.ctx.host.emitNetwork(n, api.VIR_NETWORK_EVENT_STARTED);
    this.ctx.host.changed();
  }
  async destroy(): Promise<void> {
    const n = this.obj('virNetworkDestroy');
    if (!n.active) throw testError(api.VIR_ERR_OPERATION_INVALID, `network '${n.name}' is not active`);
    n.active = false;
    this.ctx.host.emitNetwork(n, api.VIR_NETWORK_EVENT_STOPPED);
    if (!n.persistent) this.ctx.host.networks.delete(n.uuid);
    this.ctx.host.changed();
  }
  async getDHCPLeases(mac: string | null = null, flags = 0): Promise<api.DhcpLease[]> {
    const n = this.obj('virNetworkGetDHCPLeases');
    checkFlags(flags, 0, 'testNetworkGetDHCPLeases');
    const leases = networkLeases(this.ctx.host, n.name, Date.now());
    return mac === null ? leases : leases.filter((l) => l.mac?.toLowerCase() === mac.toLowerCase());
  }
  async update(command: number, section: number, parentIndex: number, xml: string, flags = 0): Promise<void> {
    const n = this.obj('virNetworkUpdate');
    checkFlags(flags, api.VIR_NETWORK_UPDATE_AFFECT_LIVE | api.VIR_NETWORK_UPDATE_AFFECT_CONFIG, 'testNetworkUpdate');
    // The Demo host keeps one definition per network: live and config changes both land in it.
    updateNetwork(n, command, section, parentIndex, xml, flags);
    this.ctx.host.changed();
  }
  async undefine(): Promise<void> {
    const n = this.obj('virNetworkUndefine');
    if (n.active) throw testError(api.VIR_ERR_OPERATION_INVALID, `Network '${n.name}' is still running`);
    this.ctx.host.emitNetwork(n, api.VIR_NETWORK_EVENT_UNDEFINED);
    this.ctx.host.networks.delete(n.uuid);
    this.ctx.host.changed();
  }
}
