// osinfo.*: the OS database (Debian's osinfo-db, read from its XML on the machine running Hangar) and OS detection
// from install media. Isomorphic: the wizard reads these types.
import { z } from 'zod';
import { connectionId, uuid } from './common.js';
import { installTreeUrl } from './jobs.js';
import { volumeName } from './storage.js';

/** Resources in osinfo-db's units: Hz, bytes. Missing when the database says nothing. */
export interface OsResources {
  readonly cpuHz?: number;
  readonly cpus?: number;
  readonly ram?: number;
  readonly storage?: number;
}

/** One `<media>` rule: the regexes a disc's primary volume descriptor is matched against. */
export interface OsMediaRule {
  readonly arch: string;
  readonly live: boolean;
  readonly installer: boolean;
  readonly volumeId?: string;
  readonly publisherId?: string;
  readonly applicationId?: string;
  readonly systemId?: string;
  readonly volumeSize?: number;
  readonly variants: readonly string[];
}

/** Device support the wizard's defaults depend on (from the OS's supported PCI/USB devices, inherited). */
export interface OsDeviceSupport {
  readonly virtioDisk: boolean;
  readonly virtioNet: boolean;
  readonly virtioGpu: boolean;
  readonly virtioRng: boolean;
  readonly virtioBalloon: boolean;
  readonly virtioInput: boolean;
  readonly virtioScsi: boolean;
  readonly virtioConsole: boolean;
  readonly qemuXhci: boolean;
  readonly usbTablet: boolean;
  /** The OS names the Q35 chipset among its devices. */
  readonly q35: boolean;
}

/** An OS as listed (search results, the wizard's choice). */
export interface OsSummary {
  /** osinfo-db's URI, e.g. http://debian.org/debian/11 */
  readonly id: string;
  /** The first short id (debian11), then the others (debianbullseye). */
  readonly shortId: string;
  readonly shortIds: readonly string[];
  readonly name: string;
  readonly vendor?: string;
  readonly family?: string;
  readonly distro?: string;
  readonly version?: string;
  readonly codename?: string;
  readonly releaseDate?: string;
  readonly eolDate?: string;
  /** prerelease / rolling / snapshot; absent for a release. */
  readonly releaseStatus?: string;
  /** End of life as virt-manager reckons it: past its EOL date, or released over five years ago without one. */
  readonly eol: boolean;
}

export interface OsDetails extends OsSummary {
  readonly derivesFrom?: string;
  readonly upgrades?: string;
  readonly clones?: string;
  /** For x86_64 (or `all`) when the database has them; inherited from the OS it derives from otherwise. */
  readonly minimum: OsResources;
  readonly recommended: OsResources;
  /** Names of the supported devices (virtio1.0-net, qemu-xhci…), inherited. */
  readonly devices: readonly string[];
  readonly support: OsDeviceSupport;
  /** Firmware types per architecture as osinfo-db states them; `supported: false` means the OS refuses it. */
  readonly firmware: readonly { readonly arch: string; readonly type: string; readonly supported: boolean }[];
  /** True when the OS boots only with UEFI on x86_64 (Windows 11). */
  readonly needsUefi: boolean;
  readonly media: readonly OsMediaRule[];
}

/** What an ISO's primary volume descriptor says (fields trimmed of their padding). */
export interface IsoDescriptor {
  readonly systemId: string;
  readonly volumeId: string;
  readonly publisherId: string;
  readonly preparerId: string;
  readonly applicationId: string;
  /** Volume space size × logical block size, in bytes. */
  readonly volumeSize: number;
}

export interface OsDetection {
  /** Null when the media have no ISO 9660 descriptor (not a disc image). */
  readonly descriptor: IsoDescriptor | null;
  /** The OS whose media rule matches, with that rule's architecture. */
  readonly match: { readonly os: OsSummary; readonly arch: string; readonly live: boolean } | null;
  /**
   * No rule matched, but the media look like a later release of a distribution the database knows (e.g. Debian 12
   * against a database whose newest Debian is 11): the version seen and that distribution's newest entry.
   */
  readonly newer: { readonly distro: string; readonly seenVersion: string; readonly offered: OsSummary } | null;
}

export const osinfoId = z.string().trim().min(1, 'an OS id is required').max(500);

export const osinfoCalls = {
  /** Searches names, short ids, vendors and versions; end-of-life systems only when asked. Newest first. */
  'osinfo.list': z.object({
    query: z.string().max(200).optional(),
    includeEol: z.boolean().default(false),
    limit: z.number().int().min(1).max(5000).default(5000),
  }),
  /** An OS by its URI or any of its short ids. */
  'osinfo.get': z.object({ id: osinfoId }),
  /** Reads a volume's first sectors through its download stream and matches them against osinfo-db's media. */
  'osinfo.detect': z.object({ connection: connectionId, pool: uuid, volume: volumeName }),
  /** Reads an install tree's .treeinfo (main fetches it) and matches it against osinfo-db's tree rules. */
  'osinfo.detectTree': z.object({ url: installTreeUrl, arch: z.string().regex(/^[a-z0-9_]{1,32}$/, 'an architecture such as x86_64') }),
} as const;

/** What an install tree's .treeinfo said (null: the tree has none), and the OS it names in osinfo-db. */
export interface TreeDetection {
  readonly treeinfo: { readonly family?: string; readonly version?: string } | null;
  readonly match: OsSummary | null;
}

export interface OsinfoResults {
  'osinfo.list': { readonly version: string; readonly dirs: readonly string[]; readonly items: readonly OsSummary[] };
  'osinfo.get': OsDetails;
  'osinfo.detect': OsDetection;
  'osinfo.detectTree': TreeDetection;
}
