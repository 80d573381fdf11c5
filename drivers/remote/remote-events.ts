// Turns decoded REMOTE event messages into drivers/api event objects, and keeps the daemon-side
// callback registrations (callbackID → listener) of one connection.
import {
  VirError, VIR_ERR_NO_SUPPORT, VIR_FROM_REMOTE,
  type AsyncDisposable, type DomainEvent, type NetworkEvent, type NodeDeviceEvent, type StoragePoolEvent, type TypedParameter,
} from '../api/index.js';
import { EVENT_MESSAGES, type EventFamily, type EventName, type RemoteEvent } from './event-messages.js';
import { RemoteDomain } from './remote-domain.js';
import { RemoteNetwork } from './remote-network.js';
import { RemoteNodeDevice } from './remote-node-device.js';
import { RemoteStoragePool } from './remote-storage.js';
import type { DomainRef, NetworkRef, NodeDeviceRef, PoolRef, TypedParam } from './remote-types.js';
import type { RpcClient } from './rpc-client.js';

type ApiEvent = DomainEvent | NetworkEvent | StoragePoolEvent | NodeDeviceEvent;

export function toTypedParameters(params: readonly TypedParam[]): TypedParameter[] {
  return params.map((p) => ({ field: p.field, type: p.value.type, value: p.value.value }));
}

/** The drivers/api form of one event message. */
export function toApiEvent(rpc: RpcClient, ev: RemoteEvent): ApiEvent {
  const dom = (ref: DomainRef) => new RemoteDomain(rpc, ref);
  switch (ev.name) {
    case 'domainLifecycle':
      return { eventId: 0, domain: dom(ev.payload.msg.dom), event: ev.payload.msg.event, detail: ev.payload.msg.detail };
    case 'domainReboot':
      return { eventId: 1, domain: dom(ev.payload.msg.dom) };
    case 'domainRtcChange':
      return { eventId: 2, domain: dom(ev.payload.msg.dom), utcOffset: ev.payload.msg.offset };
    case 'domainWatchdog':
      return { eventId: 3, domain: dom(ev.payload.msg.dom), action: ev.payload.msg.action };
    case 'domainTrayChange':
      return { eventId: 10, domain: dom(ev.payload.msg.dom), devAlias: ev.payload.msg.devAlias, reason: ev.payload.msg.reason };
    case 'domainBalloonChange':
      return { eventId: 13, domain: dom(ev.payload.msg.dom), actual: ev.payload.msg.actual };
    case 'domainDeviceRemoved':
      return { eventId: 15, domain: dom(ev.payload.msg.dom), devAlias: ev.payload.msg.devAlias };
    case 'domainDeviceAdded':
      return { eventId: 19, domain: dom(ev.payload.dom), devAlias: ev.payload.devAlias };
    case 'domainJobCompleted':
      return { eventId: 21, domain: dom(ev.payload.dom), params: toTypedParameters(ev.payload.params) };
    case 'domainDeviceRemovalFailed':
      return { eventId: 22, domain: dom(ev.payload.dom), devAlias: ev.payload.devAlias };
    case 'domainMetadataChange':
      return { eventId: 23, domain: dom(ev.payload.dom), type: ev.payload.type, nsuri: ev.payload.nsuri };
    case 'networkLifecycle':
      return { eventId: 0, network: new RemoteNetwork(rpc, ev.payload.net), event: ev.payload.event, detail: ev.payload.detail };
    case 'poolLifecycle':
      return { eventId: 0, pool: new RemoteStoragePool(rpc, ev.payload.pool), event: ev.payload.event, detail: ev.payload.detail };
    case 'poolRefresh':
      return { eventId: 1, pool: new RemoteStoragePool(rpc, ev.payload.pool) };
    case 'nodeDeviceLifecycle':
      return { eventId: 0, device: new RemoteNodeDevice(rpc, ev.payload.dev.name), event: ev.payload.event, detail: ev.payload.detail };
    case 'nodeDeviceUpdate':
      return { eventId: 1, device: new RemoteNodeDevice(rpc, ev.payload.dev.name) };
  }
}

type Filter = DomainRef | NetworkRef | PoolRef | NodeDeviceRef | null;

interface FamilyCalls {
  register(rpc: RpcClient, eventID: number, filter: Filter): Promise<number>;
  deregister(rpc: RpcClient, callbackID: number): Promise<void>;
}

// The filter's shape matches its family: RemoteConnection passes a domain ref for 'domain', and so on.
const FAMILY: Record<EventFamily, FamilyCalls> = {
  domain: {
    register: async (rpc, eventID, f) =>
      (await rpc.call('CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY', { eventID, dom: f as DomainRef | null })).callbackID,
    deregister: async (rpc, callbackID) => void (await rpc.call('CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY', { callbackID })),
  },
  network: {
    register: async (rpc, eventID, f) =>
      (await rpc.call('CONNECT_NETWORK_EVENT_REGISTER_ANY', { eventID, net: f as NetworkRef | null })).callbackID,
    deregister: async (rpc, callbackID) => void (await rpc.call('CONNECT_NETWORK_EVENT_DEREGISTER_ANY', { callbackID })),
  },
  pool: {
    register: async (rpc, eventID, f) =>
      (await rpc.call('CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY', { eventID, pool: f as PoolRef | null })).callbackID,
    deregister: async (rpc, callbackID) => void (await rpc.call('CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY', { callbackID })),
  },
  nodedev: {
    register: async (rpc, eventID, f) =>
      (await rpc.call('CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY', { eventID, dev: f as NodeDeviceRef | null })).callbackID,
    deregister: async (rpc, callbackID) => void (await rpc.call('CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY', { callbackID })),
  },
};

/** Per-family callback IDs are the daemon's; they may collide across families, so key by both. */
export class EventRegistry {
  private readonly listeners = new Map<string, (e: ApiEvent) => void>();
  private readonly unsubscribe: () => void;

  constructor(private readonly rpc: RpcClient) {
    this.unsubscribe = rpc.onEvent((ev) => {
      const family = EVENT_MESSAGES[ev.name].family;
      const l = this.listeners.get(`${family}:${ev.payload.callbackID}`);
      if (l) l(toApiEvent(rpc, ev));
    });
  }

  async register(
    family: EventFamily,
    eventId: number,
    filter: Filter,
    listener: (e: ApiEvent) => void,
  ): Promise<AsyncDisposable> {
    const known = (Object.keys(EVENT_MESSAGES) as EventName[]).some(
      (n) => EVENT_MESSAGES[n].family === family && EVENT_MESSAGES[n].eventId === eventId,
    );
    if (!known) throw new VirError(VIR_ERR_NO_SUPPORT, VIR_FROM_REMOTE, `event ${eventId} of ${family} objects is not supported`);
    const calls = FAMILY[family];
    const callbackID = await calls.register(this.rpc, eventId, filter);
    const key = `${family}:${callbackID}`;
    this.listeners.set(key, listener);
    let disposed = false;
    return {
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        this.listeners.delete(key);
        if (this.rpc.isOpen) await calls.deregister(this.rpc, callbackID);
      },
    };
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }
}
