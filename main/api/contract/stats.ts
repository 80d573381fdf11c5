// stats.*: live rates of a host's domains, sampled only while some view watches that host.
import { z } from 'zod';
import { connectionId, uuid } from './common.js';
import type { DomainSample } from './stats-layout.js';

export * from './stats-layout.js';

export const statsCalls = {
  /** Holds (or releases) this client's watch of a host; ticks flow while any client holds one. */
  'stats.watch': z.object({ connection: connectionId, watch: z.boolean() }),
  'stats.history': z.object({ connection: connectionId, key: uuid }),
} as const;

export interface StatsResults {
  'stats.watch': null;
  'stats.history': readonly DomainSample[];
}

