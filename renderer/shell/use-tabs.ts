import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { mayLeave } from './leave-guard.js';
import type { Navigation } from './navigation.js';
import { MANAGER, formatHash, initialTabs, parseHash, saveTabs, tabId, type TabRoute } from './routes.js';

export interface TabsState extends Navigation {
  readonly tabs: readonly TabRoute[];
  /** Moves to the next (+1) or previous (-1) tab, wrapping around. */
  cycle(step: 1 | -1): void;
}

/** The open tabs and the active one, kept in the URL hash and sessionStorage so a reload restores them. */
export function useTabs(): TabsState {
  const [state, setState] = useState(() => initialTabs(location.hash, sessionStorage));
  const { tabs, active } = state;
  // What is shown now, for asking its view before leaving it (see leave-guard.ts).
  const shown = useRef(state);
  shown.current = state;
  const leaving = (then: () => void): void => {
    void mayLeave(shown.current.active).then((ok) => {
      if (ok) then();
    });
  };

  const open = useCallback((route: TabRoute) => {
    const id = tabId(route);
    const now = shown.current.tabs.find((r) => tabId(r) === shown.current.active);
    const sameView = id === shown.current.active && now !== undefined && formatHash(now) === formatHash(route);
    const go = (): void => setState((s) => {
      const at = s.tabs.findIndex((r) => tabId(r) === id);
      const next = at < 0 ? [...s.tabs, route] : s.tabs.map((r, i) => (i === at ? route : r));
      return { tabs: next, active: id };
    });
    if (sameView) go();
    else leaving(go);
  }, []);

  const close = useCallback((id: string) => {
    if (id === tabId(MANAGER)) return;
    const go = (): void => setState((s) => {
      const at = s.tabs.findIndex((r) => tabId(r) === id);
      if (at < 0) return s;
      const next = s.tabs.filter((_, i) => i !== at);
      const neighbour = next[Math.min(at, next.length - 1)] ?? MANAGER;
      return { tabs: next, active: s.active === id ? tabId(neighbour) : s.active };
    });
    // Only the tab shown is mounted, so only its view can have something to ask.
    if (id === shown.current.active) leaving(go);
    else go();
  }, []);

  const cycle = useCallback((step: 1 | -1) => {
    leaving(() => setState((s) => {
      const at = s.tabs.findIndex((r) => tabId(r) === s.active);
      const next = s.tabs[(at + step + s.tabs.length) % s.tabs.length] ?? MANAGER;
      return { ...s, active: tabId(next) };
    }));
  }, []);

  // Keep the hash and the saved list current; follow a hash the user edits (or Back).
  useEffect(() => {
    saveTabs(tabs, sessionStorage);
    const route = tabs.find((r) => tabId(r) === active) ?? MANAGER;
    const hash = formatHash(route);
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }, [tabs, active]);
  useEffect(() => {
    const onHash = (): void => {
      const route = parseHash(location.hash);
      if (route) open(route);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, [open]);

  return useMemo(() => ({ tabs, activeId: active, open, close, cycle }), [tabs, active, open, close, cycle]);
}
