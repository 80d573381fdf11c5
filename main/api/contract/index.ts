// The API contract between the renderer and main, by namespace: every call's input schema (validated with zod
// at the boundary) and result type, and every event. Isomorphic: the renderer imports only this folder.
import type { z } from 'zod';
import { appCalls, type AppResults } from './app.js';
import { connectionsCalls, type ConnectionsEvent, type ConnectionsResults } from './connections.js';
import { consolesCalls, type ConsolesResults } from './consoles.js';
import { historyCalls, type HistoryResults } from './history.js';
import { domainsCalls, type DomainsEvent, type DomainsResults } from './domains.js';
import { jobsCalls, type JobsEvent, type JobsResults } from './jobs.js';
import { networksCalls, type NetworksEvent, type NetworksResults } from './networks.js';
import { nodedevsCalls, type NodedevsEvent, type NodedevsResults } from './nodedevs.js';
import { osinfoCalls, type OsinfoResults } from './osinfo.js';
import { promptsCalls, type PromptsEvent, type PromptsResults } from './prompts.js';
import { settingsCalls, type SettingsEvent, type SettingsResults } from './settings.js';
import { snapshotsCalls, type SnapshotsEvent, type SnapshotsResults } from './snapshots.js';
import { statsCalls, type StatsEvent, type StatsResults } from './stats.js';
import { storageCalls, type StorageEvent, type StorageResults } from './storage.js';

export * from './app.js';
export * from './collections.js';
export * from './common.js';
export * from './connections.js';
export * from './consoles.js';
export * from './domains.js';
export * from './frames.js';
export * from './history.js';
export * from './jobs.js';
export * from './networks.js';
export * from './nodedevs.js';
export * from './osinfo.js';
export * from './prompts.js';
export * from './settings.js';
export * from './snapshots.js';
export * from './stats.js';
export * from './storage.js';

export const callSchemas = {
  ...appCalls,
  ...connectionsCalls,
  ...domainsCalls,
  ...statsCalls,
  ...networksCalls,
  ...storageCalls,
  ...nodedevsCalls,
  ...snapshotsCalls,
  ...jobsCalls,
  ...consolesCalls,
  ...promptsCalls,
  ...settingsCalls,
  ...historyCalls,
  ...osinfoCalls,
} as const;

export type CallName = keyof typeof callSchemas;
export type CallInput<C extends CallName> = z.input<(typeof callSchemas)[C]>;
export type ParsedInput<C extends CallName> = z.output<(typeof callSchemas)[C]>;

export interface CallResults extends AppResults, ConnectionsResults, DomainsResults, StatsResults, NetworksResults, StorageResults,
  NodedevsResults, SnapshotsResults, JobsResults, ConsolesResults, PromptsResults, SettingsResults,
  HistoryResults, OsinfoResults {}

export type ApiEvent =
  | ConnectionsEvent | DomainsEvent | StatsEvent | NetworksEvent | StorageEvent | NodedevsEvent | SnapshotsEvent
  | JobsEvent | PromptsEvent | SettingsEvent;

/** The event types that mirror a collection, and the summary each carries. */
export type CollectionEvent = Extract<ApiEvent, { readonly rev: number }>;
