// The Demo host's event queue. Like libvirt's event loop, it delivers asynchronously (after the call that caused
// the event has returned) and in order; every connection subscribes once and applies its own registrations.
import type * as api from '../api.js';

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
  private queue: HostEvent[] = [];
  private pending: NodeJS.Immediate | null = null;

  subscribe(listener: (event: HostEvent) => void): api.Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  emit(event: HostEvent): void {
    this.queue.push(event);
    this.pending ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.pending = null;
    const batch = this.queue;
    this.queue = [];
    for (const event of batch) {
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch {
          // A failing listener must not stop delivery to the others.
        }
      }
    }
  }

  dispose(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = null;
    this.queue = [];
    this.listeners.clear();
  }
}
