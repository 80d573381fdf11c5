// A view with work the user has not saved (the VM Details page's unapplied changes) asks before its tab, or its page
// of the tab, is left: the tabs consult the guard of the tab shown before they switch away from it or close it.
import { useEffect, useRef } from 'react';

/** Resolves true when the view may be left (its work applied or given up), false to stay. */
export type LeaveGuard = () => Promise<boolean>;

const guards = new Map<string, LeaveGuard>();

/** Whether the tab may be left now: asks its guard, if it has one. */
export function mayLeave(tabId: string): Promise<boolean> {
  const guard = guards.get(tabId);
  return guard === undefined ? Promise.resolve(true) : guard();
}

/** Holds a guard for a tab while the component is mounted and `guard` is set (undefined: nothing to ask). */
export function useLeaveGuard(tabId: string, guard: LeaveGuard | undefined): void {
  const current = useRef(guard);
  current.current = guard;
  const active = guard !== undefined;
  useEffect(() => {
    if (!active) return;
    const ask: LeaveGuard = () => current.current?.() ?? Promise.resolve(true);
    guards.set(tabId, ask);
    return () => {
      if (guards.get(tabId) === ask) guards.delete(tabId);
    };
  }, [tabId, active]);
}
