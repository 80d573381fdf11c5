import type { AsyncDisposable, Connection, Domain, DomainEventId } from '../../drivers/api.js';
import {
  isVirError, VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED,
  VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
  VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, VIR_ERR_NO_DOMAIN,
} from '../../drivers/api.js';
import { parseDomain, XmlError } from '../../drivers/xml/index.js';
import type { DomainSummary } from '../api/contract/index.js';
import { LiveCollection } from './live-collection.js';

export type { DomainSummary };

export interface DomainChanges {
  readonly upserted: readonly DomainSummary[];
  readonly removed: readonly string[];
}

/** What the list shows from the XML; a document the models cannot read still lists, by name and state. */
function fromXml(xml: string): Pick<DomainSummary, 'title' | 'description' | 'vcpus' | 'memoryBytes'> {
  try {
    const model = parseDomain(xml);
    return { title: model.title, description: model.description, vcpus: model.vcpus, memoryBytes: model.currentMemory ?? model.memory };
  } catch (e) {
    if (e instanceof XmlError) return {};
    throw e;
  }
}

async function summarize(domain: Domain): Promise<DomainSummary> {
  const [{ state, reason }, persistent, xml] = await Promise.all([domain.getState(), domain.isPersistent(), domain.getXMLDesc()]);
  // The XML is read to fill the summary, not sent with it: the view that needs it asks (domains.xml).
  return { key: domain.uuid, uuid: domain.uuid, name: domain.name, id: domain.id, state, reason, persistent, ...fromXml(xml) };
}

/**
 * The domain events after which a domain's state or XML may differ: lifecycle (state, definition), devices
 * plugged or unplugged, media changed, balloon target, title/description/metadata.
 */
const CHANGE_EVENTS: readonly DomainEventId[] = [
  VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED,
  VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE,
  VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
];

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
 * A host's domains with state and XML, kept current by domain events: an event re-reads only the domain it
 * names. Listening starts before the first listing, so nothing that happens meanwhile is missed.
 */
export class DomainInventory {
  private registrations: AsyncDisposable[] = [];
  private readonly domains: LiveCollection<DomainSummary>;

  private constructor(private readonly connection: Connection, onChange: (changes: DomainChanges) => void) {
    this.domains = new LiveCollection(
      (uuid) => unlessGone(connection.domainLookupByUUID(uuid).then(summarize), VIR_ERR_NO_DOMAIN),
      (upserted, removed) => onChange({ upserted, removed }),
    );
  }

  static async load(connection: Connection, onChange: (changes: DomainChanges) => void): Promise<DomainInventory> {
    const inventory = new DomainInventory(connection, onChange);
    const refresh = (e: { readonly domain: Domain }): void => void inventory.domains.refresh(e.domain.uuid);
    // Lifecycle events are required; an older daemon without one of the others only loses that refresh.
    const optional = (id: DomainEventId) => connection.domainEventRegisterAny(id, refresh).catch(() => undefined);
    const registrations = await Promise.all(CHANGE_EVENTS.map((id) => (id === VIR_DOMAIN_EVENT_ID_LIFECYCLE ? connection.domainEventRegisterAny(id, refresh) : optional(id))));
    inventory.registrations = registrations.filter((r): r is AsyncDisposable => r !== undefined);
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
    const registrations = this.registrations;
    this.registrations = [];
    if (this.connection.isAlive()) await Promise.all(registrations.map((r) => r.dispose().catch(() => undefined)));
  }
}
