// libvirt's constants of networks (virNetwork*), network updates and network events.

export const VIR_NETWORK_XML_INACTIVE = 1 << 0;
export const VIR_NETWORK_DEFINE_VALIDATE = 1 << 0;
export const VIR_NETWORK_CREATE_VALIDATE = 1 << 0;

/** virNetworkUpdateCommand */
export const VIR_NETWORK_UPDATE_COMMAND_NONE = 0;
export const VIR_NETWORK_UPDATE_COMMAND_MODIFY = 1;
export const VIR_NETWORK_UPDATE_COMMAND_DELETE = 2;
export const VIR_NETWORK_UPDATE_COMMAND_ADD_LAST = 3;
export const VIR_NETWORK_UPDATE_COMMAND_ADD_FIRST = 4;

/** virNetworkUpdateSection */
export const VIR_NETWORK_SECTION_NONE = 0;
export const VIR_NETWORK_SECTION_BRIDGE = 1;
export const VIR_NETWORK_SECTION_DOMAIN = 2;
export const VIR_NETWORK_SECTION_IP = 3;
export const VIR_NETWORK_SECTION_IP_DHCP_HOST = 4;
export const VIR_NETWORK_SECTION_IP_DHCP_RANGE = 5;
export const VIR_NETWORK_SECTION_FORWARD = 6;
export const VIR_NETWORK_SECTION_FORWARD_INTERFACE = 7;
export const VIR_NETWORK_SECTION_FORWARD_PF = 8;
export const VIR_NETWORK_SECTION_PORTGROUP = 9;
export const VIR_NETWORK_SECTION_DNS_HOST = 10;
export const VIR_NETWORK_SECTION_DNS_TXT = 11;
export const VIR_NETWORK_SECTION_DNS_SRV = 12;

/** virNetworkUpdateFlags */
export const VIR_NETWORK_UPDATE_AFFECT_CURRENT = 0;
export const VIR_NETWORK_UPDATE_AFFECT_LIVE = 1 << 0;
export const VIR_NETWORK_UPDATE_AFFECT_CONFIG = 1 << 1;

// events

/** virNetworkEventID and virNetworkEventLifecycleType */
export const VIR_NETWORK_EVENT_ID_LIFECYCLE = 0;
export const VIR_NETWORK_EVENT_ID_METADATA_CHANGE = 1;
export const VIR_NETWORK_EVENT_DEFINED = 0;
export const VIR_NETWORK_EVENT_UNDEFINED = 1;
export const VIR_NETWORK_EVENT_STARTED = 2;
export const VIR_NETWORK_EVENT_STOPPED = 3;
