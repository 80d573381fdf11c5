import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway Hangar data folder with the given saved connections (never the user's own). */
export function seededDataDir(connections: ReadonlyArray<{ uri: string; name: string; autoconnect?: boolean }>): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'connections.json'), JSON.stringify({
    version: 1,
    connections: connections.map((c, i) => ({ id: `conn-${i + 1}`, uri: c.uri, name: c.name, autoconnect: c.autoconnect ?? true })),
  }));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
