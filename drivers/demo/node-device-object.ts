// One host device's state in the Demo host.
import { childElements, childText, type XmlElement } from './xml-tree.js';

export class NodeDeviceObject {
  active = true;
  constructor(
    public def: XmlElement,
    public persistent: boolean,
  ) {}
  get name(): string {
    return childText(this.def, 'name') ?? '';
  }
  get parent(): string | null {
    return childText(this.def, 'parent') ?? null;
  }
  /** Top-level capability types, e.g. ['pci']. */
  get caps(): string[] {
    return childElements(this.def, 'capability').map((c) => c.attrs.type ?? '');
  }
  /** Top-level capabilities plus the nested ones libvirt filters on (fc_host, vport_ops, mdev_types). */
  get allCaps(): string[] {
    const out: string[] = [];
    for (const cap of childElements(this.def, 'capability')) {
      out.push(cap.attrs.type ?? '');
      for (const nested of childElements(cap, 'capability')) out.push(nested.attrs.type ?? '');
    }
    return out;
  }
}
