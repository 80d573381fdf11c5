import { join } from 'node:path';
import { openConnection, type DriverOpenOptions } from '../drivers/index.js';
import { ApiService } from './api/api-service.js';
import { appVersion } from './app-info.js';
import type { AppNotice } from './services/app-notice.js';
import { ConnectionManager } from './services/connection-manager.js';
import { ConnectionStore } from './services/connection-store.js';
import { defaultDataDir } from './services/data-dir.js';
import { EditHistory } from './services/edit-history.js';
import { EditRecorder, managerEditSource } from './services/edit-history-recorder.js';
import type { Opener } from './services/host-connection.js';
import { JobService } from './services/job-service.js';
import { OsinfoService } from './services/osinfo/osinfo-service.js';
import { PromptBroker } from './services/prompt-broker.js';
import { UnsavedSecretStore, type SecretStore } from './services/secret-store.js';
import { SettingsStore } from './services/settings-store.js';
import { SnapshotScreenshots } from './services/snapshot-screenshots.js';
import { SnapshotService } from './services/snapshot-service.js';
import { openWithSshPrompts, sshSecretPrefix } from './services/ssh-prompts.js';
import { StatsService } from './services/stats-service.js';

export interface AppServices {
  readonly api: ApiService;
  readonly manager: ConnectionManager;
  readonly stats: StatsService;
  /** What start-up found that the user should be told (e.g. a damaged connections file, moved aside). */
  readonly notices: readonly AppNotice[];
  dispose(): Promise<void>;
}

/** Wires the services together; the Electron shell and the browser mode each own one of these. */
export async function startAppServices(options: {
  dataDir?: string;
  mode: 'web' | 'electron';
  statsIntervalMs?: number;
  /** Where remembered passwords go: Electron's safeStorage-backed file; browser mode keeps none. */
  secrets?: SecretStore;
}): Promise<AppServices> {
  // The services report to the API, which needs them first: events go through this late-bound sink.
  const sink: { api?: ApiService } = {};
  const dataDir = options.dataDir ?? defaultDataDir();
  const settings = new SettingsStore(dataDir);
  const prompts = new PromptBroker((e) => sink.api?.promptEvent(e), () => sink.api?.hasSessions() ?? false);
  const secrets = options.secrets ?? new UnsavedSecretStore();
  const open: Opener = (uri, openOptions) => {
    // The Demo host keeps the user's experiments across restarts in the data folder.
    const stateDir = uri === 'test:///default' ? { stateDir: join(dataDir, 'demo-host') } : {};
    return openWithSshPrompts(uri, prompts, secrets, (ssh) => {
      const options: DriverOpenOptions = { ...openOptions, ...stateDir, ssh };
      return openConnection(uri, options);
    });
  };
  const store = new ConnectionStore(dataDir);
  const notices: AppNotice[] = store.recovered ? [{ kind: 'connections-file-damaged', ...store.recovered }] : [];
  const manager = new ConnectionManager(store, open, (e) => sink.api?.managerEvent(e), (saved) => {
    // A removed connection takes its remembered secrets with it.
    secrets.forgetAll(sshSecretPrefix(saved.uri)).catch(() => undefined);
  });
  const stats = new StatsService((id) => {
    try {
      return manager.connection(id);
    } catch {
      return undefined;
    }
  }, (tick) => sink.api?.statsTick(tick), options.statsIntervalMs ?? settings.get().stats.intervalSeconds * 1000, settings.get().stats);
  const jobs = new JobService((job) => sink.api?.jobEvent(job), (id) => sink.api?.jobForgotten(id));
  const snapshots = new SnapshotService((id) => manager.connection(id), (scope, upserted, removed) => sink.api?.snapshotsChanged(scope, upserted, removed), new SnapshotScreenshots(dataDir));
  const history = new EditRecorder(new EditHistory(dataDir, {
    onDamaged: (file, movedTo, reason) => console.warn(`Hangar: the edit history ${file} could not be read (${reason}); moved to ${movedTo}.`),
  }), managerEditSource(manager), (e) => console.warn('Hangar: the edit history could not record a change:', e));
  const services = new ApiService({ manager, stats, settings, prompts, jobs, snapshots, history, osinfo: new OsinfoService(), secrets, info: { version: appVersion, mode: options.mode, notices } });
  sink.api = services;
  void manager.start();
  return {
    api: services,
    manager,
    stats,
    notices,
    dispose: async () => {
      stats.stop();
      prompts.dispose();
      jobs.dispose();
      services.dispose();
      await manager.dispose();
    },
  };
}
