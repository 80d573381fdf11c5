// "Resize guest to window" on the lab's QEMU: noVNC asks for the window's size (SetDesktopSize) and the VNC server
// answers. With VGA video QEMU refuses ("invalid screen layout") and the console says so; with virtio video it
// forwards the size to the guest, whose driver decides (the tiny guest has none, so its screen stays 720x400 and the
// console shows no refusal).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../main/web/browser-mode.js';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { shootBothThemes } from '../support/theme-shots.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const REFUSED = 'The guest’s display was not resized to the window';

describe('resizing the guest to the console window', () => {
  let lab: Lab;
  let web: BrowserMode;
  let browser: Browser;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  const uuids = new Map<string, string>();

  /** The tiny guest with the given video model and its VNC server on a unix socket in the lab folder. */
  const defineAndStart = async (name: string, video: 'vga' | 'virtio'): Promise<void> => {
    const xml = lab.tinyGuestXml({ name });
    const changed = xml
      .replace(/<graphics type='vnc'[^>]*\/>/, `<graphics type='vnc'><listen type='socket' socket='${join(lab.dir, `${name}-vnc.sock`)}'/></graphics>`)
      .replace("<video><model type='vga'/></video>", `<video><model type='${video}'/></video>`);
    expect(changed.match(/listen type='socket'/g)).toHaveLength(1);
    expect(changed).toContain(`<model type='${video}'/>`);
    writeFileSync(join(lab.dir, `${name}.xml`), changed);
    await lab.virsh(['define', join(lab.dir, `${name}.xml`)]);
    await lab.virsh(['start', name]);
    uuids.set(name, (await lab.virsh(['domuuid', name])).trim());
  };

  /** The QEMU device libvirt gave the guest for its video (from the command line in the domain's log). */
  const videoDevice = async (name: string): Promise<string | undefined> => {
    const log = await lab.exec('cat', [`/var/log/libvirt/qemu/${name}.log`]);
    return /-device '?(?:\{"driver":")?(VGA|virtio-vga|virtio-gpu-pci)\b/.exec(log.stdout)?.[1];
  };

  const openConsole = async (name: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${web.url}#/vm/conn-1/${uuids.get(name) ?? ''}/console`);
    // The graphical console is the page's first choice.
    const status = page.locator('.hangar-console__status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 60_000 }).toBe('connected').catch(async (e: unknown) => {
      await page.screenshot({ path: join(artifacts, `console-resize-${name}-not-connected.png`) });
      throw e;
    });
    return page;
  };

  const screen = (page: Page) => page.getByTestId('vnc-screen');
  const canvasSize = (page: Page): Promise<string> => screen(page).locator('canvas').evaluate((c: HTMLCanvasElement) => `${c.width}x${c.height}`);
  /** The size noVNC asks for: its screen element's (the window's share for the guest). */
  const screenSize = (page: Page): Promise<string> => screen(page).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return `${Math.floor(r.width)}x${Math.floor(r.height)}`;
  });

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    await defineAndStart('vga', 'vga');
    await defineAndStart('virtio', 'virtio');
    // Booted (the screen mode no longer changes on its own) before any size is compared.
    for (const name of ['vga', 'virtio']) {
      const log = join(lab.dir, `${name}-serial.log`);
      const deadline = Date.now() + 120_000;
      while (!(existsSync(log) && readFileSync(log, 'latin1').includes('hangar-tiny: booted'))) {
        if (Date.now() > deadline) throw new Error(`${name} did not boot within 120 s`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    data = seededDataDir([{ uri: lab.uri, name: 'Lab host' }]);
    web = await startBrowserMode({ dataDir: data.dir, statsIntervalMs: 5_000 });
    ({ browser, close: closeBrowser } = await launchChromium());
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  }, 240_000);
  afterAll(async () => {
    await closeBrowser?.();
    await web?.close();
    data?.remove();
    await lab?.stop();
  });

  it('VGA video: QEMU refuses the new size, and the console says so (once, until resizing is asked for again)', async () => {
    expect(await videoDevice('vga')).toBe('VGA');
    const page = await openConsole('vga');
    await expect.poll(() => canvasSize(page), { timeout: 30_000 }).toMatch(/^\d+x\d+$/);
    const before = await canvasSize(page);
    // A request is only sent when the window's size differs from the guest's.
    expect(await screenSize(page)).not.toBe(before);
    expect(await screen(page).getAttribute('data-resize-reply')).toBe('none');
    expect(await page.getByText(REFUSED).count()).toBe(0);

    await page.getByLabel('Resize guest to window').check();
    await expect.poll(() => screen(page).getAttribute('data-resize-reply'), { timeout: 20_000 }).toBe('invalidLayout');
    const alert = page.locator('.hangar-console__resize');
    await alert.getByText(REFUSED).waitFor();
    expect(await alert.innerText()).toContain('The VNC server refused the new size (invalid screen layout).');
    expect(await canvasSize(page)).toBe(before);
    await shootBothThemes(page, (theme) => join(artifacts, `console-resize-refused-${theme}.png`));

    // Closed, it stays closed although the layout change brings another request and another refusal.
    await alert.getByRole('button', { name: /Close/ }).click();
    await page.waitForTimeout(1_500);
    expect(await page.getByText(REFUSED).count()).toBe(0);
    // Turned off and on: a new request, refused again, shown again.
    await page.getByLabel('Resize guest to window').uncheck();
    await expect.poll(() => screen(page).getAttribute('data-resize-reply')).toBe('none');
    await page.getByLabel('Resize guest to window').check();
    await page.getByText(REFUSED).waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('virtio video: QEMU forwards the new size to the guest; the tiny guest has no graphics driver, so its screen keeps its size and nothing is refused', async () => {
    expect(await videoDevice('virtio')).toBe('virtio-vga');
    const page = await openConsole('virtio');
    await expect.poll(() => canvasSize(page), { timeout: 30_000 }).toMatch(/^\d+x\d+$/);
    const before = await canvasSize(page);
    expect(await screenSize(page)).not.toBe(before);
    await page.getByLabel('Resize guest to window').check();
    await expect.poll(() => screen(page).getAttribute('data-resize-reply'), { timeout: 20_000 }).toBe('forwarded');
    await page.waitForTimeout(2_000);
    expect(await page.getByText(REFUSED).count()).toBe(0);
    expect(await canvasSize(page)).toBe(before);
    expect(before).toBe('720x400');
    await page.screenshot({ path: join(artifacts, 'console-resize-forwarded.png') });
    await page.close();
  });
});
