import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rendererDir } from '../app-info.js';
import { startAppServices, type AppServices } from '../app-services.js';
import type { SecretStore } from '../services/secret-store.js';
import { serveApiSocket } from './api-socket-session.js';
import { WebServer } from './server.js';
import { newToken } from './token.js';

export interface BrowserMode {
  readonly url: string;
  readonly server: WebServer;
  readonly services: AppServices;
  close(): Promise<void>;
}

export interface BrowserModeOptions {
  readonly port?: number;
  readonly dataDir?: string;
  readonly statsIntervalMs?: number;
  /** Browser mode keeps no secrets; tests give it a store to exercise "remember". */
  readonly secrets?: SecretStore;
}

/** Starts browser mode: the services, the built renderer and the API over WebSocket, on loopback with a fresh token. */
export async function startBrowserMode(options: BrowserModeOptions = {}): Promise<BrowserMode> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir} is missing): run \`npm run build\` first.`);
  }
  const services = await startAppServices({ mode: 'web', ...options });
  const server = await WebServer.start({
    staticDir: rendererDir,
    token: newToken(),
    port: options.port ?? Number(process.env.HANGAR_PORT ?? 0),
    onSocket: (socket) => serveApiSocket(socket, services.api),
  });
  return {
    url: server.url,
    server,
    services,
    close: async () => {
      await server.close();
      await services.dispose();
    },
  };
}

/** Serves until SIGINT/SIGTERM, then closes everything. */
export async function serveUntilStopped(): Promise<void> {
  const mode = await startBrowserMode();
  console.log(`Hangar (browser mode) is at ${mode.url}`);
  const stop = (): void => {
    void mode.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
