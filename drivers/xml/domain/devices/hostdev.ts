import { attributesOf } from '../../core/element-view.js';
import { XmlError } from '../../core/xml-error.js';
import { DomainDevice } from './device.js';

const hostdevOrder = ['driver', 'source', 'boot', 'rom', 'alias', 'address'];

/** `<hostdev>`: a host device passed through (USB, PCI, mediated, SCSI). */
export class HostdevDevice extends DomainDevice {
  get mode(): string | undefined {
    return this.element.attr('mode');
  }

  get managed(): boolean {
    return this.element.attr('managed') === 'yes';
  }

  /** libvirt detaches a managed PCI device from its host driver on start and gives it back on stop. */
  set managed(on: boolean) {
    this.element.setAttr('managed', on ? 'yes' : 'no');
  }

  /** USB vendor/product IDs (`0x1234`). */
  get usbIds(): { readonly vendor?: string; readonly product?: string } | undefined {
    if (this.type !== 'usb') return undefined;
    const vendor = this.getAttr('source/vendor@id');
    const product = this.getAttr('source/product@id');
    return { ...(vendor === undefined ? {} : { vendor }), ...(product === undefined ? {} : { product }) };
  }

  /** The host-side `<source><address …/>` (PCI domain/bus/slot/function, USB bus/device, mdev uuid). */
  get sourceAddress(): Readonly<Record<string, string>> | undefined {
    return attributesOf(this.element.path('source/address'));
  }

  /** USB: what happens when the device is missing at start (`source@startupPolicy`). */
  get startupPolicy(): string | undefined {
    return this.getAttr('source@startupPolicy');
  }

  set startupPolicy(policy: string | undefined) {
    if (policy !== undefined) this.checkOneOf(policy, ['mandatory', 'requisite', 'optional'], 'source.startupPolicy');
    if (this.type !== 'usb' && policy !== undefined) throw new XmlError(this.fieldName('source.startupPolicy'), 'only a USB device has a startup policy');
    this.setAttrAt('source@startupPolicy', policy, hostdevOrder);
  }

  /** PCI: whether the guest sees the device's option ROM BAR (`<rom bar='on|off'>`); undefined is the default (on). */
  get romBar(): boolean | undefined {
    const bar = this.getAttr('rom@bar');
    return bar === undefined ? undefined : bar === 'on';
  }

  set romBar(on: boolean | undefined) {
    if (on === undefined) {
      this.setAttrAt('rom@bar', undefined);
      const rom = this.element.child('rom');
      if (rom !== undefined && rom.attributes.length === 0 && rom.elements.length === 0) this.element.removeChild(rom);
      return;
    }
    this.setAttrAt('rom@bar', on ? 'on' : 'off', hostdevOrder);
  }
}
