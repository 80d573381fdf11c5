import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

// Issue 14's live overview: the running VMs as screen thumbnails, refreshed only for the cards in view.
const artifacts = join(projectRoot, 'test-results', 'e2e');
const VMS = 40;

/** A Demo host node file: VMS running VMs with a VNC display, and one shut off. */
function nodeXml(): string {
  const parts = ["<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>"];
  for (let i = 0; i <= VMS; i++) {
    const running = i < VMS;
    parts.push(`<domain type='test'><name>${running ? `grid-${i}` : 'grid-off'}</name>
  <uuid>6b2c0a8e-0001-4000-8000-${i.toString(16).padStart(12, '0')}</uuid>
  <memory unit='MiB'>256</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>
  <devices><graphics type='vnc' port='-1' autoport='yes'/><video><model type='vga'/></video></devices>
  <test:runstate>${running ? 1 : 5}</test:runstate></domain>`);
  }
  parts.push('</node>');
  return parts.join('\n');
}

type Probe = Window & { screenshotCalls?: string[] };

describe('the manager’s thumbnails of running VMs', () => {
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'hangar-grid-'));
    writeFileSync(join(dir, 'node.xml'), nodeXml());
    data = seededDataDir([{ uri: `test://${join(dir, 'node.xml')}`, name: 'Grid host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Every domains.screenshot the page asks for, by VM key (the API's frames are JSON text).
    await page.addInitScript({
      content: `(() => {
        const calls = (window.screenshotCalls = []);
        const send = WebSocket.prototype.send;
        WebSocket.prototype.send = function (data) {
          if (typeof data === 'string' && data.includes('"domains.screenshot"')) calls.push(JSON.parse(data).input.key);
          return send.call(this, data);
        };
      })();`,
    });
    await page.goto(app.url);
    await page.locator('.pf-v6-c-page__sidebar nav [data-connection="conn-1"][data-connection-state="connected"]').waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows a card per running VM with its screen, asks only for the cards in view, and opens the console', async () => {
    await page.getByRole('button', { name: 'Screen thumbnails of the running VMs' }).click();
    const grid = page.getByRole('region', { name: 'Running virtual machines, with their screens' });
    await expect.poll(() => grid.locator('.vm-grid-card').count()).toBe(VMS);
    expect(await grid.locator('[data-vm="grid-off"]').count()).toBe(0);
    const started = Date.now();
    // The cards in view draw their screen.
    await expect.poll(async () => {
      const shown = grid.locator('.vm-grid-card[data-visible="yes"]');
      const n = await shown.count();
      return n > 0 && (await shown.locator('img').count()) === n;
    }, { timeout: 20_000 }).toBe(true);
    const loaded = await grid.locator('.vm-grid-card[data-visible="yes"] img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0));
    expect(loaded).toBe(true);
    await page.screenshot({ path: join(artifacts, 'vm-grid-light.png') });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.screenshot({ path: join(artifacts, 'vm-grid-dark.png') });
    await page.getByRole('button', { name: 'Follow the system theme' }).click();

    // A refresh or two later: each card in view was asked for about once per refresh, the others never.
    await page.waitForTimeout(11_000);
    const calls = await page.evaluate(() => (window as Probe).screenshotCalls ?? []);
    const elapsed = Date.now() - started;
    const visible = await grid.locator('.vm-grid-card[data-visible="yes"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-vm')));
    const hidden = await grid.locator('.vm-grid-card[data-visible="no"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-vm')));
    expect(visible.length).toBeGreaterThan(0);
    expect(hidden.length).toBeGreaterThan(0);
    const keyOf = (name: string | null): string => `6b2c0a8e-0001-4000-8000-${Number((name ?? '').replace('grid-', '')).toString(16).padStart(12, '0')}`;
    for (const name of hidden) expect([name, calls.filter((k) => k === keyOf(name)).length]).toEqual([name, 0]);
    const most = Math.ceil(elapsed / 5000) + 1;
    for (const name of visible) {
      const n = calls.filter((k) => k === keyOf(name)).length;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(most);
    }

    // A card opens that VM's console.
    const first = visible[0] ?? '';
    await grid.locator(`.vm-grid-card[data-vm="${first}"]`).getByRole('button', { name: `Open the console of ${first}` }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/vm/conn-1/${keyOf(first)}/console`);
  });
});
