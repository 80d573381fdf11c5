import { openConnection } from '../drivers/index.js';
import { ApiService } from './api/api-service.js';
import { appVersion } from './app-info.js';
import { ConnectionManager } from './services/connection-manager.js';
import { ConnectionStore } from './services/connection-store.js';
import { defaultDataDir } from './services/data-dir.js';
import { SettingsStore } from './services/settings-store.js';
import { StatsService } from './services/stats-service.js';

export interface AppServices {
  readonly api: ApiService;
  readonly manager: ConnectionManager;
  readonly stats: StatsService;
  dispose(): Promise<void>;
}

/** Wires the services together; the Electron shell and the browser mode each own one of these. */
export async function startAppServices(options: { dataDir?: string; mode: 'web' | 'electron'; statsIntervalMs?: number }): Promise<AppServices> {
  // The services report to the API, which needs them first: events go through this late-bound sink.
  const sink: { api?: ApiService } = {};
  const dataDir = options.dataDir ?? defaultDataDir();
  const settings = new SettingsStore(dataDir);
  const manager = new ConnectionManager(new ConnectionStore(dataDir), openConnection, (e) => sink.api?.managerEvent(e));
  const stats = new StatsService((id) => {
    try {
      return manager.connection(id);
    } catch {
      return undefined;
    }
  }, (tick) => sink.api?.statsTick(tick), options.statsIntervalMs ?? settings.get().statsIntervalSeconds * 1000);
  const services = new ApiService(manager, stats, settings, { version: appVersion, mode: options.mode });
  sink.api = services;
  void manager.start();
  return {
    api: services,
    manager,
    stats,
    dispose: async () => {
      stats.stop();
      services.dispose();
      await manager.dispose();
    },
  };
}
