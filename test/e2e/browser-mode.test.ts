import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { runApp, projectRoot, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');

describe('npm start on a machine without the Electron binary', () => {
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  const data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }]);

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    // No Electron binary can be fetched here; point the override at an empty place so the test means the same
    // on a machine that has one.
    app = await runApp('out/main/start.js', { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist', HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data.remove();
  });

  it('explains in one line and serves the browser mode', () => {
    expect(app.lines[0]).toMatch(/^Electron's binary is not installed here .*browser mode instead\.$/);
    expect(app.lines[1]).toMatch(/^Hangar \(browser mode\) is at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  });

  it('opens in Chromium and shows the Demo host over the token-checked WebSocket', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(app.url);
    const demo = page.getByRole('rowgroup', { name: 'Demo host' });
    await expect.poll(() => demo.getByRole('status').textContent()).toBe('Connected');
    await expect.poll(() => page.locator('.vm-list-table tr[data-uuid]').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('menuitem', { name: 'About Hangar' }).click();
    await expect.poll(() => page.locator('.app-version').textContent()).toMatch(/^\d+\.\d+\.\d+$/);
    await page.keyboard.press('Escape');
    expect(new URL(page.url()).searchParams.has('token')).toBe(false); // taken out of the address bar
    await page.screenshot({ path: join(artifacts, 'browser-mode.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('speaks Simplified Chinese to a Chinese browser', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(app.url);
    await expect.poll(() => page.getByRole('rowgroup', { name: 'Demo host' }).getByRole('status').textContent()).toBe('已连接');
    expect(await page.getByRole('button', { name: '添加连接…' }).count()).toBe(1);
    await context.close();
  });

  it('refuses a wrong or missing token', async () => {
    const origin = new URL(app.url).origin;
    expect((await fetch(`${origin}/?token=wrong`)).status).toBe(403);
    expect((await fetch(`${origin}/`)).status).toBe(403);
    expect((await fetch(`${origin}/assets/`)).status).toBe(403);
    expect((await fetch(app.url)).status).toBe(200);
  });

  it('serves the page uncached and its hashed assets from memory, cached for good, each byte for byte', async () => {
    const { origin, searchParams } = new URL(app.url);
    const token = searchParams.get('token') ?? '';
    const page = await fetch(app.url);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      for (let i = 0; i < 2; i++) { // the second answer comes from memory
        const r = await fetch(`${origin}/${asset}?token=${token}`);
        expect(r.status).toBe(200);
        expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(r.headers.get('content-security-policy')).toBe(page.headers.get('content-security-policy'));
        expect(Buffer.from(await r.arrayBuffer()).equals(readFileSync(join(projectRoot, 'out', 'renderer', asset)))).toBe(true);
      }
    }
    expect((await fetch(`${origin}/assets/no-such-file.js?token=${token}`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/%2e%2e/%2e%2e/package.json?token=${token}`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/x?token=wrong`)).status).toBe(403);
  });

  it('accepts the API WebSocket only with the token and from its own origin', async () => {
    const { origin, searchParams } = new URL(app.url);
    const token = searchParams.get('token') ?? '';
    const wsUrl = `${origin.replace('http', 'ws')}/api`;
    const attempt = (url: string, from: string): Promise<string> => new Promise((resolve) => {
      const ws = new WebSocket(url, { origin: from });
      ws.on('open', () => ws.send(JSON.stringify({ kind: 'call', seq: 1, call: 'app.info', input: {} })));
      ws.on('message', (data: Buffer) => {
        const text = data.toString('utf8');
        if (text.includes('"kind":"result"')) { ws.close(); resolve(`message ${text}`); }
      });
      ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      ws.on('error', (e) => resolve(`error ${e.message}`));
    });
    expect(await attempt(`${wsUrl}?token=${token}`, origin)).toMatch(/^message \{"kind":"result","seq":1,"result":\{"version":"\d+\.\d+\.\d+","mode":"web"[,}]/);
    expect(await attempt(`${wsUrl}?token=nope`, origin)).toBe('refused 403');
    expect(await attempt(`${wsUrl}?token=${token}`, 'http://evil.example')).toBe('refused 403');
  });
});
