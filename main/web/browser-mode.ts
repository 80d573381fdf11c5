import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appVersion, rendererDir } from '../app-info.js';
import { WebServer } from './server.js';
import { newToken } from './token.js';

/** Starts browser mode: the built renderer and the API on loopback with a fresh token. */
export async function startBrowserMode(port = Number(process.env.HANGAR_PORT ?? 0)): Promise<WebServer> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir} is missing): run \`npm run build\` first.`);
  }
  return WebServer.start({
    staticDir: rendererDir,
    token: newToken(),
    port,
    onSocket: (socket) => {
      socket.send(JSON.stringify({ type: 'hello', app: 'hangar', version: appVersion }));
    },
  });
}

/** Serves until SIGINT/SIGTERM, then closes everything. */
export async function serveUntilStopped(): Promise<void> {
  const server = await startBrowserMode();
  console.log(`Hangar (browser mode) is at ${server.url}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
