import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Hangar keeps its data (saved connections, settings, the Demo host's state): `HANGAR_DATA_DIR` when set
 * (tests), else `$XDG_CONFIG_HOME/hangar`, else `~/.config/hangar`. The Electron shell passes its userData folder.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HANGAR_DATA_DIR) return env.HANGAR_DATA_DIR;
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(config, 'hangar');
}
