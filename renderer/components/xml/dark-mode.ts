import { useSyncExternalStore } from 'react';

// The app's theme is PatternFly's class on <html> (set by renderer/shell/theme.ts); the editors follow that class
// rather than the OS setting, so they change with the masthead's theme buttons at once.
const DARK_CLASS = 'pf-v6-theme-dark';

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}

function isDark(): boolean {
  return document.documentElement.classList.contains(DARK_CLASS);
}

/** Whether the app shows its dark theme now (re-renders when it changes). */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribe, isDark, () => false);
}
