// X11 keysyms the console's key menu and clipboard typing send (the VNC protocol speaks keysyms).
export const XK = {
  BackSpace: 0xff08, Tab: 0xff09, Return: 0xff0d, Escape: 0xff1b, Delete: 0xffff, Print: 0xff61,
  Shift_L: 0xffe1, Control_L: 0xffe3, Alt_L: 0xffe9, Super_L: 0xffeb, F1: 0xffbe,
} as const;

/** A key noVNC sends, with its physical code for servers that use codes (QEMU's extended key events). */
export interface Key {
  readonly keysym: number;
  readonly code: string;
}

const CTRL: Key = { keysym: XK.Control_L, code: 'ControlLeft' };
const ALT: Key = { keysym: XK.Alt_L, code: 'AltLeft' };
const SHIFT: Key = { keysym: XK.Shift_L, code: 'ShiftLeft' };

/** The combinations of the Send Key menu, as virt-manager offers them (its names are what users know). */
export const KEY_COMBOS: readonly { readonly id: string; readonly label: string; readonly keys: readonly Key[] }[] = [
  { id: 'cad', label: 'Ctrl+Alt+Del', keys: [CTRL, ALT, { keysym: XK.Delete, code: 'Delete' }] },
  { id: 'cab', label: 'Ctrl+Alt+Backspace', keys: [CTRL, ALT, { keysym: XK.BackSpace, code: 'Backspace' }] },
  ...Array.from({ length: 12 }, (_, i) => ({ id: `caf${i + 1}`, label: `Ctrl+Alt+F${i + 1}`, keys: [CTRL, ALT, { keysym: XK.F1 + i, code: `F${i + 1}` }] })),
  { id: 'print', label: 'PrintScreen', keys: [{ keysym: XK.Print, code: 'PrintScreen' }] },
];

/** Characters typed with Shift on a US keyboard: the guest's keymap turns the keysym back into a key and needs it. */
const SHIFTED = new Set('~!@#$%^&*()_+{}|:"<>?ABCDEFGHIJKLMNOPQRSTUVWXYZ');

/**
 * One character as the keys to press (outer first) to type it on a US keyboard layout; null for what has no key
 * there (control characters, and anything outside printable ASCII: é, €, 中…). QEMU turns a keysym into a key with
 * the VNC server's keymap (en-us unless the domain sets one) and silently drops the keysyms it cannot place, so the
 * characters without a key are not sent at all but reported (see planTyping).
 */
export function keysForChar(ch: string): readonly Key[] | null {
  if (ch === '\n') return [{ keysym: XK.Return, code: 'Enter' }];
  if (ch === '\t') return [{ keysym: XK.Tab, code: 'Tab' }];
  const cp = ch.codePointAt(0);
  if (cp === undefined || cp < 0x20 || cp > 0x7e) return null;
  // Printable ASCII keysyms equal their code points.
  const key: Key = { keysym: cp, code: codeOf(ch) };
  return SHIFTED.has(ch) ? [SHIFT, key] : [key];
}

/** A text to type as keystrokes: the chords, in order, and the characters left out (each once, in order of appearance). */
export interface TypingPlan {
  readonly chords: readonly (readonly Key[])[];
  readonly skipped: readonly string[];
}

export function planTyping(text: string): TypingPlan {
  const chords: (readonly Key[])[] = [];
  const skipped = new Set<string>();
  for (const ch of text.replace(/\r\n?/g, '\n')) {
    const keys = keysForChar(ch);
    if (keys) chords.push(keys);
    else skipped.add(ch);
  }
  return { chords, skipped: [...skipped] };
}

/** How a skipped character is shown in a list: itself, or its code point when it is invisible or blank (U+0007). */
export function characterLabel(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const invisible = cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || /^\s$/u.test(ch) || /\p{Cf}/u.test(ch);
  return invisible ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : ch;
}

function codeOf(ch: string): string {
  const c = ch.toUpperCase();
  if (c >= 'A' && c <= 'Z') return `Key${c}`;
  if (ch >= '0' && ch <= '9') return `Digit${ch}`;
  if (ch === ' ') return 'Space';
  return '';
}

