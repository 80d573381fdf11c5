// Node device events (virConnectNodeDeviceEventRegisterAny).
import type { NodeDevice } from './node-device.js';
import type { VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, VIR_NODE_DEVICE_EVENT_ID_UPDATE } from './node-device-constants.js';

export interface NodeDeviceLifecycleEvent {
  readonly eventId: typeof VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE;
  readonly device: NodeDevice;
  /** VIR_NODE_DEVICE_EVENT_* */
  readonly event: number;
  readonly detail: number;
}
export interface NodeDeviceUpdateEvent {
  readonly eventId: typeof VIR_NODE_DEVICE_EVENT_ID_UPDATE;
  readonly device: NodeDevice;
}
export interface NodeDeviceEventMap {
  [VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE]: NodeDeviceLifecycleEvent;
  [VIR_NODE_DEVICE_EVENT_ID_UPDATE]: NodeDeviceUpdateEvent;
}
export type NodeDeviceEventId = keyof NodeDeviceEventMap;
export type NodeDeviceEvent = NodeDeviceEventMap[NodeDeviceEventId];
