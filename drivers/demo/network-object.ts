// One virtual network's state in the Demo host.
import { childText, type XmlElement } from './xml-tree.js';

export class NetworkObject {
  active = false;
  autostart = false;
  constructor(
    public def: XmlElement,
    readonly uuid: string,
    public persistent: boolean,
  ) {}
  get name(): string {
    return childText(this.def, 'name') ?? '';
  }
}
