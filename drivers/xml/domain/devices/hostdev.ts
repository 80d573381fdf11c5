import { attributesOf } from '../../core/element-view.js';
import { DomainDevice } from './device.js';

/** `<hostdev>`: a host device passed through (USB, PCI, mediated, SCSI). */
export class HostdevDevice extends DomainDevice {
  get mode(): string | undefined {
    return this.element.attr('mode');
  }

  get managed(): boolean {
    return this.element.attr('managed') === 'yes';
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
}
