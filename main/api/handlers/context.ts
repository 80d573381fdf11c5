import type { CallName, CallResults, ParsedInput } from '../contract/index.js';
import type { ConnectionManager } from '../../services/connection-manager.js';
import type { EditRecorder } from '../../services/edit-history-recorder.js';
import type { JobService } from '../../services/job-service.js';
import type { OsinfoService } from '../../services/osinfo/osinfo-service.js';
import type { PromptBroker } from '../../services/prompt-broker.js';
import type { SecretStore } from '../../services/secret-store.js';
import type { SettingsStore } from '../../services/settings-store.js';
import type { SnapshotService } from '../../services/snapshot-service.js';
import type { StatsService } from '../../services/stats-service.js';
import type { ChannelHub } from '../channels/channel-hub.js';
import type { Revisions } from '../revisions.js';

/** The services the API serves. */
export interface ApiServices {
  readonly manager: ConnectionManager;
  readonly stats: StatsService;
  readonly settings: SettingsStore;
  readonly prompts: PromptBroker;
  readonly jobs: JobService;
  readonly snapshots: SnapshotService;
  /** Each VM's edit history, and the recording of the changes made through the API. */
  readonly history: EditRecorder;
  readonly osinfo: OsinfoService;
  readonly info: CallResults['app.info'];
  /** Remembered passwords (VNC consoles); absent: nothing is remembered. */
  readonly secrets?: SecretStore;
}

/** What the handlers of every namespace work with: the services and the API's revision counter. */
export interface HandlerContext extends ApiServices {
  readonly revisions: Revisions;
}

/** One client's own state: the stats watches it holds and its byte channels (released with it). */
export interface SessionState {
  readonly watches: Map<string, () => void>;
  readonly channels: ChannelHub;
}

export type CallsOf<Namespace extends string> = Extract<CallName, `${Namespace}.${string}`>;

export type Handlers<C extends CallName> = { [K in C]: (input: ParsedInput<K>, session: SessionState) => Promise<CallResults[K]> };

/** Flags for where a change applies: libvirt's AFFECT_LIVE / AFFECT_CONFIG bits, or CURRENT (0) when unsaid. */
export function affectFlags(affect: { live: boolean; config: boolean } | undefined): number {
  if (!affect) return 0;
  return (affect.live ? 1 : 0) | (affect.config ? 2 : 0);
}
