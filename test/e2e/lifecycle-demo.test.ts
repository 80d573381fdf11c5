import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDomain } from '../../drivers/xml/index.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { shootBothThemes } from '../support/theme-shots.js';

// Issue 16's "each of these on the Demo host, with the same UI": save and restore, clone, delete with storage
// (snapshots on the Demo host are in snapshots.test.ts, migration needs a second host of the same kind).
const artifacts = join(projectRoot, 'test-results', 'e2e');
const DEMO = 'conn-1';
const RUNNING = 1;
const SHUTOFF = 5;

describe('save, clone and delete on the Demo host', () => {
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let page: Page;
  let api: ApiSocket;

  const shot = (name: string): Promise<void> => shootBothThemes(page, (theme) => join(artifacts, `lifecycle-demo-${name}-${theme}.png`));
  const vm = async (name: string) => (await api.call('domains.list', { connection: DEMO })).items.find((d) => d.name === name);
  const openTab = async (key: string): Promise<void> => {
    await page.evaluate((hash) => { location.hash = hash; }, `#/vm/${DEMO}/${key}/details`);
  };
  const menu = (name: string): Locator => page.getByRole('button', { name: `Actions for ${name}` });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    api = await ApiSocket.open(app.url);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    await page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${DEMO}"][data-connection-state="connected"]`).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await api?.close();
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
  });

  it('saves a running VM from its tab, shows Restore, and restores it', async () => {
    const server = await vm('debian-server');
    if (!server || server.state !== RUNNING) throw new Error('the Demo host’s debian-server is not running');
    await openTab(server.key);
    await menu(server.name).click();
    await page.getByRole('menuitem', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(async () => {
      const d = await vm(server.name);
      return d && { state: d.state, managedSave: d.managedSave };
    }, { timeout: 20_000 }).toEqual({ state: SHUTOFF, managedSave: true });
    const restore = page.locator('.domain-actions').getByRole('button', { name: 'Restore', exact: true });
    await restore.waitFor({ timeout: 20_000 });
    await shot('saved');
    await restore.click();
    await expect.poll(async () => {
      const d = await vm(server.name);
      return d && { state: d.state, managedSave: d.managedSave };
    }, { timeout: 20_000 }).toEqual({ state: RUNNING, managedSave: false });
  });

  it('clones a shut-off VM: a new UUID and MAC, its disk cloned into the same pool', async () => {
    const dev = await vm('ubuntu-dev');
    if (!dev || dev.state !== SHUTOFF) throw new Error('the Demo host’s ubuntu-dev is not shut off');
    await openTab(dev.key);
    await menu(dev.name).click();
    await page.getByRole('menuitem', { name: 'Clone…' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#clone-name').inputValue(), { timeout: 20_000 }).toBe('ubuntu-dev-clone');
    const path = await dialog.locator('#clone-path-vda').inputValue();
    expect(path).toMatch(/\/ubuntu-dev-clone\.qcow2$/);
    await shot('clone');
    await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
    await page.getByRole('dialog').getByText('ubuntu-dev-clone is ready.').waitFor({ timeout: 60_000 });
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();

    const clone = await vm('ubuntu-dev-clone');
    if (!clone) throw new Error('the clone is not listed');
    const cloned = parseDomain((await api.call('domains.xml', { connection: DEMO, key: clone.key, inactive: true })).xml);
    const original = parseDomain((await api.call('domains.xml', { connection: DEMO, key: dev.key, inactive: true })).xml);
    expect(cloned.uuid).not.toBe(original.uuid);
    expect(cloned.interfaces.map((i) => i.mac)).not.toEqual(original.interfaces.map((i) => i.mac));
    const source = cloned.disks.find((d) => d.targetDev === 'vda')?.source;
    expect(source?.type === 'file' ? source.file : undefined).toBe(path);
    const volumes = (await api.call('storage.list', { connection: DEMO })).items.flatMap((p) => p.volumes.map((v) => v.path));
    expect(volumes).toContain(path);
  });

  it('deletes the clone with its disk from the list, and says what it deleted', async () => {
    const clone = await vm('ubuntu-dev-clone');
    if (!clone) throw new Error('the clone is not listed');
    const disk = clone.diskSources.find((s) => s.endsWith('ubuntu-dev-clone.qcow2'));
    if (!disk) throw new Error(`the clone has no disk of its own: ${clone.diskSources.join(', ')}`);
    await page.keyboard.press('Alt+KeyM');
    const row = page.locator('.vm-list-table').getByRole('row', { name: clone.name, exact: true });
    await row.click({ position: { x: 120, y: 10 } });
    await page.locator('.vm-actions-bar').getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const storage = dialog.locator(`tr[data-path="${disk}"]`);
    await storage.waitFor();
    expect(await storage.getByRole('checkbox').isChecked()).toBe(true);
    await shot('delete');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    const result = page.getByRole('dialog').locator('.delete-vm-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.locator('.delete-vm-deleted').allTextContents()).toEqual([`Deleted ${disk}`]);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).first().click();
    await expect.poll(() => vm(clone.name)).toBeUndefined();
    const volumes = (await api.call('storage.list', { connection: DEMO })).items.flatMap((p) => p.volumes.map((v) => v.path));
    expect(volumes).not.toContain(disk);
  });
});
