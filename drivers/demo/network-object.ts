// One virtual network's state in the Demo host.
import { type XmlElement } from '../xml/index.js';
import { childText } from './xml-access.js';

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
