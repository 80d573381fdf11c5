// Matching an install tree's .treeinfo (family, version, arch) against osinfo-db's <tree><treeinfo> rules. The
// rules are regular expressions, found anywhere in the value as libosinfo does; a rule matching the whole value
// wins over one found inside it, so Fedora "36" is not taken for a rule of version "3".
import type { OsSummary } from '../../api/contract/osinfo.js';
import type { TreeInfo } from '../install-tree/treeinfo.js';
import type { OsinfoDb } from './osinfo-db.js';

function test(pattern: string | undefined, value: string | undefined, whole: boolean): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  try {
    return new RegExp(whole ? `^(?:${pattern})$` : pattern).test(value);
  } catch {
    return false; // a pattern JavaScript cannot read matches nothing
  }
}

/** The OS whose tree rules the .treeinfo meets for `arch`; null when none does (or the file names no family). */
export function identifyTree(db: OsinfoDb, info: TreeInfo, arch: string): OsSummary | null {
  if (!info.family) return null;
  for (const whole of [true, false]) {
    for (const os of db.all()) {
      const rules = db.raw(os.id)?.trees ?? [];
      const hit = rules.some((r) => (r.arch === 'all' || r.arch === arch)
        && test(r.family, info.family, whole) && test(r.version, info.version, whole) && test(r.treeArch, info.arch, whole));
      if (hit) return os;
    }
  }
  return null;
}
