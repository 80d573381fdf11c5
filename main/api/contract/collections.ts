// Every collection the renderer mirrors (connections, domains, networks, pools, node devices, snapshots of a
// domain, jobs, prompts) travels the same way: its `list` call answers a whole list, a reset event replaces it
// (a host reconnected), and deltas follow. Each carries `rev`, a revision that only grows, so a store can drop
// what is stale: a delta at or below the revision it already holds for the list or that object.

/** Every item of a collection has a key unique in its collection. */
export interface Keyed {
  readonly key: string;
}

export interface CollectionList<T extends Keyed> {
  readonly rev: number;
  readonly items: readonly T[];
}

export interface ResetEvent<Type extends string, T extends Keyed, Scope = unknown> extends CollectionList<T> {
  readonly type: Type;
  readonly scope: Scope;
}

export interface DeltaEvent<Type extends string, T extends Keyed, Scope = unknown> {
  readonly type: Type;
  readonly scope: Scope;
  readonly rev: number;
  readonly upserted: readonly T[];
  /** Keys of items that are gone. */
  readonly removed: readonly string[];
}

/** The scope of a host's collection. */
export interface HostScope {
  readonly connection: string;
}
