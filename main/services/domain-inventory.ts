import type { AsyncDisposable, Connection, Domain } from '../../drivers/api.js';
import { isVirError, VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_ERR_NO_DOMAIN } from '../../drivers/api.js';
import type { DomainSummary } from '../api/contract.js';
import { LiveCollection } from './live-collection.js';

export type { DomainSummary };

export interface DomainChanges {
  readonly upserted: readonly DomainSummary[];
  readonly removed: readonly string[];
}

async function summarize(domain: Domain): Promise<DomainSummary> {
  const [{ state, reason }, persistent] = await Promise.all([domain.getState(), domain.isPersistent()]);
  return { uuid: domain.uuid, name: domain.name, id: domain.id, state, reason, persistent };
}

/** undefined when the object is gone (libvirt's "no such …" error); other errors propagate. */
export async function unlessGone<T>(read: Promise<T>, goneCode: number): Promise<T | undefined> {
  try {
    return await read;
  } catch (e) {
    if (isVirError(e, goneCode)) return undefined;
    throw e;
  }
}

/**
 * A host's domains, kept current by lifecycle events: an event re-reads only the domain it names. Listening
 * starts before the first listing, so nothing that happens meanwhile is missed.
 */
export class DomainInventory {
  private registration: AsyncDisposable | undefined;
  private readonly domains: LiveCollection<DomainSummary>;

  private constructor(private readonly connection: Connection, onChange: (changes: DomainChanges) => void) {
    this.domains = new LiveCollection(
      (uuid) => unlessGone(connection.domainLookupByUUID(uuid).then(summarize), VIR_ERR_NO_DOMAIN),
      (upserted, removed) => onChange({ upserted, removed }),
    );
  }

  static async load(connection: Connection, onChange: (changes: DomainChanges) => void): Promise<DomainInventory> {
    const inventory = new DomainInventory(connection, onChange);
    inventory.registration = await connection.domainEventRegisterAny(VIR_DOMAIN_EVENT_ID_LIFECYCLE, (e) => void inventory.domains.refresh(e.domain.uuid));
    const all = await connection.listAllDomains();
    const summaries = await Promise.all(all.map((d) => unlessGone(summarize(d), VIR_ERR_NO_DOMAIN)));
    inventory.domains.reset(summaries.flatMap((s) => (s ? [[s.uuid, s] as const] : [])));
    return inventory;
  }

  list(): DomainSummary[] {
    return this.domains.list();
  }

  get(uuid: string): DomainSummary | undefined {
    return this.domains.get(uuid);
  }

  refresh(uuid: string): Promise<void> {
    return this.domains.refresh(uuid);
  }

  async dispose(): Promise<void> {
    this.domains.dispose();
    const registration = this.registration;
    this.registration = undefined;
    if (registration && this.connection.isAlive()) await registration.dispose().catch(() => undefined);
  }
}
