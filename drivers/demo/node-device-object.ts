// One host device's state in the Demo host.
import { type XmlElement } from '../xml/index.js';
import { childText } from './xml-access.js';

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
    return this.def.childrenNamed('capability').map((c) => c.attr('type') ?? '');
  }
  /** Top-level capabilities plus the nested ones libvirt filters on (fc_host, vport_ops, mdev_types). */
  get allCaps(): string[] {
    const out: string[] = [];
    for (const cap of this.def.childrenNamed('capability')) {
      out.push(cap.attr('type') ?? '');
      for (const nested of cap.childrenNamed('capability')) out.push(nested.attr('type') ?? '');
    }
    return out;
  }
}
