// app.*: the service itself, and what it has to tell the user at start (a damaged file set aside).
import { z } from 'zod';
import type { CollectionList } from './collections.js';
import type { ConnectionView } from './connections.js';
import type { DomainSummary } from './domains.js';
import type { JobView } from './jobs.js';
import type { NetworkSummary } from './networks.js';
import type { NodeDeviceSummary } from './nodedevs.js';
import type { PromptView } from './prompts.js';
import type { Settings } from './settings.js';
import type { PoolSummary } from './storage.js';

export interface AppNoticeView {
  readonly kind: 'connections-file-damaged';
  /** The file that could not be read, and where it was kept. */
  readonly file: string;
  readonly movedTo: string;
  readonly reason: string;
}

export const appCalls = {
  'app.info': z.object({}),
  /** Everything a window shows first, in one answer: it opens with one round trip instead of two rounds of eight. */
  'app.start': z.object({}),
} as const;

/** A connected host's lists, as their own *.list calls give them. */
export interface HostLists {
  readonly connection: string;
  readonly domains: CollectionList<DomainSummary>;
  readonly networks: CollectionList<NetworkSummary>;
  readonly pools: CollectionList<PoolSummary>;
  readonly nodedevs: CollectionList<NodeDeviceSummary>;
}

export interface AppInfo { readonly version: string; readonly mode: 'web' | 'electron'; readonly notices: readonly AppNoticeView[] }

export interface AppResults {
  'app.info': AppInfo;
  'app.start': {
    readonly info: AppInfo;
    readonly settings: Settings;
    readonly connections: CollectionList<ConnectionView>;
    readonly jobs: CollectionList<JobView>;
    readonly prompts: CollectionList<PromptView>;
    /** The hosts connected now; the others' lists come with their connection's events. */
    readonly hosts: readonly HostLists[];
  };
}
