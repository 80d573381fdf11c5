import type { Connection, DomainSnapshot } from '../../drivers/api/index.js';
import { parseDomain, parseSnapshot, type SnapshotXml } from '../../drivers/xml/index.js';
import type { SnapshotScope, SnapshotSummary, SnapshotSupport } from '../api/contract/index.js';
import type { SnapshotScreenshots } from './snapshot-screenshots.js';

/** libvirt's kinds, as virt-manager names them: where the memory state and the disks' changes are kept. */
export function kindOf(xml: SnapshotXml): SnapshotSummary['kind'] {
  const externalDisks = xml.disks.some((d) => d.snapshot === 'external');
  if (xml.state === 'disk-snapshot') return 'disk-only';
  if (xml.memorySnapshot === 'external') return externalDisks ? 'external' : 'memory-only';
  // External overlays without a memory state (a shut-off VM's, or --disk-only): only the disks are kept.
  if (externalDisks) return 'disk-only';
  return 'internal';
}

const same = (a: SnapshotSummary, b: SnapshotSummary): boolean =>
  a.parent === b.parent && a.current === b.current && a.description === b.description && a.state === b.state && a.kind === b.kind
  && a.creationTime === b.creationTime && a.hasScreenshot === b.hasScreenshot;

/** Versions as libvirt encodes them. */
const V = (major: number, minor: number): number => major * 1_000_000 + minor * 1_000;

/**
 * The snapshots of the domains some view has listed. libvirt sends no snapshot events, so after each change
 * made through Hangar (and each domain lifecycle event) the list is read again and what differs goes out as a delta.
 */
export class SnapshotService {
  private readonly known = new Map<string, Map<string, SnapshotSummary>>();

  constructor(
    private readonly connectionOf: (id: string) => Connection,
    private readonly emit: (scope: SnapshotScope, upserted: readonly SnapshotSummary[], removed: readonly string[]) => void,
    readonly screenshots?: SnapshotScreenshots,
  ) {}

  private static id(scope: SnapshotScope): string {
    return `${scope.connection}\n${scope.domain}`;
  }

  async summarize(scope: SnapshotScope, snapshot: DomainSnapshot): Promise<SnapshotSummary> {
    const [xml, current, hasScreenshot] = await Promise.all([
      snapshot.getXMLDesc(), snapshot.isCurrent(),
      this.screenshots?.has(scope.connection, scope.domain, snapshot.name) ?? Promise.resolve(false),
    ]);
    const model = parseSnapshot(xml);
    const memoryFile = model.memorySnapshot === 'external' ? model.element.child('memory')?.attr('file') ?? null : null;
    return {
      key: snapshot.name,
      name: snapshot.name,
      parent: model.parent ?? null,
      current,
      description: model.description ?? '',
      creationTime: model.creationTime ?? null,
      state: model.state ?? null,
      kind: kindOf(model),
      memoryFile,
      diskFiles: model.disks.flatMap((d) => (d.snapshot === 'external' && d.sourceFile !== undefined ? [{ target: d.name, file: d.sourceFile }] : [])),
      hasScreenshot,
    };
  }

  private async read(scope: SnapshotScope): Promise<SnapshotSummary[]> {
    const domain = await this.connectionOf(scope.connection).domainLookupByUUID(scope.domain);
    return Promise.all((await domain.listAllSnapshots()).map((s) => this.summarize(scope, s)));
  }

  /** Reads the list, remembers it, and answers it. */
  async list(scope: SnapshotScope): Promise<SnapshotSummary[]> {
    const items = await this.read(scope);
    this.known.set(SnapshotService.id(scope), new Map(items.map((s) => [s.key, s])));
    return items;
  }

  /** Reads a listed domain's snapshots again and reports what changed. Unlisted domains cost nothing. */
  async refresh(scope: SnapshotScope): Promise<void> {
    const id = SnapshotService.id(scope);
    const before = this.known.get(id);
    if (!before) return;
    const items = await this.read(scope);
    const now = new Map(items.map((s) => [s.key, s]));
    this.known.set(id, now);
    const upserted = items.filter((s) => { const old = before.get(s.key); return !old || !same(old, s); });
    const removed = [...before.keys()].filter((k) => !now.has(k));
    if (upserted.length > 0 || removed.length > 0) this.emit(scope, upserted, removed);
  }

  /**
   * What the host's libvirt can do with this domain's snapshots: internal ones need every writable disk in
   * qcow2, and for UEFI (pflash) firmware libvirt 10.10; external ones are reverted since 9.9, deleted since 9.7.
   * The Demo host (the test driver) keeps snapshots as metadata only and allows them all.
   */
  async support(scope: SnapshotScope): Promise<SnapshotSupport> {
    const connection = this.connectionOf(scope.connection);
    const domain = await connection.domainLookupByUUID(scope.domain);
    const [libVersion, xml, running, uri] = await Promise.all([
      connection.getLibVersion(), domain.getXMLDesc(), domain.isActive(), connection.getURI(),
    ]);
    const model = parseDomain(xml);
    const demo = uri.startsWith('test:');
    const disks = model.disks.filter((d) => d.device !== 'cdrom' && d.device !== 'floppy' && !d.readonly).map((d) => {
      const src = d.source;
      const file = src?.type === 'file' ? src.file : null;
      return { target: d.targetDev ?? '', file, format: d.format ?? null };
    });
    const nonQcow2 = demo ? [] : disks.filter((d) => d.format !== 'qcow2').map((d) => d.target);
    const loader = model.os?.loader;
    const uefi = model.os?.firmware === 'efi' || loader?.type === 'pflash';
    let internal: SnapshotSupport['internal'] = null;
    if (!demo && uefi && libVersion < V(10, 10)) internal = 'uefi-old-libvirt';
    else if (nonQcow2.length > 0) internal = 'not-qcow2';
    return {
      libVersion,
      internal,
      nonQcow2,
      externalRevert: demo || libVersion >= V(9, 9),
      externalDelete: demo || libVersion >= V(9, 7),
      disks,
      running,
    };
  }

  /** Whether a domain's snapshots are being mirrored. */
  isKnown(scope: SnapshotScope): boolean {
    return this.known.has(SnapshotService.id(scope));
  }

  /** A connection went away: its lists are no longer true. */
  forget(connection: string): void {
    for (const id of [...this.known.keys()]) if (id.startsWith(`${connection}\n`)) this.known.delete(id);
  }
}
