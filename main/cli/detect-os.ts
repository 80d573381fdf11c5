// `hangar detect-os`: the OS of install media as osinfo-db names it, for scripts — a local file, or a volume on a
// host read through its download stream (first sectors only).
import { VirError, type Connection } from '../../drivers/api/index.js';
import type { OsDetection } from '../api/contract/osinfo.js';
import { OsinfoService } from '../services/osinfo/osinfo-service.js';

export const DETECT_HELP = `  detect-os PATH      the osinfo short id of an ISO image (e.g. debian11), from its volume descriptor
  detect-os --pool POOL --volume VOLUME --connect URI
                      the same for a volume on a host, read through its download stream
                      (--json prints the whole answer: descriptor, match, newer release)
`;

export type DetectArgs =
  | { readonly kind: 'file'; readonly path: string; readonly json: boolean }
  | { readonly kind: 'volume'; readonly uri: string; readonly pool: string; readonly volume: string; readonly json: boolean };

export function parseDetectArgs(argv: readonly string[], defaultUri: string | undefined): DetectArgs | string {
  let uri: string | undefined;
  let pool: string | undefined;
  let volume: string | undefined;
  let json = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (flag: string): string | undefined => (a === flag ? argv[++i] : a.startsWith(`${flag}=`) ? a.slice(flag.length + 1) : undefined);
    if (a === '--json') json = true;
    else if (a === '-c' || a === '--connect' || a.startsWith('--connect=')) {
      uri = value(a === '-c' ? '-c' : '--connect');
      if (!uri) return '--connect needs a URI';
    } else if (a === '--pool' || a.startsWith('--pool=')) {
      pool = value('--pool');
      if (!pool) return '--pool needs a pool name';
    } else if (a === '--volume' || a.startsWith('--volume=')) {
      volume = value('--volume');
      if (!volume) return '--volume needs a volume name';
    } else rest.push(a);
  }
  if (pool !== undefined || volume !== undefined) {
    if (!pool || !volume) return 'detect-os needs both --pool and --volume for a volume on a host';
    if (rest.length) return 'detect-os takes a PATH or --pool/--volume, not both';
    return { kind: 'volume', uri: uri ?? defaultUri ?? 'qemu:///system', pool, volume, json };
  }
  if (rest.length !== 1) return 'detect-os needs the path of an ISO image (or --pool and --volume)';
  return { kind: 'file', path: rest[0]!, json };
}

/** What a script reads: the short id on stdout (exit 0), or a plain sentence on stderr (exit 3). */
export function reportDetection(r: OsDetection, version: string, where: string, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  if (!r.descriptor) {
    console.error(`${where}: not an ISO 9660 image (no primary volume descriptor at sector 16); no OS detected.`);
    return 3;
  }
  if (r.match && !r.newer) {
    if (!json) console.log(r.match.os.shortId);
    return 0;
  }
  if (r.newer) {
    console.error(`${where}: volume id "${r.descriptor.volumeId}" looks like ${r.newer.distro} ${r.newer.seenVersion}, newer than osinfo-db ${version} knows; its newest ${r.newer.distro} is ${r.newer.offered.shortId} (${r.newer.offered.name}).`);
    if (r.match && !json) console.log(r.match.os.shortId);
    return r.match ? 0 : 3;
  }
  console.error(`${where}: no OS in osinfo-db ${version} matches volume id "${r.descriptor.volumeId}"${r.descriptor.publisherId ? `, publisher "${r.descriptor.publisherId}"` : ''}.`);
  return 3;
}

export async function detectOs(args: DetectArgs, open: (uri: string) => Promise<Connection>): Promise<number> {
  const osinfo = new OsinfoService();
  try {
    if (args.kind === 'file') return reportDetection(await osinfo.detectFile(args.path), osinfo.db.version, args.path, args.json);
    const conn = await open(args.uri);
    try {
      const pools = await conn.listAllStoragePools();
      const pool = pools.find((p) => p.name === args.pool || p.uuid === args.pool);
      if (!pool) {
        console.error(`error: no storage pool '${args.pool}' on ${args.uri}`);
        return 1;
      }
      const r = await osinfo.detectVolume(conn, pool.uuid, args.volume);
      return reportDetection(r, osinfo.db.version, `${args.pool}/${args.volume}`, args.json);
    } finally {
      await conn.close().catch(() => undefined);
    }
  } catch (e) {
    console.error(`error: ${e instanceof VirError || e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
