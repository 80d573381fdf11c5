// A VNC server that asks for a password the definition does not hold (the lab's qemu.conf `vnc_password`): a wrong
// remembered password is refused by the server, Hangar forgets it and asks, says why; the right one typed with
// "remember" is kept in the secret store, and the next console uses it without asking. Browser mode runs in this
// process with the real encrypted secret store (a test cipher standing in for the OS keyring), so that remembering
// works and the store's file can be read back.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EncryptedFileSecretStore, SECRETS_FILE } from '../../main/services/secret-store.js';
import { startBrowserMode, type BrowserMode } from '../../main/web/browser-mode.js';
import { startLab, type Lab } from '../lab/lab.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { testCipher } from '../support/test-cipher.js';
import { shootBothThemes } from '../support/theme-shots.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const PASSWORD = 'hangar42';
const WRONG = 'nothat99';
const DIALOG = 'The VNC server asks for a password';

describe('a VNC password the definition does not hold', () => {
  let lab: Lab;
  let web: BrowserMode;
  let api: ApiSocket;
  let browser: Browser;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let cipher: ReturnType<typeof testCipher>;
  let uuid: string;

  /** Every secret in the store's file, decrypted (the file itself, not the running store's memory). */
  const storedSecrets = async (): Promise<string[]> => {
    const file = join(data.dir, SECRETS_FILE);
    if (!existsSync(file)) return [];
    const map = JSON.parse(await cipher.decrypt(readFileSync(file))) as Record<string, string>;
    return Object.values(map);
  };

  const status = (page: Page): Promise<string | null> => page.locator('.hangar-console__status').getAttribute('data-state');

  const openConsole = async (): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${web.url}#/vm/conn-1/${uuid}/console`);
    // The graphical console is the page's first choice.
    await page.locator('.hangar-console__status').waitFor({ timeout: 60_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(artifacts, 'console-password-open-failed.png') });
      throw e;
    });
    return page;
  };

  /** Canvas pixels that differ from the first one: the guest's screen is drawn. */
  const inked = (page: Page): Promise<number> => page.locator('[data-testid=vnc-screen] canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; d && i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
    return n;
  });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab({ vncPassword: PASSWORD });
    // The VNC server on a unix socket in the lab folder (reachable from this process), with no passwd of its own.
    const xml = lab.tinyGuestXml({ name: 'tiny' });
    const socketXml = xml.replace(/<graphics type='vnc'[^>]*\/>/, `<graphics type='vnc'><listen type='socket' socket='${join(lab.dir, 'tiny-vnc.sock')}'/></graphics>`);
    expect(socketXml).not.toBe(xml);
    writeFileSync(join(lab.dir, 'tiny.xml'), socketXml);
    await lab.virsh(['define', join(lab.dir, 'tiny.xml')]);
    await lab.virsh(['start', 'tiny']);
    uuid = (await lab.virsh(['domuuid', 'tiny'])).trim();
    data = seededDataDir([{ uri: lab.uri, name: 'Lab host' }]);
    cipher = testCipher();
    web = await startBrowserMode({ dataDir: data.dir, secrets: new EncryptedFileSecretStore(data.dir, cipher), statsIntervalMs: 5_000 });
    api = await ApiSocket.open(web.url);
    ({ browser, close: closeBrowser } = await launchChromium());
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 240_000);
  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
    await web?.close();
    data?.remove();
    await lab?.stop();
  });

  it('drops a wrong remembered password the server refused, asks and says why, remembers the right one and then connects without asking', async () => {
    // The definition (read with SECURE) holds no password: only the secret store can offer one.
    const ask = () => api.call('consoles.vncPassword', { connection: 'conn-1', key: uuid });
    // (Once the saved connection has connected.)
    await expect.poll(() => ask().then(() => true, () => false), { timeout: 30_000 }).toBe(true);
    expect(await ask()).toEqual({ password: null, source: null, canRemember: true });
    expect(await api.call('consoles.rememberVncPassword', { connection: 'conn-1', key: uuid, password: WRONG })).toEqual({ remembered: true });
    expect(await storedSecrets()).toEqual([WRONG]);
    expect((await api.call('consoles.vncPassword', { connection: 'conn-1', key: uuid })).source).toBe('remembered');

    const page = await openConsole();
    const dialog = page.getByRole('dialog', { name: DIALOG });
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.getByText('The VNC server refused the remembered password, so Hangar no longer remembers it. Type the right one.').waitFor();
    // Forgotten in the store's file, not only in the page.
    await expect.poll(storedSecrets, { timeout: 10_000 }).toEqual([]);
    expect((await api.call('consoles.vncPassword', { connection: 'conn-1', key: uuid })).source).toBeNull();
    await shootBothThemes(page, (theme) => join(artifacts, `console-password-refused-${theme}.png`));

    await dialog.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await dialog.getByLabel('Remember this password').check();
    await dialog.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('connected');
    await expect.poll(() => inked(page), { timeout: 30_000 }).toBeGreaterThan(500);
    await expect.poll(storedSecrets, { timeout: 10_000 }).toEqual([PASSWORD]);
    await page.screenshot({ path: join(artifacts, 'console-password-typed.png') });
    await page.close();

    // A new tab: the remembered password is offered, and no dialog is shown on the way to a drawn screen.
    const again = await openConsole();
    const states = new Set<string>();
    await expect.poll(async () => {
      const s = await status(again);
      if (s !== null) states.add(s);
      return s;
    }, { timeout: 30_000, interval: 50 }).toBe('connected');
    expect([...states]).not.toContain('password');
    expect(await again.getByRole('dialog', { name: DIALOG }).count()).toBe(0);
    await expect.poll(() => inked(again), { timeout: 30_000 }).toBeGreaterThan(500);
    await again.screenshot({ path: join(artifacts, 'console-password-remembered.png') });
    await again.close();
  }, 180_000);
});
