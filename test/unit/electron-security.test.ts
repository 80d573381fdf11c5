import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../main/electron/window-options.js';
import { contentSecurityPolicy } from '../../main/security/csp.js';

describe('Electron window security', () => {
  const prefs = mainWindowOptions('/app/preload.cjs', '1.2.3').webPreferences ?? {};
  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy(['ws://127.0.0.1:4000']);
  const directives = new Map(csp.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name ?? '', values] as const;
  }));
  it('allows only our own scripts and styles, never inline code or eval', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });
  it('connects only to ourselves and the given API origin, and cannot be framed', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4000']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });
});
