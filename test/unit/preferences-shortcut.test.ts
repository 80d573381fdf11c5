import { describe, expect, it } from 'vitest';
import { DOMAIN_ACTIONS } from '../../main/api/contract/index.js';
import { confirmKindOf } from '../../renderer/prefs/confirm-kind.js';
import { matchShortcut, SHORTCUTS } from '../../renderer/shell/shortcuts.js';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}): Parameters<typeof matchShortcut>[0] =>
  ({ key: k, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: null, ...mods });

describe('the Preferences shortcut and the confirmation preferences', () => {
  it('opens Preferences with Ctrl+, (or Cmd+,), listed in the shortcuts table', () => {
    expect(matchShortcut(key(',', { ctrlKey: true }))).toBe('preferences');
    expect(matchShortcut(key(',', { metaKey: true }))).toBe('preferences');
    expect(matchShortcut(key(',', { ctrlKey: true, shiftKey: true }))).toBeUndefined();
    expect(matchShortcut(key(','))).toBeUndefined();
    expect(SHORTCUTS.find((s) => s.id === 'preferences')?.keys).toEqual(['Ctrl+,']);
  });

  it('maps each lifecycle action to the confirmation that covers it, as virt-manager does', () => {
    expect(Object.fromEntries([...DOMAIN_ACTIONS, 'save' as const].map((a) => [a, confirmKindOf(a)]))).toEqual({
      start: undefined, resume: undefined, forceoff: 'forceOff', reset: 'forceOff', shutdown: 'powerOff', reboot: 'powerOff', save: 'powerOff', pause: 'pause',
    });
  });
});
