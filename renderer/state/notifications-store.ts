import { Signal } from './signal.js';

export type NotificationVariant = 'danger' | 'warning' | 'success' | 'info';

export interface Notification {
  readonly id: string;
  readonly variant: NotificationVariant;
  readonly title: string;
  readonly detail?: string;
  readonly at: number;
  readonly read: boolean;
}

export interface NotificationInput {
  readonly variant: NotificationVariant;
  readonly title: string;
  readonly detail?: string;
}

/** At most this many are kept; the oldest go first. */
const KEEP = 100;

/** What the app has to tell the user (failed actions, connection errors, finished jobs), for the drawer. */
export class NotificationsStore {
  private readonly signal = new Signal<readonly Notification[]>([]);
  private next = 0;

  readonly subscribe = this.signal.subscribe;
  readonly getSnapshot = this.signal.get;

  push(n: NotificationInput): string {
    const id = `n${++this.next}`;
    const item: Notification = { id, at: Date.now(), read: false, variant: n.variant, title: n.title, ...(n.detail !== undefined ? { detail: n.detail } : {}) };
    this.signal.set([item, ...this.signal.get()].slice(0, KEEP));
    return id;
  }

  dismiss(id: string): void {
    this.signal.set(this.signal.get().filter((n) => n.id !== id));
  }

  markAllRead(): void {
    if (this.signal.get().every((n) => n.read)) return;
    this.signal.set(this.signal.get().map((n) => (n.read ? n : { ...n, read: true })));
  }

  clear(): void {
    this.signal.set([]);
  }

  unread(): number {
    return this.signal.get().filter((n) => !n.read).length;
  }

  listenerCount(): number {
    return this.signal.listenerCount();
  }
}
