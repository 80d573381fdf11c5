// settings.*: preferences (what virt-manager keeps in its Preferences dialog), one object per group.
import { z } from 'zod';
import {
  CPU_MODES, DEFAULT_SETTINGS as D, FIRMWARES, GRAPHICS, grabKeysProblem, LANGUAGES, SCALINGS, STORAGE_FORMATS, THEMES, type GrabKeysProblem,
} from './settings-values.js';

export * from './settings-values.js';

function grabKeysMessage(p: GrabKeysProblem): string {
  switch (p.kind) {
    case 'format': return 'key names joined by +, such as Control_L+Alt_L';
    case 'unknown': return `"${p.key}" is not a key name (such as Control_L, Alt_L, Shift_L, F12 or a letter)`;
    case 'tooMany': return 'at most 4 keys';
    case 'twice': return 'a key is named twice';
    case 'noModifier': return 'at least one modifier key (Control, Alt, Shift or Super)';
  }
}

const flag = (on: boolean): z.ZodDefault<z.ZodBoolean> => z.boolean({ error: 'on or off (true or false)' }).default(on);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]): z.ZodDefault<z.ZodEnum<{ [K in T[number]]: K }>> =>
  z.enum(values, { error: `one of ${values.join(', ')}` }).default(fallback);

export const statsSettingsSchema = z.object({
  /** How often VM stats are sampled, in seconds. */
  intervalSeconds: z.number({ error: 'a number of seconds' }).int('a whole number of seconds').min(1, 'at least 1 second')
    .max(60, 'at most 60 seconds').default(D.stats.intervalSeconds),
  // Which groups of the bulk stats call are asked for (all on: the manager's columns show them).
  cpu: flag(D.stats.cpu),
  memory: flag(D.stats.memory),
  disk: flag(D.stats.disk),
  network: flag(D.stats.network),
});

export const newVmSettingsSchema = z.object({
  graphics: oneOf(GRAPHICS, D.newVm.graphics),
  storageFormat: oneOf(STORAGE_FORMATS, D.newVm.storageFormat),
  cpuMode: oneOf(CPU_MODES, D.newVm.cpuMode),
  firmware: oneOf(FIRMWARES, D.newVm.firmware),
});

export const consoleSettingsSchema = z.object({
  scaling: oneOf(SCALINGS, D.console.scaling),
  resizeGuest: flag(D.console.resizeGuest),
  grabKeys: z.string({ error: 'key names joined by +, such as Control_L+Alt_L' }).superRefine((v, ctx) => {
    const problem = grabKeysProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: grabKeysMessage(problem) });
  }).default(D.console.grabKeys),
  autoconnect: flag(D.console.autoconnect),
});

export const confirmSettingsSchema = z.object({
  forceOff: flag(D.confirm.forceOff),
  /** Shut Down, Reboot and Save. */
  powerOff: flag(D.confirm.powerOff),
  pause: flag(D.confirm.pause),
  removeDevice: flag(D.confirm.removeDevice),
  unappliedChanges: flag(D.confirm.unappliedChanges),
  deleteStorage: flag(D.confirm.deleteStorage),
});
export type ConfirmKind = keyof z.output<typeof confirmSettingsSchema>;

export const generalSettingsSchema = z.object({
  language: oneOf(LANGUAGES, D.general.language),
  theme: oneOf(THEMES, D.general.theme),
  xmlEditing: flag(D.general.xmlEditing),
});

export const settingsGroups = {
  stats: statsSettingsSchema,
  newVm: newVmSettingsSchema,
  console: consoleSettingsSchema,
  confirm: confirmSettingsSchema,
  general: generalSettingsSchema,
} as const;
export type SettingsGroup = keyof typeof settingsGroups;

export const settingsSchema = z.object({
  stats: statsSettingsSchema.prefault({}),
  newVm: newVmSettingsSchema.prefault({}),
  console: consoleSettingsSchema.prefault({}),
  confirm: confirmSettingsSchema.prefault({}),
  general: generalSettingsSchema.prefault({}),
});
export type Settings = z.output<typeof settingsSchema>;

type Bare<S> = { [K in keyof S]: S[K] extends z.ZodDefault<infer I> ? I : S[K] };
/** A group's fields without their defaults, all optional: what a change may carry (a default would overwrite). */
function changeOf<S extends Record<string, z.ZodDefault<z.ZodType>>>(shape: S): z.ZodOptional<z.ZodObject<{ [K in keyof S]: z.ZodOptional<Bare<S>[K]> }, z.core.$strict>> {
  const bare = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, v.unwrap()])) as Bare<S>;
  return z.strictObject(bare).partial().optional();
}

/** A change: any fields of any groups ({ confirm: { pause: true } } changes only that); unknown names are refused. */
export const settingsChangeSchema = z.strictObject({
  stats: changeOf(statsSettingsSchema.shape),
  newVm: changeOf(newVmSettingsSchema.shape),
  console: changeOf(consoleSettingsSchema.shape),
  confirm: changeOf(confirmSettingsSchema.shape),
  general: changeOf(generalSettingsSchema.shape),
});
export type SettingsChange = z.input<typeof settingsChangeSchema>;
export type ParsedSettingsChange = z.output<typeof settingsChangeSchema>;

export const settingsCalls = {
  'settings.get': z.object({}),
  'settings.set': settingsChangeSchema,
} as const;

export interface SettingsResults {
  'settings.get': Settings;
  'settings.set': Settings;
}

export type SettingsEvent = { readonly type: 'settings.changed'; readonly settings: Settings };
