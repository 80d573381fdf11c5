import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDisk, buildNetwork, parseDomain } from '../../drivers/xml/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const LAB = 'conn-1';
const NET = 'hd-net';
const POOL = 'hd-pool';
const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('host details on a real libvirt host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let api: ApiSocket;
  let page: Page;
  let local: string;
  let poolDir: string;

  const tabpanel = (): Locator => page.getByRole('tabpanel');
  const shot = async (name: string): Promise<void> => {
    // Toasts come and go; the page is what the picture is of.
    const closeToast = page.locator('.pf-v6-c-alert-group.pf-m-toast .pf-v6-c-alert__action button');
    while (await closeToast.count() > 0) await closeToast.first().click();
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' }).click();
      await page.screenshot({ path: join(artifacts, `host-details-${name}-${theme}.png`) });
    }
    await page.getByRole('button', { name: 'Follow the system theme' }).click();
  };
  const section = async (name: string): Promise<void> => {
    await page.getByRole('tab', { name, exact: true }).click();
  };
  /** Every value a progress bar inside `selector` shows, from now on. */
  const watchProgress = (selector: string): Promise<void> => page.evaluate((sel) => {
    const seen: number[] = [];
    (window as unknown as { progressSeen: number[] }).progressSeen = seen;
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll(`${sel} [role="progressbar"]`)) seen.push(Number(bar.getAttribute('aria-valuenow')));
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  }, selector);
  const progressSeen = (): Promise<number[]> => page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
  const volumeRow = (name: string): Locator => tabpanel().locator(`tr[data-volume="${name}"]`);
  const volumeAction = async (volume: string, item: string): Promise<void> => {
    await volumeRow(volume).getByRole('button', { name: /kebab toggle/i }).click();
    await page.getByRole('menuitem', { name: item }).click();
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    local = mkdtempSync(join(tmpdir(), 'hangar-hd-'));
    lab = await startLab();
    const netFile = join(lab.dir, 'hd-net.xml');
    writeFileSync(netFile, buildNetwork({ name: NET, ipv4: { address: '192.168.150.1', prefix: 24, dhcp: [{ start: '192.168.150.100', end: '192.168.150.200' }] } }).toXml());
    await lab.virsh(['net-define', netFile]);
    await lab.virsh(['net-start', NET]);
    poolDir = join(lab.dir, POOL);
    await lab.virsh(['pool-define-as', POOL, 'dir', '--target', poolDir]);
    await lab.virsh(['pool-build', POOL]);
    await lab.virsh(['pool-start', POOL]);
    await lab.virsh(['vol-create-as', POOL, 'disk.raw', String(50 * MiB), '--format', 'raw']);
    await lab.virsh(['vol-create-as', POOL, 'used.qcow2', String(16 * MiB), '--format', 'qcow2']);
    // A VM whose second disk is used.qcow2.
    const dom = parseDomain(lab.tinyGuestXml({ name: 'hd-vm' }));
    dom.addDevice(buildDisk({ source: { type: 'file', file: join(poolDir, 'used.qcow2') }, targetDev: 'vdb', bus: 'virtio', format: 'qcow2' }));
    const domFile = join(lab.dir, 'hd-vm.xml');
    writeFileSync(domFile, dom.toXml());
    await lab.virsh(['define', domFile]);
    data = seededDataDir([{ uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    api = await ApiSocket.open(app.url);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await page.goto(app.url);
    const host = page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${LAB}"]`);
    await page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${LAB}"][data-connection-state="connected"]`).waitFor({ timeout: 15_000 });
    await host.getByRole('button', { name: 'Host details' }).click();
  });
  afterAll(async () => {
    await api?.close();
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
    if (local) rmSync(local, { recursive: true, force: true });
  });

  it('shows the overview with the host facts, live graphs and an autoconnect switch', async () => {
    await expect.poll(() => tabpanel().locator('.host-section dd').count(), { timeout: 15_000 }).toBeGreaterThan(7);
    expect(await tabpanel().getByText(lab.uri, { exact: true }).count()).toBe(1);
    await expect.poll(() => tabpanel().locator('.host-graph svg').first().getAttribute('data-points'), { timeout: 20_000 }).not.toBe('0');
    const autoconnect = tabpanel().getByRole('switch', { name: 'Autoconnect' });
    expect(await autoconnect.isChecked()).toBe(true);
    await autoconnect.click({ force: true });
    await expect.poll(async () => (await api.call('connections.list', {})).items.find((c) => c.key === LAB)?.saved.autoconnect).toBe(false);
    await expect.poll(() => autoconnect.isChecked()).toBe(false);
    await autoconnect.click({ force: true });
    await expect.poll(async () => (await api.call('connections.list', {})).items.find((c) => c.key === LAB)?.saved.autoconnect).toBe(true);
    await shot('overview');
  });

  it('stops and starts a network, and adds a static DHCP host that virsh net-dumpxml shows', async () => {
    await section('Virtual networks');
    const row = tabpanel().getByRole('row', { name: NET });
    await expect.poll(() => row.getByText('Active', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await row.getByRole('button', { name: 'Stop' }).click();
    await expect.poll(async () => (await lab.virsh(['net-info', NET])).match(/^Active:\s+(\w+)/m)?.[1], { timeout: 10_000 }).toBe('no');
    await expect.poll(() => row.getByText('Inactive', { exact: true }).count()).toBe(1);
    await row.getByRole('button', { name: 'Start' }).click();
    await expect.poll(async () => (await lab.virsh(['net-info', NET])).match(/^Active:\s+(\w+)/m)?.[1], { timeout: 10_000 }).toBe('yes');
    await expect.poll(() => row.getByText('Active', { exact: true }).count()).toBe(1);

    await row.getByText(NET, { exact: true }).click();
    const details = tabpanel().getByRole('region', { name: `Network ${NET}` });
    await details.waitFor();
    expect(await details.getByText('192.168.150.100 – 192.168.150.200').count()).toBe(1);
    // Checked as typed: a multicast MAC and an address outside the network are refused at the field.
    await page.locator('#dhcp-mac').fill('01:00:5e:00:00:01');
    await page.locator('#dhcp-ip').fill('10.0.0.5');
    expect(await details.getByText('Not a unicast MAC address such as 52:54:00:12:34:56').count()).toBe(1);
    expect(await details.getByText('Outside this network, or its network, broadcast or host address').count()).toBe(1);
    expect(await details.getByRole('button', { name: 'Add host' }).isDisabled()).toBe(true);
    await page.locator('#dhcp-mac').fill('52:54:00:aa:bb:cc');
    await page.locator('#dhcp-name').fill('web1');
    await page.locator('#dhcp-ip').fill('192.168.150.10');
    await details.getByRole('button', { name: 'Add host' }).click();
    await expect.poll(() => lab.virsh(['net-dumpxml', NET]), { timeout: 10_000 }).toMatch(/<host mac='52:54:00:aa:bb:cc' name='web1' ip='192.168.150.10'\s*\/>/);
    await expect.poll(() => details.getByRole('row', { name: '52:54:00:aa:bb:cc' }).count()).toBe(1);
    await shot('networks');
  });

  it('refreshes a pool, uploads 50 MiB into a volume and downloads it back unchanged, with progress and a cancel', async () => {
    await section('Storage');
    const pool = tabpanel().getByRole('rowgroup', { name: POOL });
    await pool.locator('.pf-v6-c-table__toggle button').click();
    await volumeRow('disk.raw').waitFor();
    // A file libvirt has not seen yet appears on Refresh.
    expect((await lab.exec('dd', ['if=/dev/zero', `of=${join(poolDir, 'extra.raw')}`, 'bs=1M', 'count=1', 'status=none'])).code).toBe(0);
    expect(await volumeRow('extra.raw').count()).toBe(0);
    await pool.getByRole('button', { name: 'Refresh' }).first().click();
    await volumeRow('extra.raw').waitFor({ timeout: 10_000 });
    expect(await volumeRow('used.qcow2').locator('td').nth(4).textContent()).toBe('hd-vm');
    await expect.poll(() => volumeRow('used.qcow2').locator('td').nth(1).textContent()).toBe('qcow2');

    const bytes = randomBytes(50 * MiB);
    const file = join(local, 'upload.bin');
    writeFileSync(file, bytes);
    await watchProgress('tr[data-volume="disk.raw"]');
    const chooser = page.waitForEvent('filechooser');
    await volumeAction('disk.raw', 'Upload file…');
    await (await chooser).setFiles(file);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Upload file…' }).click();
    await volumeRow('disk.raw').locator('[data-transfer="upload"]').waitFor({ state: 'detached', timeout: 120_000 });
    await expect.poll(() => page.getByText('Uploaded into disk.raw').count()).toBeGreaterThan(0);
    const uploadSeen = await progressSeen();
    expect(uploadSeen.some((v) => v > 0 && v <= 100)).toBe(true);
    const inLab = await lab.exec('sha256sum', [join(poolDir, 'disk.raw')]);
    expect(inLab.stdout.split(' ')[0]).toBe(sha256(bytes));

    await watchProgress('tr[data-volume="disk.raw"]');
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await volumeAction('disk.raw', 'Download');
    const saved = join(local, 'download.bin');
    await (await download).saveAs(saved);
    expect(sha256(readFileSync(saved))).toBe(sha256(bytes));
    expect((await progressSeen()).some((v) => v > 0 && v <= 100)).toBe(true);
    // Cancel stops a transfer under way: no file is saved.
    let saves = 0;
    page.on('download', () => saves++);
    await volumeAction('disk.raw', 'Download');
    await volumeRow('disk.raw').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.getByText('Transfer of disk.raw cancelled').count()).toBeGreaterThan(0);
    await volumeRow('disk.raw').locator('[data-transfer]').waitFor({ state: 'detached' });
    expect(saves).toBe(0);
    await shot('storage');
  });

  it('warns before deleting a volume a VM uses, and deletes it only on a second confirmation', async () => {
    await volumeAction('used.qcow2', 'Delete');
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getByText('A VM uses this volume as a disk:').count()).toBe(1);
    expect(await dialog.getByText('hd-vm', { exact: true }).count()).toBe(1);
    await page.screenshot({ path: join(artifacts, 'host-details-delete-volume.png') });
    const confirm = dialog.getByRole('button', { name: 'Delete' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Delete it anyway: I know these VMs lose this disk').check();
    await confirm.click();
    await expect.poll(() => lab.virsh(['vol-list', POOL]), { timeout: 10_000 }).not.toContain('used.qcow2');
    await volumeRow('used.qcow2').waitFor({ state: 'detached' });
  });

  it('with the "Deleting storage" confirmation off, deletes a volume no VM uses at once', async () => {
    const settings = await api.call('settings.get', {});
    // Through Preferences, as a user turns it off: the page has the new setting before the next click (a change
    // made through another socket reaches the page a batch later, and the click could beat it).
    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('menuitem', { name: 'Preferences…' }).click();
    const prefs = page.getByRole('dialog', { name: 'Preferences' });
    await prefs.getByRole('tab', { name: 'Confirmations' }).click();
    await prefs.getByLabel('Deleting storage').uncheck();
    await expect.poll(async () => (await api.call('settings.get', {})).confirm.deleteStorage).toBe(false);
    await prefs.getByRole('button', { name: 'Close', exact: true }).first().click();
    await prefs.waitFor({ state: 'detached' });
    try {
      await volumeRow('extra.raw').waitFor();
      await volumeAction('extra.raw', 'Delete');
      await expect.poll(() => lab.virsh(['vol-list', POOL]), { timeout: 10_000 }).not.toContain('extra.raw');
      expect(await page.getByRole('alertdialog').count()).toBe(0);
    } finally {
      // A confirmation left open would block every later case of this file.
      if (await page.getByRole('alertdialog').count() > 0) await page.keyboard.press('Escape');
      await api.call('settings.set', { confirm: settings.confirm });
    }
  });

  it('shows the PCI devices as a tree under the computer', async () => {
    await section('Host devices');
    const root = tabpanel().getByRole('treeitem').filter({ has: page.locator('[data-device="computer"]') }).first();
    await root.waitFor({ timeout: 10_000 });
    await expect.poll(() => root.locator('[role="treeitem"] [data-device^="pci_"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(artifacts, 'host-details-devices.png') });
  });

  it('speaks Simplified Chinese in every section', async () => {
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    for (const [name, file] of [['概览', 'overview'], ['虚拟网络', 'networks'], ['存储', 'storage'], ['主机设备', 'devices']] as const) {
      await section(name);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(artifacts, `host-details-${file}-zh-CN.png`) });
    }
    await page.getByRole('button', { name: '语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
  });
});
