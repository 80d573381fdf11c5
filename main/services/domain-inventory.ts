import type { AsyncDisposable, Connection, Domain } from '../../drivers/api.js';
import { isVirError, VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_ERR_NO_DOMAIN } from '../../drivers/api.js';

import type { DomainSummary } from '../api/contract.js';

export type { DomainSummary };

export interface DomainChanges {
  readonly upserted: readonly DomainSummary[];
  readonly removed: readonly string[];
}

async function summarize(domain: Domain): Promise<DomainSummary> {
  const [{ state, reason }, persistent] = await Promise.all([domain.getState(), domain.isPersistent()]);
  return { uuid: domain.uuid, name: domain.name, id: domain.id, state, reason, persistent };
}

/**
 * A host's domains, kept current by lifecycle events: an event re-reads only the domain it names. Listening
 * starts before the first listing, so nothing that happens meanwhile is missed.
 */
export class DomainInventory {
  private readonly domains = new Map<string, DomainSummary>();
  private readonly refreshing = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private registration: AsyncDisposable | undefined;
  private disposed = false;

  private constructor(private readonly connection: Connection, private readonly onChange: (changes: DomainChanges) => void) {}

  static async load(connection: Connection, onChange: (changes: DomainChanges) => void): Promise<DomainInventory> {
    const inventory = new DomainInventory(connection, onChange);
    inventory.registration = await connection.domainEventRegisterAny(VIR_DOMAIN_EVENT_ID_LIFECYCLE, (e) => inventory.refresh(e.domain.uuid));
    const all = await connection.listAllDomains();
    const summaries = await Promise.all(all.map((d) => summarize(d).catch((e: unknown) => {
      if (isVirError(e, VIR_ERR_NO_DOMAIN)) return undefined; // undefined while we looked
      throw e;
    })));
    for (const s of summaries) if (s) inventory.domains.set(s.uuid, s);
    return inventory;
  }

  list(): DomainSummary[] {
    return [...this.domains.values()];
  }

  get(uuid: string): DomainSummary | undefined {
    return this.domains.get(uuid);
  }

  /** Re-reads one domain; overlapping requests for the same domain collapse into one more read. */
  refresh(uuid: string): Promise<void> {
    const running = this.refreshing.get(uuid);
    if (running) {
      this.again.add(uuid);
      return running;
    }
    const task = this.read(uuid).finally(() => {
      this.refreshing.delete(uuid);
      if (this.again.delete(uuid)) void this.refresh(uuid);
    });
    this.refreshing.set(uuid, task);
    return task;
  }

  private async read(uuid: string): Promise<void> {
    if (this.disposed) return;
    try {
      const summary = await summarize(await this.connection.domainLookupByUUID(uuid));
      if (this.disposed) return;
      this.domains.set(uuid, summary);
      this.onChange({ upserted: [summary], removed: [] });
    } catch (e) {
      if (this.disposed) return;
      if (isVirError(e, VIR_ERR_NO_DOMAIN)) {
        if (this.domains.delete(uuid)) this.onChange({ upserted: [], removed: [uuid] });
        return;
      }
      // The connection dropped or the host refused: the connection's own state reports it.
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const registration = this.registration;
    this.registration = undefined;
    if (registration && this.connection.isAlive()) await registration.dispose().catch(() => undefined);
  }
}
