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

/** One character as the keys to press (outer first) to type it; null for what cannot be typed (control characters). */
export function keysForChar(ch: string): readonly Key[] | null {
  if (ch === '\n') return [{ keysym: XK.Return, code: 'Enter' }];
  if (ch === '\t') return [{ keysym: XK.Tab, code: 'Tab' }];
  const cp = ch.codePointAt(0);
  if (cp === undefined || cp < 0x20 || cp === 0x7f) return null;
  // Latin-1 keysyms equal their code points; the rest of Unicode is 0x01000000 + code point.
  const keysym = cp <= 0xff ? cp : 0x0100_0000 + cp;
  const key: Key = { keysym, code: codeOf(ch) };
  return SHIFTED.has(ch) ? [SHIFT, key] : [key];
}

function codeOf(ch: string): string {
  const c = ch.toUpperCase();
  if (c >= 'A' && c <= 'Z') return `Key${c}`;
  if (ch >= '0' && ch <= '9') return `Digit${ch}`;
  if (ch === ' ') return 'Space';
  return '';
}
