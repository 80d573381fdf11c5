// The NodeDevice contract (virNodeDevicePtr).

/** A handle on a host device (virNodeDevicePtr). */
export interface NodeDevice {
  readonly name: string;
  getXMLDesc(flags?: number): Promise<string>;
  /** The parent device's name, or null for the root ("computer"). */
  getParent(): Promise<string | null>;
  /** Capability names, e.g. ["pci"], ["net"], ["scsi_host"]. */
  listCaps(): Promise<string[]>;
  isActive(): Promise<boolean>;
  isPersistent(): Promise<boolean>;
  /** Destroys a device created with nodeDeviceCreateXML (e.g. an NPIV vHBA or mdev). */
  destroy(): Promise<void>;
  undefine(flags?: number): Promise<void>;
  /** Unbinds a PCI device from its host driver for passthrough (virNodeDeviceDetachFlags); `driverName` e.g. "vfio". */
  detach(driverName: string | null, flags?: number): Promise<void>;
  /** Gives a detached device back to its host driver (virNodeDeviceReAttach). */
  reAttach(): Promise<void>;
}
