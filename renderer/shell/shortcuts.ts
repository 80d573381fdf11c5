// The app's keyboard shortcuts: one table for the handler and the help dialog. In a browser tab Chromium keeps
// Ctrl+W and Ctrl+Tab for itself, hence the Alt alternatives.

export type ShortcutId = 'closeTab' | 'nextTab' | 'previousTab' | 'managerTab' | 'notifications' | 'preferences' | 'newVm' | 'help';

export interface Shortcut {
  readonly id: ShortcutId;
  readonly keys: readonly string[];
}

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'closeTab', keys: ['Ctrl+W', 'Alt+W'] },
  { id: 'nextTab', keys: ['Ctrl+Tab', 'Alt+PageDown'] },
  { id: 'previousTab', keys: ['Ctrl+Shift+Tab', 'Alt+PageUp'] },
  { id: 'managerTab', keys: ['Alt+M'] },
  { id: 'notifications', keys: ['Alt+N'] },
  { id: 'preferences', keys: ['Ctrl+,'] },
  { id: 'newVm', keys: ['Ctrl+N'] },
  { id: 'help', keys: ['?', 'F1'] },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The shortcut a key press means, if any. "?" is ignored while typing in a field. */
export function matchShortcut(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'target'>): ShortcutId | undefined {
  const ctrl = e.ctrlKey || e.metaKey;
  if (ctrl && !e.altKey && e.key === 'Tab') return e.shiftKey ? 'previousTab' : 'nextTab';
  if (ctrl && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'w') return 'closeTab';
  if (ctrl && !e.altKey && !e.shiftKey && e.key === ',') return 'preferences';
  if (ctrl && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'n') return 'newVm';
  if (e.altKey && !ctrl) {
    if (e.key === 'PageDown') return 'nextTab';
    if (e.key === 'PageUp') return 'previousTab';
    if (e.code === 'KeyW') return 'closeTab';
    if (e.code === 'KeyM') return 'managerTab';
    if (e.code === 'KeyN') return 'notifications';
  }
  if (e.key === 'F1') return 'help';
  if (e.key === '?' && !ctrl && !e.altKey && !isTyping(e.target)) return 'help';
  return undefined;
}