/** Named keys a typed combination may use (X keysym names, as virt-manager's preferences spell them), with their codes. */
const NAMED: Readonly<Record<string, Key>> = {
  Control_L: { keysym: 0xffe3, code: 'ControlLeft' }, Control_R: { keysym: 0xffe4, code: 'ControlRight' },
  Alt_L: { keysym: 0xffe9, code: 'AltLeft' }, Alt_R: { keysym: 0xffea, code: 'AltRight' },
  Shift_L: { keysym: 0xffe1, code: 'ShiftLeft' }, Shift_R: { keysym: 0xffe2, code: 'ShiftRight' },
  Super_L: { keysym: 0xffeb, code: 'MetaLeft' }, Super_R: { keysym: 0xffec, code: 'MetaRight' },
  Meta_L: { keysym: 0xffe7, code: 'MetaLeft' }, Meta_R: { keysym: 0xffe8, code: 'MetaRight' },
  ISO_Level3_Shift: { keysym: 0xfe03, code: 'AltRight' },
  space: { keysym: 0x20, code: 'Space' }, Return: { keysym: XK.Return, code: 'Enter' }, Escape: { keysym: XK.Escape, code: 'Escape' },
  Tab: { keysym: XK.Tab, code: 'Tab' }, BackSpace: { keysym: XK.BackSpace, code: 'Backspace' }, Delete: { keysym: XK.Delete, code: 'Delete' },
  Insert: { keysym: 0xff63, code: 'Insert' }, Home: { keysym: 0xff50, code: 'Home' }, End: { keysym: 0xff57, code: 'End' },
  Page_Up: { keysym: 0xff55, code: 'PageUp' }, Page_Down: { keysym: 0xff56, code: 'PageDown' },
  Left: { keysym: 0xff51, code: 'ArrowLeft' }, Up: { keysym: 0xff52, code: 'ArrowUp' }, Right: { keysym: 0xff53, code: 'ArrowRight' },
  Down: { keysym: 0xff54, code: 'ArrowDown' }, Print: { keysym: XK.Print, code: 'PrintScreen' }, Pause: { keysym: 0xff13, code: 'Pause' },
  Scroll_Lock: { keysym: 0xff14, code: 'ScrollLock' },
  ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`F${i + 1}`, { keysym: XK.F1 + i, code: `F${i + 1}` }])),
};

/** What is wrong with a typed key combination. */
export type ComboProblem = { readonly kind: 'empty' } | { readonly kind: 'unknown'; readonly key: string } | { readonly kind: 'twice' } | { readonly kind: 'tooMany' };

/**
 * A combination typed as key names joined by "+" ("Control_L+Alt_L+F2", "Shift_L+q", "Print"): the keys to press in
 * order (released in reverse), or what is wrong with it. A letter or digit stands for its key.
 */
export function parseKeyCombination(text: string): { readonly keys: readonly Key[] } | { readonly problem: ComboProblem } {
  const names = text.split('+').map((n) => n.trim());
  if (text.trim() === '' || names.some((n) => n === '')) return { problem: { kind: 'empty' } };
  if (names.length > 6) return { problem: { kind: 'tooMany' } };
  if (new Set(names).size !== names.length) return { problem: { kind: 'twice' } };
  const keys: Key[] = [];
  for (const name of names) {
    const named = NAMED[name];
    if (named) keys.push(named);
    else if (/^[A-Za-z0-9]$/.test(name)) keys.push({ keysym: name.toLowerCase().charCodeAt(0), code: codeOf(name) });
    else return { problem: { kind: 'unknown', key: name } };
  }
  return { keys };
}

/** The browser's KeyboardEvent.code of each key a grab-release combination names ("Control_L+Alt_L"). */
export function codesOf(combination: string): readonly string[] {
  const parsed = parseKeyCombination(combination);
  return 'keys' in parsed ? parsed.keys.map((k) => k.code) : [];
}

/** A combination as people read it: "Control_L+Alt_L" → "Ctrl+Alt". */
export function comboLabel(combination: string): string {
  return combination.split('+').map((n) => n.replace(/_[LR]$/, '').replace(/^Control$/, 'Ctrl').replace(/^Super$/, 'Super')).join('+');
}
