import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Bounds {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Bounds;
  readonly maximized: boolean;
}

/**
 * The saved window state, kept only if it is still on one of the displays (a monitor may have been unplugged)
 * and at least the window's minimum size.
 */
export function restoreWindowState(saved: unknown, displays: readonly Bounds[], min: { width: number; height: number }): WindowState | undefined {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const s = saved as { bounds?: Partial<Bounds>; maximized?: unknown };
  const b = s.bounds;
  if (!b || ![b.x, b.y, b.width, b.height].every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  const bounds = { x: b.x as number, y: b.y as number, width: Math.max(min.width, b.width as number), height: Math.max(min.height, b.height as number) };
  const visible = displays.some((d) => bounds.x < d.x + d.width - 50 && bounds.x + bounds.width > d.x + 50 && bounds.y >= d.y - 10 && bounds.y < d.y + d.height - 50);
  return visible ? { bounds, maximized: s.maximized === true } : undefined;
}

export function loadWindowState(dataDir: string): unknown {
  const file = join(dataDir, 'window-state.json');
  try {
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, 'window-state.json'), `${JSON.stringify(state)}\n`);
}
