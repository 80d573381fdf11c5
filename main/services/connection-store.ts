import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import type { SavedConnection } from '../api/contract/index.js';

export type { SavedConnection };

interface StoreFile {
  readonly version: 1;
  readonly connections: readonly SavedConnection[];
}

const LOCAL_SOCKETS = ['/run/libvirt/libvirt-sock', '/run/libvirt/virtqemud-sock', '/var/run/libvirt/libvirt-sock'];

/** The first run's connection: the local system daemon when its socket exists, else the Demo host. */
export function firstRunConnection(socketExists: (path: string) => boolean = existsSync): Omit<SavedConnection, 'id'> {
  return LOCAL_SOCKETS.some(socketExists)
    ? { uri: 'qemu:///system', name: '', autoconnect: true }
    : { uri: 'test:///default', name: 'Demo host', autoconnect: true };
}

/** Saved connections, persisted as JSON in the data folder (written atomically). */
export class ConnectionStore {
  private readonly file: string;
  private connections: SavedConnection[];

  constructor(dataDir: string, socketExists?: (path: string) => boolean) {
    this.file = join(dataDir, 'connections.json');
    if (existsSync(this.file)) {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<StoreFile>;
      this.connections = Array.isArray(parsed.connections) ? parsed.connections.filter(isSavedConnection) : [];
    } else {
      this.connections = [{ id: randomUUID(), ...firstRunConnection(socketExists) }];
      this.save();
    }
  }

  list(): readonly SavedConnection[] {
    return this.connections;
  }

  get(id: string): SavedConnection | undefined {
    return this.connections.find((c) => c.id === id);
  }

  add(connection: Omit<SavedConnection, 'id'>): SavedConnection {
    if (this.connections.some((c) => c.uri === connection.uri)) {
      throw new Error(`A connection to ${connection.uri} is already in the list.`);
    }
    const saved = { id: randomUUID(), ...connection };
    this.connections = [...this.connections, saved];
    this.save();
    return saved;
  }

  update(id: string, change: Partial<Omit<SavedConnection, 'id' | 'uri'>>): SavedConnection {
    const current = this.get(id);
    if (!current) throw new Error(`No saved connection ${id}.`);
    const next = { ...current, ...change };
    this.connections = this.connections.map((c) => (c.id === id ? next : c));
    this.save();
    return next;
  }

  remove(id: string): void {
    this.connections = this.connections.filter((c) => c.id !== id);
    this.save();
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const body: StoreFile = { version: 1, connections: this.connections };
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

function isSavedConnection(v: unknown): v is SavedConnection {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return typeof c.id === 'string' && typeof c.uri === 'string' && typeof c.name === 'string' && typeof c.autoconnect === 'boolean';
}
