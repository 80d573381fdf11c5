import { useEffect, useState } from 'react';
import { useApi } from '../state/hooks.js';

/** Addresses by connection, UUID and run id: a VM asked once per boot. */
const cache = new Map<string, string>();
const pending = new Map<string, Promise<string>>();

/** A running VM's first IP address from the host's DHCP leases, asked when its row is shown and kept. */
export function useIpAddress(connection: string, uuid: string, runId: number): string | undefined {
  const api = useApi();
  const key = `${connection}\n${uuid}\n${runId}`;
  const [value, setValue] = useState<string | undefined>(() => cache.get(key));
  useEffect(() => {
    if (runId < 0) {
      setValue(undefined);
      return;
    }
    const hit = cache.get(key);
    if (hit !== undefined) {
      setValue(hit);
      return;
    }
    let live = true;
    let p = pending.get(key);
    if (!p) {
      p = api.call('domains.interfaceAddresses', { connection, key: uuid, source: 'lease' }).then((ifaces) => {
        const all = ifaces.flatMap((i) => i.addresses);
        return (all.find((a) => a.family === 'ipv4') ?? all[0])?.address ?? '';
      }, () => '');
      pending.set(key, p);
      void p.then((ip) => {
        pending.delete(key);
        cache.set(key, ip);
      });
    }
    void p.then((ip) => {
      if (live) setValue(ip);
    });
    return () => {
      live = false;
    };
  }, [api, connection, uuid, runId, key]);
  return runId < 0 ? undefined : value;
}

/** What the IP column's sort sees: the addresses known so far. */
export function knownIp(connection: string, uuid: string, runId: number): string | undefined {
  return cache.get(`${connection}\n${uuid}\n${runId}`);
}
