/**
 * Collects events and hands them over at most once per window, so a burst of changes (a host with hundreds of
 * VMs reconnecting) is one update for the UI instead of hundreds.
 */
export class EventBatcher<T> {
  private queue: T[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly flush: (batch: readonly T[]) => void, private readonly windowMs = 100) {}

  push(event: T): void {
    this.queue.push(event);
    this.timer ??= setTimeout(() => this.drain(), this.windowMs);
  }

  drain(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.flush(batch);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.queue = [];
  }
}
