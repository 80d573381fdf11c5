import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntrySummary } from '../../main/api/contract/index.js';
import { buildGraphics, parseDomain } from '../../drivers/xml/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { canonicalizeAll, firstDifference } from '../support/xml-canonical.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const HOSTS = [
  { connection: 'conn-1', label: 'demo', vm: 'ubuntu-dev' },
  { connection: 'conn-2', label: 'lab', vm: 'hist-vm' },
] as const;

describe('edit history on the Demo host and a real libvirt host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let api: ApiSocket;
  let page: Page;
  // Per host: the VM's UUID, its inactive XML before the second edit, and the entries as first seen.
  const seen = new Map<string, { uuid: string; beforeSecond: string; entries: readonly HistoryEntrySummary[] }>();

  const open = async (): Promise<void> => {
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    api = await ApiSocket.open(app.url);
    // Both hosts connected (the service's word for it), then the page.
    for (let waited = 0; (await api.call('connections.list', {})).items.filter((c) => c.state.state === 'connected').length < HOSTS.length; waited += 250) {
      if (waited > 60_000) throw new Error('the hosts did not connect within a minute');
      await new Promise((r) => setTimeout(r, 250));
    }
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    for (const h of HOSTS) {
      await page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${h.connection}"][data-connection-state="connected"]`).waitFor({ timeout: 60_000 });
    }
  };
  const close = async (): Promise<void> => {
    await page?.close();
    await api?.close();
    await app?.stop();
  };
  const inactive = async (connection: string, key: string): Promise<string> =>
    (await api.call('domains.xml', { connection, key, inactive: true })).xml;
  const historyPage = async (connection: string, uuid: string): Promise<Locator> => {
    await page.evaluate((hash) => { location.hash = hash; }, `#/vm/${connection}/${uuid}/history`);
    const panel = page.locator('.history-page');
    await panel.waitFor({ timeout: 15_000 });
    return panel;
  };
  const rows = (panel: Locator): Locator => panel.locator('tbody[data-entry]');
  const shot = async (name: string): Promise<void> => {
    for (const theme of ['light', 'dark'] as const) {
      // What the masthead's theme buttons do (they are out of reach while a dialog is open): PatternFly's class.
      await page.evaluate((dark) => document.documentElement.classList.toggle('pf-v6-theme-dark', dark), theme === 'dark');
      // The editors follow the theme's class: wait for CodeMirror's own dark or light base theme to apply.
      await page.waitForFunction((dark) => [...document.querySelectorAll('.xml-editor-frame')].every((f) => {
        const editor = f.shadowRoot?.querySelector('.cm-editor');
        return editor !== null && editor !== undefined && getComputedStyle(editor).colorScheme === (dark ? 'dark' : 'light');
      }), theme === 'dark');
      await page.screenshot({ path: join(artifacts, `history-${name}-${theme}.png`) });
      // CodeMirror's styles apply despite the CSP: its gutter sits beside the text, not above it.
      expect(await page.evaluate(() => [...document.querySelectorAll('.xml-editor-frame')].every((f) => {
        const gutters = f.shadowRoot?.querySelector('.cm-gutters');
        return gutters !== null && gutters !== undefined && getComputedStyle(gutters).display === 'flex';
      }))).toBe(true);
    }
    await page.evaluate(() => document.documentElement.classList.remove('pf-v6-theme-dark'));
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    await lab.defineGuest({ name: 'hist-vm' });
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }, { uri: lab.uri, name: 'Lab host' }]);
    ({ browser, close: closeBrowser } = await launchChromium());
    await open();
  });
  afterAll(async () => {
    await close();
    await closeBrowser?.();
    data?.remove();
    await lab?.stop();
  });

  for (const host of HOSTS) {
    it(`${host.label}: three edits, then a restore to before the second, shown and confirmed in the History page`, async () => {
      const find = async (): Promise<string | undefined> => (await api.call('domains.list', { connection: host.connection })).items.find((d) => d.name === host.vm)?.uuid;
      await expect.poll(find, { timeout: 20_000 }).toBeDefined();
      const uuid = (await find()) ?? '';
      const ref = { connection: host.connection, key: uuid };
      expect(await api.call('history.list', ref)).toEqual([]);

      // 1: current memory down (the definition only), 2: a tag, 3: a description through a define with its base.
      const x0 = await inactive(host.connection, uuid);
      const memory = parseDomain(x0).currentMemory ?? parseDomain(x0).memory ?? 0;
      await api.call('domains.setMemory', { ...ref, kib: memory / 1024 - 16 * 1024, affect: { live: false, config: true } });
      const x1 = await inactive(host.connection, uuid);
      expect(x1).not.toBe(x0);
      await api.call('domains.setTags', { connection: host.connection, keys: [uuid], add: ['history-e2e'] });
      const x2 = await inactive(host.connection, uuid);
      expect(x2).toContain('history-e2e');
      const edited = parseDomain(x2);
      edited.description = 'Edited for the history test';
      await api.call('domains.define', { connection: host.connection, xml: edited.toXml(), base: x2 });
      const x3 = await inactive(host.connection, uuid);
      expect(x3).toContain('Edited for the history test');

      const entries = await api.call('history.list', ref);
      expect(entries.map((e) => e.call)).toEqual(['domains.define', 'domains.setTags', 'domains.setMemory']);
      expect(entries[0]?.changed).toEqual(['domain/description']);
      expect(entries[2]?.changed).toEqual(['domain/currentMemory']);
      const second = entries[1];
      if (!second) throw new Error('no second entry');
      const full = await api.call('history.entry', { ...ref, id: second.id });
      expect([full.before, full.after]).toEqual([x1, x2]);

      const panel = await historyPage(host.connection, uuid);
      await expect.poll(() => rows(panel).count(), { timeout: 15_000 }).toBe(3);
      expect(await rows(panel).nth(1).locator('td').nth(2).textContent()).toBe('Tags changed');
      // The second edit's diff: the metadata lines it added, nothing else.
      const row = panel.locator(`tbody[data-entry="${second.id}"]`);
      await row.getByRole('button', { name: 'Details' }).click();
      const diff = row.locator('.xml-diff');
      await diff.locator('.cm-changedLine').first().waitFor({ timeout: 15_000 });
      const added = await diff.locator('.cm-changedLine').allTextContents();
      expect(added.join('\n')).toContain('history-e2e');
      expect(await diff.locator('.cm-deletedLine').count()).toBe(x1.split('\n').length - x2.split('\n').length + added.length);
      await shot(`${host.label}-list`);

      // Restore to before the second edit: the dialog shows the definition now against the restored one.
      await row.getByRole('button', { name: 'Restore the definition as it was before this change' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Restore the definition as it was before this change?' });
      await dialog.locator('.xml-diff .cm-changedLine, .xml-diff .cm-deletedLine').first().waitFor({ timeout: 15_000 });
      const removedNow = (await dialog.locator('.xml-diff .cm-deletedLine').allTextContents()).join('\n');
      expect(removedNow).toContain('history-e2e');
      expect(removedNow).toContain('Edited for the history test');
      await shot(`${host.label}-restore`);
      await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
      await dialog.waitFor({ state: 'detached', timeout: 15_000 });
      await expect.poll(() => rows(panel).count(), { timeout: 15_000 }).toBe(4);
      expect(await rows(panel).first().locator('td').nth(2).textContent()).toMatch(/^Restored as before the change of /);

      // The definition is the one before the second edit, canonically (an independent canonicaliser).
      const restored = await inactive(host.connection, uuid);
      const [a, b] = await canonicalizeAll([restored, x1]);
      expect(a && 'c14n' in a && b && 'c14n' in b ? firstDifference(a.c14n, b.c14n) : 'not canonicalised').toBeUndefined();
      const after = await api.call('history.list', ref);
      expect(after).toHaveLength(4);
      expect(after[0]).toMatchObject({ call: 'history.restore', restoreOf: second.id });
      seen.set(host.label, { uuid, beforeSecond: x1, entries: after });
    });

    it(`${host.label}: a restore is refused when the definition changed since it was shown, and goes through on the new base`, async () => {
      const s = seen.get(host.label);
      if (!s) throw new Error('the first case did not run');
      const ref = { connection: host.connection, key: s.uuid };
      // The second edit (the list is newest first: the restore, the third edit, then it).
      const target = s.entries.find((e) => e.call === 'domains.setTags');
      const stale = await inactive(host.connection, s.uuid);
      await api.call('domains.setTags', { connection: host.connection, keys: [s.uuid], add: ['newer'] });
      await expect(api.call('history.restore', { ...ref, id: target?.id ?? '', base: stale })).rejects.toMatchObject({ field: 'base' });
      expect(await inactive(host.connection, s.uuid)).toContain('newer');
      // With the definition now as its base, the same restore goes through (and is an entry of its own).
      const restore = await api.call('history.restore', { ...ref, id: target?.id ?? '', base: await inactive(host.connection, s.uuid) });
      expect(restore.id).not.toBeNull();
      const entries = await api.call('history.list', ref);
      expect(entries.map((e) => e.call).slice(0, 3)).toEqual(['history.restore', 'domains.setTags', 'history.restore']);
      expect(entries).toHaveLength(6);
      const [a, b] = await canonicalizeAll([await inactive(host.connection, s.uuid), s.beforeSecond]);
      expect(a && 'c14n' in a && b && 'c14n' in b ? firstDifference(a.c14n, b.c14n) : 'not canonicalised').toBeUndefined();
      seen.set(host.label, { ...s, entries });
    });
  }

  it('keeps the history and the restored definitions across a restart of the app', async () => {
    await close();
    await open();
    for (const host of HOSTS) {
      const s = seen.get(host.label);
      if (!s) throw new Error(`${host.label} did not run`);
      const ref = { connection: host.connection, key: s.uuid };
      expect(await api.call('history.list', ref)).toEqual(s.entries);
      const [a, b] = await canonicalizeAll([await inactive(host.connection, s.uuid), s.beforeSecond]);
      expect(a && 'c14n' in a && b && 'c14n' in b ? firstDifference(a.c14n, b.c14n) : 'not canonicalised').toBeUndefined();
      const panel = await historyPage(host.connection, s.uuid);
      await expect.poll(() => rows(panel).count(), { timeout: 15_000 }).toBe(s.entries.length);
    }
    await shot('after-restart');
  });

  for (const host of HOSTS) {
    it(`${host.label}: a restore keeps the graphics password the definition has now (the history holds none)`, async () => {
      const s = seen.get(host.label);
      if (!s) throw new Error(`${host.label} did not run`);
      const ref = { connection: host.connection, key: s.uuid };
      const secure = async (): Promise<string> => (await api.call('domains.xml', { ...ref, inactive: true, secure: true })).xml;
      const model = parseDomain(await secure());
      const graphics = model.graphics[0];
      if (graphics) graphics.passwd = 's3cret';
      else model.addDevice(buildGraphics({ type: 'vnc', passwd: 's3cret' }));
      await api.call('domains.define', { connection: host.connection, xml: model.toXml(), base: await inactive(host.connection, s.uuid) });
      expect(await secure()).toContain("passwd='s3cret'");
      await api.call('domains.setTags', { connection: host.connection, keys: [s.uuid], add: ['with-password'] });
      const entries = await api.call('history.list', ref);
      expect(entries[0]?.call).toBe('domains.setTags');
      // The stored definitions carry no secret.
      const stored = await api.call('history.entry', { ...ref, id: entries[0]?.id ?? '' });
      expect(stored.before + stored.after).not.toContain('s3cret');
      await api.call('history.restore', { ...ref, id: entries[0]?.id ?? '', base: await inactive(host.connection, s.uuid) });
      const now = await secure();
      expect(now).not.toContain('with-password');
      expect(parseDomain(now).graphics[0]?.passwd).toBe('s3cret');
    });
  }
});
