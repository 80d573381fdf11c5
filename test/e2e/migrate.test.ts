import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab.js';
import { serialShell } from '../lab/serial-shell.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { defineGuestWithDataDisk, headOf, startDefaultPool } from '../support/migration-disk.js';
import { shootBothThemes } from '../support/theme-shots.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const VM = 'mig-vm';
const COPIED = 'mig-copy';
const SLOW = 'mig-slow';
const GUEST_MS = 240_000;

// Two labs (two libvirtds in their own namespaces) as the migration integration tests have them: their networks
// have no route to each other, so the migration is tunnelled over the daemons' own connection.
describe('migrating a running VM to another host from the UI', () => {
  let source: Lab;
  let target: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let page: Page;

  /** `virsh domjobinfo`'s figure for `label` (e.g. "Data total"), in MiB, as the source's libvirt reports it now. */
  const jobInfoMiB = async (vm: string, label: string): Promise<number> => {
    const line = (await source.virsh(['domjobinfo', vm])).split('\n').find((l) => l.startsWith(`${label}:`));
    const m = line?.match(/([\d.]+)\s+MiB/);
    if (!m?.[1]) throw new Error(`no ${label} in MiB in virsh domjobinfo ${vm}: ${line ?? 'none'}`);
    return Number(m[1]);
  };
  /** What the serial console's xterm shows now (its DOM renderer's rows). */
  const terminalText = (): Promise<string> => page.locator('[data-testid=serial-terminal] .xterm-rows').innerText();
  const shot = (name: string): Promise<void> => shootBothThemes(page, (theme) => join(artifacts, `migrate-${name}-${theme}.png`));

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    [source, target] = await Promise.all([startLab(), startLab()]);
    // libvirt's usual `default` pool in each lab, for the disks copied: each lab's /var/lib/libvirt is its own.
    await Promise.all([startDefaultPool(source), startDefaultPool(target)]);
    data = seededDataDir([{ uri: source.uri, name: 'Source lab' }, { uri: target.uri, name: 'Target lab' }, { uri: 'test:///default', name: 'Demo host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    for (const c of ['conn-1', 'conn-2', 'conn-3']) {
      await page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${c}"][data-connection-state="connected"]`).waitFor({ timeout: 30_000 });
    }
  }, 240_000);
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await Promise.all([source?.stop(), target?.stop()]);
  });

  it('moves the VM live (tunnelled) with progress; it runs on the target and its serial console answers there', async () => {
    await source.bootGuest({ name: VM });
    const log = join(source.dir, `${VM}-serial.log`);
    await expect.poll(() => existsSync(log) && readFileSync(log, 'latin1').includes('hangar-tiny: booted'), { timeout: GUEST_MS, interval: 1000 }).toBe(true);
    const uuid = (await source.virsh(['domuuid', VM])).trim();
    await page.goto(`${app.url.split('#')[0] ?? app.url}#/vm/conn-1/${uuid}/details`);
    await page.getByRole('button', { name: `Actions for ${VM}` }).click();
    await page.getByRole('menuitem', { name: 'Migrate…' }).click();
    const dialog = page.getByRole('dialog');
    const to = dialog.locator('#migrate-to');
    expect(await to.inputValue()).toBe('conn-2');
    // The Demo host is listed, not offered: another hypervisor.
    expect(await to.locator('option[value="conn-3"]').getAttribute('disabled')).not.toBeNull();
    expect(await to.locator('option[value="conn-3"]').textContent()).toBe('Demo host (another hypervisor)');
    expect(await dialog.locator('#migrate-live').isChecked()).toBe(true);
    expect(await dialog.locator('#migrate-tunnelled').isChecked()).toBe(true);
    await dialog.locator('#migrate-bandwidth input').fill('40');
    await shot('dialog');
    await dialog.getByRole('button', { name: 'Migrate', exact: true }).click();
    await page.getByRole('dialog').locator('.lifecycle-job').waitFor();
    await shot('progress');
    // Once the VM has left, its tab on the source (and the dialog in it) says where it went; the job's notice says it is done.
    await page.getByText(`Migrate ${VM}: done`).first().waitFor({ timeout: GUEST_MS });
    await shot('done');
    // The drawer's record of the job says how long the VM was paused: the target's record of the completed
    // migration (virsh domjobinfo --completed there, the oracle).
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const outcome = await page.locator('.pf-v6-c-notification-drawer [data-job-state="done"] .job-outcome').first().innerText();
    const downtime = /Total downtime:\s+(\d+)\s+ms/.exec(await target.virsh(['domjobinfo', '--completed', VM]))?.[1];
    expect(downtime).toBeDefined();
    expect(outcome).toBe(`Now runs as ${VM}; it was paused for ${downtime ?? '?'} ms`);
    // The drawer slides in: once its close button stands still, it is open.
    await page.getByRole('button', { name: 'Close notifications' }).click({ trial: true });
    await shot('done-drawer');
    await page.getByRole('button', { name: 'Close notifications' }).click();
    // The source's tab follows the VM to its new host: one tab, on the target, the VM running there.
    await page.getByRole('heading', { name: `${VM} was migrated` }).waitFor();
    await page.getByRole('button', { name: 'Open it on Target lab' }).click();
    await page.locator('.vm-tab .vm-state[data-state="running"]').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/vm/conn-2/${uuid}/details`);
    expect(await page.getByRole('heading', { name: `${VM} was migrated` }).count()).toBe(0);
    await shot('followed');
    await expect.poll(async () => (await target.virsh(['domstate', VM]).catch(() => '')).trim(), { timeout: 60_000 }).toBe('running');
    expect(await source.virsh(['list', '--all', '--name'])).not.toContain(VM);
    // Its serial console works on the new host. The target's QEMU logs where the definition says: the file in
    // the source lab's folder, which the target lab sees at the same path.
    const out = await serialShell(target, VM, join(source.dir, `${VM}-serial.log`)).run('echo MOVED$((6*7))', /MOVED42/, GUEST_MS);
    expect(out).toContain('MOVED42');
  }, 600_000);
  it('moves the VM live with a full copy of its disk (direct, NBD): the copy on the target holds the disk, its serial console answers in the UI', async () => {
    const MARK = 'HANGAR-E2E-COPIED-DISK';
    const disk = await defineGuestWithDataDisk(source, COPIED, MARK);
    await source.virsh(['start', COPIED]);
    const log = join(source.dir, `${COPIED}-serial.log`);
    await expect.poll(() => existsSync(log) && readFileSync(log, 'latin1').includes('hangar-tiny: booted'), { timeout: GUEST_MS, interval: 1000 }).toBe(true);
    const uuid = (await source.virsh(['domuuid', COPIED])).trim();
    // The labs' networks have no route to each other: the memory and the NBD streams go through unix sockets in
    // a folder both labs see.
    const sockets = mkdtempSync(join(tmpdir(), 'hangar-e2e-mig-'));
    try {
      await page.goto(`${app.url.split('#')[0] ?? app.url}#/vm/conn-1/${uuid}/details`);
      await page.getByRole('button', { name: `Actions for ${COPIED}` }).click();
      await page.getByRole('menuitem', { name: 'Migrate…' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.locator('#migrate-to').inputValue()).toBe('conn-2');
      await dialog.locator('#migrate-storage').selectOption('full');
      // Disks are copied only directly: Tunnelled is no longer offered, Direct is chosen, the addresses appear.
      expect(await dialog.locator('#migrate-tunnelled').isDisabled()).toBe(true);
      expect(await dialog.locator('#migrate-direct').isChecked()).toBe(true);
      await dialog.locator('#migrate-data-uri').fill(`unix://${sockets}/memory.sock`);
      await dialog.locator('#migrate-disks-uri').fill(`unix://${sockets}/disks.sock`);
      await shot('copy-storage-dialog');
      expect(await headOf(target, disk, MARK.length)).toBe('');
      await dialog.getByRole('button', { name: 'Migrate', exact: true }).click();
      await page.getByText(`Migrate ${COPIED}: done`).first().waitFor({ timeout: GUEST_MS });
    } finally {
      rmSync(sockets, { recursive: true, force: true });
    }
    await expect.poll(async () => (await target.virsh(['domstate', COPIED]).catch(() => '')).trim(), { timeout: 60_000 }).toBe('running');
    expect(await source.virsh(['list', '--all', '--name'])).not.toContain(COPIED);
    // The target's own file (each lab has its own /var) was made by Hangar and filled by libvirt with the disk.
    expect(await headOf(target, disk, MARK.length)).toBe(MARK);
    expect(await target.virsh(['vol-list', 'default'])).toContain(`${COPIED}-data.img`);
    // Its serial console, opened in the UI on the new host, runs a command.
    await page.goto(`${app.url.split('#')[0] ?? app.url}#/vm/conn-2/${uuid}/console`);
    await page.getByRole('button', { name: 'Console', exact: true }).click({ timeout: 60_000 });
    await page.getByRole('option', { name: 'Serial 0' }).click();
    await expect.poll(() => page.locator('.hangar-console__status').getAttribute('data-state'), { timeout: 30_000 }).toBe('connected');
    await page.locator('[data-testid=serial-terminal] .xterm-helper-textarea').focus();
    await page.keyboard.type('echo COPIED$((6*7))\n', { delay: 20 });
    await expect.poll(terminalText, { timeout: 30_000 }).toContain('COPIED42');
    await shot('copy-storage-console');
  }, 600_000);
  it('shows a slow copy-storage migration\'s remaining data (memory and disks) and expected downtime; Cancel stops it and removes the disk made for it', async () => {
    await defineGuestWithDataDisk(source, SLOW, 'HANGAR-SLOW');
    await source.virsh(['start', SLOW]);
    const uuid = (await source.virsh(['domuuid', SLOW])).trim();
    const sockets = mkdtempSync(join(tmpdir(), 'hangar-e2e-mig-'));
    try {
      await page.goto(`${app.url.split('#')[0] ?? app.url}#/vm/conn-1/${uuid}/details`);
      await page.getByRole('button', { name: `Actions for ${SLOW}` }).click();
      await page.getByRole('menuitem', { name: 'Migrate…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#migrate-storage').selectOption('full');
      await dialog.locator('#migrate-data-uri').fill(`unix://${sockets}/memory.sock`);
      await dialog.locator('#migrate-disks-uri').fill(`unix://${sockets}/disks.sock`);
      // 1 MiB/s (memory and the disk mirror alike): the 16 MiB disk alone takes a quarter of a minute.
      await dialog.locator('#migrate-bandwidth input').fill('1');
      await dialog.getByRole('button', { name: 'Migrate', exact: true }).click();
      const job = dialog.locator('.lifecycle-job');
      const figure = (key: string): Promise<string> => job.locator(`[data-transfer="${key}"] dd`).innerText();
      // The disk goes first (NBD mirror), then the memory; once the memory moves, QEMU expects a downtime.
      await job.locator('[data-transfer="downtime"]').waitFor({ timeout: 90_000 });
      expect(await figure('remaining')).toMatch(/^[\d.]+ MiB of [\d.]+ MiB$/);
      // The figures the UI shows are the ones libvirt reports (virsh domjobinfo on the source, the oracle).
      const total = Number(/of ([\d.]+) MiB/.exec(await figure('remaining'))?.[1]);
      expect(Math.abs(total - await jobInfoMiB(SLOW, 'Data total'))).toBeLessThan(1);
      expect(Math.abs(Number(/of ([\d.]+) MiB/.exec(await figure('memory'))?.[1]) - await jobInfoMiB(SLOW, 'Memory total'))).toBeLessThan(1);
      expect(await figure('disks')).toMatch(/^[\d.]+ (B|KiB|MiB) of 16 MiB$/);
      const downtime = /Expected downtime:\s+(\d+)\s+ms/.exec(await source.virsh(['domjobinfo', SLOW]))?.[1];
      expect(await figure('downtime')).toBe(`${downtime ?? '?'} ms`);
      // Made by Hangar on the target for the copy, while it runs.
      expect(await target.virsh(['vol-list', 'default'])).toContain(`${SLOW}-data.img`);
      await shot('transfer');
      await job.getByRole('button', { name: 'Cancel', exact: true }).click();
      await dialog.locator('.lifecycle-job[data-job-state="cancelled"]').waitFor({ timeout: 60_000 });
      await dialog.locator('.pf-v6-c-alert__title', { hasText: 'Cancelled' }).waitFor();
      await shot('cancelled');
    } finally {
      rmSync(sockets, { recursive: true, force: true });
    }
    expect((await source.virsh(['domstate', SLOW])).trim()).toBe('running');
    expect(await target.virsh(['list', '--all', '--name'])).not.toContain(SLOW);
    await expect.poll(() => target.virsh(['vol-list', 'default']), { timeout: 10_000 }).not.toContain(`${SLOW}-data.img`);
    expect(await headOf(target, `/var/lib/libvirt/images/${SLOW}-data.img`, 1)).toBe('');
  }, 300_000);
});
