import type { Connection, Domain } from '../../drivers/api/index.js';
import type { ConnectionState, ConnectionView } from '../api/contract/index.js';
import type { ConnectionStore, SavedConnection } from './connection-store.js';
import { DomainInventory, type DomainChanges, type DomainSummary } from './domain-inventory.js';
import { HostConnection, type Opener } from './host-connection.js';
import { ObjectInventory, type HostObjects, type ObjectChanges } from './object-inventory.js';

const NO_OBJECTS: HostObjects = { networks: [], pools: [], nodeDevices: [] };

export type ManagerEvent =
  | { readonly type: 'connection'; readonly connection: SavedConnection; readonly state: ConnectionState }
  | { readonly type: 'connection-removed'; readonly id: string }
  /** The whole list after a (re)connect, or empty after a disconnect. */
  | { readonly type: 'domains-reset'; readonly id: string; readonly domains: readonly DomainSummary[] }
  | ({ readonly type: 'domains'; readonly id: string } & DomainChanges)
  /** Networks, pools and node devices after a (re)connect, or none after a disconnect. */
  | { readonly type: 'objects-reset'; readonly id: string; readonly objects: HostObjects }
  | ({ readonly type: 'objects'; readonly id: string } & ObjectChanges);


interface Entry {
  saved: SavedConnection;
  readonly host: HostConnection;
  inventory: DomainInventory | undefined;
  objects: ObjectInventory | undefined;
}

/**
 * The saved connections and their live state: opens the autoconnect ones, keeps each host's inventory current
 * and reports every change through one callback (which the API layer batches for the UI).
 */
