import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: two levels above this file both in the sources (main/) and in the build (out/main/). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'hangar') return dir;
    } catch {
      // not here; go up
    }
    dir = resolve(dir, '..');
  }
  throw new Error('cannot find Hangar\'s package.json');
}

export const appRoot = findRoot();
export const appVersion = (JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string }).version;
/** The built renderer (vite build). */
export const rendererDir = join(appRoot, 'out', 'renderer');
