import type { Keyed } from '../../main/api/contract/index.js';

interface ScopeState<T extends Keyed> {
  /** The revision of the last whole list taken in; deltas at or below it are already in it. */
  rev: number;
  loaded: boolean;
  readonly items: Map<string, T>;
  /** Per key, the revision of the last change taken in (a removal too), so an older delta cannot undo a newer one. */
  readonly itemRevs: Map<string, number>;
  /** The array hooks hand out; rebuilt only after a change, so unchanged lists keep their identity. */
  snapshot: readonly T[] | undefined;
  readonly listeners: Set<() => void>;
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * The renderer's copy of one kind of collection, per scope (a connection, or a connection's domain): whole
 * lists (a `list` answer or a reset event) and deltas after them, each with the service's revision. What
 * arrives stale — a delta already contained in a list, a duplicate, one overtaken by a newer change of the same
 * object — is dropped, so the copy ends equal to the service's whatever order the messages came in.
 */
export class CollectionStore<T extends Keyed> {
  private readonly scopes = new Map<string, ScopeState<T>>();

  private state(scope: string): ScopeState<T> {
    let s = this.scopes.get(scope);
    if (!s) {
      s = { rev: -1, loaded: false, items: new Map(), itemRevs: new Map(), snapshot: undefined, listeners: new Set() };
      this.scopes.set(scope, s);
    }
    return s;
  }

  /** Takes in a whole list at `rev`; an older list than the one held is ignored. Returns whether it was taken. */
  reset(scope: string, rev: number, items: readonly T[]): boolean {
    const s = this.state(scope);
    if (s.loaded && rev < s.rev) return false;
    // Deltas newer than this list may have come first: what they said stands (undefined: it was removed).
    const newer = new Map<string, T | undefined>();
    for (const [key, r] of s.itemRevs) if (r > rev) newer.set(key, s.items.get(key));
    for (const key of [...s.itemRevs.keys()]) if (!newer.has(key)) s.itemRevs.delete(key);
    s.rev = rev;
    s.loaded = true;
    s.items.clear();
    for (const item of items) if (!newer.has(item.key)) s.items.set(item.key, item);
    for (const [key, item] of newer) if (item !== undefined) s.items.set(key, item);
    this.changed(s);
    return true;
  }

  /** Takes in a delta at `rev`. Returns whether anything changed. */
  delta(scope: string, rev: number, upserted: readonly T[], removed: readonly string[]): boolean {
    const s = this.state(scope);
    if (rev <= s.rev) return false;
    let touched = false;
    for (const item of upserted) {
      if ((s.itemRevs.get(item.key) ?? -1) >= rev) continue;
      s.itemRevs.set(item.key, rev);
      s.items.set(item.key, item);
      touched = true;
    }
    for (const key of removed) {
      if ((s.itemRevs.get(key) ?? -1) >= rev) continue;
      s.itemRevs.set(key, rev);
      touched = s.items.delete(key) || touched;
    }
    if (touched) this.changed(s);
    return touched;
  }

  /** Forgets a scope (its connection was removed); its listeners see an empty list. */
  drop(scope: string): void {
    const s = this.scopes.get(scope);
    if (!s) return;
    if (s.listeners.size === 0) {
      this.scopes.delete(scope);
      return;
    }
    s.items.clear();
    s.itemRevs.clear();
    s.rev = -1;
    s.loaded = false;
    this.changed(s);
  }

  /** Forgets every scope whose name starts with `prefix` (a connection's domains' snapshot lists). */
  dropWhere(match: (scope: string) => boolean): void {
    for (const scope of [...this.scopes.keys()]) if (match(scope)) this.drop(scope);
  }

  list(scope: string): readonly T[] {
    const s = this.scopes.get(scope);
    if (!s) return EMPTY;
    s.snapshot ??= [...s.items.values()];
    return s.snapshot;
  }

  get(scope: string, key: string): T | undefined {
    return this.scopes.get(scope)?.items.get(key);
  }

  isLoaded(scope: string): boolean {
    return this.scopes.get(scope)?.loaded ?? false;
  }

  subscribe(scope: string, listener: () => void): () => void {
    const s = this.state(scope);
    s.listeners.add(listener);
    return () => {
      s.listeners.delete(listener);
    };
  }

  /** Listeners over all scopes, for tests that check nothing is left subscribed. */
  listenerCount(): number {
    let n = 0;
    for (const s of this.scopes.values()) n += s.listeners.size;
    return n;
  }

  private changed(s: ScopeState<T>): void {
    s.snapshot = undefined;
    for (const l of [...s.listeners]) l();
  }
}
