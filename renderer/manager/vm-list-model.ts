// The VM list's rows, columns, filter and sort: pure functions over the hosts' domain summaries.
import type { DomainSample, DomainSummary } from '../../main/api/contract/index.js';
import { stateKey, type StateKey } from './domain-state.js';

/** A VM with the host it is on. */
export interface VmItem {
  readonly connection: string;
  readonly hostName: string;
  readonly domain: DomainSummary;
  /** connection + UUID: two connections may see the same VM. */
  readonly id: string;
}

/** The list as a table, or the running VMs as screen thumbnails. */
export type ListView = 'list' | 'grid';
export const isListView = (v: unknown): v is ListView => v === 'list' || v === 'grid';

export const itemId = (connection: string, uuid: string): string => `${connection}\n${uuid}`;

/** Columns the user may show or hide, in table order. */
export const OPTIONAL_COLUMNS = [
  'guestCpu', 'hostCpu', 'memoryUsage', 'diskIo', 'netIo', 'vcpus', 'memory', 'ip', 'os', 'tags', 'autostart',
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
export const DEFAULT_COLUMNS: readonly OptionalColumn[] = ['guestCpu', 'vcpus', 'memory', 'tags'];
export const STAT_COLUMNS: ReadonlySet<OptionalColumn> = new Set(['guestCpu', 'hostCpu', 'memoryUsage', 'diskIo', 'netIo']);

export type SortColumn = 'name' | 'state' | 'host' | OptionalColumn;
export interface SortBy {
  readonly column: SortColumn;
  readonly direction: 'asc' | 'desc';
}

/** The states a filter offers: running (with idle), paused (with suspended), shut off, and the rest. */
export const STATE_FILTERS = ['running', 'paused', 'shutoff', 'other'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export function stateFilterOf(key: StateKey): StateFilter {
  switch (key) {
    case 'running': case 'idle': return 'running';
    case 'paused': case 'suspended': return 'paused';
    case 'shutoff': return 'shutoff';
    default: return 'other';
  }
}

export interface Filters {
  readonly text: string;
  readonly states: readonly StateFilter[];
  readonly hosts: readonly string[];
  readonly tags: readonly string[];
}

export const NO_FILTERS: Filters = { text: '', states: [], hosts: [], tags: [] };

export function hasFilters(f: Filters): boolean {
  return f.text.trim() !== '' || f.states.length > 0 || f.hosts.length > 0 || f.tags.length > 0;
}

/** Text matches name, title or description (case-insensitive); the lists match any of their values. */
export function filterItems(items: readonly VmItem[], f: Filters): readonly VmItem[] {
  const text = f.text.trim().toLocaleLowerCase();
  const states = new Set(f.states);
  const hosts = new Set(f.hosts);
  if (!text && states.size === 0 && hosts.size === 0 && f.tags.length === 0) return items;
  return items.filter(({ connection, domain: d }) => {
    if (hosts.size > 0 && !hosts.has(connection)) return false;
    if (states.size > 0 && !states.has(stateFilterOf(stateKey(d.state)))) return false;
    if (f.tags.length > 0 && !f.tags.some((t) => d.tags.includes(t))) return false;
    if (!text) return true;
    return d.name.toLocaleLowerCase().includes(text) || (d.title?.toLocaleLowerCase().includes(text) ?? false)
      || (d.description?.toLocaleLowerCase().includes(text) ?? false);
  });
}

/** Natural order: vm2 before vm10. */
export const naturalCollator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const STATE_ORDER: Record<StateKey, number> = {
  running: 0, idle: 1, paused: 2, suspended: 3, shuttingDown: 4, crashed: 5, shutoff: 6, unknown: 7,
};

/** osinfo's id as people say it: http://debian.org/debian/12 → debian 12, http://microsoft.com/win/11 → win 11. */
export function osShort(osId: string | undefined): string {
  if (!osId) return '';
  const m = /^[a-z]+:\/\/[^/]+\/(.+)$/.exec(osId);
  const path = m?.[1] ?? osId;
  const parts = path.split('/').filter(Boolean);
  if (parts.length >= 2) {
    const [name, ...rest] = parts;
    const version = rest.join('.');
    return version.startsWith(name ?? '') ? version : `${name ?? ''} ${version}`;
  }
  return path;
}

/** A stats column's figure from a VM's latest sample (host CPU needs the host's CPU count). */
export function statValue(column: OptionalColumn, s: DomainSample, domain: DomainSummary, hostCpus: number | undefined): number {
  switch (column) {
    case 'guestCpu': return s.cpuPercent;
    case 'hostCpu': return hostCpus ? Math.min(100, (s.cpuPercent * s.vcpus) / hostCpus) : 0;
    case 'memoryUsage': return domain.memoryBytes ? Math.min(100, (s.memoryKiB * 1024 * 100) / domain.memoryBytes) : 0;
    case 'diskIo': return s.diskReadBps + s.diskWriteBps;
    case 'netIo': return s.netRxBps + s.netTxBps;
    default: return 0;
  }
}

export interface SortContext {
  /** The latest stats sample of a VM, if any. */
  latest(item: VmItem): DomainSample | undefined;
  hostCpus(connection: string): number | undefined;
  ip(item: VmItem): string | undefined;
}

function sortKey(column: SortColumn, item: VmItem, ctx: SortContext): number | string {
  const d = item.domain;
  switch (column) {
    case 'name': return d.name;
    case 'state': return STATE_ORDER[stateKey(d.state)];
    case 'host': return item.hostName;
    case 'vcpus': return d.vcpus ?? -1;
    case 'memory': return d.memoryBytes ?? -1;
    case 'ip': return ctx.ip(item) ?? '';
    case 'os': return osShort(d.osId);
    case 'tags': return [...d.tags].sort(naturalCollator.compare).join(' ');
    case 'autostart': return d.autostart ? 1 : 0;
    default: {
      const s = d.id >= 0 ? ctx.latest(item) : undefined;
      return s ? statValue(column, s, d, ctx.hostCpus(item.connection)) : -1;
    }
  }
}

/** Sorted by a column, ties by name then host, names in natural order. */
export function sortItems(items: readonly VmItem[], by: SortBy, ctx: SortContext): VmItem[] {
  const keyed = items.map((item) => ({ item, key: sortKey(by.column, item, ctx) }));
  const sign = by.direction === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    const c = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : naturalCollator.compare(String(a.key), String(b.key));
    if (c !== 0) return c * sign;
    return naturalCollator.compare(a.item.domain.name, b.item.domain.name) || naturalCollator.compare(a.item.hostName, b.item.hostName);
  });
  return keyed.map((k) => k.item);
}

/** Every tag in use, in natural order. */
export function allTags(items: readonly VmItem[]): string[] {
  const tags = new Set<string>();
  for (const { domain } of items) for (const t of domain.tags) tags.add(t);
  return [...tags].sort(naturalCollator.compare);
}
