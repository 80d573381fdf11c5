import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab.js';
import { serialShell, type SerialShell } from '../lab/serial-shell.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { shootBothThemes } from '../support/theme-shots.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const VM = 'sr-vm';
const GUEST_MS = 240_000;

describe('save and restore', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let page: Page;
  let guest: SerialShell;
  let log: string;

  const shot = (name: string): Promise<void> => shootBothThemes(page, (theme) => join(artifacts, `save-restore-${name}-${theme}.png`));
  /** The guest's uptime in seconds, as /proc/uptime says (the typed line holds no "UP=" followed by a digit). */
  const uptime = async (): Promise<number> => {
    const out = await guest.run('echo UP=$(cut -d. -f1 /proc/uptime)', /UP=(\d+)/, GUEST_MS);
    return Number(/UP=(\d+)/.exec(out)?.[1]);
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    await lab.defineGuest({ name: VM });
    log = join(lab.dir, `${VM}-serial.log`);
    guest = serialShell(lab, VM, log);
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

  it('saves the running guest with progress, Run reads Restore, and the restored guest goes on where it was', async () => {
    await lab.virsh(['start', VM]);
    // Under emulation on a busy machine the kernel may take longer than the lab's own life check allows.
    await expect.poll(() => existsSync(log) && readFileSync(log, 'latin1').includes('hangar-tiny: booted'), { timeout: GUEST_MS, interval: 1000 }).toBe(true);
    // The guest lives in RAM: a file it writes survives only if its memory does.
    await guest.run('echo kept > /tmp/saved; echo OK$((1+1))', /OK2/, GUEST_MS);
    const before = await uptime();
    const uuid = (await lab.virsh(['domuuid', VM])).trim();
    await page.goto(`${app.url.split('#')[0] ?? app.url}#/vm/conn-1/${uuid}/details`);
    await page.getByRole('button', { name: `Actions for ${VM}` }).click();
    await page.getByRole('menuitem', { name: 'Save', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await shot('dialog');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.locator('.lifecycle-job').waitFor();
    await dialog.waitFor({ state: 'detached', timeout: GUEST_MS });
    await expect.poll(async () => (await lab.virsh(['domstate', VM])).trim(), { timeout: 30_000 }).toBe('shut off');
    expect(await lab.virsh(['dominfo', VM])).toMatch(/Managed save:\s+yes/);
    const restore = page.locator('.domain-actions').getByRole('button', { name: 'Restore', exact: true });
    await restore.waitFor({ timeout: 30_000 });
    await shot('saved');
    await restore.click();
    await expect.poll(async () => (await lab.virsh(['domstate', VM])).trim(), { timeout: GUEST_MS }).toBe('running');
    const after = await uptime();
    expect(after).toBeGreaterThanOrEqual(before);
    const out = await guest.run('cat /tmp/saved | tr a-z A-Z', /KEPT|No such file/, GUEST_MS);
    expect(out).toContain('KEPT');
  }, 600_000);
});
