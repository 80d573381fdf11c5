import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDisk, parseDomain } from '../../drivers/xml/index.js';
import { EditHistory } from '../../main/services/edit-history.js';
import { SnapshotScreenshots } from '../../main/services/snapshot-screenshots.js';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { shootBothThemes } from '../support/theme-shots.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const POOL = 'del-pool';
const VM = 'del-vm';
const OTHER = 'del-other';
const MiB = 1024 * 1024;

describe('deleting a VM with its storage', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let page: Page;
  let poolDir: string;
  let iso: string;

  const shot = (name: string): Promise<void> => shootBothThemes(page, (theme) => join(artifacts, `delete-${name}-${theme}.png`));
  const define = async (name: string, disks: readonly string[]): Promise<void> => {
    const dom = parseDomain(lab.tinyGuestXml({ name }));
    disks.forEach((file, i) => dom.addDevice(buildDisk({ source: { type: 'file', file }, targetDev: `vd${String.fromCharCode(97 + i)}`, bus: 'virtio', format: 'qcow2' })));
    const file = join(lab.dir, `${name}.xml`);
    writeFileSync(file, dom.toXml());
    await lab.virsh(['define', file]);
  };
  const row = (name: string): Locator => page.locator('.vm-list-table').getByRole('row', { name, exact: true });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    poolDir = join(lab.dir, POOL);
    await lab.virsh(['pool-define-as', POOL, 'dir', '--target', poolDir]);
    await lab.virsh(['pool-build', POOL]);
    await lab.virsh(['pool-start', POOL]);
    for (const v of ['own.qcow2', 'shared.qcow2']) await lab.virsh(['vol-create-as', POOL, v, String(8 * MiB), '--format', 'qcow2']);
    // Three disks: its own, one del-other uses too, and the lab's ISO in the CD-ROM.
    await define(VM, [join(poolDir, 'own.qcow2'), join(poolDir, 'shared.qcow2')]);
    await define(OTHER, [join(poolDir, 'shared.qcow2')]);
    const cd = parseDomain(lab.tinyGuestXml({ name: 'x' })).disks.find((d) => d.device === 'cdrom')?.source;
    iso = cd?.type === 'file' ? cd.file : '';
    data = seededDataDir([{ uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    await page.locator('.pf-v6-c-page__sidebar nav [data-connection="conn-1"][data-connection-state="connected"]').waitFor({ timeout: 30_000 });
  }, 180_000);
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('deletes only the VM’s own disk and lists the shared disk and the ISO as kept, with the reason', async () => {
    expect(iso).not.toBe('');
    // What the app keeps of this VM in its data folder: an edit history and a snapshot's picture; both go with it.
    const uuid = (await lab.virsh(['domuuid', VM])).trim();
    const historyFile = new EditHistory(data.dir).fileOf({ uri: lab.uri, uuid });
    mkdirSync(join(historyFile, '..'), { recursive: true });
    writeFileSync(historyFile, `${JSON.stringify({ version: 1, uri: lab.uri, uuid, entries: [] })}\n`);
    const pictures = new SnapshotScreenshots(data.dir);
    await pictures.save('conn-1', uuid, 'snapshot1', { mime: 'image/png', data: Buffer.from('\x89PNG') });
    expect(await pictures.has('conn-1', uuid, 'snapshot1')).toBe(true);
    await lab.virsh(['start', VM]);
    await row(VM).waitFor({ timeout: 30_000 });
    await expect.poll(() => row(VM).getAttribute('data-state'), { timeout: 30_000 }).toBe('running');
    await row(VM).click();
    await page.locator('.vm-actions-bar').getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(`${VM} is currently running and will be forced off before it is deleted.`).waitFor();
    const storage = (path: string): Locator => dialog.locator(`tr[data-path="${path}"]`);
    const own = join(poolDir, 'own.qcow2');
    const shared = join(poolDir, 'shared.qcow2');
    await storage(own).waitFor();
    expect(await storage(own).getByRole('checkbox').isChecked()).toBe(true);
    expect(await storage(shared).getByRole('checkbox').isChecked()).toBe(false);
    expect(await storage(shared).getByText(`Used by ${OTHER}.`).count()).toBe(1);
    expect(await storage(iso).getByRole('checkbox').isChecked()).toBe(false);
    expect(await storage(iso).getByText('CD/DVD media: kept unless you check it.').count()).toBe(1);
    expect(await storage(own).getByText('vda').count()).toBe(1);
    await shot('dialog');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    const result = page.getByRole('dialog').locator('.delete-vm-result');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.locator('.delete-vm-deleted').allTextContents()).toEqual([`Deleted ${own}`]);
    expect(await result.locator(`.delete-vm-kept[data-path="${shared}"]`).textContent()).toBe(`Kept ${shared} — Used by ${OTHER}.`);
    expect(await result.locator(`.delete-vm-kept[data-path="${iso}"]`).textContent()).toBe(`Kept ${iso} — CD/DVD media: kept unless you check it.`);
    await shot('result');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).first().click();

    expect(await lab.virsh(['list', '--all', '--name'])).not.toContain(`${VM}\n`);
    await lab.virsh(['pool-refresh', POOL]);
    const vols = await lab.virsh(['vol-list', POOL]);
    expect(vols).not.toContain('own.qcow2');
    expect(vols).toContain('shared.qcow2');
    expect(existsSync(iso)).toBe(true);
    await row(VM).waitFor({ state: 'detached', timeout: 30_000 });
    expect(existsSync(historyFile)).toBe(false);
    expect(await pictures.has('conn-1', uuid, 'snapshot1')).toBe(false);
  }, 300_000);
});