export class ConnectionManager {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: ConnectionStore,
    private readonly open: Opener,
    private readonly emit: (event: ManagerEvent) => void,
    /** Told when a connection is removed, to forget what belongs to it (remembered secrets). */
    private readonly removed: (saved: SavedConnection) => void = () => {},
  ) {
    for (const saved of store.list()) this.track(saved);
  }

  /** Connects every connection marked autoconnect; failures are reported as their state. */
  async start(): Promise<void> {
    await Promise.all([...this.entries.values()].filter((e) => e.saved.autoconnect).map((e) => e.host.connect()));
  }

  list(): ConnectionView[] {
    return [...this.entries.values()].map((e) => ({ key: e.saved.id, saved: e.saved, state: e.host.state }));
  }

  /** A connection's domains as the inventory holds them now (none while it is not connected). */
  domains(id: string): DomainSummary[] {
    return this.entry(id).inventory?.list() ?? [];
  }

  add(connection: Omit<SavedConnection, 'id'>): SavedConnection {
    const saved = this.store.add(connection);
    this.track(saved);
    return saved;
  }

  /**
   * Renames a connection, changes its autoconnect, or points it at another URI (then it reconnects if it was
   * connected or wanted: a new URI is a new host, whose inventory starts afresh).
   */
  async update(id: string, change: { name?: string; autoconnect?: boolean; uri?: string }): Promise<SavedConnection> {
    const entry = this.entry(id);
    if (change.uri === undefined || change.uri === entry.saved.uri) {
      const { uri: _same, ...rest } = change;
      entry.saved = this.store.update(id, rest);
      this.emit({ type: 'connection', connection: entry.saved, state: entry.host.state });
      return entry.saved;
    }
    const reconnect = entry.host.state.state !== 'disconnected';
    const saved = this.store.update(id, change);
    await entry.host.disconnect();
    this.entries.delete(id);
    this.track(saved);
    this.emit({ type: 'connection', connection: saved, state: { state: 'disconnected' } });
    if (reconnect) void this.connect(id);
    return saved;
  }

  async remove(id: string): Promise<void> {
    const entry = this.entry(id);
    await entry.host.disconnect();
    this.entries.delete(id);
    this.store.remove(id);
    this.removed(entry.saved);
    this.emit({ type: 'connection-removed', id });
  }

  saved(id: string): SavedConnection {
    return this.entry(id).saved;
  }

  connect(id: string): Promise<void> {
    return this.entry(id).host.connect();
  }

  disconnect(id: string): Promise<void> {
    return this.entry(id).host.disconnect();
  }

  /** The live driver connection, or an error that says why there is none. */
  connection(id: string): Connection {
    const entry = this.entry(id);
    const connection = entry.host.connection;
    if (!connection) throw new Error(`${entry.saved.name || entry.saved.uri} is not connected.`);
    return connection;
  }

  /**
   * A connection of its own for one long byte stream (a volume upload or download, a console): libvirt has no
   * flow control per stream, so a stream its reader does not drain pauses the whole RPC connection it runs on —
   * on the host's main connection that would hold back every list, event and call for that host. Over SSH it
   * is one more channel of the host's one SSH connection. The in-process Demo host has no such limit and shares
   * its one connection. Release it when the stream ends.
   */
  async transferConnection(id: string): Promise<{ readonly connection: Connection; release(): Promise<void> }> {
    const entry = this.entry(id);
    const main = this.connection(id);
    if (/^test:/i.test(entry.saved.uri)) return { connection: main, release: async () => {} };
    const own = await this.open(entry.saved.uri, {});
    let released = false;
    return {
      connection: own,
      release: async () => {
        if (released) return;
        released = true;
        await own.close().catch(() => undefined);
      },
    };
  }

  /** The live driver connection, if there is one now. */
  liveConnection(id: string): Connection | undefined {
    return this.entry(id).host.connection;
  }

  /** Networks, pools with volumes and node devices of a connected host. */
  objects(id: string): HostObjects {
    return this.entry(id).objects?.snapshot() ?? NO_OBJECTS;
  }

  /** Re-reads a pool (its volumes and autostart change without pool events). */
  async refreshPool(id: string, uuid: string): Promise<void> {
    await this.entry(id).objects?.refreshPool(uuid);
  }

  /** Re-reads a network (autostart changes send no event). */
  async refreshNetwork(id: string, uuid: string): Promise<void> {
    await this.entry(id).objects?.refreshNetwork(uuid);
  }

  /** Re-reads one domain now, for changes that send no event (autostart). */
  async refreshDomain(id: string, uuid: string): Promise<void> {
    await this.entry(id).inventory?.refresh(uuid);
  }

  domain(id: string, uuid: string): Promise<Domain> {
    return this.connection(id).domainLookupByUUID(uuid);
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.entries.values()].map((e) => e.host.disconnect()));
    this.entries.clear();
  }

  private entry(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`No saved connection ${id}.`);
    return entry;
  }

  private track(saved: SavedConnection): void {
    const entry: Entry = {
      saved,
      inventory: undefined,
      objects: undefined,
      host: new HostConnection(
        saved.uri,
        this.open,
        (state) => {
          if (state.state !== 'connected' && entry.inventory) {
            void entry.inventory.dispose();
            void entry.objects?.dispose();
            entry.inventory = undefined;
            entry.objects = undefined;
            this.emit({ type: 'domains-reset', id: saved.id, domains: [] });
            this.emit({ type: 'objects-reset', id: saved.id, objects: NO_OBJECTS });
          }
          this.emit({ type: 'connection', connection: entry.saved, state });
        },
        async (connection) => {
          await Promise.all([entry.inventory?.dispose(), entry.objects?.dispose()]);
          [entry.inventory, entry.objects] = await Promise.all([
            DomainInventory.load(connection, (changes) => this.emit({ type: 'domains', id: saved.id, ...changes })),
            ObjectInventory.load(connection, (changes) => this.emit({ type: 'objects', id: saved.id, ...changes })),
          ]);
          this.emit({ type: 'domains-reset', id: saved.id, domains: entry.inventory.list() });
          this.emit({ type: 'objects-reset', id: saved.id, objects: entry.objects.snapshot() });
        },
      ),
    };
    this.entries.set(saved.id, entry);
  }
}
