// drivers/api NodeDevice over the REMOTE program.
import { VirError, VIR_ERR_NO_SUPPORT, VIR_FROM_REMOTE, type NodeDevice } from '../api/index.js';
import type { RpcClient } from './rpc-client.js';

export class RemoteNodeDevice implements NodeDevice {
  constructor(private readonly rpc: RpcClient, readonly name: string) {}

  async getXMLDesc(flags = 0): Promise<string> {
    return (await this.rpc.call('NODE_DEVICE_GET_XML_DESC', { name: this.name, flags })).xml;
  }
  async getParent(): Promise<string | null> {
    return (await this.rpc.call('NODE_DEVICE_GET_PARENT', { name: this.name })).parentName;
  }
  async listCaps(): Promise<string[]> {
    return (await this.rpc.call('NODE_DEVICE_LIST_CAPS', { name: this.name, maxnames: 65536 })).names;
  }
  async isActive(): Promise<boolean> {
    return (await this.rpc.call('NODE_DEVICE_IS_ACTIVE', { name: this.name })).active !== 0;
  }
  async isPersistent(): Promise<boolean> {
    return (await this.rpc.call('NODE_DEVICE_IS_PERSISTENT', { name: this.name })).persistent !== 0;
  }
  async destroy(): Promise<void> {
    await this.rpc.call('NODE_DEVICE_DESTROY', { name: this.name });
  }
  async undefine(flags = 0): Promise<void> {
    await this.rpc.call('NODE_DEVICE_UNDEFINE', { name: this.name, flags });
  }
  /** Starts a defined (inactive) device, e.g. a persistent mdev (virNodeDeviceCreate). */
  async create(flags = 0): Promise<void> {
    await this.rpc.call('NODE_DEVICE_CREATE', { name: this.name, flags });
  }
  async detach(driverName: string | null, flags = 0): Promise<void> {
    await this.rpc.call('NODE_DEVICE_DETACH_FLAGS', { name: this.name, driverName, flags });
  }
  async reAttach(): Promise<void> {
    await this.rpc.call('NODE_DEVICE_RE_ATTACH', { name: this.name });
  }
  async getAutostart(): Promise<boolean> {
    return (await this.rpc.call('NODE_DEVICE_GET_AUTOSTART', { name: this.name })).autostart !== 0;
  }
  async setAutostart(autostart: boolean): Promise<void> {
    await this.rpc.call('NODE_DEVICE_SET_AUTOSTART', { name: this.name, autostart: autostart ? 1 : 0 });
  }
}

export function unsupported(fn: string): VirError {
  return new VirError(VIR_ERR_NO_SUPPORT, VIR_FROM_REMOTE, `this function is not supported by the connection driver: ${fn}`);
}
