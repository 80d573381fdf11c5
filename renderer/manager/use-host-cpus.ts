import { useEffect, useState } from 'react';
import type { HostInfo } from '../../main/api/contract/index.js';
import type { ApiPort } from '../state/api-port.js';
import { useApi } from '../state/hooks.js';

const known = new Map<string, Promise<HostInfo | undefined>>();

/** A host's facts (CPUs, memory), asked once per host (again after a failure). */
function hostInfo(api: ApiPort, connection: string): Promise<HostInfo | undefined> {
  let p = known.get(connection);
  if (!p) {
    p = api.call('connections.hostInfo', { connection }).then((info) => info, () => {
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
    void Promise.all(connections.map(async (c) => [c, (await hostInfo(api, c))?.cpus] as const)).then((pairs) => {
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

/** One host's facts (undefined until known, or when it cannot say). */
export function useHostInfo(connection: string): HostInfo | undefined {
  const api = useApi();
  const [info, setInfo] = useState<HostInfo | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void hostInfo(api, connection).then((i) => {
      if (live) setInfo(i);
    });
    return () => {
      live = false;
    };
  }, [api, connection]);
  return info;
}
