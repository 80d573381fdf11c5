import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobView } from '../../main/api/contract/index.js';
import { en } from '../../renderer/i18n/en.js';
import { zhCN } from '../../renderer/i18n/zh-CN.js';
import { startLab, type Lab } from '../lab/lab.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const DEMO = 'conn-1';
const LAB = 'conn-2';

type Table = { readonly [key: string]: string | Table };
function leaves(table: Table): string[] {
  return Object.values(table).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
}

/** English sources that Chinese must not show, as patterns (placeholders match anything). */
const englishSources = ((): RegExp[] => {
  const zh = new Set(leaves(zhCN));
  return leaves(en).filter((s) => !zh.has(s) && /[A-Za-z]{2,}/.test(s))
    .map((s) => new RegExp(`^${s.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{\w+\}\}/g, '.*')}$`));
})();
/** Latin words a Chinese UI keeps: product names, units, abbreviations. */
const KEPT = [
  'Hangar', 'libvirt', 'QEMU/KVM', 'QEMU', 'KVM', 'SSH', 'CPU', 'UUID', 'XML', 'URI', 'MHz', 'KiB', 'MiB', 'GiB', 'TiB',
  'NVRAM', 'UEFI', 'BIOS', 'PCI', 'USB', 'VNC', 'SPICE', 'MAC', 'DHCP', 'ISO', 'TPM',
];

/** Visible text nodes outside translate="no" (names, URIs, XML, keys). */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!text || !el || el.closest('[translate="no"], script, style')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;
      out.push(text);
    }
    return out;
  });
}

/** What in the page is still English: a source string, or a Latin word that is neither a known name nor kept. */
async function untranslated(page: Page, names: readonly string[]): Promise<string[]> {
  const longestFirst = [...names, ...KEPT].filter((n) => n.length > 0).sort((a, b) => b.length - a.length);
  return (await visibleTexts(page)).filter((text) => {
    if (englishSources.some((re) => re.test(text))) return true;
    let rest = text;
    for (const n of longestFirst) rest = rest.split(n).join(' ');
    return /[A-Za-z]{2,}/.test(rest);
  });
}

