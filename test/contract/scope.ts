// What every case group receives: the connection of the current case (a fresh host per case) and the
// backend's features.
import type { Connection } from '../../drivers/api.js';
import type { Backend, Features } from './target.js';

export interface SuiteScope {
  readonly backend: Backend;
  readonly features: Features;
  /** The current case's connection. */
  conn(): Connection;
}
