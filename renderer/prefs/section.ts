import type { Settings, SettingsChange } from '../../main/api/contract/index.js';

/** What each section of the Preferences dialog gets: the saved settings and a way to change some. */
export interface SectionProps {
  readonly settings: Settings;
  readonly update: (change: SettingsChange) => void;
}
