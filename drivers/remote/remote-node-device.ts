// drivers/api NodeDevice over the REMOTE program.
import { VirError, VIR_ERR_NO_SUPPORT, VIR_FROM_REMOTE, type NodeDevice } from '../api.js';
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
  // The persistent node-device API (libvirt ≥ 7.3) is not in Hangar's procedure table yet: its procedure
  // numbers could not be confirmed from remote_protocol.x here, so these say so instead of guessing.
  async isActive(): Promise<boolean> {
    throw unsupported('virNodeDeviceIsActive');
  }
  async isPersistent(): Promise<boolean> {
    throw unsupported('virNodeDeviceIsPersistent');
  }
  async destroy(): Promise<void> {
    await this.rpc.call('NODE_DEVICE_DESTROY', { name: this.name });
  }
  async undefine(_flags = 0): Promise<void> {
    throw unsupported('virNodeDeviceUndefine');
  }
}

export function unsupported(fn: string): VirError {
  return new VirError(VIR_ERR_NO_SUPPORT, VIR_FROM_REMOTE, `this function is not supported by the connection driver: ${fn}`);
}
