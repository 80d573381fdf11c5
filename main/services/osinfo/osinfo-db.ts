// osinfo-db as Hangar reads it: the XML of every folder of the search path, loaded once on first use, OSes with
// their inherited devices, resources and firmware resolved. No OS table of Hangar's own.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OsDetails, OsDeviceSupport, OsResources, OsSummary } from '../../api/contract/osinfo.js';
import { osinfoSearchPath } from './osinfo-paths.js';
import { parseDeviceFile, parseOsFile, parseVersion, type RawOs } from './osinfo-xml.js';

function xmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      let isDir = false;
      try {
        isDir = statSync(p).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(p);
      else if (name.endsWith('.xml')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const FIVE_YEARS_MS = 5 * 365.25 * 24 * 3600 * 1000;

/** virt-manager's reckoning: past the EOL date; without one, released more than five years ago; rolling never. */
export function isEol(os: Pick<RawOs, 'eolDate' | 'releaseDate' | 'releaseStatus'>, today: Date): boolean {
  if (os.releaseStatus === 'rolling') return false;
  if (os.eolDate) return Date.parse(os.eolDate) < today.getTime();
  if (os.releaseDate) return today.getTime() - Date.parse(os.releaseDate) > FIVE_YEARS_MS;
  return false;
}

/** Compares dotted versions numerically ("11" < "11.1" < "12"); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/);
  const pb = b.split(/[.-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isFinite(nx) && Number.isFinite(ny)) {
      if (nx !== ny) return nx - ny;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** An OS entry with nothing numeric to compare: testing, rawhide, unknown, rolling… */
export function isNumberedRelease(os: OsSummary): boolean {
  return !!os.version && /^\d+(\.\d+)*$/.test(os.version) && !os.releaseStatus && !os.shortId.endsWith('-unknown');
}

export class OsinfoDb {
  private loaded: { version: string; oses: Map<string, RawOs>; devices: Map<string, string>; order: OsSummary[] } | undefined;
  private readonly details = new Map<string, OsDetails>();

  constructor(readonly dirs: readonly string[] = osinfoSearchPath(), private readonly today: () => Date = () => new Date()) {}

  private load() {
    if (this.loaded) return this.loaded;
    const oses = new Map<string, RawOs>();
    const devices = new Map<string, string>();
    let version = '';
    for (const dir of this.dirs) {
      for (const file of xmlFiles(join(dir, 'device'))) {
        try {
          for (const [id, name] of parseDeviceFile(readFileSync(file, 'utf8'))) devices.set(id, name);
        } catch {
          // A broken file costs its own entries only, as with libosinfo.
        }
      }
      for (const file of xmlFiles(join(dir, 'os'))) {
        try {
          for (const os of parseOsFile(readFileSync(file, 'utf8'))) oses.set(os.id, os);
        } catch {
          // idem
        }
      }
      const stamp = join(dir, 'VERSION');
      if (existsSync(stamp)) {
        const v = parseVersion(readFileSync(stamp, 'utf8'));
        if (v > version) version = v;
      }
    }
    const today = this.today();
    const order = [...oses.values()].map((os) => this.summaryOf(os, today));
    order.sort((a, b) => (b.releaseDate ?? '').localeCompare(a.releaseDate ?? '') || a.name.localeCompare(b.name));
    this.loaded = { version, oses, devices, order };
    return this.loaded;
  }

  private summaryOf(os: RawOs, today: Date): OsSummary {
    const s: Record<string, unknown> = {
      id: os.id, shortId: os.shortIds[0] ?? os.id, shortIds: os.shortIds, name: os.name, eol: isEol(os, today),
    };
    for (const k of ['vendor', 'family', 'distro', 'version', 'codename', 'releaseDate', 'eolDate', 'releaseStatus'] as const) {
      if (os[k] !== undefined) s[k] = os[k];
    }
    return s as unknown as OsSummary;
  }

  /** The database's version (its newest VERSION stamp) and every OS, newest release first. */
  get version(): string {
    return this.load().version;
  }

  all(): readonly OsSummary[] {
    return this.load().order;
  }

  raw(id: string): RawOs | undefined {
    return this.load().oses.get(id);
  }

  /** Every word of the query must appear in the name, a short id, the vendor, distro, codename or version. */
  search(query: string | undefined, includeEol: boolean, limit = Infinity): OsSummary[] {
    const words = (query ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const out: OsSummary[] = [];
    for (const os of this.all()) {
      if (!includeEol && os.eol) continue;
      if (words.length) {
        const hay = [os.name, os.vendor, os.distro, os.codename, os.version, ...os.shortIds].join(' ').toLowerCase();
        if (!words.every((w) => hay.includes(w))) continue;
      }
      out.push(os);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** By URI or by any short id. */
  find(idOrShortId: string): OsSummary | undefined {
    const { oses } = this.load();
    const os = oses.get(idOrShortId);
    if (os) return this.all().find((s) => s.id === os.id);
    return this.all().find((s) => s.shortIds.includes(idOrShortId));
  }

  /** The chain an OS inherits from (itself first): derives-from, then clones. */
  private lineage(os: RawOs): RawOs[] {
    const { oses } = this.load();
    const out: RawOs[] = [];
    const seen = new Set<string>();
    const queue: RawOs[] = [os];
    while (queue.length) {
      const next = queue.shift()!;
      if (seen.has(next.id)) continue;
      seen.add(next.id);
      out.push(next);
      for (const rel of [next.derivesFrom, next.clones]) {
        const parent = rel ? oses.get(rel) : undefined;
        if (parent) queue.push(parent);
      }
    }
    return out;
  }

  get(idOrShortId: string): OsDetails | undefined {
    const summary = this.find(idOrShortId);
    if (!summary) return undefined;
    const cached = this.details.get(summary.id);
    if (cached) return cached;
    const { devices: deviceNames } = this.load();
    const os = this.raw(summary.id)!;
    const lineage = this.lineage(os);
    // Devices: the nearest statement about a device wins (supported="false" drops an inherited one).
    const stated = new Map<string, boolean>();
    for (const o of lineage) for (const [id, ok] of o.devices) if (!stated.has(id)) stated.set(id, ok);
    const devices = [...stated].filter(([, ok]) => ok).map(([id]) => deviceNames.get(id) ?? id);
    const pick = (which: 'minimum' | 'recommended'): OsResources => {
      for (const o of lineage) {
        const r = o[which].get('x86_64') ?? o[which].get('all');
        if (r && Object.keys(r).length) return r;
      }
      return {};
    };
    const firmware = new Map<string, { arch: string; type: string; supported: boolean }>();
    for (const o of lineage) for (const f of o.firmware) if (!firmware.has(`${f.arch}/${f.type}`)) firmware.set(`${f.arch}/${f.type}`, f);
    const has = (...names: string[]) => names.some((n) => devices.includes(n));
    const support: OsDeviceSupport = {
      virtioDisk: has('virtio-block', 'virtio1.0-block'),
      virtioNet: has('virtio-net', 'virtio1.0-net'),
      virtioGpu: has('virtio1.0-gpu'),
      virtioRng: has('virtio-rng', 'virtio1.0-rng'),
      virtioBalloon: has('virtio-balloon', 'virtio1.0-balloon'),
      virtioInput: has('virtio1.0-input'),
      virtioScsi: has('virtio-scsi', 'virtio1.0-scsi'),
      virtioConsole: has('virtio-console', 'virtio1.0-console'),
      qemuXhci: has('qemu-xhci'),
      usbTablet: has('tablet'),
      q35: has('qemu-x86-q35'),
    };
    const fw = [...firmware.values()];
    const details: OsDetails = {
      ...summary,
      ...(os.derivesFrom ? { derivesFrom: os.derivesFrom } : {}),
      ...(os.upgrades ? { upgrades: os.upgrades } : {}),
      ...(os.clones ? { clones: os.clones } : {}),
      minimum: pick('minimum'),
      recommended: pick('recommended'),
      devices,
      support,
      firmware: fw,
      needsUefi: fw.some((f) => f.arch === 'x86_64' && f.type === 'bios' && !f.supported),
      media: os.media,
    };
    this.details.set(summary.id, details);
    return details;
  }
}
