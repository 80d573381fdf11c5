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

/** A damaged connections file found at start-up, and where it was put. */
export interface RecoveredFile {
  readonly file: string;
  readonly movedTo: string;
  readonly reason: string;
}

/**
 * Saved connections, persisted as JSON in the data folder (written atomically). A file that cannot be read as
 * connections (a half-written file, something else's JSON) does not stop the app: it is moved aside, the list
 * starts empty, and `recovered` says so.
 */
export class ConnectionStore {
  private readonly file: string;
  private connections: SavedConnection[];
  /** Set when the file was damaged at start-up. */
  readonly recovered: RecoveredFile | undefined;

  constructor(dataDir: string, socketExists?: (path: string) => boolean, now: () => Date = () => new Date()) {
    this.file = join(dataDir, 'connections.json');
    if (existsSync(this.file)) {
      // A read error (permissions, I/O) is not damage: moving the file aside or saving over it could lose it.
      const text = readFileSync(this.file, 'utf8');
      const read = readStoreFile(text);
      if (typeof read === 'string') {
        const movedTo = moveAside(this.file, now());
        this.recovered = { file: this.file, movedTo, reason: read };
        this.connections = [];
        this.save();
      } else {
        this.connections = read.filter(isSavedConnection);
      }
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

  update(id: string, change: Partial<Omit<SavedConnection, 'id'>>): SavedConnection {
    const current = this.get(id);
    if (!current) throw new Error(`No saved connection ${id}.`);
    if (change.uri !== undefined && change.uri !== current.uri && this.connections.some((c) => c.uri === change.uri)) {
      throw new Error(`A connection to ${change.uri} is already in the list.`);
    }
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

/** The saved entries of a connections file, or why it is not one. */
function readStoreFile(text: string): unknown[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return text.trim() === '' ? 'the file is empty' : `not valid JSON: ${(e as Error).message}`;
  }
  const connections = typeof parsed === 'object' && parsed !== null ? (parsed as Partial<StoreFile>).connections : undefined;
  return Array.isArray(connections) ? connections : 'valid JSON, but without a "connections" list';
}

/** Renames a damaged file to `<file>.damaged-<time>` (a free name, never over another file); returns the new path. */
function moveAside(file: string, at: Date): string {
  // ISO 8601 without the colons, which some file managers and archive tools dislike.
  const stamp = at.toISOString().replace(/:/g, '');
  for (let n = 0; ; n++) {
    const target = `${file}.damaged-${stamp}${n === 0 ? '' : `-${n}`}`;
    if (existsSync(target)) continue;
    renameSync(file, target);
    return target;
  }
}

function isSavedConnection(v: unknown): v is SavedConnection {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return typeof c.id === 'string' && typeof c.uri === 'string' && typeof c.name === 'string' && typeof c.autoconnect === 'boolean';
}
