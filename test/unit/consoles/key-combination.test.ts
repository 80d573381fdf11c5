import { describe, expect, it } from 'vitest';
import { codesOf, comboLabel, parseKeyCombination } from '../../../renderer/consoles/keysyms.js';

describe('a typed key combination', () => {
  it('becomes the keys to press, in order, with their keysyms and codes', () => {
    expect(parseKeyCombination('Control_L+Alt_L+F2')).toEqual({ keys: [
      { keysym: 0xffe3, code: 'ControlLeft' }, { keysym: 0xffe9, code: 'AltLeft' }, { keysym: 0xffbf, code: 'F2' },
    ] });
    expect(parseKeyCombination('Shift_L+q')).toEqual({ keys: [{ keysym: 0xffe1, code: 'ShiftLeft' }, { keysym: 0x71, code: 'KeyQ' }] });
    expect(parseKeyCombination('Print')).toEqual({ keys: [{ keysym: 0xff61, code: 'PrintScreen' }] });
    expect(parseKeyCombination(' Super_L + 5 ')).toEqual({ keys: [{ keysym: 0xffeb, code: 'MetaLeft' }, { keysym: 0x35, code: 'Digit5' }] });
  });

  it('says what is wrong with a bad one', () => {
    expect(parseKeyCombination('')).toEqual({ problem: { kind: 'empty' } });
    expect(parseKeyCombination('Control_L+')).toEqual({ problem: { kind: 'empty' } });
    expect(parseKeyCombination('Control_L+Nope')).toEqual({ problem: { kind: 'unknown', key: 'Nope' } });
    expect(parseKeyCombination('ctrl+alt+del')).toEqual({ problem: { kind: 'unknown', key: 'ctrl' } });
    expect(parseKeyCombination('Alt_L+Alt_L')).toEqual({ problem: { kind: 'twice' } });
    expect(parseKeyCombination('a+b+c+d+e+f+g')).toEqual({ problem: { kind: 'tooMany' } });
  });

  it('gives the release combination as browser key codes and as people read it', () => {
    expect(codesOf('Control_L+Alt_L')).toEqual(['ControlLeft', 'AltLeft']);
    expect(codesOf('not a key')).toEqual([]);
    expect(comboLabel('Control_L+Alt_L')).toBe('Ctrl+Alt');
    expect(comboLabel('Shift_R+F12')).toBe('Shift+F12');
  });
});
