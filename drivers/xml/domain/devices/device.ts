import { attributesOf, ElementView } from '../../core/element-view.js';

/**
 * Any device under `<devices>`. Address and alias are read here for every class and never
 * rewritten unless asked: libvirt assigns them, and keeping them keeps PCI slots stable.
 */
export class DomainDevice extends ElementView {
  /** The element name: disk, interface, graphics, ... */
  get kind(): string {
    return this.element.name;
  }

  /** The `type` attribute most device classes carry. */
  get type(): string | undefined {
    return this.element.attr('type');
  }

  /** `<alias name=…>`, libvirt's handle for a device of a running domain. */
  get alias(): string | undefined {
    return this.getAttr('alias@name');
  }

  set alias(name: string | undefined) {
    if (name === undefined) this.removePath('alias');
    else this.setAttrAt('alias@name', name);
  }

  /** `<address type='pci' domain=… bus=… slot=… function=…/>` etc., as written. */
  get address(): Readonly<Record<string, string>> | undefined {
    return attributesOf(this.element.child('address'));
  }

  /** Drops the address so libvirt assigns a fresh one (for a copied device). */
  clearAddress(): void {
    this.removePath('address');
  }

  /** Per-device boot order (`<boot order='N'/>`); only disks, NICs, hostdevs and redirdevs use it. */
  get bootOrder(): number | undefined {
    return this.intOf(this.getAttr('boot@order'), 'boot.order');
  }

  set bootOrder(order: number | undefined) {
    if (order === undefined) {
      this.removePath('boot');
      return;
    }
    this.checkInt(order, 'boot.order', 1);
    // libvirt writes <boot> after the device's own children, before <rom>, <alias> and <address>.
    this.setAttrAt('boot@order', order, bootOrderPosition);
  }
}

const bootOrderPosition = ['boot', 'rom', 'alias', 'address'];
