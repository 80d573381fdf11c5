import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');

function fingerprint(publicKeyFile: string): string {
  return execFileSync('ssh-keygen', ['-lf', publicKeyFile], { encoding: 'utf8' }).split(' ')[1] ?? '';
}

describe('adding a remote host over SSH from the window', () => {
  let lab: Lab;
  let home: string;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let uri: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    await lab.defineGuest({ name: 'tiny' });
    // A fresh HOME: an empty ~/.ssh/known_hosts, no agent, nothing of the machine's own SSH setup.
    home = mkdtempSync(join(tmpdir(), 'hangar-home-'));
    data = seededDataDir([]);
    app = await runApp('out/main/web/cli.js', { HOME: home, HANGAR_DATA_DIR: data.dir, SSH_AUTH_SOCK: '' });
    ({ browser, close: closeBrowser } = await launchChromium());
    uri = `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${lab.ssh.keyPath}`;
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    if (home) rmSync(home, { recursive: true, force: true });
    await lab?.stop();
  });

  it('asks to trust an unknown host key, showing its fingerprint, then connects and lists the VMs', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Add Connection…' }).click();
    const add = page.getByRole('dialog', { name: 'Add Connection' });
    await add.getByLabel('Custom URI').check();
    await add.getByLabel('URI', { exact: true }).fill(uri);
    await add.getByRole('button', { name: 'Connect' }).click();

    const prompt = page.getByRole('dialog', { name: 'Unknown SSH host key' });
    await prompt.waitFor({ timeout: 20_000 });
    expect(await prompt.locator('.fingerprint').textContent()).toBe(fingerprint(join(lab.dir, 'ssh', 'host_ed25519.pub')));
    await page.screenshot({ path: join(artifacts, 'ssh-host-key.png') });
    await prompt.getByRole('button', { name: 'Trust and Connect' }).click();

    const host = page.getByRole('rowgroup', { name: uri });
    await expect.poll(() => host.getByRole('status').textContent(), { timeout: 20_000 }).toBe('Connected');
    await expect.poll(() => page.locator('.vm-list-table').getByRole('row', { name: 'tiny', exact: true }).getAttribute('data-state')).toBe('shutoff');
    expect(readFileSync(join(home, '.ssh', 'known_hosts'), 'utf8')).toContain(lab.ssh.hostKey.split(' ')[1]);
    await page.close();
  });

  it('refuses a changed host key, naming the host and the fingerprint it was offered', async () => {
    const other = join(home, 'other_key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const otherKey = readFileSync(`${other}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
    writeFileSync(join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${lab.ssh.port} ${otherKey}\n`);
    const page = await browser.newPage();
    await page.goto(app.url);
    const host = page.getByRole('rowgroup', { name: uri });
    await expect.poll(() => host.getByRole('status').textContent(), { timeout: 20_000 }).toBe('Connected');
    await host.getByRole('button', { name: 'Disconnect', exact: true }).click();
    await expect.poll(() => host.getByRole('status').textContent()).toBe('Not connected');
    await host.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect.poll(() => host.getAttribute('data-connection-state'), { timeout: 20_000 }).toBe('error');
    const message = (await host.locator('.connection-error').textContent()) ?? '';
    expect(message).toContain(`[127.0.0.1]:${lab.ssh.port}`);
    expect(message).toContain(fingerprint(join(lab.dir, 'ssh', 'host_ed25519.pub')));
    await page.close();
  });

  it('removes the connection after asking, and forgets it', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    const host = page.getByRole('rowgroup', { name: uri });
    await host.waitFor();
    await host.getByRole('button', { name: `Actions for the connection ${uri}` }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.getByRole('heading').textContent()).toContain(`Remove the connection “${uri}”?`);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => host.count()).toBe(0);
    expect(readFileSync(join(data.dir, 'connections.json'), 'utf8')).not.toContain(String(lab.ssh.port));
    await page.close();
  });
});
