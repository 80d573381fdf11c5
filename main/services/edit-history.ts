import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { HistoryEntry, HistoryEntrySummary } from '../api/contract/index.js';
import { changedPaths } from './edit-history-changes.js';

/** How many entries a VM keeps: the oldest go first. */
export const HISTORY_LIMIT = 100;
const CHANGED_SHOWN = 20;
// A VM's file may hold 100 pairs of definitions: only the files of the VMs used lately stay in memory.
const CACHED_FILES = 16;

const entrySchema = z.object({
  id: z.string(),
  at: z.number(),
  call: z.string(),
  changed: z.array(z.string()),
  more: z.boolean(),
  restoreOf: z.string().optional(),
  name: z.string(),
  before: z.string(),
  after: z.string(),
});
const fileSchema = z.object({ version: z.literal(1), uri: z.string(), uuid: z.string(), entries: z.array(entrySchema) });
type HistoryFile = z.output<typeof fileSchema>;
type StoredEntry = z.output<typeof entrySchema>;

/** Which VM: the host by its URI (connection ids are per install, URIs are what the VM lives at) and its UUID. */
export interface HistoryVm {
  readonly uri: string;
  readonly uuid: string;
}

/** What `record` is told of one applied change. */
export interface RecordedChange {
  readonly call: string;
  readonly name: string;
  readonly before: string;
  readonly after: string;
  readonly restoreOf?: string;
}

export interface EditHistoryOptions {
  readonly limit?: number;
  /** Told when a VM's file could not be read and was moved aside (the history of that VM starts again). */
  readonly onDamaged?: (file: string, movedTo: string, reason: string) => void;
}

/**
 * Each VM's edit history in the data folder: one JSON file per VM under history/<host>/<uuid>.json, the host a
 * hash of its URI. Files are written whole to a temporary name and renamed over the old one, one write at a time
 * per VM; a file that cannot be read is moved aside, never deleted, and its VM's history starts empty.
 */
export class EditHistory {
  private readonly root: string;
  private readonly limit: number;
  private readonly loaded = new Map<string, Promise<HistoryFile>>();
  private readonly writing = new Map<string, Promise<void>>();
  /** How many times each file was forgotten: a record that began before the last forget keeps nothing. */
  private readonly forgotten = new Map<string, number>();

  constructor(dataDir: string, private readonly options: EditHistoryOptions = {}) {
    this.root = join(dataDir, 'history');
    this.limit = options.limit ?? HISTORY_LIMIT;
  }

  /** Where a VM's entries are kept. */
  fileOf(vm: HistoryVm): string {
    const host = createHash('sha256').update(vm.uri).digest('hex').slice(0, 16);
    return join(this.root, host, `${vm.uuid.toLowerCase()}.json`);
  }

  /** The VM's entries, newest first, without their XML. */
  async list(vm: HistoryVm): Promise<HistoryEntrySummary[]> {
    const file = await this.load(vm);
    return file.entries.map(({ before: _b, after: _a, ...summary }) => summary).reverse();
  }

  async entry(vm: HistoryVm, id: string): Promise<HistoryEntry | undefined> {
    return (await this.load(vm)).entries.find((e) => e.id === id);
  }

  /** Keeps one change (nothing when the definition did not change); the entry, or null. */
  async record(vm: HistoryVm, change: RecordedChange): Promise<HistoryEntry | null> {
    if (change.before === change.after) return null;
    const paths = changedPaths(change.before, change.after);
    const entry: StoredEntry = {
      id: randomUUID(),
      at: Date.now(),
      call: change.call,
      changed: paths.slice(0, CHANGED_SHOWN),
      more: paths.length > CHANGED_SHOWN,
      ...(change.restoreOf !== undefined ? { restoreOf: change.restoreOf } : {}),
      name: change.name,
      before: change.before,
      after: change.after,
    };
    const path = this.fileOf(vm);
    const forgotten = this.forgotten.get(path) ?? 0;
    const file = await this.load(vm);
    // The VM was deleted while its file was being read: nothing brings its history back.
    if ((this.forgotten.get(path) ?? 0) !== forgotten) return null;
    file.entries.push(entry);
    if (file.entries.length > this.limit) file.entries.splice(0, file.entries.length - this.limit);
    await this.save(path, file);
    return entry;
  }

  /** Removes a deleted VM's history: after any write under way, so that no write brings the file back. */
  async forget(vm: HistoryVm): Promise<void> {
    const path = this.fileOf(vm);
    this.forgotten.set(path, (this.forgotten.get(path) ?? 0) + 1);
    this.loaded.delete(path);
    await (this.writing.get(path) ?? Promise.resolve()).catch(() => undefined);
    await rm(path, { force: true });
  }

  /** Finishes the writes under way. */
  async flush(): Promise<void> {
    await Promise.all(this.writing.values());
  }

  /** A VM's file, from the few kept in memory (most recently used) or read again. */
  private load(vm: HistoryVm): Promise<HistoryFile> {
    const path = this.fileOf(vm);
    const cached = this.loaded.get(path);
    if (cached) {
      this.loaded.delete(path);
      this.loaded.set(path, cached);
      return cached;
    }
    // A write of this file still under way lands first, so the read sees it.
    const pending = this.writing.get(path) ?? Promise.resolve();
    const file = pending.catch(() => undefined).then(() => this.read(path, vm));
    this.loaded.set(path, file);
    for (const oldest of this.loaded.keys()) {
      if (this.loaded.size <= CACHED_FILES) break;
      this.loaded.delete(oldest);
    }
    return file;
  }

  private async read(path: string, vm: HistoryVm): Promise<HistoryFile> {
    const empty: HistoryFile = { version: 1, uri: vm.uri, uuid: vm.uuid.toLowerCase(), entries: [] };
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return empty;
      return this.moveAside(path, empty, e);
    }
    try {
      const file = fileSchema.parse(JSON.parse(text));
      // Older files may hold more than the limit allows now.
      if (file.entries.length > this.limit) file.entries.splice(0, file.entries.length - this.limit);
      return file;
    } catch (e) {
      return this.moveAside(path, empty, e);
    }
  }

  private async moveAside(path: string, empty: HistoryFile, reason: unknown): Promise<HistoryFile> {
    const movedTo = `${path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    try {
      await rename(path, movedTo);
    } catch {
      // Not even movable (permissions): it stays, and the next save replaces it.
    }
    this.options.onDamaged?.(path, movedTo, reason instanceof Error ? reason.message : String(reason));
    return empty;
  }

  /** Writes after the previous write of the same file, so the last state always wins. */
  private save(path: string, file: HistoryFile): Promise<void> {
    const previous = this.writing.get(path) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
      const tmp = `${path}.tmp`;
      await writeFile(tmp, `${JSON.stringify(file)}\n`, { mode: 0o600 });
      await rename(tmp, path);
    });
    const settled = next.finally(() => {
      if (this.writing.get(path) === settled) this.writing.delete(path);
    });
    this.writing.set(path, settled);
    return next;
  }
}
