import { describe, expect, it } from 'vitest';
import { KEY_COMBOS, keysForChar, XK } from '../../../renderer/consoles/keysyms.js';

describe('keysForChar', () => {
  it('types Latin-1 as its own keysym, Shift around shifted characters, Enter for a newline', () => {
    expect(keysForChar('a')).toEqual([{ keysym: 0x61, code: 'KeyA' }]);
    expect(keysForChar('A')).toEqual([{ keysym: XK.Shift_L, code: 'ShiftLeft' }, { keysym: 0x41, code: 'KeyA' }]);
    expect(keysForChar('$')?.map((k) => k.keysym)).toEqual([XK.Shift_L, 0x24]);
    expect(keysForChar('7')).toEqual([{ keysym: 0x37, code: 'Digit7' }]);
    expect(keysForChar('\n')).toEqual([{ keysym: XK.Return, code: 'Enter' }]);
  });

  it('maps the rest of Unicode to 0x01000000 + code point, and drops control characters', () => {
    expect(keysForChar('中')?.[0]?.keysym).toBe(0x0100_0000 + 0x4e2d);
    expect(keysForChar('\u0007')).toBeNull();
  });
});

describe('KEY_COMBOS', () => {
  it('offers virt-manager\'s combinations, F1 to F12 with their own keysyms', () => {
    expect(KEY_COMBOS.map((c) => c.label)).toContain('Ctrl+Alt+Del');
    expect(KEY_COMBOS.find((c) => c.id === 'caf12')?.keys.at(-1)).toEqual({ keysym: 0xffc9, code: 'F12' });
    expect(KEY_COMBOS.find((c) => c.id === 'print')?.keys).toEqual([{ keysym: XK.Print, code: 'PrintScreen' }]);
  });
});
