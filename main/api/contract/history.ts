// history.*: the edit history of each VM (every applied change's XML before and after).
import { z } from 'zod';
import { uuidRef, xmlDocument } from './common.js';

const entryId = z.string().regex(/^[0-9a-z-]{1,64}$/, 'not a history entry id');

/** One applied change of a VM, as a list shows it (the XML is fetched with history.entry). */
export interface HistoryEntrySummary {
  readonly id: string;
  /** Milliseconds since the epoch. */
  readonly at: number;
  /** The call that made the change (domains.setVcpus…), or history.restore. */
  readonly call: string;
  /** The elements whose lines changed, as paths from the root (domain/devices/interface/link), at most 20. */
  readonly changed: readonly string[];
  /** More elements changed than `changed` lists. */
  readonly more: boolean;
  /** For a restore: the entry whose "before" it brought back. */
  readonly restoreOf?: string;
  /** The VM's name after the change. */
  readonly name: string;
}

export interface HistoryEntry extends HistoryEntrySummary {
  /** The inactive (persistent) definition before and after the change. */
  readonly before: string;
  readonly after: string;
}

export const historyCalls = {
  /** The VM's entries, newest first. */
  'history.list': uuidRef,
  'history.entry': uuidRef.extend({ id: entryId }),
  /**
   * Defines the VM as it was before entry `id`. `base` is the inactive XML the user compared it with: when the
   * host's definition is no longer that one, the restore is refused rather than overwriting the newer change.
   */
  'history.restore': uuidRef.extend({ id: entryId, base: xmlDocument }),
} as const;

export interface HistoryResults {
  'history.list': readonly HistoryEntrySummary[];
  'history.entry': HistoryEntry;
  /** The entry the restore itself was recorded as (null if the definition was already that one). */
  'history.restore': { readonly id: string | null };
}
