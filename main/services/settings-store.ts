import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  mergeSettings, settingsChangeSchema, settingsGroups, settingsSchema, type Settings, type SettingsChange,
} from '../api/contract/index.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads what a settings file holds, field by field: a field that is missing or invalid takes its default, the
 * others are kept. A file of before the groups ({ statsIntervalSeconds }) is read as stats.intervalSeconds.
 */
export function readSettings(raw: unknown): Settings {
  const file: Json = isObject(raw) ? raw : {};
  const out: Json = {};
  for (const [group, schema] of Object.entries(settingsGroups)) {
    const given: Json = isObject(file[group]) ? { ...file[group] } : {};
    if (group === 'stats' && given.intervalSeconds === undefined && file.statsIntervalSeconds !== undefined) {
      given.intervalSeconds = file.statsIntervalSeconds;
    }
    const fields: Json = {};
    for (const [name, field] of Object.entries(schema.shape)) {
      const parsed = field.safeParse(given[name]);
      if (parsed.success) fields[name] = parsed.data;
    }
    out[group] = fields;
  }
  return settingsSchema.parse(out);
}

/** Preferences, persisted as JSON in the data folder (written to a temporary file, then renamed over it). */
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
    this.current = readSettings(raw);
  }

  get(): Settings {
    return this.current;
  }

  /** Validates a change (any fields of any groups), merges it and saves the result. */
  set(change: SettingsChange): Settings {
    const next = settingsSchema.parse(mergeSettings(this.current, settingsChangeSchema.parse(change)));
    mkdirSync(this.dataDir, { recursive: true });
    writeFileSync(`${this.file}.tmp`, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    renameSync(`${this.file}.tmp`, this.file);
    this.current = next;
    return next;
  }
}
