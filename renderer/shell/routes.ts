// What a tab shows, and how the open tabs survive a reload: the active tab in the URL hash, the list in
// sessionStorage (per browser tab, as the token is).

export type HostSection = 'overview' | 'networks' | 'storage' | 'devices';
export const HOST_SECTIONS: readonly HostSection[] = ['overview', 'networks', 'storage', 'devices'];
/** A VM tab's sub-pages. */
export type VmPage = 'details' | 'console' | 'snapshots' | 'history';
export const VM_PAGES: readonly VmPage[] = ['details', 'console', 'snapshots', 'history'];

export type TabRoute =
  | { readonly kind: 'manager' }
  | { readonly kind: 'vm'; readonly connection: string; readonly key: string; readonly page?: VmPage }
  | { readonly kind: 'host'; readonly connection: string; readonly section: HostSection };

export const MANAGER: TabRoute = { kind: 'manager' };
const STORAGE_KEY = 'hangar.tabs';

/** A tab's identity: one tab per VM and per host, whatever section of it is shown. */
export function tabId(route: TabRoute): string {
  switch (route.kind) {
    case 'manager': return 'manager';
    case 'vm': return `vm/${route.connection}/${route.key}`;
    case 'host': return `host/${route.connection}`;
  }
}

export function formatHash(route: TabRoute): string {
  switch (route.kind) {
    case 'manager': return '#/manager';
    case 'vm': return `#/vm/${encodeURIComponent(route.connection)}/${encodeURIComponent(route.key)}/${route.page ?? 'details'}`;
    case 'host': return `#/host/${encodeURIComponent(route.connection)}/${route.section}`;
  }
}

export function parseHash(hash: string): TabRoute | undefined {
  const parts = hash.replace(/^#\/?/, '').split('/').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return '';
    }
  });
  const [kind, connection, rest, sub] = parts;
  if (kind === 'manager') return MANAGER;
  if (kind === 'vm' && connection && rest) return { kind: 'vm', connection, key: rest, page: VM_PAGES.find((p) => p === sub) ?? 'details' };
  if (kind === 'host' && connection) {
    const section = HOST_SECTIONS.find((s) => s === rest) ?? 'overview';
    return { kind: 'host', connection, section };
  }
  return undefined;
}

function isRoute(v: unknown): v is TabRoute {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (r.kind === 'manager') return true;
  if (r.kind === 'vm') return typeof r.connection === 'string' && typeof r.key === 'string' && (r.page === undefined || VM_PAGES.includes(r.page as VmPage));
  if (r.kind === 'host') return typeof r.connection === 'string' && HOST_SECTIONS.includes(r.section as HostSection);
  return false;
}

/** The tabs to show at start: those saved for this browser tab, plus the one the hash names (made active). */
export function initialTabs(hash: string, storage: Pick<Storage, 'getItem'>): { tabs: readonly TabRoute[]; active: string } {
  let saved: TabRoute[] = [];
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? '[]');
    if (Array.isArray(parsed)) saved = parsed.filter(isRoute);
  } catch {
    saved = [];
  }
  const tabs = [MANAGER, ...saved.filter((r) => r.kind !== 'manager')];
  const wanted = parseHash(hash) ?? MANAGER;
  const at = tabs.findIndex((r) => tabId(r) === tabId(wanted));
  if (at < 0) tabs.push(wanted);
  else tabs[at] = wanted;
  return { tabs, active: tabId(wanted) };
}

export function saveTabs(tabs: readonly TabRoute[], storage: Pick<Storage, 'setItem'>): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(tabs.filter((r) => r.kind !== 'manager')));
}
