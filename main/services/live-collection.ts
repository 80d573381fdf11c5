/**
 * A host's objects of one kind, kept current by re-reading only the object an event names. Overlapping
 * requests for the same object collapse into one more read; a read that finds the object gone removes it.
 */
export class LiveCollection<T> {
  private readonly items = new Map<string, T>();
  private readonly reading = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private disposed = false;

  constructor(
    /** Reads one object; undefined means it no longer exists. Other failures leave the entry as it was. */
    private readonly read: (key: string) => Promise<T | undefined>,
    private readonly onChange: (upserted: readonly T[], removed: readonly string[]) => void,
  ) {}

  reset(entries: Iterable<readonly [string, T]>): void {
    this.items.clear();
    for (const [k, v] of entries) this.items.set(k, v);
  }

  list(): T[] {
    return [...this.items.values()];
  }

  get(key: string): T | undefined {
    return this.items.get(key);
  }

  refresh(key: string): Promise<void> {
    const running = this.reading.get(key);
    if (running) {
      this.again.add(key);
      return running;
    }
    const task = this.readOne(key).finally(() => {
      this.reading.delete(key);
      if (this.again.delete(key)) void this.refresh(key);
    });
    this.reading.set(key, task);
    return task;
  }

  private async readOne(key: string): Promise<void> {
    if (this.disposed) return;
    let value: T | undefined;
    try {
      value = await this.read(key);
    } catch {
      return; // the connection dropped or the host refused: the connection's own state reports it
    }
    if (this.disposed) return;
    if (value === undefined) {
      if (this.items.delete(key)) this.onChange([], [key]);
      return;
    }
    this.items.set(key, value);
    this.onChange([value], []);
  }

  dispose(): void {
    this.disposed = true;
  }
}
