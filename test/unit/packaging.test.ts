import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/app-process.js';

const read = (f: string): string => readFileSync(join(projectRoot, f), 'utf8');

function desktopEntry(): Map<string, string> {
  return new Map(read('assets/hangar.desktop').split('\n').filter((l) => /^[A-Za-z]+=/.test(l)).map((l) => {
    const i = l.indexOf('=');
    return [l.slice(0, i), l.slice(i + 1)] as const;
  }));
}

describe('packaging (electron-builder.yml)', () => {
  const yml = read('electron-builder.yml');
  it('builds an AppImage and a deb for Linux with the icon from assets/', () => {
    expect(yml).toMatch(/target:\s*\n\s*- AppImage\s*\n\s*- deb/);
    expect(yml).toMatch(/icon: assets\/icon\.png/);
    const png = readFileSync(join(projectRoot, 'assets', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256); // width: Linux packages want ≥ 256 px
  });
  it("uses the desktop entry of assets/hangar.desktop", () => {
    const entry = desktopEntry();
    for (const key of ['Name', 'GenericName', 'Categories', 'Keywords', 'StartupWMClass']) {
      expect(yml, key).toContain(`${key}: ${entry.get(key) ?? '(missing)'}`);
    }
    expect(entry.get('Exec')).toMatch(/^hangar /);
    expect(yml).toContain('executableName: hangar');
  });
  it('packages the built app, not the sources', () => {
    expect(yml).toMatch(/files:\s*\n\s*- out\/\*\*/);
    expect(existsSync(join(projectRoot, 'assets', 'icon.svg'))).toBe(true);
  });
});
