import { describe, expect, it } from 'vitest';
import { characterLabel, KEY_COMBOS, keysForChar, planTyping, XK } from '../../../renderer/consoles/keysyms.js';

describe('keysForChar', () => {
  it('types Latin-1 as its own keysym, Shift around shifted characters, Enter for a newline', () => {
    expect(keysForChar('a')).toEqual([{ keysym: 0x61, code: 'KeyA' }]);
    expect(keysForChar('A')).toEqual([{ keysym: XK.Shift_L, code: 'ShiftLeft' }, { keysym: 0x41, code: 'KeyA' }]);
    expect(keysForChar('$')?.map((k) => k.keysym)).toEqual([XK.Shift_L, 0x24]);
    expect(keysForChar('7')).toEqual([{ keysym: 0x37, code: 'Digit7' }]);
    expect(keysForChar('\n')).toEqual([{ keysym: XK.Return, code: 'Enter' }]);
  });

  it('has no keys for what a US layout cannot type: control characters, Latin-1 beyond ASCII, the rest of Unicode', () => {
    expect(keysForChar('~')?.map((k) => k.keysym)).toEqual([XK.Shift_L, 0x7e]);
    expect(keysForChar(' ')).toEqual([{ keysym: 0x20, code: 'Space' }]);
    for (const ch of ['\u0007', '\u007f', '\u00a0', 'é', 'ß', '€', '中', '😀']) expect(keysForChar(ch), ch).toBeNull();
  });
});

describe('planTyping', () => {
  it('types what it can in order, and names each character it leaves out once, in order of appearance', () => {
    const plan = planTyping('ab é\r\nc€é\u0007');
    expect(plan.chords.map((keys) => keys.at(-1)?.keysym)).toEqual([0x61, 0x62, 0x20, XK.Return, 0x63]);
    expect(plan.skipped).toEqual(['é', '€', '\u0007']);
    expect(planTyping('echo hi\n').skipped).toEqual([]);
  });

  it('shows invisible and blank characters by code point, the rest as themselves', () => {
    expect(['é', '中', '😀', '\u0007', '\u00a0', '\u200b', '\u2003'].map(characterLabel)).toEqual(['é', '中', '😀', 'U+0007', 'U+00A0', 'U+200B', 'U+2003']);
  });
});

describe('KEY_COMBOS', () => {
  it('offers virt-manager\'s combinations, F1 to F12 with their own keysyms', () => {
    expect(KEY_COMBOS.map((c) => c.label)).toContain('Ctrl+Alt+Del');
    expect(KEY_COMBOS.find((c) => c.id === 'caf12')?.keys.at(-1)).toEqual({ keysym: 0xffc9, code: 'F12' });
    expect(KEY_COMBOS.find((c) => c.id === 'print')?.keys).toEqual([{ keysym: XK.Print, code: 'PrintScreen' }]);
  });
});
