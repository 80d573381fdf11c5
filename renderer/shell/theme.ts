import { useEffect, useState } from 'react';

// Light and dark themes: PatternFly 6 switches on the class pf-v6-theme-dark of <html>. "system" follows
// prefers-color-scheme, live.

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['light', 'dark', 'system'];
const KEY = 'hangar.theme';
const DARK_CLASS = 'pf-v6-theme-dark';

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

/** The theme choice, saved per workstation and applied while the shell is mounted. */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(storedTheme);
  useEffect(() => applyTheme(choice), [choice]);
  return [choice, (c) => {
    localStorage.setItem(KEY, c);
    setChoice(c);
  }];
}
