// What every case group receives: the connection of the current case (a fresh host per case), the backend's
// features, and the `it` to declare cases with (a run may take only some of them).
import type { Connection } from '../../drivers/api/index.js';
import type { Backend, Features } from './target.js';

export type CaseFn = () => Promise<void>;

/** The part of vitest's `it` the cases use; the suite decides which declared cases are registered. */
export interface CaseApi {
  (name: string, fn: CaseFn): void;
  /** A case that needs a feature the backend may lack (skipped where it does). */
  runIf(condition: boolean): (name: string, fn: CaseFn) => void;
}

export interface SuiteScope {
  readonly backend: Backend;
  readonly features: Features;
  readonly it: CaseApi;
  /** How long a freshly started guest may take to print its boot log and reach its shell. */
  readonly guestBootMs: number;
  /** The current case's connection. */
  conn(): Connection;
}
