// A host device handle of the Demo host (testNodeDevice*).
import * as api from '../api/index.js';
import type { DemoContext } from './demo-context.js';
import { checkFlags, testError, virError } from './errors.js';
import type { NodeDeviceObject } from './node-device-object.js';
import { formatXml } from '../xml/index.js';

export class DemoNodeDevice implements api.NodeDevice {
  constructor(
    private readonly ctx: DemoContext,
    readonly name: string,
  ) {}

  private obj(fn: string): NodeDeviceObject {
    this.ctx.check(fn);
    const d = this.ctx.host.devices.get(this.name);
    if (!d) throw testError(api.VIR_ERR_NO_NODE_DEVICE, `no node device with matching name '${this.name}'`);
    return d;
  }

  async getXMLDesc(flags = 0): Promise<string> {
    const d = this.obj('virNodeDeviceGetXMLDesc');
    checkFlags(flags, 0, 'testNodeDeviceGetXMLDesc');
    return `${formatXml(d.def)}\n`;
  }
  async getParent(): Promise<string | null> {
    return this.obj('virNodeDeviceGetParent').parent;
  }
  async listCaps(): Promise<string[]> {
    return this.obj('virNodeDeviceListCaps').caps;
  }
  async isActive(): Promise<boolean> {
    return this.obj('virNodeDeviceIsActive').active;
  }
  async isPersistent(): Promise<boolean> {
    return this.obj('virNodeDeviceIsPersistent').persistent;
  }
  // libvirt's test driver has no host PCI devices to hand to guests: it refuses, and so does the Demo host.
  async detach(): Promise<void> {
    this.obj('virNodeDeviceDetachFlags');
    throw virError(api.VIR_ERR_NO_SUPPORT, api.VIR_FROM_NODEDEV, 'virNodeDeviceDetachFlags');
  }
  async reAttach(): Promise<void> {
    this.obj('virNodeDeviceReAttach');
    throw virError(api.VIR_ERR_NO_SUPPORT, api.VIR_FROM_NODEDEV, 'virNodeDeviceReAttach');
  }
  async destroy(): Promise<void> {
    const d = this.obj('virNodeDeviceDestroy');
    const parent = d.parent;
    if (parent !== null && !this.ctx.host.devices.has(parent)) {
      throw testError(api.VIR_ERR_INTERNAL_ERROR, `cannot find parent '${parent}' definition`);
    }
    this.ctx.host.devices.delete(d.name);
    this.ctx.host.emitNodeDevice(d.name, api.VIR_NODE_DEVICE_EVENT_DELETED);
    this.ctx.host.changed();
  }
  async undefine(flags = 0): Promise<void> {
    const d = this.obj('virNodeDeviceUndefine');
    checkFlags(flags, 0, 'testNodeDeviceUndefine');
    if (!d.persistent) throw testError(api.VIR_ERR_OPERATION_INVALID, `Node device '${d.name}' is not defined`);
    d.persistent = false;
    this.ctx.host.emitNodeDevice(d.name, api.VIR_NODE_DEVICE_EVENT_UNDEFINED);
    if (!d.active) this.ctx.host.devices.delete(d.name);
    this.ctx.host.changed();
  }
}
