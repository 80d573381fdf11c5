// The New VM wizard's network install on the lab's libvirtd: an install tree served over HTTP on loopback by this
// test (test/support/install-tree-server.ts: the tiny guest's own kernel and initramfs, with a .treeinfo naming them), fetched by main and uploaded into
// the default pool, booted directly with the user's kernel arguments (the serial console shows the kernel's lines),
// then the persistent definition boots from disk and the kernel volumes are gone. A wrong URL fails at Finish,
// naming what was tried, and leaves no volume behind.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FinishError, finishNewVm } from '../../renderer/wizards/newvm/new-vm-finish.js';
import { initialState } from '../../renderer/wizards/newvm/new-vm-state.js';
import { startLab, type Lab } from '../lab/lab.js';
import type { ApiSocket } from '../support/api-socket.js';
import { projectRoot } from '../support/app-process.js';
import { openBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { serveTinyTree, type TreeServer } from '../support/install-tree-server.js';
import { jobWaiter, newVmWizard, type NewVmWizardDriver } from '../support/new-vm-wizard.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const LAB = 'conn-1';
const KARGS = 'console=ttyS0,115200 hangar.tiny=1';

/** A loopback port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

describe('New VM wizard: network install on a real libvirt host', () => {
  let lab: Lab;
  let session: BrowserApp;
  let api: ApiSocket;
  let page: Page;
  let tree: TreeServer;

  let ui: NewVmWizardDriver;
  const wizard = () => ui.wizard();
  const next = () => ui.next();
  const stepIs = (n: number) => ui.stepIs(n);
  const shot = async (name: string): Promise<void> => { await page.screenshot({ path: join(artifacts, `new-vm-url-${name}.png`) }); };
  /** Steps 1–5 of a network install to `url`, up to (not including) Finish. */
  const fillWizard = async (url: string, name: string, treeSays: string | RegExp): Promise<void> => {
    await page.getByRole('tab', { name: /Manager/ }).first().click();
    await page.getByRole('button', { name: 'New VM', exact: true }).click();
    await stepIs(1);
    await page.locator('#newvm-method-url').check();
    if (lab.accel === 'qemu') await page.locator('#newvm-virt-qemu').check();
    await expect.poll(() => page.locator('#newvm-machine').inputValue(), { timeout: 15_000 }).toBe('q35');
    await next();
    await stepIs(2);
    await page.locator('#newvm-url').fill(url);
    await page.locator('#newvm-kargs').fill(KARGS);
    // Main reads the tree's .treeinfo for its OS: this one osinfo-db does not know, so it is chosen from the list.
    await wizard().getByText(treeSays).waitFor({ timeout: 20_000 });
    await ui.chooseOs('generic linux 2022', 'Generic Linux 2022');
    await shot(`${name}-media`);
    await next();
    await stepIs(3);
    await page.locator('#newvm-memory').fill('256');
    await page.locator('#newvm-vcpus').fill('1');
    await next();
    await stepIs(4);
    await page.locator('#newvm-disk-size').fill('1');
    await next();
    await stepIs(5);
    await page.locator('#newvm-name').fill(name);
  };
  const volumes = async (): Promise<string> => lab.virsh(['vol-list', 'default']).catch(() => '');

  beforeAll(async () => {
    lab = await startLab();
    tree = await serveTinyTree();
    session = await openBrowserApp([{ uri: lab.uri, name: 'Lab host' }]);
    ({ api, page } = session);
    ui = newVmWizard(page);
  });
  afterAll(async () => {
    await session?.close();
    await tree?.close();
    await lab?.stop();
  });

  it('installs from the tree: kernel fetched onto the host, booted with the arguments, then the disk boots and the kernel volumes go', async () => {
    const started = Date.now();
    await fillWizard(`${tree.url}/tree/`, 'netinst', 'The tree’s .treeinfo names Hangar Tiny 1, which osinfo-db does not know: choose the OS below.');
    await shot('finish');
    await wizard().getByRole('button', { name: 'Finish', exact: true }).click();
    expect(await ui.finished()).toBe('closed');
    const finishMs = Date.now() - started;
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toMatch(/^#\/vm\/conn-1\/[0-9a-f-]{36}\/console$/);
    // Main read the .treeinfo and fetched what it names (the tree's own layout, nothing guessed).
    // (The first .treeinfo read is the wizard's OS detection.)
    expect(tree.log.filter((l) => l !== 'GET /tree/.treeinfo')).toEqual(['GET /tree/images/pxeboot/vmlinuz', 'GET /tree/images/pxeboot/initrd.img']);
    expect(tree.log.filter((l) => l === 'GET /tree/.treeinfo').length).toBeGreaterThanOrEqual(2);

    // The running VM was started with the direct kernel boot and the user's arguments...
    const live = await lab.virsh(['dumpxml', 'netinst']);
    expect(live).toContain('<kernel>/var/lib/libvirt/images/netinst-kernel</kernel>');
    expect(live).toContain('<initrd>/var/lib/libvirt/images/netinst-initrd</initrd>');
    expect(live).toContain(`<cmdline>${KARGS}</cmdline>`);
    // ...and the serial console shows the kernel's boot lines.
    await page.getByRole('button', { name: 'Console', exact: true }).click();
    await page.getByRole('option', { name: 'Serial 0' }).click();
    await expect.poll(() => page.locator('.xterm').innerText(), { timeout: 240_000, interval: 1000 }).toMatch(/Linux version|hangar-tiny: booted/);
    const bootMs = Date.now() - started;
    await shot('serial');

    // The next boot is from the disk: no kernel, initrd or cmdline in the persistent definition, reboots restart.
    const persistent = (await api.call('domains.xml', { connection: LAB, key: new URL(page.url()).hash.split('/')[3]!, inactive: true })).xml;
    expect(persistent).not.toMatch(/<kernel>|<initrd>|<cmdline>/);
    expect(persistent).toContain('<on_reboot>restart</on_reboot>');
    expect(persistent).toContain("<source file='/var/lib/libvirt/images/netinst.qcow2'/>");
    expect(await lab.virsh(['dumpxml', '--inactive', 'netinst'])).not.toContain('<kernel>');
    // The kernel and initrd volumes are gone (QEMU read them at start); the disk stays.
    const vols = await volumes();
    expect(vols).not.toMatch(/netinst-kernel|netinst-initrd/);
    expect(vols).toContain('netinst.qcow2');
    console.log(`network install: Finish ${finishMs} ms, kernel line on the serial console ${bootMs} ms after Finish began (${lab.accel})`);
  }, 600_000);

  it('keeps the install boot through "customize before install", and ends it when the VM page starts the VM', async () => {
    tree.log.length = 0;
    await fillWizard(`${tree.url}/tree`, 'netcustom', /names Hangar Tiny 1/);
    await page.locator('#newvm-customize').check();
    await wizard().getByRole('button', { name: 'Finish', exact: true }).click();
    expect(await ui.finished()).toBe('closed');
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toMatch(/^#\/vm\/conn-1\/[0-9a-f-]{36}\/details$/);
    expect((await lab.virsh(['domstate', 'netcustom'])).trim()).toBe('shut off');
    // Defined to boot the installer, its kernel and initrd waiting in the pool.
    const defined = await lab.virsh(['dumpxml', '--inactive', 'netcustom']);
    expect(defined).toContain('<kernel>/var/lib/libvirt/images/netcustom-kernel</kernel>');
    expect(defined).toContain(`<cmdline>${KARGS}</cmdline>`);
    expect(await volumes()).toMatch(/netcustom-kernel[\s\S]*netcustom-initrd|netcustom-initrd[\s\S]*netcustom-kernel/);
    // Started from its page: it boots the installer, and the definition and the pool are cleaned up.
    await page.locator('.tab-header').getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await lab.virsh(['domstate', 'netcustom'])).trim(), { timeout: 60_000 }).toBe('running');
    expect(await lab.virsh(['dumpxml', 'netcustom'])).toContain('<kernel>/var/lib/libvirt/images/netcustom-kernel</kernel>');
    await expect.poll(() => lab.virsh(['dumpxml', '--inactive', 'netcustom']), { timeout: 30_000 }).not.toContain('<kernel>');
    await expect.poll(volumes, { timeout: 30_000 }).not.toMatch(/netcustom-kernel|netcustom-initrd/);
    await lab.virsh(['destroy', 'netcustom']);
  }, 300_000);

  it('says at Finish which URLs it tried when the tree is not there (404), and leaves no volume behind', async () => {
    tree.log.length = 0;
    await fillWizard(`${tree.url}/missing/`, 'nothere', 'The tree has no .treeinfo to tell its OS: choose it below.');
    await wizard().getByRole('button', { name: 'Finish', exact: true }).click();
    const message = await ui.finished();
    await shot('not-found');
    expect(message).toContain('The VM was not created');
    expect(message).toContain(`No x86_64 kernel and initrd found in the install tree at ${tree.url}/missing/`);
    expect(message).toContain('Tried: .treeinfo (404 Not Found); images/pxeboot/vmlinuz (404 Not Found);');
    expect(message).toContain('install.amd/vmlinuz (404 Not Found)');
    expect(tree.log.filter((l) => l === 'GET /missing/.treeinfo').length).toBeGreaterThanOrEqual(2);
    expect(await volumes()).not.toContain('nothere');
    expect(await lab.virsh(['list', '--all', '--name'])).not.toContain('nothere');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await wizard().waitFor({ state: 'detached' });
  }, 300_000);

  it('says so when nothing listens at the URL, and leaves no volume behind', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/tree/`;
    const pools = (await api.call('storage.list', { connection: LAB })).items;
    const waitJob = jobWaiter(api);
    const state = { ...initialState(LAB), method: 'url' as const, url, kernelArgs: KARGS, name: 'deadurl', virtType: lab.accel, diskGiB: '1', memoryMiB: '128', vcpus: '1' };
    const error = await finishNewVm(state, {
      api, waitJob, pools, os: undefined, caps: undefined, emulator: undefined, format: 'qcow2', graphics: 'none', firmware: 'bios',
      cpuMode: 'hypervisor-default', stage: () => undefined,
    }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(FinishError);
    expect((error as FinishError).message).toMatch(new RegExp(`Could not reach the install tree at ${url.replace(/[.]/g, '\\.')}: ${url.replace(/[.]/g, '\\.')}\\.treeinfo — .*ECONNREFUSED`));
    // The fetch came first: nothing was made, so nothing had to be removed.
    expect((error as FinishError).removed).toEqual([]);
    expect(await volumes()).not.toContain('deadurl');
    expect(await lab.virsh(['list', '--all', '--name'])).not.toContain('deadurl');
  });
});
