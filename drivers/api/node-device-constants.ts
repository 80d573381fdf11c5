// libvirt's constants of node devices (virNodeDevice*) and their events.

// events

/** virNodeDeviceEventID and virNodeDeviceEventLifecycleType */
export const VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE = 0;
export const VIR_NODE_DEVICE_EVENT_ID_UPDATE = 1;
export const VIR_NODE_DEVICE_EVENT_CREATED = 0;
export const VIR_NODE_DEVICE_EVENT_DELETED = 1;
export const VIR_NODE_DEVICE_EVENT_DEFINED = 2;
export const VIR_NODE_DEVICE_EVENT_UNDEFINED = 3;
