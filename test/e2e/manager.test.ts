import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');

/** A VM's row in the manager's VM list (one table for every host; the names here are unique). */
const vmRow = (page: Page, name: string): Locator => page.locator('.vm-list-table').getByRole('row', { name, exact: true });

/** Picks an action from a VM row's menu. */
async function rowAction(page: Page, name: string, action: string): Promise<void> {
  await vmRow(page, name).getByRole('button', { name: `Actions for ${name}` }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

async function startAndForceOff(page: Page, vmName: string): Promise<void> {
  const row = vmRow(page, vmName);
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('shutoff');
  await rowAction(page, vmName, 'Run');
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
  // The CPU graph fills in from the stats ticks (a sample needs two ticks).
  await expect.poll(async () => Number(await row.locator('svg.sparkline').getAttribute('data-points')), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);
  await rowAction(page, vmName, 'Force Off');
  const dialog = page.getByRole('alertdialog');
  expect(await dialog.getByRole('heading').textContent()).toContain(`Force off “${vmName}”?`);
  await dialog.getByRole('button', { name: 'Force Off' }).click();
  await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('shutoff');
}

describe('the manager window, on the Demo host and a real libvirt host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    await lab.defineGuest({ name: 'tiny' });
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }, { uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('starts and forces off VMs on both hosts, with live state and CPU graph', async () => {
    await page.goto(app.url);
    const demo = page.getByRole('rowgroup', { name: 'Demo host' });
    const labHost = page.getByRole('rowgroup', { name: 'Lab host' });
    await expect.poll(() => demo.getAttribute('data-connection-state')).toBe('connected');
    await expect.poll(() => labHost.getAttribute('data-connection-state'), { timeout: 15_000 }).toBe('connected');
    expect(await demo.getByRole('status').textContent()).toBe('Connected');
    await startAndForceOff(page, 'tiny');
    await startAndForceOff(page, 'ubuntu-dev');
    await rowAction(page, 'debian-server', 'Pause');
    await expect.poll(() => vmRow(page, 'debian-server').getAttribute('data-state')).toBe('paused');
    await page.screenshot({ path: join(artifacts, 'manager.png') });
  });

  it('shows the host\'s own error message when an action fails', async () => {
    // Take the guest's disk away behind Hangar's back: starting it must fail with libvirt's message.
    await lab.virsh(['change-media', 'tiny', 'hdc', '/nonexistent/missing.iso', '--config', '--force']);
    await rowAction(page, 'tiny', 'Run');
    const toast = page.locator('.pf-v6-c-alert-group.pf-m-toast .pf-v6-c-alert').filter({ hasText: 'Run of “tiny” failed' });
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.textContent()).toMatch(/missing\.iso/);
    await page.screenshot({ path: join(artifacts, 'manager-error.png') });
    // The drawer keeps it, with libvirt's message as it is.
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const item = page.locator('.pf-v6-c-notification-drawer [data-notification="danger"]').filter({ hasText: 'Run of “tiny” failed' });
    expect(await item.textContent()).toMatch(/missing\.iso/);
    await page.getByRole('button', { name: 'Close notifications' }).click();
  });

  it('says why a connection failed and what to do, with libvirt\'s message beneath: no daemon, nothing listening for SSH', async () => {
    const add = async (uri: string): Promise<Locator> => {
      await page.getByRole('button', { name: 'Add Connection…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add Connection' });
      await dialog.getByLabel('Custom URI').check();
      await dialog.getByLabel('URI', { exact: true }).fill(uri);
      await dialog.getByRole('button', { name: 'Connect' }).click();
      const host = page.getByRole('rowgroup', { name: uri });
      await expect.poll(() => host.getAttribute('data-connection-state'), { timeout: 30_000 }).toBe('error');
      return host;
    };
    const socket = '/run/hangar-e2e-nothing/libvirt-sock';
    const local = await add(`qemu+unix:///system?socket=${socket}`);
    expect(await local.locator('.connection-hint').textContent()).toContain(`The libvirt daemon is not running on this machine, or libvirt is not installed: nothing answers at ${socket}`);
    // (PatternFly adds a screen-reader suffix to the helper text: compare the start.)
    expect(await local.locator('.connection-message').textContent()).toMatch(new RegExp(`^Failed to connect socket to '${socket}': No such file or directory`));
    const ssh = await add('qemu+ssh://root@127.0.0.1:1/system');
    expect(await ssh.locator('.connection-hint').textContent()).toContain('Nothing listens for SSH at 127.0.0.1:1');
    expect(await ssh.locator('.connection-message').textContent()).toMatch(/Connection refused/);
    await page.screenshot({ path: join(artifacts, 'manager-connection-hints.png') });
  });

  it('renames a connection and changes its URI from its menu; a bad URI is refused at the field', async () => {
    const socket = '/run/hangar-e2e-nothing/libvirt-sock';
    const host = page.getByRole('rowgroup', { name: `qemu+unix:///system?socket=${socket}` });
    await host.getByRole('button', { name: /^Actions for the connection/ }).click();
    await page.getByRole('menuitem', { name: 'Rename or edit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit connection' });
    await dialog.getByLabel('URI').fill('not a uri');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.locator('.pf-v6-c-helper-text__item.pf-m-error').first().textContent()).toMatch(/not a libvirt URI/);
    await dialog.getByLabel('Name').fill('Renamed demo');
    await dialog.getByLabel('URI').fill('test:///default?edited=1');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const renamed = page.getByRole('rowgroup', { name: 'Renamed demo' });
    await expect.poll(() => renamed.getAttribute('data-connection-state'), { timeout: 15_000 }).toBe('connected');
    expect(await renamed.textContent()).toContain('test:///default?edited=1');
    await page.screenshot({ path: join(artifacts, 'manager-connection-edited.png') });
  });
});
