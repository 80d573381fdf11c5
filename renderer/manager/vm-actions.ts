import type { DomainAction } from '../../main/api/contract/index.js';
import { CONFIRMED_ACTIONS, actionsFor, stateKey } from './domain-state.js';
import type { VmItem } from './vm-list-model.js';

/** What the list can do to VMs: libvirt's lifecycle actions, Save (managed save), Delete, and Clone / Migrate (one VM, a dialog each). */
export type ListAction = DomainAction | 'save' | 'delete' | 'clone' | 'migrate';

/** The Shut Down split button's menu, in virt-manager's order. */
export const SHUTDOWN_MENU: readonly ListAction[] = ['reboot', 'shutdown', 'reset', 'forceoff', 'save'];

export function appliesTo(action: ListAction, item: VmItem): boolean {
  const d = item.domain;
  if (action === 'delete' || action === 'clone' || action === 'migrate') return true;
  if (action === 'save') {
    const k = stateKey(d.state);
    return d.persistent && (k === 'running' || k === 'idle' || k === 'paused');
  }
  return actionsFor(d.state).includes(action);
}

/** The VMs of a selection an action applies to. */
export const targetsOf = (action: ListAction, items: readonly VmItem[]): VmItem[] => items.filter((i) => appliesTo(action, i));

/** One VM is asked about for what the confirmation preferences name (`asks`); several always, once. */
export function needsConfirmation(action: ListAction, count: number, asks: (a: DomainAction) => boolean = (a) => CONFIRMED_ACTIONS.has(a)): boolean {
  if (count > 1) return true;
  if (action === 'clone' || action === 'migrate') return false;
  return action === 'delete' || (action !== 'save' && asks(action));
}

/** Pause or Resume, as virt-manager's toggle: Resume when something is paused and nothing runs. */
export function pauseOrResume(items: readonly VmItem[]): 'pause' | 'resume' {
  return targetsOf('resume', items).length > 0 && targetsOf('pause', items).length === 0 ? 'resume' : 'pause';
}

/** Runs `work` over the items, a few at a time, and returns the failures. */
export async function runAll(items: readonly VmItem[], work: (item: VmItem) => Promise<unknown>, width = 8): Promise<{ item: VmItem; message: string }[]> {
  const failed: { item: VmItem; message: string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      if (!item) return;
      try {
        await work(item);
      } catch (e) {
        failed.push({ item, message: e instanceof Error ? e.message : String(e) });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return failed;
}
