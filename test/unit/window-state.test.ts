import { describe, expect, it } from 'vitest';
import { restoreWindowState } from '../../main/electron/window-state.js';

const display = { x: 0, y: 0, width: 1920, height: 1080 };
const min = { width: 640, height: 400 };

describe('window state', () => {
  it('restores saved bounds that are on a display', () => {
    expect(restoreWindowState({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true }, [display], min))
      .toEqual({ bounds: { x: 100, y: 50, width: 1000, height: 700 }, maximized: true });
  });
  it('forgets a window left on a monitor that is gone', () => {
    expect(restoreWindowState({ bounds: { x: 2500, y: 50, width: 1000, height: 700 } }, [display], min)).toBeUndefined();
  });
  it('never restores below the minimum size, and ignores garbage', () => {
    expect(restoreWindowState({ bounds: { x: 10, y: 10, width: 20, height: 20 } }, [display], min)?.bounds)
      .toEqual({ x: 10, y: 10, width: 640, height: 400 });
    expect(restoreWindowState('nope', [display], min)).toBeUndefined();
    expect(restoreWindowState({ bounds: { x: 'a', y: 0, width: 1, height: 1 } }, [display], min)).toBeUndefined();
  });
});
