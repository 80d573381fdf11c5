import { useEffect } from 'react';
import { useUpdateSettings } from '../prefs/use-preferences.js';
import { useSettings } from '../state/hooks.js';

// Light and dark themes: PatternFly 6 switches on the class pf-v6-theme-dark of <html>. "system" follows
// prefers-color-scheme, live. The choice is the general.theme preference; localStorage keeps a copy of it so the
// first paint (before the API answers) has the right theme.

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];
const KEY = 'hangar.theme';
const DARK_CLASS = 'pf-v6-theme-dark';

/** The choice as last applied in this browser. */
export function storedTheme(): ThemeChoice {
  const v = localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'system';
}

/** Applies a choice to the page; for "system", keeps following the OS until the returned function is called. */
export function applyTheme(choice: ThemeChoice): () => void {
  const media = matchMedia('(prefers-color-scheme: dark)');
  const set = (): void => {
    const dark = choice === 'dark' || (choice === 'system' && media.matches);
    document.documentElement.classList.toggle(DARK_CLASS, dark);
  };
  set();
  if (choice !== 'system') return () => undefined;
  media.addEventListener('change', set);
  return () => media.removeEventListener('change', set);
}

/** The theme preference, applied while the shell is mounted; setting it saves it (and shows it at once). */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const saved = useSettings()?.general.theme;
  const update = useUpdateSettings();
  const choice = saved ?? storedTheme();
  useEffect(() => {
    if (saved) localStorage.setItem(KEY, saved);
    return applyTheme(choice);
  }, [choice, saved]);
  return [choice, (c) => {
    applyTheme(c)();
    void update({ general: { theme: c } }).catch(() => undefined);
  }];
}
