// The one way views read state: hooks over the app's stores. Each subscribes to just the slice it returns
// and unsubscribes with the component; none talks to the API's event stream itself.
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type {
  ConnectionView, DomainSample, DomainSummary, HostSample, JobView, NetworkSummary, NodeDeviceSummary, PoolSummary, PromptView, Settings,
  SnapshotSummary,
} from '../../main/api/contract/index.js';
import type { LinkStatus } from './api-client.js';
import type { ApiPort } from './api-port.js';
import { APP, snapshotScope } from './app-stores.js';
import type { CollectionStore } from './collection-store.js';
import type { Notification, NotificationInput } from './notifications-store.js';
import { useStores } from './StoresProvider.js';

export { StoresProvider, useStores } from './StoresProvider.js';

/** An object on a host: its connection's id and its key (a domain's UUID). */
export interface Ref {
  readonly connection: string;
  readonly key: string;
}

function useList<T extends { key: string }>(store: CollectionStore<T>, scope: string): readonly T[] {
  const subscribe = useCallback((cb: () => void) => store.subscribe(scope, cb), [store, scope]);
  return useSyncExternalStore(subscribe, () => store.list(scope));
}

function useItem<T extends { key: string }>(store: CollectionStore<T>, scope: string, key: string): T | undefined {
  const subscribe = useCallback((cb: () => void) => store.subscribe(scope, cb), [store, scope]);
  return useSyncExternalStore(subscribe, () => store.get(scope, key));
}

/** The API client, for calls. */
export function useApi(): ApiPort {
  return useStores().api;
}

export function useLinkStatus(): LinkStatus {
  const { link } = useStores();
  return useSyncExternalStore(link.subscribe, link.get);
}

export function useSettings(): Settings | undefined {
  const { settings } = useStores();
  return useSyncExternalStore(settings.subscribe, settings.get);
}

export function useConnections(): readonly ConnectionView[] {
  return useList(useStores().connections, APP);
}

export function useConnection(id: string): ConnectionView | undefined {
  return useItem(useStores().connections, APP, id);
}

export function useDomains(connection: string): readonly DomainSummary[] {
  return useList(useStores().domains, connection);
}

export function useDomain(ref: Ref): DomainSummary | undefined {
  return useItem(useStores().domains, ref.connection, ref.key);
}

export function useNetworks(connection: string): readonly NetworkSummary[] {
  return useList(useStores().networks, connection);
}

export function usePools(connection: string): readonly PoolSummary[] {
  return useList(useStores().pools, connection);
}

export function useNodeDevices(connection: string): readonly NodeDeviceSummary[] {
  return useList(useStores().nodedevs, connection);
}

/** A domain's snapshots; listed from the host the first time a view asks. */
export function useSnapshots(connection: string, domain: string): readonly SnapshotSummary[] {
  const stores = useStores();
  useEffect(() => {
    stores.loadSnapshots(connection, domain).catch((e: unknown) => {
      stores.notifications.push({ variant: 'danger', title: e instanceof Error ? e.message : String(e) });
    });
  }, [stores, connection, domain]);
  return useList(stores.snapshots, snapshotScope(connection, domain));
}

export function useJobs(): readonly JobView[] {
  return useList(useStores().jobs, APP);
}

export function usePrompts(): readonly PromptView[] {
  return useList(useStores().prompts, APP);
}

/** Holds the host's stats watch while the component is mounted (and `live`): the service samples only watched hosts. */
export function useHostWatch(connection: string, live = true): void {
  const { stats } = useStores();
  useEffect(() => (live ? stats.watch(connection) : undefined), [stats, connection, live]);
}

const NO_SAMPLES: readonly DomainSample[] = [];
const unsubscribed = (): (() => void) => () => undefined;

/**
 * One VM's stats history (oldest first), live; holds its host's watch while mounted. With `live` false it watches,
 * loads and subscribes to nothing and gives no samples: a component that stays mounted for a VM that is not running.
 */
export function useStats(ref: Ref, live = true): readonly DomainSample[] {
  const { stats } = useStores();
  const { connection, key } = ref;
  useHostWatch(connection, live);
  useEffect(() => {
    if (live) stats.loadHistory(connection, key).catch(() => undefined);
  }, [stats, connection, key, live]);
  const subscribe = useCallback((cb: () => void) => (live ? stats.subscribe(connection, key, cb) : unsubscribed()), [stats, connection, key, live]);
  return useSyncExternalStore(subscribe, () => (live ? stats.history(connection, key) : NO_SAMPLES));
}

/** A host's sums over its VMs (CPU cores busy, memory, disk and network rates), live; holds its watch while mounted. */
export function useHostStats(connection: string): readonly HostSample[] {
  const { stats } = useStores();
  useHostWatch(connection);
  const subscribe = useCallback((cb: () => void) => stats.subscribeHost(connection, cb), [stats, connection]);
  return useSyncExternalStore(subscribe, () => stats.hostHistory(connection));
}

export interface NotificationsApi {
  readonly items: readonly Notification[];
  readonly unread: number;
  push(n: NotificationInput): void;
  dismiss(id: string): void;
  markAllRead(): void;
  clear(): void;
}

export function useNotifications(): NotificationsApi {
  const { notifications } = useStores();
  const items = useSyncExternalStore(notifications.subscribe, notifications.getSnapshot);
  return useMemo(() => ({
    items,
    unread: items.filter((n) => !n.read).length,
    push: (n: NotificationInput) => {
      notifications.push(n);
    },
    dismiss: (id: string) => notifications.dismiss(id),
    markAllRead: () => notifications.markAllRead(),
    clear: () => notifications.clear(),
  }), [items, notifications]);
}

/** Waits for a job to end (done, failed or cancelled), reading the jobs store the events keep current. */
export function useJobWait(): (jobId: string) => Promise<JobView> {
  const { jobs } = useStores();
  return useCallback((jobId: string) => new Promise<JobView>((resolve) => {
    const ended = (): boolean => {
      const j = jobs.get(APP, jobId);
      if (!j || j.state === 'running') return false;
      resolve(j);
      return true;
    };
    if (ended()) return;
    const stop = jobs.subscribe(APP, () => {
      if (ended()) stop();
    });
  }), [jobs]);
}
