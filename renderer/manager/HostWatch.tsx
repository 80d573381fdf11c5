import { useHostWatch } from '../state/hooks.js';

/** Holds a host's stats watch while the list shows that host's graphs. */
export function HostWatch({ connection }: { connection: string }): null {
  useHostWatch(connection);
  return null;
}
