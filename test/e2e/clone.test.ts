import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDisk, buildNetwork, parseDomain } from '../../drivers/xml/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { shootBothThemes } from '../support/theme-shots.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const POOL = 'cl-pool';
const NET = 'cl-net';
const VM = 'cl-vm';
const MAC = '52:54:00:c1:00:01';
const MiB = 1024 * 1024;

describe('cloning a VM', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let page: Page;
  let poolDir: string;
  let serialLog: string;

  const shot = (name: string): Promise<void> => shootBothThemes(page, (theme) => join(artifacts, `clone-${name}-${theme}.png`));

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    poolDir = join(lab.dir, POOL);
    await lab.virsh(['pool-define-as', POOL, 'dir', '--target', poolDir]);
    await lab.virsh(['pool-build', POOL]);
    await lab.virsh(['pool-start', POOL]);
    for (const v of ['cl-vm-a.qcow2', 'data-b.qcow2']) await lab.virsh(['vol-create-as', POOL, v, String(8 * MiB), '--format', 'qcow2']);
    // An isolated network (no forward): the NIC gets a MAC and nothing leaves the lab.
    const netFile = join(lab.dir, `${NET}.xml`);
    writeFileSync(netFile, buildNetwork({ name: NET }).toXml());
    await lab.virsh(['net-define', netFile]);
    await lab.virsh(['net-start', NET]);
    serialLog = join(lab.dir, `${VM}-serial.log`);
    const dom = parseDomain(lab.tinyGuestXml({ name: VM, serialLogPath: serialLog }));
    dom.addDevice(buildDisk({ source: { type: 'file', file: join(poolDir, 'cl-vm-a.qcow2') }, targetDev: 'vda', bus: 'virtio', format: 'qcow2' }));
    dom.addDevice(buildDisk({ source: { type: 'file', file: join(poolDir, 'data-b.qcow2') }, targetDev: 'vdb', bus: 'virtio', format: 'qcow2' }));
    dom.addDevice(`<interface type='network'><mac address='${MAC}'/><source network='${NET}'/><model type='virtio'/></interface>`);
    const file = join(lab.dir, `${VM}.xml`);
    writeFileSync(file, dom.toXml());
    await lab.virsh(['define', file]);
    data = seededDataDir([{ uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    await page.locator('.pf-v6-c-page__sidebar nav [data-connection="conn-1"][data-connection-state="connected"]').waitFor({ timeout: 30_000 });
  }, 180_000);
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('clones one disk and shares the other: the clone boots, its MAC and UUID differ, the shared disk is the same path', async () => {
    const uuid = (await lab.virsh(['domuuid', VM])).trim();
    await page.goto(`${app.url.split('#')[0] ?? app.url}#/vm/conn-1/${uuid}/details`);
    await page.getByRole('button', { name: `Actions for ${VM}` }).click();
    await page.getByRole('menuitem', { name: 'Clone…' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.locator('#clone-name').inputValue(), { timeout: 20_000 }).toBe(`${VM}-clone`);
    // The VM's name in a file name becomes the clone's; other files get -clone.
    await expect.poll(() => dialog.locator('#clone-path-vda').inputValue()).toBe(join(poolDir, `${VM}-clone-a.qcow2`));
    expect(await dialog.locator('#clone-path-vdb').inputValue()).toBe(join(poolDir, 'data-b-clone.qcow2'));
    expect(await dialog.locator('#clone-mode-hdc').inputValue()).toBe('share');
    await dialog.locator('#clone-mode-vdb').selectOption('share');
    await dialog.getByText(/Shared disks \(vdb\)/).waitFor();
    await shot('dialog');
    await dialog.getByRole('button', { name: 'Clone', exact: true }).click();
    await page.getByRole('dialog').getByText(`${VM}-clone is ready.`).waitFor({ timeout: 120_000 });
    expect(await page.getByRole('dialog').locator('.lifecycle-job[data-job-state="done"]').count()).toBe(1);
    await shot('done');
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).last().click();

    const clone = parseDomain(await lab.virsh(['dumpxml', `${VM}-clone`]));
    const original = parseDomain(await lab.virsh(['dumpxml', VM]));
    expect(clone.uuid).not.toBe(original.uuid);
    expect(clone.interfaces.map((i) => i.mac)).not.toContain(MAC);
    expect(clone.interfaces.length).toBe(1);
    const file = (d: typeof clone, target: string): string | undefined => {
      const s = d.disks.find((x) => x.targetDev === target)?.source;
      return s?.type === 'file' ? s.file : undefined;
    };
    expect(file(clone, 'vda')).toBe(join(poolDir, `${VM}-clone-a.qcow2`));
    expect(file(clone, 'vdb')).toBe(join(poolDir, 'data-b.qcow2'));
    await lab.virsh(['pool-refresh', POOL]);
    expect(await lab.virsh(['vol-list', POOL])).toContain(`${VM}-clone-a.qcow2`);
    await lab.virsh(['start', `${VM}-clone`]);
    // It boots: its kernel speaks on the serial port (logged to the original's file, which the clone's copy names).
    await expect.poll(() => existsSync(serialLog) && readFileSync(serialLog, 'latin1').includes('Linux version'), { timeout: 240_000, interval: 1000 }).toBe(true);
    expect((await lab.virsh(['domstate', `${VM}-clone`])).trim()).toBe('running');
    await lab.virsh(['destroy', `${VM}-clone`]);
  }, 400_000);
});
