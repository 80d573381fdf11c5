// The Network contract (virNetworkPtr) and its DHCP leases.

/** A handle on a virtual network (virNetworkPtr). */
export interface Network {
  readonly name: string;
  readonly uuid: string;
  /** flags: VIR_NETWORK_XML_INACTIVE */
  getXMLDesc(flags?: number): Promise<string>;
  getBridgeName(): Promise<string>;
  isActive(): Promise<boolean>;
  isPersistent(): Promise<boolean>;
  getAutostart(): Promise<boolean>;
  setAutostart(autostart: boolean): Promise<void>;
  /** Starts a defined network (virNetworkCreate). */
  create(): Promise<void>;
  destroy(): Promise<void>;
  undefine(): Promise<void>;
  /** The network's DHCP leases, optionally of one MAC address (virNetworkGetDHCPLeases). */
  getDHCPLeases(mac?: string | null, flags?: number): Promise<DhcpLease[]>;
  /**
   * Changes one section of the definition in place (virNetworkUpdate): `command` VIR_NETWORK_UPDATE_COMMAND_*,
   * `section` VIR_NETWORK_SECTION_*, `parentIndex` which <ip> (-1: the first that fits), `xml` the element,
   * flags VIR_NETWORK_UPDATE_AFFECT_*.
   */
  update(command: number, section: number, parentIndex: number, xml: string, flags?: number): Promise<void>;
}

/** One DHCP lease of a libvirt-managed network (virNetworkDHCPLease). */
export interface DhcpLease {
  readonly iface: string;
  /** Seconds since the epoch. */
  readonly expirytime: number;
  /** VIR_IP_ADDR_TYPE_* */
  readonly type: number;
  readonly mac: string | null;
  readonly iaid: string | null;
  readonly ipaddr: string;
  readonly prefix: number;
  readonly hostname: string | null;
  readonly clientid: string | null;
}
