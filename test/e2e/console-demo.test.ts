// The serial console of a Demo host guest (no libvirt needed): it boots, logs in on its own and answers a small
// shell through the same byte channel and xterm page as a real guest; the graphical console says the Demo host
// cannot carry one instead of failing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');

describe('the Demo host guest console', () => {
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
  });

  it('shows the guest logging in, runs a command, and says the host has no graphical console', async () => {
    const api = await ApiSocket.open(app.url);
    let key: string | undefined;
    await expect.poll(async () => {
      key = (await api.call('domains.list', { connection: 'conn-1' })).items.find((d) => d.name === 'debian-server')?.key;
      return key;
    }, { timeout: 20_000 }).toBeDefined();
    await api.close();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}#/vm/conn-1/${key}/console`);
    const rows = page.locator('[data-testid=serial-terminal] .xterm-rows');
    await expect.poll(() => page.locator('.hangar-console__status').getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    await page.locator('[data-testid=serial-terminal] .xterm-helper-textarea').focus();
    await page.keyboard.type('hostname\r', { delay: 20 });
    await expect.poll(() => rows.innerText(), { timeout: 20_000 }).toMatch(/hostname\s+debian-server/);
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' }).click();
      await page.screenshot({ path: join(artifacts, `console-demo-${theme}.png`) });
    }
    await page.getByRole('button', { name: 'Follow the system theme' }).click();
    await page.getByRole('button', { name: 'Console', exact: true }).click();
    const graphical = page.getByRole('option', { name: /Graphical console/ });
    if (await graphical.count() > 0) {
      await graphical.click();
      await page.getByText('No graphical console on this host').waitFor();
    }
    await page.close();
  }, 60_000);
});
