// A host's recent samples (CPU cores busy, memory in use), kept while the view is open.
import { useEffect, useState } from 'react';
import type { HostSample } from '../../main/api/contract/index.js';
import { STATS_POINTS } from '../state/stats-store.js';
import { useHostWatch, useStores } from '../state/hooks.js';

export function useHostSamples(connection: string): readonly HostSample[] {
  const { stats } = useStores();
  useHostWatch(connection);
  const [samples, setSamples] = useState<readonly HostSample[]>([]);
  useEffect(() => {
    let last: HostSample | undefined;
    const take = (): void => {
      const s = stats.host(connection);
      if (!s || s === last) return;
      last = s;
      setSamples((prev) => [...prev.slice(-(STATS_POINTS - 1)), s]);
    };
    take();
    // The stats store has no per-host subscription; each tick replaces the sample object, so polling finds new ones.
    const timer = setInterval(take, 1000);
    return () => clearInterval(timer);
  }, [stats, connection]);
  return samples;
}
