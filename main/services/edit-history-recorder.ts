import { VIR_DOMAIN_XML_INACTIVE, VIR_ERR_NO_DOMAIN, isVirError } from '../../drivers/api/index.js';
import { parseDomain } from '../../drivers/xml/index.js';
import type { CallName, HistoryEntry } from '../api/contract/index.js';
import type { ConnectionManager } from './connection-manager.js';
import type { EditHistory, HistoryVm } from './edit-history.js';

/** One VM of one saved connection, as the API addresses it. */
export interface EditSubject {
  readonly connection: string;
  readonly key: string;
}

/** What the recorder reads from the hosts: a connection's URI and a VM's inactive definition (none if gone). */
export interface EditSource {
  uri(connection: string): string;
  inactiveXml(subject: EditSubject): Promise<string | undefined>;
}

/** The source of the app: the connection manager's saved connections and open hosts. */
export function managerEditSource(manager: ConnectionManager): EditSource {
  return {
    uri: (connection) => manager.saved(connection).uri,
    inactiveXml: async ({ connection, key }) => {
      try {
        return await (await manager.domain(connection, key)).getXMLDesc(VIR_DOMAIN_XML_INACTIVE);
      } catch (e) {
        if (isVirError(e, VIR_ERR_NO_DOMAIN)) return undefined;
        throw e;
      }
    },
  };
}

/**
 * Records the changes made through Hangar in each VM's edit history: reads the VM's inactive XML before and after
 * a call and keeps the pair when it differs. Calls on one VM are recorded one at a time, so a pair is never mixed
 * with another edit of the same VM made through Hangar at the same moment.
 */
export class EditRecorder {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly history: EditHistory, private readonly source: EditSource, private readonly onError: (e: unknown) => void = () => undefined) {}

  vm({ connection, key }: EditSubject): HistoryVm {
    return { uri: this.source.uri(connection), uuid: key.toLowerCase() };
  }

  /**
   * Runs `change` and records what it did to each subject. A failure to read or to record never fails the change
   * itself (the history is a help, not a gate); the change's own failure is passed on after nothing is recorded.
   */
  async around<T>(subjects: readonly EditSubject[], call: string, change: () => Promise<T>, restoreOf?: string): Promise<{ result: T; entries: (HistoryEntry | null)[] }> {
    const ids = [...new Set(subjects.map((s) => `${s.connection}\n${s.key.toLowerCase()}`))].sort();
    const run = async (): Promise<{ result: T; entries: (HistoryEntry | null)[] }> => {
      const before = await Promise.all(subjects.map((s) => this.read(s)));
      const result = await change();
      const entries = await Promise.all(subjects.map(async (s, i) => {
        const b = before[i];
        if (b === undefined) return null;
        const after = await this.read(s);
        if (after === undefined || after === b) return null;
        try {
          return await this.history.record(this.vm(s), { call, name: parseDomain(after).name ?? '', before: b, after, ...(restoreOf !== undefined ? { restoreOf } : {}) });
        } catch (e) {
          this.onError(e);
          return null;
        }
      }));
      return { result, entries };
    };
    // Wait for the earlier recorded calls of every VM involved, then hold them all until this one is recorded.
    const previous = Promise.all(ids.map((id) => this.queues.get(id)));
    const mine = previous.catch(() => undefined).then(run);
    const done = mine.catch(() => undefined);
    for (const id of ids) this.queues.set(id, done);
    void done.then(() => {
      for (const id of ids) if (this.queues.get(id) === done) this.queues.delete(id);
    });
    return mine;
  }

  private async read(subject: EditSubject): Promise<string | undefined> {
    try {
      return await this.source.inactiveXml(subject);
    } catch (e) {
      this.onError(e);
      return undefined;
    }
  }
}

function field(input: unknown, name: string): unknown {
  return typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[name] : undefined;
}

/** The VM a call of `{ connection, key }` is about. */
function byKey(input: unknown): EditSubject[] {
  const connection = field(input, 'connection');
  const key = field(input, 'key');
  return typeof connection === 'string' && typeof key === 'string' ? [{ connection, key }] : [];
}

/**
 * The calls that change a VM's definition, and which VMs each one touches. A define names its VM by the UUID in
 * its XML (a new VM, with no definition before, has no history entry to keep). Keyed by name rather than by
 * CallName so that a call still being added elsewhere is recorded once it exists.
 */
export const recordedCalls: Readonly<Record<string, (input: unknown) => EditSubject[]>> = {
  'domains.define': (input) => {
    const connection = field(input, 'connection');
    const xml = field(input, 'xml');
    if (typeof connection !== 'string' || typeof xml !== 'string') return [];
    try {
      const uuid = parseDomain(xml).uuid;
      return uuid ? [{ connection, key: uuid }] : [];
    } catch {
      return [];
    }
  },
  'domains.rename': byKey,
  'domains.setMemory': byKey,
  'domains.setVcpus': byKey,
  'domains.attachDevice': byKey,
  'domains.detachDevice': byKey,
  'domains.updateDevice': byKey,
  'domains.changeMedia': byKey,
  'domains.setMetadataText': byKey,
  // A revert brings back the snapshot's definition too.
  'snapshots.revert': (input) => {
    const connection = field(input, 'connection');
    const key = field(input, 'domain');
    return typeof connection === 'string' && typeof key === 'string' ? [{ connection, key }] : [];
  },
  'domains.setTags': (input) => {
    const connection = field(input, 'connection');
    const keys = field(input, 'keys');
    return typeof connection === 'string' && Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string').map((key) => ({ connection, key })) : [];
  },
};

/** The handlers, with the domain-changing ones recorded in the edit history. */
export function recordEdits<S>(handlers: Readonly<Record<CallName, (input: unknown, session: S) => Promise<unknown>>>, recorder: EditRecorder): Readonly<Record<CallName, (input: unknown, session: S) => Promise<unknown>>> {
  const out = { ...handlers };
  for (const [name, subjectsOf] of Object.entries(recordedCalls)) {
    if (!Object.hasOwn(handlers, name)) continue;
    const handler = handlers[name as CallName];
    out[name as CallName] = async (input, session) => {
      const subjects = subjectsOf(input);
      if (subjects.length === 0) return handler(input, session);
      return (await recorder.around(subjects, name, () => handler(input, session))).result;
    };
  }
  return out;
}
