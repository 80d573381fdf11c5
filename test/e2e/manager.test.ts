import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');

async function startAndForceOff(page: Page, host: Locator, vmName: string): Promise<void> {
  const row = host.getByRole('listitem', { name: vmName, exact: true });
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('shutoff');
  await row.getByRole('button', { name: 'Run' }).click();
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
  // The CPU graph fills in from the stats ticks (a sample needs two ticks).
  await expect.poll(async () => Number(await row.locator('svg.sparkline').getAttribute('data-points')), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);
  await row.getByRole('button', { name: 'Force Off' }).click();
  const dialog = page.getByRole('alertdialog');
  expect(await dialog.getByRole('heading').textContent()).toBe(`Force off "${vmName}"?`);
  await dialog.getByRole('button', { name: 'Force Off' }).click();
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('shutoff');
}

describe('the manager window, on the Demo host and a real libvirt host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    await lab.defineGuest({ name: 'tiny' });
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }, { uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('starts and forces off VMs on both hosts, with live state and CPU graph', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    const demo = page.getByRole('region', { name: 'Demo host' });
    const labHost = page.getByRole('region', { name: 'Lab host' });
    await expect.poll(() => demo.getByRole('status').textContent()).toBe('Connected');
    await expect.poll(() => labHost.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Connected');
    await startAndForceOff(page, labHost, 'tiny');
    await startAndForceOff(page, demo, 'ubuntu-dev');
    await demo.getByRole('listitem', { name: 'debian-server' }).getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => demo.getByRole('listitem', { name: 'debian-server' }).getAttribute('data-state')).toBe('paused');
    await page.screenshot({ path: join(artifacts, 'manager.png') });
    await page.close();
  });

  it('shows the host\'s own error message when an action fails', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    const labHost = page.getByRole('region', { name: 'Lab host' });
    await expect.poll(() => labHost.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Connected');
    // Take the guest's disk away behind Hangar's back: starting it must fail with libvirt's message.
    await lab.virsh(['change-media', 'tiny', 'hdc', '/nonexistent/missing.iso', '--config', '--force']);
    await labHost.getByRole('listitem', { name: 'tiny' }).getByRole('button', { name: 'Run' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 15_000 }).toMatch(/^Run of "tiny" failed: .*missing\.iso/);
    await page.close();
  });
});
