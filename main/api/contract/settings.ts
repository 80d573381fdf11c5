// settings.*: preferences (what virt-manager keeps in its Preferences dialog).
import { z } from 'zod';

export const settingsSchema = z.object({
  /** How often VM stats are sampled, in seconds. */
  statsIntervalSeconds: z.number().int().min(1, 'at least 1 second').max(60, 'at most 60 seconds').default(3),
});
export type Settings = z.output<typeof settingsSchema>;

export const settingsCalls = {
  'settings.get': z.object({}),
  'settings.set': settingsSchema.partial(),
} as const;

export interface SettingsResults {
  'settings.get': Settings;
  'settings.set': Settings;
}

export type SettingsEvent = { readonly type: 'settings.changed'; readonly settings: Settings };
