// The preferences that change the whole window (the language; the theme is in shell/theme.ts), applied while the
// shell is mounted. localStorage keeps a copy of both so that the next start paints right before the API answers.
import { useEffect } from 'react';
import type { SettingsChange } from '../../main/api/contract/index.js';
import { applyLanguage, cachedLanguage } from '../i18n/index.js';
import { useSettings } from '../state/hooks.js';
import { storedTheme } from '../shell/theme.js';
import { useUpdateSettings } from './use-preferences.js';

const MIGRATED = 'hangar.prefs-migrated';
/** What this browser had chosen in the masthead before the setting was read (the caches are rewritten after). */
const cachedAtStart = { theme: storedTheme(), language: cachedLanguage() };

export function useAppliedPreferences(): void {
  const settings = useSettings();
  const update = useUpdateSettings();
  const language = settings?.general.language;
  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);

  // Once per browser: a theme or language chosen in the masthead before they were preferences becomes the setting.
  const general = settings?.general;
  useEffect(() => {
    if (!general || localStorage.getItem(MIGRATED)) return;
    localStorage.setItem(MIGRATED, '1');
    const change: NonNullable<SettingsChange['general']> = {};
    if (general.theme === 'system' && cachedAtStart.theme !== 'system') change.theme = cachedAtStart.theme;
    if (general.language === 'system' && cachedAtStart.language !== 'system') change.language = cachedAtStart.language;
    if (Object.keys(change).length > 0) void update({ general: change }).catch(() => undefined);
  }, [general, update]);
}
