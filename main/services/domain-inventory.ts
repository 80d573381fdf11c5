import type { AsyncDisposable, Connection, Domain, DomainEventId, DomainStatsRecord } from '../../drivers/api/index.js';
import {
  isVirError, VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED,
  VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
  VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, VIR_ERR_NO_DOMAIN, VIR_CONNECT_LIST_DOMAINS_AUTOSTART, VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE,
  VIR_CONNECT_LIST_DOMAINS_PERSISTENT, VIR_DOMAIN_STATS_STATE,
} from '../../drivers/api/index.js';
import { parseDomain, readOsId, readTags, XmlError } from '../../drivers/xml/index.js';
import type { DomainSummary } from '../api/contract/index.js';
import { LiveCollection } from './live-collection.js';

export type { DomainSummary };

export interface DomainChanges {
  readonly upserted: readonly DomainSummary[];
  readonly removed: readonly string[];
}

type FromXml = Pick<DomainSummary, 'title' | 'description' | 'vcpus' | 'memoryBytes' | 'osId' | 'tags' | 'diskSources'>;

/** Where a disk's data is, as a list matches it against volumes: a path, or `pool/volume`. */
function diskSource(source: ReturnType<typeof parseDomain>['disks'][number]['source']): string | undefined {
  if (!source) return undefined;
  switch (source.type) {
    case 'file': return source.file;
    case 'block': return source.dev;
    case 'dir': return source.dir;
    case 'volume': return `${source.pool}/${source.volume}`;
    case 'network': return undefined;
  }
}

/** What the list shows from the XML; a document the models cannot read still lists, by name and state. */
function fromXml(xml: string): FromXml {
  try {
    const model = parseDomain(xml);
    return {
      title: model.title, description: model.description, vcpus: model.vcpus, memoryBytes: model.currentMemory ?? model.memory,
      osId: readOsId(model), tags: readTags(model),
      diskSources: model.disks.flatMap((d) => { const s = diskSource(d.source); return s === undefined ? [] : [s]; }),
    };
  } catch (e) {
    if (e instanceof XmlError) return { tags: [], diskSources: [] };
    throw e;
  }
}

/**
 * Facts libvirt lists in bulk at load (one call each) and asks per domain on a change. The state comes from one
 * bulk stats call; a domain it missed (defined meanwhile) is asked on its own.
 */
interface Flags {
  readonly autostart: boolean;
  readonly managedSave: boolean;
  readonly persistent: boolean;
  readonly state: DomainState | undefined;
}

interface DomainState { readonly state: number; readonly reason: number }

/** state.state and state.reason of each record of a bulk stats answer, by UUID. */
function statesOf(records: readonly DomainStatsRecord[]): Map<string, DomainState> {
  const out = new Map<string, DomainState>();
  for (const { domain, params } of records) {
    const state = params.find((p) => p.field === 'state.state')?.value;
    const reason = params.find((p) => p.field === 'state.reason')?.value;
    if (typeof state === 'number') out.set(domain.uuid, { state, reason: typeof reason === 'number' ? reason : 0 });
  }
  return out;
}

const orFalse = (p: Promise<boolean>): Promise<boolean> => p.catch(() => false);

async function summarize(domain: Domain, flags?: Flags): Promise<DomainSummary> {
  const [{ state, reason }, persistent, xml, autostart, managedSave] = await Promise.all([
    flags?.state ?? domain.getState(), flags ? flags.persistent : domain.isPersistent(), domain.getXMLDesc(),
    flags ? flags.autostart : orFalse(domain.getAutostart()),
    flags ? flags.managedSave : orFalse(domain.hasManagedSaveImage()),
  ]);
  // The XML is read to fill the summary, not sent with it: the view that needs it asks (domains.xml).
  return { key: domain.uuid, uuid: domain.uuid, name: domain.name, id: domain.id, state, reason, persistent, autostart, managedSave, ...fromXml(xml) };
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
    const uuids = (l: readonly Domain[]): Set<string> => new Set(l.map((d) => d.uuid));
    // Five bulk calls, then one per domain (its XML) instead of three: on a remote host the first list waits
    // on a thousand round trips fewer.
    const [all, autostart, saved, persistent, states] = await Promise.all([
      connection.listAllDomains(),
      connection.listAllDomains(VIR_CONNECT_LIST_DOMAINS_AUTOSTART).then(uuids),
      connection.listAllDomains(VIR_CONNECT_LIST_DOMAINS_MANAGEDSAVE).then(uuids),
      connection.listAllDomains(VIR_CONNECT_LIST_DOMAINS_PERSISTENT).then(uuids),
      // A daemon that cannot (libvirt < 1.2.8) leaves each domain to be asked.
      connection.getAllDomainStats(VIR_DOMAIN_STATS_STATE).then(statesOf, () => new Map<string, DomainState>()),
    ]);
    const summaries = await Promise.all(all.map((d) => unlessGone(summarize(d, {
      autostart: autostart.has(d.uuid), managedSave: saved.has(d.uuid), persistent: persistent.has(d.uuid), state: states.get(d.uuid),
    }), VIR_ERR_NO_DOMAIN)));
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
