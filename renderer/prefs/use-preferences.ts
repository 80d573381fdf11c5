// Reading and writing the preferences from views: the saved settings (defaults until they are loaded), a writer
// that shows a change at once and then what main saved, and what the confirmation settings mean for actions.
import { useCallback } from 'react';
import type { ConfirmKind, DomainAction, Settings, SettingsChange } from '../../main/api/contract/index.js';
import { DEFAULT_SETTINGS, mergeSettings } from '../../main/api/contract/settings-values.js';
import { useSettings, useStores } from '../state/hooks.js';
import { confirmKindOf } from './confirm-kind.js';

export { confirmKindOf };

/** The preferences: those saved once loaded, the defaults before. */
export function usePreferences(): Settings {
  return useSettings() ?? DEFAULT_SETTINGS;
}

/** Saves a change (any fields of any groups); shown at once, then what main saved. Rejects with main's refusal. */
export function useUpdateSettings(): (change: SettingsChange) => Promise<Settings> {
  const stores = useStores();
  return useCallback(async (change: SettingsChange) => {
    const before = stores.settings.get() ?? DEFAULT_SETTINGS;
    stores.settings.set(mergeSettings(before, change));
    try {
      const saved = await stores.api.call('settings.set', change);
      stores.settings.set(saved);
      return saved;
    } catch (e) {
      const saved = await stores.api.call('settings.get', {}).catch(() => before);
      stores.settings.set(saved);
      throw e;
    }
  }, [stores]);
}

/** Whether the user wants to be asked before this kind of thing. */
export function useConfirmSetting(kind: ConfirmKind): boolean {
  return usePreferences().confirm[kind];
}

/** Whether an action on one VM is to be confirmed first, per the preferences. */
export function useActionConfirmation(): (action: DomainAction | 'save') => boolean {
  const { confirm } = usePreferences();
  return useCallback((action) => {
    const kind = confirmKindOf(action);
    return kind !== undefined && confirm[kind];
  }, [confirm]);
}
