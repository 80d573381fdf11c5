// Asynchronous event messages of the REMOTE program (type MESSAGE), described once: which
// registration family and event ID they belong to, and their payload. All are the modern
// "callback" forms that carry the callbackID the daemon gave at registration.
import { domainRef, networkRef, nodeDeviceRef, nonnullString, optString, poolRef, typedParams } from './remote-types.js';
import { hyper, int, struct, uhyper, type XdrType, type XdrValue } from './xdr-types.js';

export type EventFamily = 'domain' | 'network' | 'pool' | 'nodedev';

export interface EventMessage<M> {
  readonly number: number;
  readonly family: EventFamily;
  /** VIR_*_EVENT_ID_* to register for it. */
  readonly eventId: number;
  readonly msg: XdrType<M>;
}

function e<M>(number: number, family: EventFamily, eventId: number, msg: XdrType<M>): EventMessage<M> {
  return { number, family, eventId, msg };
}

const cb = int;

export const EVENT_MESSAGES = {
  domainLifecycle: e(318, 'domain', 0, struct({ callbackID: cb, msg: struct({ dom: domainRef, event: int, detail: int }) })),
  domainReboot: e(319, 'domain', 1, struct({ callbackID: cb, msg: struct({ dom: domainRef }) })),
  domainRtcChange: e(320, 'domain', 2, struct({ callbackID: cb, msg: struct({ dom: domainRef, offset: hyper }) })),
  domainWatchdog: e(321, 'domain', 3, struct({ callbackID: cb, msg: struct({ dom: domainRef, action: int }) })),
  domainTrayChange: e(328, 'domain', 10, struct({
    callbackID: cb, msg: struct({ dom: domainRef, devAlias: nonnullString, reason: int }),
  })),
  domainBalloonChange: e(331, 'domain', 13, struct({ callbackID: cb, msg: struct({ dom: domainRef, actual: uhyper }) })),
  domainDeviceRemoved: e(333, 'domain', 15, struct({
    callbackID: cb, msg: struct({ dom: domainRef, devAlias: nonnullString }),
  })),
  domainDeviceAdded: e(354, 'domain', 19, struct({ callbackID: cb, dom: domainRef, devAlias: nonnullString })),
  domainJobCompleted: e(363, 'domain', 21, struct({ callbackID: cb, dom: domainRef, params: typedParams })),
  domainDeviceRemovalFailed: e(367, 'domain', 22, struct({ callbackID: cb, dom: domainRef, devAlias: nonnullString })),
  domainMetadataChange: e(379, 'domain', 23, struct({ callbackID: cb, dom: domainRef, type: int, nsuri: optString })),
  networkLifecycle: e(315, 'network', 0, struct({ callbackID: cb, net: networkRef, event: int, detail: int })),
  poolLifecycle: e(370, 'pool', 0, struct({ callbackID: cb, pool: poolRef, event: int, detail: int })),
  poolRefresh: e(373, 'pool', 1, struct({ callbackID: cb, pool: poolRef })),
  nodeDeviceLifecycle: e(376, 'nodedev', 0, struct({ callbackID: cb, dev: nodeDeviceRef, event: int, detail: int })),
  nodeDeviceUpdate: e(377, 'nodedev', 1, struct({ callbackID: cb, dev: nodeDeviceRef })),
} as const;

export type EventName = keyof typeof EVENT_MESSAGES;
export type EventPayload<N extends EventName> = XdrValue<(typeof EVENT_MESSAGES)[N]['msg']>;
/** A decoded event: its name and payload, discriminated by name. */
export type RemoteEvent = { [N in EventName]: { name: N; payload: EventPayload<N> } }[EventName];

export const EVENTS_BY_NUMBER: ReadonlyMap<number, EventName> = new Map(
  (Object.keys(EVENT_MESSAGES) as EventName[]).map((n) => [EVENT_MESSAGES[n].number, n]),
);

/** REMOTE_PROC_CONNECT_EVENT_CONNECTION_CLOSED: the daemon tells us it is closing the connection. */
export const CONNECTION_CLOSED_EVENT = 362;
export const connectionClosedMsg = struct({ reason: int });
