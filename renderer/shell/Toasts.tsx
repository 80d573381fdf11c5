import { Alert, AlertActionCloseButton, AlertGroup } from '@patternfly/react-core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifications } from '../state/hooks.js';

const SHOW_MS = 8_000;

/** New notifications pop up as toasts for a few seconds (not while the drawer shows them); the drawer keeps them. */
export function Toasts({ drawerOpen }: { drawerOpen: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const { items } = useNotifications();
  const seen = useRef<Set<string> | undefined>(undefined);
  const [shown, setShown] = useState<readonly string[]>([]);

  useEffect(() => {
    if (!seen.current) {
      seen.current = new Set(items.map((n) => n.id));
      return;
    }
    const fresh = items.filter((n) => !seen.current?.has(n.id)).map((n) => n.id);
    if (fresh.length === 0) return;
    for (const id of fresh) seen.current.add(id);
    if (!drawerOpen) setShown((s) => [...fresh, ...s].slice(0, 4));
  }, [items, drawerOpen]);
  useEffect(() => {
    if (drawerOpen) setShown([]);
  }, [drawerOpen]);

  const hide = (id: string): void => setShown((s) => s.filter((x) => x !== id));
  return (
    <AlertGroup isToast isLiveRegion>
      {shown.map((id) => items.find((n) => n.id === id)).filter((n) => n !== undefined).map((n) => (
        <Alert key={n.id} variant={n.variant} title={n.title} timeout={SHOW_MS} onTimeout={() => hide(n.id)}
          actionClose={<AlertActionCloseButton aria-label={t('drawer.dismiss')} onClose={() => hide(n.id)} />}>
          {n.detail !== undefined && <span className="notification-detail">{n.detail}</span>}
        </Alert>
      ))}
    </AlertGroup>
  );
}
