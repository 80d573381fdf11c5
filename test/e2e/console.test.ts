// Consoles end to end on the lab's libvirtd, locally (unix socket) and over qemu+ssh:// to the lab's sshd: the tiny
// guest's serial console in xterm (kernel lines, a command and its output), its VNC screen in noVNC (drawn, changing
// as the guest echoes typed keys, Ctrl+Alt+Del rebooting it, a PNG screenshot), and what closing or forcing off does.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { ApiSocket } from '../support/api-socket.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const BOOT_MS = 120_000;

/** The lab's tiny guest with its VNC server on a unix socket in the lab folder: reachable from outside the lab's network namespace. */
function socketVncXml(lab: Lab, name: string, socket: string): string {
  const xml = lab.tinyGuestXml({ name });
  const replaced = xml.replace(/<graphics type='vnc'[^>]*\/>/, `<graphics type='vnc'><listen type='socket' socket='${socket}'/></graphics>`);
  if (replaced === xml) throw new Error('the tiny guest XML has no VNC graphics to replace');
  return replaced;
}

/** Waits until the console says it is connected; otherwise fails with what the page shows instead. */
async function connected(page: Page, timeout = 30_000): Promise<void> {
  const status = page.locator('.hangar-console__status');
  await expect.poll(() => status.getAttribute('data-state'), { timeout }).toBe('connected').catch(async (e: unknown) => {
    const alert = await page.locator('.pf-v6-c-alert').allInnerTexts().catch(() => []);
    await page.screenshot({ path: join(artifacts, 'console-not-connected.png') });
    throw new Error(`the console did not connect: ${alert.join(' | ')} (${e instanceof Error ? e.message : String(e)})`);
  });
}

/** What xterm shows now (its DOM renderer's rows). */
const terminalText = (page: Page): Promise<string> => page.locator('[data-testid=serial-terminal] .xterm-rows').innerText();

/** Canvas pixels: how many differ from the first pixel (not blank), and a cheap hash (changes when the guest draws). */
async function canvasStats(page: Page): Promise<{ width: number; inked: number; hash: number }> {
  return page.locator('[data-testid=vnc-screen] canvas').evaluate((c: HTMLCanvasElement) => {
    const g = c.getContext('2d');
    if (!g || c.width === 0) return { width: 0, inked: 0, hash: 0 };
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    let hash = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) inked++;
      hash = (hash * 31 + (d[i] ?? 0) + (d[i + 1] ?? 0) * 7 + (d[i + 2] ?? 0) * 13) >>> 0;
    }
    return { width: c.width, inked, hash };
  });
}

async function chooseConsole(page: Page, label: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  await page.getByRole('option', { name: label }).click();
}

async function typeInTerminal(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid=serial-terminal] .xterm-helper-textarea').focus();
  await page.keyboard.type(text, { delay: 20 });
}

