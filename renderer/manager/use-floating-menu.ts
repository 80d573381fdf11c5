import { useEffect, useRef } from 'react';

/**
 * A menu floating over the list (the row kebab's, the right-click one): closes on a click elsewhere or on Escape
 * (`refocus` true: put the focus back where the menu came from), and focuses its first enabled item when it opens.
 */
export function useFloatingMenu(onClose: (refocus: boolean) => void): React.RefObject<HTMLDivElement | null> {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const away = (e: MouseEvent): void => {
      if (!ref.current?.contains(e.target as Node)) onClose(false);
    };
    const key = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose(true);
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', key);
    ref.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', key);
    };
  }, [onClose]);
  return ref;
}
