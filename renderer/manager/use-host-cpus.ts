import { useEffect, useState } from 'react';
import type { ApiPort } from '../state/api-port.js';
import { useApi } from '../state/hooks.js';

const known = new Map<string, Promise<number | undefined>>();

function hostCpus(api: ApiPort, connection: string): Promise<number | undefined> {
  let p = known.get(connection);
  if (!p) {
    p = api.call('connections.hostInfo', { connection }).then((info) => info.cpus, () => {
      known.delete(connection);
      return undefined;
    });
    known.set(connection, p);
  }
  return p;
}

/** Each connected host's CPU count (for host CPU usage), asked once per host. */
export function useHostCpus(connections: readonly string[]): ReadonlyMap<string, number> {
  const api = useApi();
  const [cpus, setCpus] = useState<ReadonlyMap<string, number>>(new Map());
  const key = connections.join('\n');
  useEffect(() => {
    let live = true;
    void Promise.all(connections.map(async (c) => [c, await hostCpus(api, c)] as const)).then((pairs) => {
      if (!live) return;
      const next = new Map<string, number>();
      for (const [c, n] of pairs) if (n) next.set(c, n);
      setCpus(next);
    });
    return () => {
      live = false;
    };
  }, [api, key]);
  return cpus;
}
