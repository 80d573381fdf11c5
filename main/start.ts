// `npm start`: the desktop app in Electron; where Electron's binary is missing (it cannot be downloaded on
// every machine), one line says so and the same UI is served in browser mode instead.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { appRoot } from './app-info.js';
import { serveUntilStopped } from './web/browser-mode.js';

/** Electron's binary, without touching the `electron` module (requiring it would try to download the binary). */
function electronBinary(): string | undefined {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const binary = join(override ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, [appRoot], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
} else {
  console.log("Electron's binary is not installed here (node_modules/electron has no dist/ and it could not be downloaded), so Hangar runs in browser mode instead.");
  await serveUntilStopped();
}