/** libvirtd's client connections (virt-admin client-list): a serial console holds one of its own. */
async function libvirtdClients(lab: Lab): Promise<number> {
  const r = await lab.exec('virt-admin', ['-c', 'libvirtd:///system', 'client-list', 'libvirtd']);
  if (r.code !== 0) throw new Error(`virt-admin failed: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => /^\s*\d+\s+\S/.test(l)).length;
}

/** VNC clients connected to the guest, as QEMU itself reports them (HMP `info vnc`): the daemon side's view. */
async function vncClients(lab: Lab): Promise<number> {
  const info = await lab.virsh(['qemu-monitor-command', 'tiny', '--hmp', 'info vnc']);
  return (info.match(/Client:/g) ?? []).length;
}

describe('consoles of the tiny guest', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let uuid: string;
  let vncSocket: string;
  let serialLog: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    vncSocket = join(lab.dir, 'tiny-vnc.sock');
    serialLog = join(lab.dir, 'tiny-serial.log');
    writeFileSync(join(lab.dir, 'tiny-socket-vnc.xml'), socketVncXml(lab, 'tiny', vncSocket));
    await lab.virsh(['define', join(lab.dir, 'tiny-socket-vnc.xml')]);
    uuid = (await lab.virsh(['domuuid', 'tiny'])).trim();
    const sshUri = `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${lab.ssh.keyPath}&known_hosts=${lab.ssh.knownHostsPath}`;
    data = seededDataDir([{ uri: lab.uri, name: 'Lab host' }, { uri: sshUri, name: 'Lab over SSH' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir, SSH_AUTH_SOCK: '' });
    ({ browser, close: closeBrowser } = await launchChromium());
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  }, 180_000);
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  const open = async (conn: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`${app.url}#/vm/${conn}/${uuid}/console`);
    await page.getByRole('button', { name: 'Console', exact: true }).waitFor({ timeout: 60_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(artifacts, `console-open-failed-${conn}.png`) });
      throw e;
    });
    return page;
  };

  it('locally: the serial console attaches when the guest starts, shows kernel lines, runs a command', async () => {
    const page = await open('conn-1');
    await chooseConsole(page, 'Serial 0');
    await page.getByText('The guest is not running', { exact: true }).waitFor();
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' }).click();
      await page.screenshot({ path: join(artifacts, `console-serial-off-${theme}.png`) });
    }
    await lab.virsh(['start', 'tiny']);
    // Kernel lines ([    1.234567] …) pass by while it boots; then the shell's prompt.
    let sawKernel = false;
    await expect.poll(async () => {
      const text = await terminalText(page);
      sawKernel ||= /\[\s*\d+\.\d{6}\]/.test(text);
      return text.includes('hangar-tiny: booted');
    }, { timeout: BOOT_MS, interval: 250 }).toBe(true);
    expect(sawKernel).toBe(true);
    await typeInTerminal(page, 'echo hangar-$((6*7))\n');
    await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain('hangar-42');
    // For the VNC case: Ctrl+Alt+Del reboots at once, and what is typed on the VGA console comes back on the serial port.
    await typeInTerminal(page, 'echo 1 > /proc/sys/kernel/ctrl-alt-del; cat /dev/tty1 > /dev/ttyS0 &\n');
    await typeInTerminal(page, 'echo ready-$((1+1))\n');
    await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain('ready-2');
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' }).click();
      await page.screenshot({ path: join(artifacts, `console-serial-${theme}.png`) });
    }
    await page.getByRole('button', { name: 'Follow the system theme' }).click();
    // Closing the tab closes the console stream, and with it its own libvirt connection.
    const withConsole = await libvirtdClients(lab);
    await page.getByRole('button', { name: 'Close tab' }).last().click();
    await expect.poll(() => libvirtdClients(lab), { timeout: 20_000 }).toBe(withConsole - 1);
    await page.close();
  }, BOOT_MS + 120_000);

  it('locally: the VNC screen is drawn, echoes typed clipboard text, takes a screenshot, grabs and releases the keyboard, sends a custom combination, and Ctrl+Alt+Del reboots the guest', async () => {
    const page = await open('conn-1');
    await chooseConsole(page, /Graphical console/);
    await connected(page);
    await expect.poll(async () => (await canvasStats(page)).inked, { timeout: 30_000 }).toBeGreaterThan(500);
    expect(await vncClients(lab)).toBeGreaterThan(0);
    const before = await canvasStats(page);
    // é and € have no key on a US layout: left out, and named, instead of being sent for QEMU to drop in silence.
    const clip = 'hangar é vnc €42é\n';
    await page.evaluate((text) => navigator.clipboard.writeText(text), clip);
    await page.getByRole('button', { name: 'Type clipboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Type text into the guest' });
    if (await dialog.isVisible().catch(() => false)) {
      await dialog.getByRole('textbox').fill(clip);
      await dialog.getByRole('button', { name: 'Type' }).click();
    }
    await expect.poll(() => /hangar {2}vnc 42\r?\n/.test(readFileSync(serialLog, 'latin1')), { timeout: 30_000 }).toBe(true);
    const skipped = page.locator('.hangar-console__skipped');
    await skipped.getByText('2 different characters were not typed').waitFor();
    expect(await skipped.innerText()).toContain('They have no key on a US keyboard layout, so they cannot be typed into the guest as keystrokes: é €');
    await page.screenshot({ path: join(artifacts, 'console-vnc-skipped.png') });
    await skipped.getByRole('button', { name: /Close/ }).click();
    expect(await skipped.count()).toBe(0);
    await expect.poll(async () => (await canvasStats(page)).hash, { timeout: 20_000 }).not.toBe(before.hash);
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' }).click();
      await page.screenshot({ path: join(artifacts, `console-vnc-${theme}.png`) });
    }
    await page.getByRole('button', { name: 'Follow the system theme' }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Screenshot' }).click();
    const file = join(artifacts, 'console-vnc-screenshot.png');
    await (await download).saveAs(file);
    expect(readFileSync(file).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    // The keyboard is the guest's while its screen has the focus; the preferences' combination (Ctrl+Alt) gives it back.
    const grab = page.locator('.hangar-console__grab');
    await page.getByTestId('vnc-screen').click();
    await expect.poll(() => grab.getAttribute('data-grabbed')).toBe('yes');
    expect(await grab.textContent()).toBe('The keyboard goes to the guest: press Ctrl+Alt to release it.');
    await page.keyboard.down('Control');
    await page.keyboard.down('Alt');
    await page.keyboard.up('Alt');
    await page.keyboard.up('Control');
    await expect.poll(() => grab.getAttribute('data-grabbed')).toBe('no');

    // A custom combination: a bad one is refused at the field; Shift+Q and then Return reach the guest's VGA console.
    const custom = async (keys: string): Promise<void> => {
      await page.getByRole('button', { name: 'Send key' }).click();
      await page.getByRole('menuitem', { name: 'Custom combination…' }).click();
      const box = page.getByRole('dialog', { name: 'Send a key combination' });
      await box.getByLabel('Keys').fill(keys);
      await box.getByRole('button', { name: 'Send' }).click();
    };
    await custom('Control_L+Nope');
    const box = page.getByRole('dialog', { name: 'Send a key combination' });
    await box.getByText('“Nope” is not a key name (such as Control_L, Alt_L, Shift_L, F2, Delete or a letter).').waitFor();
    await box.getByRole('button', { name: 'Cancel' }).click();
    const typedBefore = readFileSync(serialLog, 'latin1').length;
    await custom('Shift_L+q');
    await custom('Return');
    await expect.poll(() => /(^|\n)Q\r?\n/.test(readFileSync(serialLog, 'latin1').slice(typedBefore)), { timeout: 30_000 }).toBe(true);

    const boots = (): number => readFileSync(serialLog, 'latin1').split('Linux version').length - 1;
    expect(boots()).toBe(1);
    await page.getByRole('button', { name: 'Send key' }).click();
    await page.getByRole('menuitem', { name: 'Ctrl+Alt+Del' }).click();
    await expect.poll(boots, { timeout: BOOT_MS }).toBe(2);

    // Closing the console's tab closes its channel, and with it the connection to qemu's VNC socket.
    await page.getByRole('button', { name: 'Close tab' }).last().click();
    await expect.poll(() => vncClients(lab), { timeout: 20_000 }).toBe(0);
    await page.close();
  }, BOOT_MS + 120_000);

  it('locally: another client taking the console shows who holds it, with a take-over; forcing the guest off shows the state, and it reattaches on start', async () => {
    const page = await open('conn-1');
    await chooseConsole(page, 'Serial 0');
    const status = (): Promise<string | null> => page.locator('.hangar-console__status').getAttribute('data-state');
    await expect.poll(status, { timeout: 30_000 }).toBe('connected');
    const other = await ApiSocket.open(app.url);
    try {
      const taken = await other.openChannel('consoles.openSerial', { connection: 'conn-1', key: uuid, alias: null, force: true });
      await page.getByText('Another client holds this console').waitFor({ timeout: 30_000 });
      await page.screenshot({ path: join(artifacts, 'console-serial-busy.png') });
      await page.getByRole('button', { name: 'Take over the console' }).click();
      await expect.poll(status, { timeout: 30_000 }).toBe('connected');
      await expect.poll(() => taken.closed.then(() => true), { timeout: 10_000 }).toBe(true);
    } finally {
      await other.close();
    }
    await lab.virsh(['destroy', 'tiny']);
    await page.getByText('The guest is not running', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.getByText('The console could not be opened').count()).toBe(0);
    await lab.virsh(['start', 'tiny']);
    await expect.poll(() => terminalText(page), { timeout: BOOT_MS, interval: 500 }).toContain('hangar-tiny: booted');
    await page.close();
  }, BOOT_MS + 60_000);

  it('over SSH: serial and VNC consoles run on the one SSH connection, and closing the tab closes the forwarded channel', async () => {
    const page = await open('conn-2');
    await chooseConsole(page, 'Serial 0');
    await connected(page);
    await typeInTerminal(page, '\necho over-ssh-$((40+2))\n');
    await expect.poll(() => terminalText(page), { timeout: 20_000 }).toContain('over-ssh-42');
    await chooseConsole(page, /Graphical console/);
    await connected(page);
    await expect.poll(async () => (await canvasStats(page)).inked, { timeout: 30_000 }).toBeGreaterThan(500);
    // The forwarded channel (sshd's end on the VNC socket) is a client of QEMU's VNC server.
    expect(await vncClients(lab)).toBeGreaterThan(0);
    const ss = await import('node:child_process').then((cp) => cp.execFileSync('ss', ['-tnH', 'state', 'established', `( dport = :${lab.ssh.port} )`], { encoding: 'utf8' }));
    expect(ss.trim().split('\n').filter(Boolean)).toHaveLength(1);
    await page.screenshot({ path: join(artifacts, 'console-vnc-ssh.png') });
    await page.getByRole('button', { name: 'Close tab' }).last().click();
    await expect.poll(() => vncClients(lab), { timeout: 20_000 }).toBe(0);
    expect(existsSync(vncSocket)).toBe(true);
    await page.close();
  }, 120_000);

  it('over SSH: a SPICE-only VM offers the switch to VNC; once switched (and given a password) its console connects without asking', async () => {
    const spiceXml = lab.tinyGuestXml({ name: 'spicy' })
      .replace(/<graphics type='vnc'[^>]*\/>/, "<graphics type='spice' autoport='yes'><listen type='address' address='127.0.0.1'/></graphics>")
      .replace("<video><model type='vga'/></video>", "<video><model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1'/></video>");
    writeFileSync(join(lab.dir, 'spicy.xml'), spiceXml);
    await lab.virsh(['define', join(lab.dir, 'spicy.xml')]);
    const spicyUuid = (await lab.virsh(['domuuid', 'spicy'])).trim();
    const page = await context.newPage();
    await page.goto(`${app.url}#/vm/conn-2/${spicyUuid}/console`);
    await page.getByText('This VM has SPICE graphics only').waitFor({ timeout: 30_000 });
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' }).click();
      await page.screenshot({ path: join(artifacts, `console-spice-${theme}.png`) });
    }
    await page.getByRole('button', { name: 'Follow the system theme' }).click();
    await page.getByRole('button', { name: 'Switch this VM to VNC' }).click();
    const confirm = page.getByRole('dialog', { name: 'Switch to VNC?' });
    await confirm.getByRole('button', { name: 'Switch this VM to VNC' }).click();
    await page.getByText('The VM now has VNC graphics').waitFor({ timeout: 20_000 });
    const defined = await lab.virsh(['dumpxml', '--inactive', 'spicy']);
    expect(defined).toMatch(/<graphics type='vnc'/);
    expect(defined).not.toMatch(/spice|qxl/);
    // A password in the definition: the console must use it without asking.
    writeFileSync(join(lab.dir, 'spicy-pw.xml'), defined.replace("<graphics type='vnc'", "<graphics type='vnc' passwd='hangarpw'"));
    await lab.virsh(['define', join(lab.dir, 'spicy-pw.xml')]);
    await lab.virsh(['start', 'spicy']);
    try {
      await connected(page, 60_000);
      expect(await page.getByRole('dialog', { name: 'The VNC server asks for a password' }).count()).toBe(0);
      await expect.poll(async () => (await canvasStats(page)).inked, { timeout: 60_000 }).toBeGreaterThan(100);
    } finally {
      await lab.virsh(['destroy', 'spicy']).catch(() => '');
    }
    await page.getByText('The guest is not running', { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.close();
  }, 180_000);
});
