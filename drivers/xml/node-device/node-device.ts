import { XmlDocument } from '../core/document.js';
import { ElementView } from '../core/element-view.js';
import { XmlModel } from '../core/xml-model.js';

/** An id + name pair as node devices write vendors and products: `<vendor id='0x8086'>Intel</vendor>`. */
export interface IdName {
  readonly id?: string;
  readonly name?: string;
}

/** One `<capability type=…>` of a node device, with generic field access for the many types. */
export class NodeDeviceCapability extends ElementView {
  get type(): string {
    return this.element.attr('type') ?? '';
  }

  /** Trimmed text of a child element (`class`, `bus`, `interface`, `block`, …). */
  value(name: string): string | undefined {
    return this.getText(name)?.trim();
  }

  intValue(name: string): number | undefined {
    return this.intOf(this.value(name), name);
  }

  idName(name: 'vendor' | 'product'): IdName | undefined {
    const el = this.element.child(name);
    if (el === undefined) return undefined;
    const id = el.attr('id');
    const text = el.text.trim();
    return { ...(id === undefined ? {} : { id }), ...(text === '' ? {} : { name: text }) };
  }

  /** Nested capabilities (`<capability type='virt_functions'>` under pci, `80203` under net, …). */
  get nested(): NodeDeviceCapability[] {
    return this.element.childrenNamed('capability').map((c, i) => new NodeDeviceCapability(c, this.fieldName(`capability[${i}]`)));
  }
}

/** Typed, lossless model of node device XML (`<device>`): PCI, USB, net, storage, SCSI, mdev, … */
export class NodeDeviceXml extends XmlModel {
  get name(): string {
    return this.requiredText('name');
  }

  get path(): string | undefined {
    return this.getText('path')?.trim();
  }

  get parent(): string | undefined {
    return this.getText('parent')?.trim();
  }

  get driverName(): string | undefined {
    return this.getText('driver/name')?.trim();
  }

  get capabilities(): NodeDeviceCapability[] {
    return this.element.childrenNamed('capability').map((c, i) => new NodeDeviceCapability(c, `capability[${i}]`));
  }

  /** The main capability type: pci, usb_device, net, storage, scsi_host, mdev, system, … */
  get type(): string | undefined {
    return this.capabilities[0]?.type;
  }

  capability(type: string): NodeDeviceCapability | undefined {
    return this.capabilities.find((c) => c.type === type);
  }

  /** PCI address for `<hostdev type='pci'>`. */
  get pciAddress(): { readonly domain: number; readonly bus: number; readonly slot: number; readonly function: number } | undefined {
    const c = this.capability('pci');
    if (c === undefined) return undefined;
    return { domain: c.intValue('domain') ?? 0, bus: c.intValue('bus') ?? 0, slot: c.intValue('slot') ?? 0, function: c.intValue('function') ?? 0 };
  }

  /** USB bus/device for `<hostdev type='usb'>`. */
  get usbAddress(): { readonly bus: number; readonly device: number } | undefined {
    const c = this.capability('usb_device');
    if (c === undefined) return undefined;
    return { bus: c.intValue('bus') ?? 0, device: c.intValue('device') ?? 0 };
  }

  get vendor(): IdName | undefined {
    return this.capabilities[0]?.idName('vendor');
  }

  get product(): IdName | undefined {
    return this.capabilities[0]?.idName('product');
  }

  /** Host interface name of a `net` device. */
  get netInterface(): string | undefined {
    return this.capability('net')?.value('interface');
  }
}

export function parseNodeDevice(xml: string): NodeDeviceXml {
  const model = new NodeDeviceXml(XmlDocument.parse(xml, 'device'));
  void model.name;
  return model;
}
