// Network events (virConnectNetworkEventRegisterAny).
import type { Network } from './network.js';
import type { VIR_NETWORK_EVENT_ID_LIFECYCLE } from './network-constants.js';

export interface NetworkLifecycleEvent {
  readonly eventId: typeof VIR_NETWORK_EVENT_ID_LIFECYCLE;
  readonly network: Network;
  /** VIR_NETWORK_EVENT_* */
  readonly event: number;
  readonly detail: number;
}
export interface NetworkEventMap {
  [VIR_NETWORK_EVENT_ID_LIFECYCLE]: NetworkLifecycleEvent;
}
export type NetworkEventId = keyof NetworkEventMap;
export type NetworkEvent = NetworkEventMap[NetworkEventId];