describe('the app shell, on the Demo host and a real libvirt host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let api: ApiSocket;
  let page: Page;
  let poolUuid: string;

  const sidebar = (): ReturnType<Page['locator']> => page.locator('.pf-v6-c-page__sidebar nav');
  const hostState = (id: string): Promise<string | null> => page.locator(`.pf-v6-c-nav__item[data-connection="${id}"]`).getAttribute('data-connection-state');
  const activeTab = (): Promise<string | null> => page.locator('.main-tabs > .pf-v6-c-tabs__list .pf-v6-c-tabs__item.pf-m-current .pf-v6-c-tabs__link').getAttribute('data-tab');
  const openTabs = (): Promise<(string | null)[]> => page.locator('.main-tabs > .pf-v6-c-tabs__list .pf-v6-c-tabs__link').evaluateAll((els) => els.map((e) => e.getAttribute('data-tab')));
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: join(artifacts, `shell-${name}.png`) });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    await lab.defineGuest({ name: 'tiny' });
    // A pool with one large, non-sparse volume: cloning it is a job that runs long enough to watch.
    await lab.virsh(['pool-define-as', 'shell-pool', 'dir', '--target', join(lab.dir, 'shell-pool')]);
    await lab.virsh(['pool-build', 'shell-pool']);
    await lab.virsh(['pool-start', 'shell-pool']);
    await lab.virsh(['vol-create-as', 'shell-pool', 'golden.raw', String(1024 * 1024 * 1024), '--format', 'raw']);
    const dd = await lab.exec('dd', ['if=/dev/urandom', `of=${join(lab.dir, 'shell-pool', 'golden.raw')}`, 'bs=1M', 'count=1024', 'conv=notrunc', 'status=none']);
    expect(dd.code).toBe(0);
    await lab.virsh(['pool-refresh', 'shell-pool']);
    poolUuid = (await lab.virsh(['pool-uuid', 'shell-pool'])).trim();
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }, { uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    api = await ApiSocket.open(app.url);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
  });
  afterAll(async () => {
    await api?.close();
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('lists each host in the sidebar with its VMs, networks, pools and devices', async () => {
    await expect.poll(() => hostState(DEMO)).toBe('connected');
    await expect.poll(() => hostState(LAB), { timeout: 15_000 }).toBe('connected');
    const demo = sidebar().locator(`[data-connection="${DEMO}"]`);
    const labHost = sidebar().locator(`[data-connection="${LAB}"]`);
    await expect.poll(() => demo.getByRole('button', { name: 'debian-server', exact: true }).count()).toBe(1);
    await expect.poll(() => labHost.getByRole('button', { name: 'tiny', exact: true }).count()).toBe(1);
    expect(await labHost.getByRole('button', { name: 'Virtual machines (1)' }).count()).toBe(1);
    const demoVms = (await api.call('domains.list', { connection: DEMO })).items.length;
    expect(await demo.getByRole('button', { name: `Virtual machines (${demoVms})` }).count()).toBe(1);
    await labHost.getByRole('button', { name: /^Storage pools/ }).click();
    await expect.poll(() => labHost.getByRole('button', { name: 'shell-pool', exact: true }).isVisible()).toBe(true);
    await demo.getByRole('button', { name: /^Virtual networks/ }).click();
    await expect.poll(() => demo.getByRole('button', { name: 'default', exact: true }).isVisible()).toBe(true);
    expect(await demo.getByRole('button', { name: /^Host devices \(\d+\)$/ }).count()).toBe(1);
    await shot('sidebar');
  });

  it('opens VM and host tabs; a reload keeps them open and the same one active', async () => {
    const tiny = (await api.call('domains.list', { connection: LAB })).items.find((d) => d.name === 'tiny');
    const debian = (await api.call('domains.list', { connection: DEMO })).items.find((d) => d.name === 'debian-server');
    if (!tiny || !debian) throw new Error('the VMs are not listed');

    await sidebar().locator(`[data-connection="${LAB}"]`).getByRole('button', { name: 'tiny', exact: true }).click();
    expect(await activeTab()).toBe(`vm/${LAB}/${tiny.uuid}`);
    const vmTab = page.getByRole('tabpanel').first();
    await expect.poll(() => vmTab.getByText(tiny.uuid, { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await vmTab.locator('.vm-page-tabs').getByRole('tab', { name: 'XML', exact: true }).click();
    await expect.poll(() => vmTab.locator('.xml-view .cm-content').textContent(), { timeout: 10_000 }).toContain('<name>tiny</name>');
    await shot('vm-tab');
    await vmTab.locator('.vm-page-tabs').getByRole('tab', { name: 'Details', exact: true }).click();

    await sidebar().locator(`[data-connection="${LAB}"]`).getByRole('button', { name: 'Host details' }).click();
    expect(await activeTab()).toBe(`host/${LAB}`);
    await expect.poll(() => page.locator('.host-section dd').count(), { timeout: 15_000 }).toBeGreaterThan(6).catch(async (e: unknown) => {
      await shot('host-tab-failed');
      throw e;
    });
    await page.getByRole('tab', { name: 'Storage' }).click();
    await page.getByRole('rowgroup', { name: 'shell-pool' }).locator('.pf-v6-c-table__toggle button').click();
    await expect.poll(() => page.getByRole('tabpanel').getByText('golden.raw', { exact: true }).isVisible()).toBe(true).catch(async (e: unknown) => {
      await shot('host-tab-failed');
      throw e;
    });
    expect(new URL(page.url()).hash).toBe(`#/host/${LAB}/storage`);
    await shot('host-tab');

    await sidebar().locator(`[data-connection="${DEMO}"]`).getByRole('button', { name: 'debian-server', exact: true }).click();
    const tabs = [`manager`, `vm/${LAB}/${tiny.uuid}`, `host/${LAB}`, `vm/${DEMO}/${debian.uuid}`];
    expect(await openTabs()).toEqual(tabs);
    expect(new URL(page.url()).hash).toBe(`#/vm/${DEMO}/${debian.uuid}/details`);

    await page.reload();
    await expect.poll(() => openTabs()).toEqual(tabs);
    expect(await activeTab()).toBe(`vm/${DEMO}/${debian.uuid}`);
    await page.locator('.vm-page-tabs').getByRole('tab', { name: 'XML', exact: true }).click();
    await expect.poll(() => page.getByRole('tabpanel').first().locator('.xml-view .cm-content').textContent(), { timeout: 10_000 }).toContain('<name>debian-server</name>');
    await page.locator('.vm-page-tabs').getByRole('tab', { name: 'Details', exact: true }).click();

    // Keyboard: Ctrl+Tab wraps to the Manager, Ctrl+Shift+Tab back, Ctrl+W closes the active tab.
    await page.keyboard.press('Control+Tab');
    expect(await activeTab()).toBe('manager');
    await page.keyboard.press('Control+Shift+Tab');
    expect(await activeTab()).toBe(`vm/${DEMO}/${debian.uuid}`);
    await page.keyboard.press('Control+KeyW');
    await expect.poll(() => openTabs()).toEqual(tabs.slice(0, 3));
    expect(await activeTab()).toBe(`host/${LAB}`);
    await page.locator('.pf-v6-c-tabs__item', { has: page.locator(`[data-tab="vm/${LAB}/${tiny.uuid}"]`) }).getByRole('button', { name: 'Close tab' }).click();
    await expect.poll(() => openTabs()).toEqual(['manager', `host/${LAB}`]);

    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const keys of ['Ctrl+W', 'Ctrl+Tab', 'Ctrl+Shift+Tab', 'F1']) expect(await help.getByText(keys, { exact: true }).count()).toBe(1);
    await shot('shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('shows a running job in the drawer with its progress bar, then its result', async () => {
    await page.getByRole('button', { name: /^Notifications/ }).click();
    const drawer = page.locator('.pf-v6-c-notification-drawer');
    await drawer.waitFor();
    // Record every progress value the drawer shows, however short the job.
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('[data-job] [role="progressbar"]')) seen.push(Number(bar.getAttribute('aria-valuenow')));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const job: JobView = await api.call('jobs.cloneVolume', { connection: LAB, pool: poolUuid, volume: 'golden.raw', name: 'shell-copy.raw' });
    const item = drawer.locator(`[data-job="${job.id}"]`);
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain('Clone into shell-copy.raw');
    if (await item.getAttribute('data-job-state') === 'running') await shot('drawer-job-running');
    await expect.poll(() => item.getAttribute('data-job-state'), { timeout: 120_000 }).toBe('done');
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((v) => v >= 0 && v <= 100)).toBe(true);
    expect(await item.textContent()).toContain(`Made ${join(lab.dir, 'shell-pool', 'shell-copy.raw')}`);
    // The finished job is also a message, and the badge counts it until the drawer is closed.
    await expect.poll(() => drawer.getByText('Clone into shell-copy.raw: done').count()).toBe(1);
    await shot('drawer-job-done');
    await page.getByRole('button', { name: 'Close notifications' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Notifications/ }).getAttribute('data-unread')).toBe('0');
  });

  it('follows the system theme, and the dark and light choices', async () => {
    const dark = (): Promise<boolean> => page.evaluate(() => document.documentElement.classList.contains('pf-v6-theme-dark'));
    await page.keyboard.press('Alt+KeyM');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await dark()).toBe(true);
    await shot('dark');
    await page.getByRole('button', { name: 'Light theme' }).click();
    expect(await dark()).toBe(false);
    await page.getByRole('button', { name: 'Follow the system theme' }).click();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(dark).toBe(true);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(dark).toBe(false);
    // The choice is kept across a reload.
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.reload();
    await expect.poll(dark).toBe(true);
    await page.getByRole('button', { name: 'Follow the system theme' }).click();
  });

  it('speaks Simplified Chinese in every view once switched, and English again', async () => {
    const names = new Set<string>(['Demo host', 'Lab host', 'test:///default', lab.uri, 'English', '简体中文']);
    for (const connection of [DEMO, LAB]) {
      for (const d of (await api.call('domains.list', { connection })).items) [d.name, d.title ?? '', d.description ?? ''].forEach((n) => names.add(n));
      for (const n of (await api.call('networks.list', { connection })).items) names.add(n.name);
      for (const p of (await api.call('storage.list', { connection })).items) {
        names.add(p.name);
        for (const v of p.volumes) [v.name, v.path].forEach((n) => names.add(n));
      }
    }
    const check = async (view: string): Promise<void> => {
      await page.waitForTimeout(300);
      expect([view, await untranslated(page, [...names])]).toEqual([view, []]);
    };

    // Messages keep the words they were given when they came (a log, not a view): start with none.
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('button', { name: 'Notification actions' }).click();
    const clear = page.getByRole('menuitem', { name: 'Clear all' });
    if (await clear.isEnabled()) await clear.click();
    else await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Close notifications' }).click();
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.keyboard.press('Alt+KeyM');
    await expect.poll(() => page.getByRole('button', { name: '添加连接…' }).count()).toBe(1);
    await check('manager');
    await shot('zh-CN-manager');
    await sidebar().locator(`[data-connection="${LAB}"]`).getByRole('button', { name: 'tiny', exact: true }).click();
    await check('VM tab');
    await page.keyboard.press('Alt+KeyM');
    await page.locator('[data-connection-state]').first().waitFor();
    for (const section of ['概览', '虚拟网络', '存储', '主机设备']) {
      await sidebar().locator(`[data-connection="${DEMO}"]`).getByRole('button', { name: '主机详情' }).click();
      await page.getByRole('tab', { name: section }).click();
      await check(`host tab, ${section}`);
    }
    // A job finished now is worded in Chinese, in the drawer's jobs and messages.
    const demoPool = (await api.call('storage.list', { connection: DEMO })).items.find((p) => p.active && p.volumes.length > 0);
    if (!demoPool?.volumes[0]) throw new Error('the Demo host has no volume');
    await api.call('jobs.cloneVolume', { connection: DEMO, pool: demoPool.uuid, volume: demoPool.volumes[0].name, name: 'zh-copy.img' });
    names.add('zh-copy.img');
    await page.getByRole('button', { name: /^通知/ }).click();
    await expect.poll(() => page.locator('.pf-v6-c-notification-drawer').getByText('克隆为 zh-copy.img：已完成').count()).toBe(1);
    for (const j of (await api.call('jobs.list', {})).items) if (j.result?.kind === 'volume') names.add(j.result.path);
    await check('drawer');
    await shot('zh-CN-drawer');
    await page.getByRole('button', { name: '关闭通知' }).click();
    await page.keyboard.press('F1');
    await page.getByRole('dialog', { name: '键盘快捷键' }).waitFor();
    await check('shortcuts');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '帮助' }).click();
    await page.getByRole('menuitem', { name: '关于 Hangar' }).click();
    await page.locator('.pf-v6-c-about-modal-box').waitFor();
    await expect.poll(() => page.locator('.app-version').textContent()).toMatch(/^\d+\.\d+\.\d+$/);
    await check('about');
    await shot('zh-CN-about');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: '语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('tab', { name: 'Manager' }).count()).toBe(1);
  });

});
