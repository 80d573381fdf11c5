import type { Connection, DomainSnapshot } from '../../drivers/api/index.js';
import { parseSnapshot } from '../../drivers/xml/index.js';
import type { SnapshotScope, SnapshotSummary } from '../api/contract/index.js';

function kindOf(xml: ReturnType<typeof parseSnapshot>): SnapshotSummary['kind'] {
  if (xml.state === 'disk-snapshot') return 'disk-only';
  if (xml.memorySnapshot === 'external' || xml.disks.some((d) => d.snapshot === 'external')) return 'external';
  return 'internal';
}

async function summarize(snapshot: DomainSnapshot): Promise<SnapshotSummary> {
  const [xml, current] = await Promise.all([snapshot.getXMLDesc(), snapshot.isCurrent()]);
  const model = parseSnapshot(xml);
  return {
    key: snapshot.name,
    name: snapshot.name,
    parent: model.parent ?? null,
    current,
    description: model.description ?? '',
    creationTime: model.creationTime ?? null,
    state: model.state ?? null,
    kind: kindOf(model),
  };
}

const same = (a: SnapshotSummary, b: SnapshotSummary): boolean =>
  a.parent === b.parent && a.current === b.current && a.description === b.description && a.state === b.state && a.kind === b.kind && a.creationTime === b.creationTime;

/**
 * The snapshots of the domains some view has listed. libvirt sends no snapshot events, so after each change
 * made through Hangar (and each domain lifecycle event) the list is read again and what differs goes out as a delta.
 */
export class SnapshotService {
  private readonly known = new Map<string, Map<string, SnapshotSummary>>();

  constructor(
    private readonly connectionOf: (id: string) => Connection,
    private readonly emit: (scope: SnapshotScope, upserted: readonly SnapshotSummary[], removed: readonly string[]) => void,
  ) {}

  private static id(scope: SnapshotScope): string {
    return `${scope.connection}\n${scope.domain}`;
  }

  private async read(scope: SnapshotScope): Promise<SnapshotSummary[]> {
    const domain = await this.connectionOf(scope.connection).domainLookupByUUID(scope.domain);
    return Promise.all((await domain.listAllSnapshots()).map(summarize));
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

  /** Whether a domain's snapshots are being mirrored. */
  isKnown(scope: SnapshotScope): boolean {
    return this.known.has(SnapshotService.id(scope));
  }

  /** A connection went away: its lists are no longer true. */
  forget(connection: string): void {
    for (const id of [...this.known.keys()]) if (id.startsWith(`${connection}\n`)) this.known.delete(id);
  }

  summarize = summarize;
}
