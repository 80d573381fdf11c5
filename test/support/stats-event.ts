// A stats event as main sends it (flat figures in SAMPLE_FIELDS order), from samples by UUID.
import { SAMPLE_FIELDS, type DomainSample, type HostSample, type StatsEvent } from '../../main/api/contract/index.js';

export function statsEvent(connection: string, at: number, domains: Readonly<Record<string, DomainSample>>, host: HostSample): StatsEvent {
  const uuids = Object.keys(domains);
  const values = uuids.flatMap((uuid) => SAMPLE_FIELDS.map((f) => domains[uuid]?.[f] ?? 0));
  return { type: 'stats', connection, at, uuids, values, host };
}
