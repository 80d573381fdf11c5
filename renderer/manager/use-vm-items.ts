import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ConnectionView, DomainSummary } from '../../main/api/contract/index.js';
import { useStores } from '../state/hooks.js';
import { connectionName } from './connection-state.js';
import { itemId, type VmItem } from './vm-list-model.js';

/** Every VM of the given connections as one list, re-made only when one host's list changes. */
export function useVmItems(connections: readonly ConnectionView[]): readonly VmItem[] {
  const { domains } = useStores();
  const cache = useRef<{ lists: readonly (readonly DomainSummary[])[]; names: readonly string[]; items: readonly VmItem[] }>({
    lists: [], names: [], items: [],
  });
  const subscribe = useCallback((cb: () => void) => {
    const offs = connections.map((c) => domains.subscribe(c.key, cb));
    return () => offs.forEach((off) => off());
  }, [domains, connections]);
  const snapshot = (): readonly VmItem[] => {
    const lists = connections.map((c) => domains.list(c.key));
    const names = connections.map((c) => connectionName(c));
    const prev = cache.current;
    const same = lists.length === prev.lists.length && lists.every((l, i) => l === prev.lists[i] && names[i] === prev.names[i]);
    if (same) return prev.items;
    const items = connections.flatMap((c, i) => (lists[i] ?? []).map((domain) => ({
      connection: c.key, hostName: names[i] ?? '', domain, id: itemId(c.key, domain.uuid),
    })));
    cache.current = { lists, names, items };
    return items;
  };
  return useSyncExternalStore(subscribe, snapshot);
}
