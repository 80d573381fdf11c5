// The settings' values without their schemas: the choices, the defaults, the grab-keys check and the merge of a
// change. Zod-free, so the renderer's first scripts can use them; settings.ts builds its schemas on these.
import type { ParsedSettingsChange, Settings } from './settings.js';

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

export const STATS_GROUPS = ['cpu', 'memory', 'disk', 'network'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];

export const GRAPHICS = ['vnc', 'spice', 'none'] as const;
export const STORAGE_FORMATS = ['qcow2', 'raw'] as const;
export const CPU_MODES = ['host-passthrough', 'host-model', 'hypervisor-default'] as const;
export const FIRMWARES = ['bios', 'uefi'] as const;
export const SCALINGS = ['never', 'fit', 'fullscreen'] as const;
export const LANGUAGES = ['system', 'en', 'zh-CN'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

/**
 * Every setting's default: what settingsSchema fills in for a missing field. Not annotated as Settings, whose type
 * the schemas derive from these values; the renderer's usePreferences and a unit test hold it to that type.
 */
export const DEFAULT_SETTINGS = {
  stats: { intervalSeconds: 3, cpu: true, memory: true, disk: true, network: true },
  newVm: { graphics: 'vnc', storageFormat: 'qcow2', cpuMode: 'host-passthrough', firmware: 'bios' },
  console: { scaling: 'fullscreen', resizeGuest: false, grabKeys: 'Control_L+Alt_L', autoconnect: true },
  confirm: { forceOff: true, powerOff: true, pause: false, removeDevice: true, unappliedChanges: true, deleteStorage: true },
  general: { language: 'system', theme: 'system', xmlEditing: false },
} as const;

/** The settings with a change applied, group by group (fields the change does not name are kept). */
export function mergeSettings(current: Settings, change: ParsedSettingsChange): Settings {
  return {
    stats: { ...current.stats, ...change.stats },
    newVm: { ...current.newVm, ...change.newVm },
    console: { ...current.console, ...change.console },
    confirm: { ...current.confirm, ...change.confirm },
    general: { ...current.general, ...change.general },
  };
}
