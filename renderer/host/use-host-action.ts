// Runs a host object's action, marks it busy meanwhile, and reports a failure with libvirt's message and the object.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../state/hooks.js';

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export interface HostAction {
  /** Ids of the actions running now. */
  readonly busy: ReadonlySet<string>;
  /** Runs `fn` as action `id` on `object` (its name, for the message); resolves false when it failed. */
  run(id: string, object: string, fn: () => Promise<unknown>): Promise<boolean>;
}

export function useHostAction(): HostAction {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const run = useCallback(async (id: string, object: string, fn: () => Promise<unknown>): Promise<boolean> => {
    setBusy((b) => new Set(b).add(id));
    try {
      await fn();
      return true;
    } catch (e) {
      notifications.push({ variant: 'danger', title: t('hostdetails.failed', { object }), detail: errorText(e) });
      return false;
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(id);
        return next;
      });
    }
  }, [notifications, t]);
  return { busy, run };
}
