import type { ComponentType } from 'react';
import type { TFunction } from 'i18next';
import type { DomainDevice, DomainXml } from '../../../drivers/xml/index.js';

/**
 * How an edit made on a device page reaches a running VM. The persistent definition is always changed; then
 * - 'update': libvirt's update-device, live, with the device's new XML (media change, link state, a graphics password);
 * - 'next-boot': libvirt cannot change it while the VM runs; shown as pending until the VM shuts down.
 */
export type LiveApply = 'update' | 'next-boot';

/** What the VM's Details frame gives the page of one device. */
export interface DevicePageProps<D extends DomainDevice = DomainDevice> {
  readonly connection: string;
  readonly uuid: string;
  /** The working copy of the persistent definition; `device` is a view into it, edited in place. */
  readonly draft: DomainXml;
  readonly device: D;
  /** The same device in the live definition while the VM runs, for what runs now (undefined when shut off). */
  readonly live?: D;
  readonly running: boolean;
  /** The page edited `device` in place: the frame re-renders, enables Apply, and applies the edit as `how` says. */
  readonly onChange: (how: LiveApply) => void;
  /** A field's error (undefined clears it); any error blocks Apply. `field` is the drivers/xml field name. */
  readonly onInvalid: (field: string, message: string | undefined) => void;
}

/** One kind of device as the hardware list and its page show it. */
export interface DevicePageEntry<D extends DomainDevice = DomainDevice> {
  /** The hardware list's label, e.g. "Disk vda", "NIC :54:00:12". */
  label(device: D, t: TFunction): string;
  readonly icon: ComponentType;
  readonly page: ComponentType<DevicePageProps<D>>;
}
