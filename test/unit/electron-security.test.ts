import { describe, expect, it } from 'vitest';
import { externalLink, ownPageMatcher, trustedSender } from '../../main/electron/navigation-policy.js';
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

describe('navigation and IPC senders', () => {
  const isOwnPage = ownPageMatcher('file:///opt/Hangar/resources/app/out/renderer/index.html');
  it('lets a window show only our own page', () => {
    expect(isOwnPage('file:///opt/Hangar/resources/app/out/renderer/index.html')).toBe(true);
    expect(isOwnPage('file:///opt/Hangar/resources/app/out/renderer/index.html#/vm/1')).toBe(true);
    expect(isOwnPage('file:///opt/Hangar/resources/app/out/renderer/index.html.evil')).toBe(false);
    expect(isOwnPage('file:///etc/passwd')).toBe(false);
    expect(isOwnPage('https://example.com/')).toBe(false);
  });
  it('opens only https links outside, in the browser', () => {
    expect(externalLink('https://libvirt.org/')).toBe('https://libvirt.org/');
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url']) expect(externalLink(url)).toBeUndefined();
  });
  it("takes IPC frames only from a tracked window's main frame showing our page", () => {
    const url = 'file:///opt/Hangar/resources/app/out/renderer/index.html';
    expect(trustedSender({ tracked: true, isMainFrame: true, url }, isOwnPage)).toBe(true);
    expect(trustedSender({ tracked: false, isMainFrame: true, url }, isOwnPage)).toBe(false);
    expect(trustedSender({ tracked: true, isMainFrame: false, url }, isOwnPage)).toBe(false);
    expect(trustedSender({ tracked: true, isMainFrame: true, url: 'https://example.com/' }, isOwnPage)).toBe(false);
  });
});
