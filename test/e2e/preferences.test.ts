import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../main/api/contract/index.js';
import { en } from '../../renderer/i18n/en.js';
import { zhCN } from '../../renderer/i18n/zh-CN.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const DEMO = 'conn-1';
const SECTIONS = ['General', 'Polling', 'New VM', 'Console', 'Confirmations'] as const;
const RUNNING = 1;

type Table = { readonly [key: string]: string | Table };
const leaves = (table: Table): string[] => Object.values(table).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
/** The dialog's English sentences that Chinese must not show (names such as VNC or BIOS stay). */
const english = ((): string[] => {
  const zh = new Set(leaves(zhCN.prefs));
  const longestPart = (s: string): string => s.split(/\{\{\w+\}\}/).sort((a, b) => b.length - a.length)[0] ?? s;
  return leaves(en.prefs).filter((s) => !zh.has(s)).map(longestPart).filter((s) => /[a-z]{3,}/.test(s));
})();

// The Preferences dialog on the Demo host: each setting it shows is saved, changes what it names where that
// exists (theme, language, confirmations, the stats interval), survives a restart, and bad values stay in the form.
describe('Preferences, on the Demo host', () => {
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  let api: ApiSocket;
  const data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }]);

  const start = async (): Promise<void> => {
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    api = await ApiSocket.open(app.url);
  };
  const saved = (): Promise<Settings> => api.call('settings.get', {});
  const file = (): unknown => JSON.parse(readFileSync(join(data.dir, 'settings.json'), 'utf8'));
  const dialog = (): ReturnType<Page['getByRole']> => page.getByRole('dialog', { name: /^(Preferences|首选项)$/ });
  const dark = (): Promise<boolean> => page.evaluate(() => document.documentElement.classList.contains('pf-v6-theme-dark'));
  const section = async (name: string): Promise<void> => {
    await dialog().getByRole('tab', { name }).click();
    await expect.poll(() => dialog().getByRole('tab', { name, selected: true }).count()).toBe(1);
  };
  const openPreferences = async (): Promise<void> => {
    await page.getByRole('button', { name: 'Help' }).click();
    await page.getByRole('menuitem', { name: 'Preferences…' }).click();
    await dialog().waitFor();
  };
  const closePreferences = async (): Promise<void> => {
    await dialog().getByRole('button', { name: 'Close', exact: true }).first().click();
    await dialog().waitFor({ state: 'detached' });
  };
  /** What a person would see cut off: elements of the dialog wider than their box or outside the viewport. */
  const clipped = (): Promise<string[]> => page.evaluate(() => {
    const out: string[] = [];
    const box = document.querySelector('[role="dialog"]')?.getBoundingClientRect();
    if (!box) return ['no dialog'];
    if (box.bottom > innerHeight || box.right > innerWidth || box.top < 0 || box.left < 0) out.push('the dialog leaves the window');
    for (const el of document.querySelectorAll<HTMLElement>('[role="dialog"] label, [role="dialog"] .pf-v6-c-helper-text__item-text, [role="dialog"] button, [role="dialog"] select')) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible') out.push(el.textContent ?? '');
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > box.right + 1 || r.bottom > box.bottom + 1)) out.push(`outside: ${el.textContent ?? ''}`);
    }
    // One-line labels that wrapped (a unit squeezed beside its field).
    for (const el of document.querySelectorAll<HTMLElement>('[role="dialog"] .pf-v6-c-number-input__unit, [role="dialog"] .pf-v6-c-tabs__item-text')) {
      if (el.getBoundingClientRect().height > parseFloat(getComputedStyle(el).lineHeight) * 1.5) out.push(`wrapped: ${el.textContent ?? ''}`);
    }
    return out;
  });
  const shots = async (theme: string): Promise<void> => {
    for (const [i, name] of SECTIONS.entries()) {
      await section(name);
      expect([name, await clipped()]).toEqual([name, []]);
      await page.screenshot({ path: join(artifacts, `preferences-${i + 1}-${name.toLowerCase().replace(/ /g, '-')}-${theme}.png`) });
    }
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await start();
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(app.url);
    await page.locator(`[data-connection="${DEMO}"][data-connection-state="connected"]`).first().waitFor({ timeout: 15_000 });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
    await app?.stop();
    data.remove();
  });

  it('opens from the Help menu and with Ctrl+, (listed among the shortcuts), every section in light and dark', async () => {
    await page.keyboard.press('Control+Comma');
    await dialog().waitFor();
    await closePreferences();
    await page.keyboard.press('F1');
    const list = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(await list.getByText('Open the preferences').count()).toBe(1);
    expect(await list.locator('kbd', { hasText: 'Ctrl+,' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await openPreferences();
    expect(await dark()).toBe(false);
    await shots('light');
    await section('General');
    await dialog().getByLabel('Theme').selectOption('dark');
    await expect.poll(dark).toBe(true);
    await shots('dark');
    await section('General');
    await dialog().getByLabel('Theme').selectOption('light');
    await expect.poll(dark).toBe(false);
    await closePreferences();
  });

  it('theme: Preferences and the masthead are one setting, saved', async () => {
    await openPreferences();
    await dialog().getByLabel('Theme').selectOption('dark');
    await expect.poll(dark).toBe(true);
    await expect.poll(async () => (await saved()).general.theme).toBe('dark');
    expect(await page.locator('#theme-dark').getAttribute('aria-pressed')).toBe('true');
    await closePreferences();
    await page.locator('#theme-light').click();
    expect(await dark()).toBe(false);
    await expect.poll(async () => (await saved()).general.theme).toBe('light');
    await openPreferences();
    expect(await dialog().getByLabel('Theme').inputValue()).toBe('light');
    await dialog().getByLabel('Theme').selectOption('system');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(dark).toBe(true);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(dark).toBe(false);
    expect(await page.locator('#theme-system').getAttribute('aria-pressed')).toBe('true');
    await closePreferences();
  });

  it('language: switches the whole window, the same setting as the masthead’s', async () => {
    await openPreferences();
    await dialog().getByLabel('Language').selectOption('zh-CN');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect.poll(async () => (await saved()).general.language).toBe('zh-CN');
    expect(await dialog().getByRole('heading', { name: '首选项' }).count()).toBe(1);
    for (const [i, name] of ['常规', '统计轮询', '新建虚拟机', '控制台', '确认提示'].entries()) {
      await section(name);
      expect([name, await clipped()]).toEqual([name, []]);
      const text = await dialog().innerText();
      expect([name, english.filter((s) => text.includes(s))]).toEqual([name, []]);
      await page.screenshot({ path: join(artifacts, `preferences-${i + 1}-zh-CN.png`) });
    }
    await dialog().getByRole('button', { name: '关闭', exact: true }).first().click();
    await page.getByRole('button', { name: '语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(async () => (await saved()).general.language).toBe('en');
  });

  it('stats interval: 0 and 61 are refused at the field and not saved; 5 is saved and applied', async () => {
    const before = file();
    await openPreferences();
    await section('Polling');
    const interval = dialog().getByLabel('Update interval');
    const error = dialog().getByText('Enter a whole number of seconds from 1 to 60.');
    for (const bad of ['0', '61']) {
      await interval.fill(bad);
      await expect.poll(() => error.count()).toBe(1);
      expect(await interval.getAttribute('aria-invalid')).toBe('true');
      await page.screenshot({ path: join(artifacts, `preferences-interval-${bad}-refused.png`) });
    }
    await page.waitForTimeout(300);
    expect((await saved()).stats.intervalSeconds).toBe(3);
    expect(file()).toEqual(before);
    await interval.fill('5');
    await expect.poll(() => error.count()).toBe(0);
    await expect.poll(async () => (await saved()).stats.intervalSeconds).toBe(5);
    // Applied in main: the Demo host's ticks come 5 s apart.
    await api.call('stats.watch', { connection: DEMO, watch: true });
    const ticks: number[] = [];
    let from = api.events.length;
    while (ticks.length < 3) {
      const e = await api.waitFor((x) => x.type === 'stats' && x.connection === DEMO, 8000, from);
      from = api.events.indexOf(e) + 1;
      ticks.push(e.at);
    }
    const gap = ((ticks[2] ?? 0) - (ticks[0] ?? 0)) / 2;
    expect(gap).toBeGreaterThan(4500);
    expect(gap).toBeLessThan(5600);
    await api.call('stats.watch', { connection: DEMO, watch: false });
    // The polled groups are saved from the checkboxes (what a tick carries is in test/integration/api/settings.test.ts).
    await dialog().getByLabel('Disk I/O').uncheck();
    await expect.poll(async () => (await saved()).stats.disk).toBe(false);
    await dialog().getByLabel('Disk I/O').check();
    await expect.poll(async () => (await saved()).stats.disk).toBe(true);
    await closePreferences();
  });

  it('grab keys: a bad combination is refused at the field, a good one saved', async () => {
    await openPreferences();
    await section('Console');
    const keys = dialog().getByLabel('Grab keys');
    await keys.fill('Ctrl+Alt');
    await expect.poll(() => dialog().getByText('“Ctrl” is not a key name.', { exact: false }).count()).toBe(1);
    expect((await saved()).console.grabKeys).toBe('Control_L+Alt_L');
    await keys.fill('Control_L+Shift_L');
    await expect.poll(async () => (await saved()).console.grabKeys).toBe('Control_L+Shift_L');
    await closePreferences();
  });

  it('confirmations: Force Off asks only while its confirmation is on; Pause asks once it is turned on', async () => {
    const vm = (await api.call('domains.list', { connection: DEMO })).items.find((d) => d.state === RUNNING && d.persistent);
    if (!vm) throw new Error('the Demo host has no running VM');
    await page.evaluate((hash) => { location.hash = hash; }, `#/vm/${DEMO}/${vm.key}`);
    const header = page.locator('.tab-header');
    await expect.poll(() => header.locator('.vm-state').getAttribute('data-state')).toBe('running');
    const menu = header.getByRole('button', { name: `Actions for ${vm.name}` });

    await menu.click();
    await page.getByRole('menuitem', { name: 'Force Off' }).click();
    const asked = page.getByRole('alertdialog');
    await asked.waitFor();
    expect(await asked.getByRole('heading').textContent()).toContain(`Force off “${vm.name}”?`);
    await asked.getByRole('button', { name: 'Cancel' }).click();
    expect(await header.locator('.vm-state').getAttribute('data-state')).toBe('running');

    // Pause: not asked by default; asked once turned on.
    await header.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => header.locator('.vm-state').getAttribute('data-state')).toBe('paused');
    expect(await asked.count()).toBe(0);
    await header.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect.poll(() => header.locator('.vm-state').getAttribute('data-state')).toBe('running');
    await openPreferences();
    await section('Confirmations');
    await dialog().getByLabel('Pausing a VM').check();
    await dialog().getByLabel('Forcing a VM off or resetting it').uncheck();
    await expect.poll(async () => (await saved()).confirm).toMatchObject({ pause: true, forceOff: false });
    await closePreferences();
    await header.getByRole('button', { name: 'Pause', exact: true }).click();
    await asked.waitFor();
    expect(await asked.getByRole('heading').textContent()).toContain(`Pause “${vm.name}”?`);
    await asked.getByRole('button', { name: 'Cancel' }).click();
    expect(await header.locator('.vm-state').getAttribute('data-state')).toBe('running');

    // Force Off, no longer confirmed: done at once.
    await menu.click();
    await page.getByRole('menuitem', { name: 'Force Off' }).click();
    await expect.poll(() => header.locator('.vm-state').getAttribute('data-state')).toBe('shutoff');
    expect(await asked.count()).toBe(0);

    // The manager's list asks for one VM by the same preference.
    await page.keyboard.press('Alt+KeyM');
    const row = page.locator('.vm-list-table').getByRole('row', { name: vm.name, exact: true });
    await row.click({ position: { x: 120, y: 10 } });
    await page.locator('.vm-actions-bar').getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('running');
    expect(await asked.count()).toBe(0);
    await page.locator('.vm-actions-bar').getByRole('button', { name: 'Pause', exact: true }).click();
    await asked.waitFor();
    expect(await asked.getByRole('heading').textContent()).toContain(`Pause “${vm.name}”?`);
    await asked.getByRole('button', { name: 'Cancel' }).click();
    expect(await row.getAttribute('data-state')).toBe('running');
  });

  it('new VM defaults and the rest are saved from the form, and everything survives a restart', async () => {
    await openPreferences();
    await section('New VM');
    await dialog().getByLabel('Graphics type').selectOption('spice');
    await dialog().getByLabel('Storage format').selectOption('raw');
    await dialog().getByLabel('CPU model').selectOption('host-model');
    await dialog().getByLabel('x86 firmware').selectOption('uefi');
    await section('Console');
    await dialog().getByLabel('Scale the console').selectOption('fit');
    await dialog().getByLabel('Resize the guest’s display with the window').check();
    await dialog().getByLabel('Connect to the console when a VM’s console page opens').uncheck();
    await section('General');
    await dialog().getByLabel('Enable XML editing').check();
    await dialog().getByLabel('Theme').selectOption('dark');
    await expect.poll(async () => {
      const s = await saved();
      return [s.newVm, s.console.scaling, s.console.resizeGuest, s.console.autoconnect, s.general.xmlEditing, s.general.theme];
    }).toEqual([{ graphics: 'spice', storageFormat: 'raw', cpuMode: 'host-model', firmware: 'uefi' }, 'fit', true, false, true, 'dark']);
    await closePreferences();
    const before = await saved();

    // The browser-mode service again on the same data folder; a fresh page of it.
    await api.close();
    await app.stop();
    await start();
    expect(await saved()).toEqual(before);
    await page.goto(app.url);
    await expect.poll(dark).toBe(true);
    await openPreferences();
    await section('Polling');
    expect(await dialog().getByLabel('Update interval').inputValue()).toBe('5');
    await section('New VM');
    expect(await dialog().getByLabel('Graphics type').inputValue()).toBe('spice');
    expect(await dialog().getByLabel('x86 firmware').inputValue()).toBe('uefi');
    await section('Console');
    expect(await dialog().getByLabel('Grab keys').inputValue()).toBe('Control_L+Shift_L');
    expect(await dialog().getByLabel('Resize the guest’s display with the window').isChecked()).toBe(true);
    await section('Confirmations');
    expect(await dialog().getByLabel('Pausing a VM').isChecked()).toBe(true);
    expect(await dialog().getByLabel('Forcing a VM off or resetting it').isChecked()).toBe(false);
    await section('General');
    expect(await dialog().getByLabel('Enable XML editing').isChecked()).toBe(true);
    await closePreferences();
  });
});
