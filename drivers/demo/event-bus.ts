// The Demo host's event fan-out. Every connection subscribes once; emit() hands each event to them at once so
// that a connection matches it against the registrations that exist when the change happens. The connection
// then delivers asynchronously and in order, like libvirt's event loop (after the call has returned).
import type * as api from '../api/index.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface DomainRef {
  readonly name: string;
  readonly uuid: string;
  readonly id: number;
}
export interface ObjectRef {
  readonly name: string;
  readonly uuid: string;
}

export type HostEvent =
  | { readonly kind: 'domain'; readonly ref: DomainRef; readonly body: DistributiveOmit<api.DomainEvent, 'domain'> }
  | { readonly kind: 'network'; readonly ref: ObjectRef; readonly body: DistributiveOmit<api.NetworkEvent, 'network'> }
  | { readonly kind: 'pool'; readonly ref: ObjectRef; readonly body: DistributiveOmit<api.StoragePoolEvent, 'pool'> }
  | {
      readonly kind: 'nodedev';
      readonly ref: { readonly name: string };
      readonly body: DistributiveOmit<api.NodeDeviceEvent, 'device'>;
    };

export class EventBus {
  private readonly listeners = new Set<(event: HostEvent) => void>();

  subscribe(listener: (event: HostEvent) => void): api.Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  emit(event: HostEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  dispose(): void {
    this.listeners.clear();
  }
}
