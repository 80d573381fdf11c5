import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsSchema, type Settings } from '../api/contract/index.js';

/** Preferences, persisted as JSON in the data folder; unknown or invalid values fall back to defaults. */
export class SettingsStore {
  private readonly file: string;
  private current: Settings;

  constructor(private readonly dataDir: string) {
    this.file = join(dataDir, 'settings.json');
    let raw: unknown = {};
    if (existsSync(this.file)) {
      try {
        raw = JSON.parse(readFileSync(this.file, 'utf8'));
      } catch {
        raw = {};
      }
    }
    const parsed = settingsSchema.safeParse(raw);
    this.current = parsed.success ? parsed.data : settingsSchema.parse({});
  }

  get(): Settings {
    return this.current;
  }

  /** Applies a validated change and saves it. */
  set(change: Partial<Settings>): Settings {
    this.current = settingsSchema.parse({ ...this.current, ...change });
    mkdirSync(this.dataDir, { recursive: true });
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(this.current, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
    return this.current;
  }
}
