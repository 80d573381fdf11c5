// settings.*: preferences (what virt-manager keeps in its Preferences dialog), one object per group.
import { z } from 'zod';

const MODIFIERS = ['Control_L', 'Control_R', 'Alt_L', 'Alt_R', 'Shift_L', 'Shift_R', 'Super_L', 'Super_R', 'Meta_L', 'Meta_R', 'ISO_Level3_Shift'] as const;
const OTHER_KEYS = [
  ...Array.from({ length: 12 }, (_, i) => `F${i + 1}`), 'space', 'Return', 'Escape', 'Tab', 'BackSpace', 'Delete', 'Insert', 'Home', 'End',
  'Page_Up', 'Page_Down', 'Left', 'Right', 'Up', 'Down', 'Print', 'Pause', 'Scroll_Lock',
];

/** What is wrong with a grab-keys text, for a message in the form's language. */
export type GrabKeysProblem =
  | { readonly kind: 'format' } | { readonly kind: 'unknown'; readonly key: string } | { readonly kind: 'tooMany' }
  | { readonly kind: 'twice' } | { readonly kind: 'noModifier' };

const isModifier = (k: string): boolean => (MODIFIERS as readonly string[]).includes(k);

/**
 * Checks a grab-keys text (X keysym names joined by "+", as virt-manager stores them: "Control_L+Alt_L"):
 * 1–4 different keys, at least one of them a modifier. Undefined when it is valid.
 */
export function grabKeysProblem(text: string): GrabKeysProblem | undefined {
  const keys = text.split('+');
  if (text.trim() === '' || keys.some((k) => k === '')) return { kind: 'format' };
  const unknown = keys.find((k) => !isModifier(k) && !OTHER_KEYS.includes(k) && !/^[A-Za-z0-9]$/.test(k));
  if (unknown !== undefined) return { kind: 'unknown', key: unknown };
  if (keys.length > 4) return { kind: 'tooMany' };
  if (new Set(keys).size !== keys.length) return { kind: 'twice' };
  if (!keys.some(isModifier)) return { kind: 'noModifier' };
  return undefined;
}

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

export const STATS_GROUPS = ['cpu', 'memory', 'disk', 'network'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export const statsSettingsSchema = z.object({
  /** How often VM stats are sampled, in seconds. */
  intervalSeconds: z.number({ error: 'a number of seconds' }).int('a whole number of seconds').min(1, 'at least 1 second')
    .max(60, 'at most 60 seconds').default(3),
  // Which groups of the bulk stats call are asked for (all on: the manager's columns show them).
  cpu: flag(true),
  memory: flag(true),
  disk: flag(true),
  network: flag(true),
});

export const GRAPHICS = ['vnc', 'spice', 'none'] as const;
export const STORAGE_FORMATS = ['qcow2', 'raw'] as const;
export const CPU_MODES = ['host-passthrough', 'host-model', 'hypervisor-default'] as const;
export const FIRMWARES = ['bios', 'uefi'] as const;

export const newVmSettingsSchema = z.object({
  graphics: oneOf(GRAPHICS, 'vnc'),
  storageFormat: oneOf(STORAGE_FORMATS, 'qcow2'),
  cpuMode: oneOf(CPU_MODES, 'host-passthrough'),
  firmware: oneOf(FIRMWARES, 'bios'),
});

export const SCALINGS = ['never', 'fit', 'fullscreen'] as const;

export const consoleSettingsSchema = z.object({
  scaling: oneOf(SCALINGS, 'fullscreen'),
  resizeGuest: flag(false),
  grabKeys: z.string({ error: 'key names joined by +, such as Control_L+Alt_L' }).superRefine((v, ctx) => {
    const problem = grabKeysProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: grabKeysMessage(problem) });
  }).default('Control_L+Alt_L'),
  autoconnect: flag(true),
});

export const confirmSettingsSchema = z.object({
  forceOff: flag(true),
  /** Shut Down, Reboot and Save. */
  powerOff: flag(true),
  pause: flag(false),
  removeDevice: flag(true),
  unappliedChanges: flag(true),
  deleteStorage: flag(true),
});
export type ConfirmKind = keyof z.output<typeof confirmSettingsSchema>;

export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export const generalSettingsSchema = z.object({
  language: oneOf(LANGUAGES, 'system'),
  theme: oneOf(THEMES, 'system'),
  xmlEditing: flag(false),
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

export const settingsCalls = {
  'settings.get': z.object({}),
  'settings.set': settingsChangeSchema,
} as const;

export interface SettingsResults {
  'settings.get': Settings;
  'settings.set': Settings;
}

export type SettingsEvent = { readonly type: 'settings.changed'; readonly settings: Settings };

/** The settings with a change applied, group by group (fields the change does not name are kept). */
export function mergeSettings(current: Settings, change: z.output<typeof settingsChangeSchema>): Settings {
  return {
    stats: { ...current.stats, ...change.stats },
    newVm: { ...current.newVm, ...change.newVm },
    console: { ...current.console, ...change.console },
    confirm: { ...current.confirm, ...change.confirm },
    general: { ...current.general, ...change.general },
  };
}
