// An install tree's `.treeinfo` (an INI file, written by productmd / pungi and older composes): where the boot
// kernel and initrd of an architecture lie in the tree, and which release the tree is. Pure: no fetching.

export interface TreeInfo {
  /** `[general]`/`[release]` family (e.g. "Fedora", "CentOS Stream"), when the file names one. */
  readonly family?: string;
  readonly version?: string;
  /** The tree's architecture, from `[general]`/`[tree]`. */
  readonly arch?: string;
  /** Paths relative to the tree's root, for the architecture asked for. */
  readonly kernel?: string;
  readonly initrd?: string;
}

type Sections = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** INI as Python's configparser reads it, enough for .treeinfo: `[section]`, `key = value` or `key: value`, `#`/`;` comments. */
export function parseIni(text: string): Sections {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      const name = header[1]!.trim().toLowerCase();
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      continue;
    }
    const eq = /^([^=:]+)[=:](.*)$/.exec(line);
    if (eq && current) current.set(eq[1]!.trim().toLowerCase(), eq[2]!.trim());
  }
  return sections;
}

/** A path inside the tree: relative, no way out of the tree's root (a hostile file must not point elsewhere). */
function treePath(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const p = value.replace(/^\.?\/+/, '');
  if (p === '' || /^[a-z][a-z0-9+.-]*:/i.test(p) || p.split('/').includes('..')) return undefined;
  return p;
}

/** The kernel and initrd for `arch` (libvirt's name, e.g. x86_64), and the release, from a .treeinfo's text. */
export function parseTreeInfo(text: string, arch: string): TreeInfo {
  const ini = parseIni(text);
  const get = (section: string, key: string): string | undefined => ini.get(section)?.get(key) || undefined;
  const images = ini.get(`images-${arch}`);
  const kernel = treePath(images?.get('kernel'));
  const initrd = treePath(images?.get('initrd'));
  const family = get('release', 'name') ?? get('general', 'family');
  const version = get('release', 'version') ?? get('general', 'version');
  const treeArch = get('tree', 'arch') ?? get('general', 'arch');
  return {
    ...(family ? { family } : {}),
    ...(version ? { version } : {}),
    ...(treeArch ? { arch: treeArch } : {}),
    ...(kernel ? { kernel } : {}),
    ...(initrd ? { initrd } : {}),
  };
}
