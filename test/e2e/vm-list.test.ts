import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const BIG = 1000;

/** A test-driver node file of BIG VMs, every other one running. */
function bigNode(): string {
  const parts = ["<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>"];
  for (let i = 0; i < BIG; i++) {
    const uuid = `5c1d0a8e-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    parts.push(`<domain type='test'><name>big-vm-${i}</name><uuid>${uuid}</uuid><title>Load ${i % 7}</title>
  <memory unit='MiB'>${512 * (1 + (i % 4))}</memory><vcpu>${1 + (i % 4)}</vcpu><os><type arch='x86_64'>hvm</type></os>
  <test:runstate>${i % 2 === 0 ? 1 : 5}</test:runstate></domain>`);
  }
  parts.push('</node>');
  return parts.join('\n');
}

describe('the VM list across hosts, on the Demo host and a real libvirt host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let page: Page;

  const list = (): Locator => page.locator('.vm-list-table');
  const row = (name: string): Locator => list().getByRole('row', { name, exact: true });
  const names = (): Promise<string[]> => list().locator('tr[data-uuid]').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  const search = (): Locator => page.getByRole('textbox', { name: 'Search virtual machines' });
  const filter = async (id: string, option: string): Promise<void> => {
    await page.locator(`[data-filter="${id}"]`).click();
    await page.locator('.pf-v6-c-menu').getByText(option, { exact: true }).click();
    await page.keyboard.press('Escape');
  };
  const clearFilters = (): Promise<void> => page.getByRole('button', { name: 'Clear all filters' }).first().click();
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(artifacts, `vm-list-${name}.png`) });
  const state = (name: string): Promise<string | null> => row(name).getAttribute('data-state');

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    await lab.defineGuest({ name: 'vm2' });
    await lab.defineGuest({ name: 'vm10' });
    data = seededDataDir([
      { uri: 'test:///default', name: 'Demo host' },
      { uri: lab.uri, name: 'Lab host' },
      { uri: `test://${join(lab.dir, 'big-node.xml')}`, name: 'Big host', autoconnect: false },
    ]);
    writeFileSync(join(lab.dir, 'big-node.xml'), bigNode());
    writeFileSync(join(data.dir, 'settings.json'), JSON.stringify({ statsIntervalSeconds: 1 }));
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('lists both hosts\' VMs in one table; search, filter by state and by host', async () => {
    await row('debian-server').waitFor({ timeout: 15_000 });
    await row('vm10').waitFor({ timeout: 20_000 });
    expect(await row('vm2').locator('td').nth(3).textContent()).toBe('Lab host');
    // Ctrl+F goes to the search box; the text matches names, titles and descriptions.
    await list().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+f');
    expect(await search().evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('vm');
    await expect.poll(names).toEqual(['vm2', 'vm10']);
    await search().fill('debian');
    await expect.poll(names).toEqual(['debian-server']);
    await search().fill('');
    await filter('vm-filter-state', 'Paused');
    await expect.poll(names).toEqual(['alpine-router']);
    await filter('vm-filter-state', 'Shutoff');
    await expect.poll(names).toEqual(['alpine-router', 'ubuntu-dev', 'vm2', 'vm10', 'windows-11']);
    await filter('vm-filter-host', 'Lab host');
    await expect.poll(names).toEqual(['vm2', 'vm10']);
    // The chosen filters show as labels; removing one widens the list again.
    await page.locator('.pf-v6-c-toolbar').getByRole('button', { name: /^Close Lab host/ }).click();
    await expect.poll(names).toEqual(['alpine-router', 'ubuntu-dev', 'vm2', 'vm10', 'windows-11']);
    await clearFilters();
    await expect.poll(async () => (await names()).length).toBe(7);
  });

  it('sorts names in natural order and by guest CPU', async () => {
    const header = (name: string): Locator => list().getByRole('columnheader', { name }).getByRole('button');
    const sortBy = async (name: string, direction: 'ascending' | 'descending'): Promise<void> => {
      const th = list().getByRole('columnheader', { name });
      for (let i = 0; i < 3 && (await th.getAttribute('aria-sort')) !== direction; i++) await header(name).click();
      expect(await th.getAttribute('aria-sort')).toBe(direction);
    };
    await filter('vm-filter-host', 'Lab host');
    await expect.poll(names).toEqual(['vm2', 'vm10']);
    await header('Name').click(); // descending
    await expect.poll(names).toEqual(['vm10', 'vm2']);
    await header('Name').click();
    await expect.poll(names).toEqual(['vm2', 'vm10']);
    await clearFilters();
    await filter('vm-filter-host', 'Demo host');
    try {
      await sortBy('Guest CPU', 'descending'); // busiest first
      const cpu = (): Promise<{ state: string; cpu: number }[]> => list().locator('tr[data-uuid]').evaluateAll((rows) => rows.map((r) => {
        const title = r.querySelector('.vm-stat')?.getAttribute('title');
        return { state: r.getAttribute('data-state') ?? '', cpu: title ? Number(title.replace(/[^\d.]/g, '')) : -1 };
      }));
      // Once every running VM has its figure (a sample needs two ticks; a running Demo guest is never idle), the
      // busiest come first, each at least as busy as the next (the list re-sorts as the figures change).
      await expect.poll(async () => {
        const v = await cpu();
        return v.filter((x) => x.state === 'running').every((x) => x.cpu > 0) && v.every((x, i) => i === 0 || (v[i - 1]?.cpu ?? 0) >= x.cpu);
      }, { timeout: 30_000 }).toBe(true);
      expect((await names()).slice(0, 2).sort()).toEqual(['debian-server', 'fedora-workstation']);
    } finally {
      // Whatever happened, the next cases start from the plain list.
      await sortBy('Name', 'ascending');
      await clearFilters();
    }
  });

  it('starts three selected VMs on both hosts after one confirmation naming 3, then forces them off', async () => {
    await expect.poll(names).toEqual(['alpine-router', 'debian-server', 'fedora-workstation', 'ubuntu-dev', 'vm2', 'vm10', 'windows-11']);
    await row('ubuntu-dev').click({ position: { x: 120, y: 10 } });
    await row('windows-11').click({ position: { x: 120, y: 10 }, modifiers: ['Control'] });
    await row('vm10').click({ position: { x: 120, y: 10 }, modifiers: ['Control'] });
    expect(await page.locator('.vm-list-toolbar .vm-count').textContent()).toBe('3 of 7 selected');
    await page.locator('.vm-actions-bar').getByRole('button', { name: 'Run', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getByRole('heading').textContent()).toContain('Run 3 VMs?');
    await dialog.getByRole('button', { name: 'Run' }).click();
    for (const name of ['ubuntu-dev', 'windows-11', 'vm10']) await expect.poll(() => state(name), { timeout: 20_000 }).toBe('running');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    // Shift-click takes the range (vm2 between them is off); the context menu's Shut Down submenu forces off the
    // three running ones, again with one question.
    await row('ubuntu-dev').click({ position: { x: 120, y: 10 } });
    await row('vm10').click({ position: { x: 120, y: 10 }, modifiers: ['Shift'] });
    expect(await page.locator('.vm-list-toolbar .vm-count').textContent()).toBe('3 of 7 selected');
    await row('windows-11').click({ position: { x: 120, y: 10 }, modifiers: ['Control'] });
    expect(await page.locator('.vm-list-toolbar .vm-count').textContent()).toBe('4 of 7 selected');
    await row('vm10').click({ button: 'right', position: { x: 120, y: 10 } });
    const menu = page.locator('.vm-context-menu');
    await menu.getByRole('button', { name: 'Shut Down' }).hover(); // PatternFly gives a flyout's item no menuitem role
    await menu.getByRole('menuitem', { name: 'Force Off' }).click();
    expect(await dialog.getByRole('heading').textContent()).toContain('Force off 3 VMs?');
    await dialog.getByRole('button', { name: 'Force Off' }).click();
    for (const name of ['ubuntu-dev', 'windows-11', 'vm10']) await expect.poll(() => state(name), { timeout: 20_000 }).toBe('shutoff');
  });

  it('tags two VMs; the tag shows after a reload, filters the list, and is in the lab VM\'s metadata', async () => {
    await row('vm2').click({ position: { x: 120, y: 10 } });
    await row('debian-server').click({ position: { x: 120, y: 10 }, modifiers: ['Control'] });
    await page.locator('.vm-actions-bar').getByRole('button', { name: 'Tags', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Tags of 2 VMs' });
    await dialog.getByLabel('Add tags').first().fill('web');
    await page.keyboard.press('Enter');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => row('vm2').locator('.pf-v6-c-label').allTextContents()).toEqual(['web']);
    await page.reload();
    await row('vm2').waitFor({ timeout: 20_000 });
    await expect.poll(() => row('vm2').locator('.pf-v6-c-label').allTextContents(), { timeout: 15_000 }).toEqual(['web']);
    expect(await row('debian-server').locator('.pf-v6-c-label').allTextContents()).toEqual(['web']);
    await filter('vm-filter-tag', 'web');
    await expect.poll(names).toEqual(['debian-server', 'vm2']);
    const xml = await lab.virsh(['dumpxml', 'vm2']);
    expect(xml).toMatch(/<hangar:tags xmlns:hangar="urn:hangar:tags:1">[\s\S]*web[\s\S]*<\/hangar:tags>/);
    await clearFilters();
  });

  it('moves with the arrow keys and opens a VM with Enter', async () => {
    await row('alpine-router').click({ position: { x: 120, y: 10 } });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('.vm-row-focused').getAttribute('aria-label')).toBe('fedora-workstation');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.main-tabs .pf-v6-c-tabs__item.pf-m-current .pf-v6-c-tabs__link').getAttribute('data-tab'))
      .toMatch(/^vm\/conn-1\//);
    await page.keyboard.press('Alt+m');
    await row('fedora-workstation').waitFor();
  });

  it('lists 1,000 more VMs with the filters open, in light and dark, nothing cut off at 1280×800', async () => {
    const big = page.getByRole('rowgroup', { name: 'Big host' });
    await big.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => page.locator('.vm-list-toolbar .vm-count').textContent(), { timeout: 30_000 }).toBe(`${BIG + 7} VMs`);
    // Only the rows in view are in the page.
    expect(await list().locator('tr[data-uuid]').count()).toBeLessThan(60);
    // Host CPU instead of tags (these VMs have none): the default width still fits beside the sidebar.
    await page.locator('.vm-list-toolbar [aria-label="Columns"]').click();
    await page.locator('.pf-v6-c-menu').getByText('Host CPU', { exact: true }).click();
    await page.locator('.pf-v6-c-menu').getByText('Tags', { exact: true }).click();
    await page.keyboard.press('Escape');
    await filter('vm-filter-state', 'Running');
    await search().fill('big-vm-1');
    await expect.poll(async () => (await names())[0], { timeout: 10_000 }).toBe('big-vm-10');
    await page.locator('[data-filter="vm-filter-host"]').click();
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      toolbar: Math.max(...[...document.querySelectorAll('.vm-list-toolbar *')].map((e) => e.getBoundingClientRect().right)) - window.innerWidth,
      list: ((el) => (el ? el.scrollWidth - el.clientWidth : 1))(document.querySelector('.vm-list-scroll')),
    }));
    expect(overflow.list).toBeLessThanOrEqual(0);
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.toolbar).toBeLessThanOrEqual(0);
    await page.waitForTimeout(2500); // a few graph points (and the menu's fade-in)
    await shot('1000-light');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.locator('[data-filter="vm-filter-host"]').click();
    await page.waitForTimeout(500);
    await shot('1000-dark');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Light theme' }).click();
    // Scrolled to the end, the last rows are there.
    await clearFilters();
    await list().click({ position: { x: 5, y: 60 } });
    await page.keyboard.press('End');
    await expect.poll(async () => (await names()).at(-1)).toBe('windows-11');
  });
});
