import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folders osinfo-db is read from, in libosinfo's order, later ones overriding entries of earlier ones:
 * the legacy `$OSINFO_DATA_DIR` (when set), the system database (`$OSINFO_SYSTEM_DIR`, else /usr/share/osinfo,
 * and /usr/local/share/osinfo for a locally installed one), the local one (`$OSINFO_LOCAL_DIR`, else /etc/osinfo)
 * and the user's (`$OSINFO_USER_DIR`, else `$XDG_CONFIG_HOME/osinfo` or ~/.config/osinfo) — where
 * `osinfo-db-import --user` puts a newer database.
 */
export function osinfoSearchPath(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs: string[] = [];
  const legacy = env['OSINFO_DATA_DIR'];
  if (legacy) dirs.push(legacy);
  const system = env['OSINFO_SYSTEM_DIR'];
  if (system) dirs.push(system);
  else dirs.push('/usr/share/osinfo', '/usr/local/share/osinfo');
  dirs.push(env['OSINFO_LOCAL_DIR'] || '/etc/osinfo');
  const config = env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
  dirs.push(env['OSINFO_USER_DIR'] || join(config, 'osinfo'));
  return dirs;
}
