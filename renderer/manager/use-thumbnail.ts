import { useEffect, useRef, useState } from 'react';
import { screenshotPng } from '../consoles/ppm-to-png.js';
import { useApi } from '../state/hooks.js';

/** How often a shown thumbnail is taken again. */
export const THUMBNAIL_MS = 5000;

/**
 * A VM's screen as an image URL, taken with one domains.screenshot call now and then every few seconds — only while
 * `visible` (a card scrolled out of sight costs the host nothing). The previous image stays until the next is made.
 */
export function useThumbnail(connection: string, key: string, visible: boolean): { url?: string; error?: string } {
  const api = useApi();
  const [shot, setShot] = useState<{ url?: string; error?: string }>({});
  const current = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!visible) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const take = async (): Promise<void> => {
      try {
        const blob = await screenshotPng(await api.call('domains.screenshot', { connection, key }));
        if (!live) return;
        const url = URL.createObjectURL(blob);
        if (current.current) URL.revokeObjectURL(current.current);
        current.current = url;
        setShot({ url });
      } catch (e) {
        if (live) setShot((old) => ({ url: old.url, error: e instanceof Error ? e.message : String(e) }));
      }
      // The next one is asked only after this one came back: a slow host is never asked twice at once.
      if (live) timer = setTimeout(() => void take(), THUMBNAIL_MS);
    };
    void take();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, connection, key, visible]);

  // The last image is released with the card.
  useEffect(() => () => {
    if (current.current) URL.revokeObjectURL(current.current);
  }, []);
  return shot;
}
