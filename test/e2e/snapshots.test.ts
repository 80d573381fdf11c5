import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDisk, parseDomain } from '../../drivers/xml/index.js';
import { VIR_DOMAIN_RUNNING, VIR_DOMAIN_SHUTOFF } from '../../drivers/api/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { serialShell, type SerialShell } from '../lab/serial-shell.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { shootBothThemes } from '../support/theme-shots.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const LAB = 'conn-1';
const DEMO = 'conn-2';
const VM = 'snap-vm';
const RISKY_VM = 'risky-vm';
const POOL = 'snap-pool';
const MiB = 1024 * 1024;
// The guest boots under emulation on a shared 2-core machine: waits on it are generous.
const GUEST_MS = 240_000;

describe('snapshots on a real libvirt host and on the Demo host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let api: ApiSocket;
  let page: Page;
  let poolDir: string;
  let uuid: string;
  let serialLog: string;
  let guest: SerialShell;

  // PatternFly's dark theme is a class on <html>; set directly, it also works while a modal makes the masthead inert.
  const shot = (name: string): Promise<void> => shootBothThemes(page, (theme) => join(artifacts, `snapshots-${name}-${theme}.png`));
  /** The guest's shell on its serial port (the pty, not helper C's console UI: that is not what this test is about). */
  const shell = (line: string, expected: RegExp): Promise<string> => guest.run(line, expected, GUEST_MS);
  const row = (name: string): Locator => page.locator(`tr[data-snapshot="${name}"]`);
  const openSnapshots = async (connection: string, key: string): Promise<void> => {
    await page.goto(`${app.url.split('#')[0] ?? app.url}#/vm/${connection}/${key}/snapshots`);
    await page.locator('.snapshots-page').waitFor({ timeout: 30_000 });
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    poolDir = join(lab.dir, POOL);
    await lab.virsh(['pool-define-as', POOL, 'dir', '--target', poolDir]);
    await lab.virsh(['pool-build', POOL]);
    await lab.virsh(['pool-start', POOL]);
    await lab.virsh(['vol-create-as', POOL, `${VM}.qcow2`, String(16 * MiB), '--format', 'qcow2']);
    // The tiny guest lives in RAM; a qcow2 disk gives the internal snapshot a place for its memory state.
    const dom = parseDomain(lab.tinyGuestXml({ name: VM }));
    dom.addDevice(buildDisk({ source: { type: 'file', file: join(poolDir, `${VM}.qcow2`) }, targetDev: 'vda', bus: 'virtio', format: 'qcow2' }));
    const file = join(lab.dir, `${VM}.xml`);
    writeFileSync(file, dom.toXml());
    await lab.virsh(['define', file]);
    uuid = (await lab.virsh(['domuuid', VM])).trim();
    serialLog = join(lab.dir, `${VM}-serial.log`);
    guest = serialShell(lab, VM, serialLog);
    data = seededDataDir([{ uri: lab.uri, name: 'Lab host' }, { uri: 'test:///default', name: 'Demo host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    api = await ApiSocket.open(app.url);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(app.url);
    await page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${LAB}"][data-connection-state="connected"]`).waitFor({ timeout: 30_000 });
  }, 180_000);
  afterAll(async () => {
    await api?.close();
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('takes an internal snapshot of the running guest, reverts to it, and the guest has the first marker but not the second', async () => {
    await lab.virsh(['start', VM]);
    await lab.waitForGuestLife({ name: VM });
    await expect.poll(() => existsSync(serialLog) && readFileSync(serialLog, 'latin1').includes('hangar-tiny: booted'), { timeout: GUEST_MS, interval: 500 }).toBe(true);
    // The first marker; the echo's answer (42) is not in the typed line, so it is the shell's.
    await shell('echo first > /tmp/m1; echo MARK$((40+2))', /MARK42/);

    await openSnapshots(LAB, uuid);
    await page.getByText('No snapshots').waitFor();
    await shot('empty');
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.locator('#snapshot-name').inputValue()).toBe('snapshot1');
    expect(await dialog.locator('#snapshot-mode-internal').isChecked()).toBe(true);
    await dialog.locator('#snapshot-description').fill('before the second marker');
    await shot('create-internal');
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    await dialog.waitFor({ state: 'detached', timeout: GUEST_MS });
    await row('snapshot1').waitFor();
    expect(await lab.virsh(['snapshot-list', VM, '--name'])).toContain('snapshot1');
    // The row may show before the list that marks it current has arrived: wait for the mark, then count it.
    await row('snapshot1').getByText('current').waitFor({ timeout: 10_000 });
    expect(await row('snapshot1').getByText('current').count()).toBe(1);
    expect(await row('snapshot1').getByText('Internal').count()).toBe(1);
    expect(await row('snapshot1').getByText('Running').count()).toBe(1);
    // The picture of the guest's screen, kept in the data folder and shown beside the tree.
    const picture = page.locator('img.snapshot-screenshot');
    await picture.waitFor({ timeout: 30_000 });
    const size = await picture.evaluate((img: HTMLImageElement) => ({ w: img.naturalWidth, h: img.naturalHeight }));
    expect(size.w).toBeGreaterThanOrEqual(320);
    expect(size.h).toBeGreaterThanOrEqual(200);
    const kept = join(data.dir, 'snapshot-screenshots', LAB, uuid);
    expect(readdirSync(kept)).toEqual(['snapshot1.png']);
    // The VGA text screen shows the guest's banner: the picture is not one flat colour.
    const colours = await picture.evaluate((img: HTMLImageElement) => {
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext('2d');
      if (!g) return 0;
      g.drawImage(img, 0, 0);
      const px = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < px.length; i += 4) seen.add(((px[i] ?? 0) << 16) | ((px[i + 1] ?? 0) << 8) | (px[i + 2] ?? 0));
      return seen.size;
    });
    expect(colours).toBeGreaterThan(1);
    await shot('internal');

    await shell('echo second > /tmp/m2; echo MARK$((40+3))', /MARK43/);
    await row('snapshot1').getByRole('button', { name: /kebab toggle/i }).click();
    await page.getByRole('menuitem', { name: 'Revert…' }).click();
    const revert = page.getByRole('dialog');
    await revert.getByText('snap-vm is running: its present state is discarded').waitFor();
    expect(await revert.locator('#revert-as-saved').isChecked()).toBe(true);
    await shot('revert');
    await revert.getByRole('button', { name: 'Revert', exact: true }).click();
    await revert.waitFor({ state: 'detached', timeout: GUEST_MS });
    expect((await lab.virsh(['domstate', VM])).trim()).toBe('running');
    // Upper case so that only the output matches, never the typed line.
    const out = await shell('for f in /tmp/m1 /tmp/m2; do [ -e $f ] && echo has-$f || echo no-$f; done | tr a-z A-Z', /(HAS|NO)-\/TMP\/M2/);
    expect(out).toContain('HAS-/TMP/M1');
    expect(out).toContain('NO-/TMP/M2');
    expect(out).not.toContain('HAS-/TMP/M2');
  }, 900_000);

  it('takes an external disk-only snapshot of the shut-off VM: the overlay is in the pool and the disk points at it', async () => {
    await lab.virsh(['destroy', VM]);
    await expect.poll(async () => (await lab.virsh(['domstate', VM])).trim(), { timeout: 30_000 }).toBe('shut off');
    await openSnapshots(LAB, uuid);
    await row('snapshot1').waitFor();
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.locator('#snapshot-name').inputValue()).toBe('snapshot2');
    await dialog.locator('#snapshot-mode-external').check();
    const overlay = join(poolDir, `${VM}.snapshot2`);
    expect(await dialog.locator('#snapshot-overlay-vda').inputValue()).toBe(overlay);
    expect(await dialog.locator('#snapshot-memory-file').count()).toBe(0);
    await shot('create-external');
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await row('snapshot2').waitFor();
    expect(await row('snapshot2').getByText('current').count()).toBe(1);
    expect(await row('snapshot2').getByText('External (disks only)').count()).toBe(1);
    await lab.virsh(['pool-refresh', POOL]);
    expect(await lab.virsh(['vol-list', POOL])).toContain(overlay);
    expect(await lab.virsh(['domblklist', VM])).toMatch(new RegExp(`vda\\s+${overlay.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
    // The tree: snapshot2 hangs from snapshot1.
    expect(await row('snapshot2').getAttribute('aria-level')).toBe('2');
    await row('snapshot2').click();
    await page.locator('.snapshot-details[data-snapshot="snapshot2"]').getByText(overlay).waitFor();
    // This host's libvirt (9.0) cannot revert to it, and the page says so before anyone tries.
    const version = (await api.call('connections.hostInfo', { connection: LAB })).libVersion;
    if (version < 9_009_000) await page.getByText(/cannot revert to external snapshots/).first().waitFor();
    await shot('external');
  }, 300_000);

  it('offers the same page on the Demo host: take (with its picture), describe, delete', async () => {
    await page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${DEMO}"][data-connection-state="connected"]`).waitFor({ timeout: 30_000 });
    const demoVm = (await api.call('domains.list', { connection: DEMO })).items.find((d) => d.name === 'fedora-workstation');
    if (!demoVm) throw new Error('the Demo host has no VM fedora-workstation');
    await openSnapshots(DEMO, demoVm.key);
    const before = (await api.call('snapshots.list', { connection: DEMO, domain: demoVm.key })).items.length;
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    const dialog = page.getByRole('dialog');
    const name = await dialog.locator('#snapshot-name').inputValue();
    expect(name).toMatch(/^snapshot\d+$/);
    await dialog.getByRole('button', { name: 'Take snapshot' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(name).waitFor();
    expect((await api.call('snapshots.list', { connection: DEMO, domain: demoVm.key })).items.length).toBe(before + 1);
    await row(name).click();
    await page.locator('#snapshot-details-description').fill('made by the e2e test');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(async () => (await api.call('snapshots.list', { connection: DEMO, domain: demoVm.key })).items.find((s) => s.name === name)?.description)
      .toBe('made by the e2e test');
    await page.locator('img.snapshot-screenshot').waitFor();
    await shot('demo');

    await page.getByRole('button', { name: 'Delete…' }).click();
    const del = page.getByRole('dialog');
    await shot('delete');
    await del.getByRole('button', { name: 'Delete', exact: true }).click();
    await del.waitFor({ state: 'detached' });
    await row(name).waitFor({ state: 'detached' });
    expect((await api.call('snapshots.list', { connection: DEMO, domain: demoVm.key })).items.length).toBe(before);
  }, 180_000);
  it('shows libvirt\'s refusal of a risky revert (to a snapshot without memory over a managed save) and reverts anyway with FORCE once confirmed, discarding the saved state first', async () => {
    // A VM of its own: a qcow2 disk, an internal snapshot taken while it was shut off, then run and saved (managed save).
    await lab.virsh(['vol-create-as', POOL, `${RISKY_VM}.qcow2`, String(16 * MiB), '--format', 'qcow2']);
    const dom = parseDomain(lab.tinyGuestXml({ name: RISKY_VM }));
    dom.addDevice(buildDisk({ source: { type: 'file', file: join(poolDir, `${RISKY_VM}.qcow2`) }, targetDev: 'vda', bus: 'virtio', format: 'qcow2' }));
    const file = join(lab.dir, `${RISKY_VM}.xml`);
    writeFileSync(file, dom.toXml());
    await lab.virsh(['define', file]);
    await lab.virsh(['snapshot-create-as', RISKY_VM, 'cold', '--description', 'taken shut off']);
    await lab.virsh(['start', RISKY_VM]);
    await lab.waitForGuestLife({ name: RISKY_VM });
    // A later snapshot (with memory) is the current one, so that a revert to `cold` shows.
    await lab.virsh(['snapshot-create-as', RISKY_VM, 'warm']);
    await lab.virsh(['managedsave', RISKY_VM]);
    const managedSave = async (): Promise<string> => /Managed save:\s+(\w+)/.exec(await lab.virsh(['dominfo', RISKY_VM]))?.[1] ?? '?';
    expect(await managedSave()).toBe('yes');
    const key = (await lab.virsh(['domuuid', RISKY_VM])).trim();
    await openSnapshots(LAB, key);
    await row('cold').getByRole('button', { name: /kebab toggle/i }).click();
    await page.getByRole('menuitem', { name: 'Revert…' }).click();
    const revert = page.getByRole('dialog');
    await revert.getByRole('button', { name: 'Revert', exact: true }).click();
    // libvirt refuses: the saved memory would no longer match the disks. Its own words are shown.
    const refusal = revert.locator('.snapshot-revert-refusal');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.innerText()).toMatch(/snapshot without memory state, removal of existing managed saved state strongly recommended/);
    // Nothing happened: the snapshot is not current, the saved state is still there.
    expect((await lab.virsh(['snapshot-current', RISKY_VM, '--name'])).trim()).toBe('warm');
    expect(await managedSave()).toBe('yes');
    const anyway = revert.getByRole('button', { name: 'Revert anyway', exact: true });
    expect(await anyway.isDisabled()).toBe(true);
    await revert.locator('#snapshot-revert-force').check();
    expect(await anyway.isDisabled()).toBe(false);
    // What libvirt recommends is offered, and chosen unless the user says no.
    expect(await revert.locator('#snapshot-revert-discard').isChecked()).toBe(true);
    await shot('revert-risky');
    await anyway.click();
    await revert.waitFor({ state: 'detached', timeout: GUEST_MS });
    // Forced: the disks are the snapshot's, and the VM is as the snapshot holds it (shut off).
    expect((await lab.virsh(['snapshot-current', RISKY_VM, '--name'])).trim()).toBe('cold');
    expect((await lab.virsh(['domstate', RISKY_VM])).trim()).toBe('shut off');
    expect(await managedSave()).toBe('no');
    await row('cold').getByText('current').waitFor();
  }, 300_000);
  it('on the Demo host too: libvirt\'s test driver refuses to respawn a running VM into a shut-off snapshot until forced', async () => {
    const vm = (await api.call('domains.list', { connection: DEMO })).items.find((d) => d.name === 'ubuntu-dev');
    if (!vm) throw new Error('the Demo host has no VM ubuntu-dev');
    const demoState = async (): Promise<number | undefined> =>
      (await api.call('domains.list', { connection: DEMO })).items.find((d) => d.key === vm.key)?.state;
    if (vm.state !== VIR_DOMAIN_SHUTOFF) await api.call('domains.action', { connection: DEMO, key: vm.key, action: 'forceoff' });
    await api.call('snapshots.create', { connection: DEMO, domain: vm.key, name: 'demo-cold', screenshot: false });
    await api.call('domains.action', { connection: DEMO, key: vm.key, action: 'start' });
    await openSnapshots(DEMO, vm.key);
    await row('demo-cold').getByRole('button', { name: /kebab toggle/i }).click();
    await page.getByRole('menuitem', { name: 'Revert…' }).click();
    const revert = page.getByRole('dialog');
    await revert.locator('#revert-running').check();
    await revert.getByRole('button', { name: 'Revert', exact: true }).click();
    await revert.locator('.snapshot-revert-refusal').waitFor({ timeout: 30_000 });
    expect(await revert.locator('.snapshot-revert-refusal').innerText()).toBe('revert requires force: must respawn guest to start inactive snapshot');
    // Choosing another state afterwards is a new question, asked without force.
    await revert.locator('#revert-as-saved').check();
    expect(await revert.locator('.snapshot-revert-refusal').count()).toBe(0);
    await revert.locator('#revert-running').check();
    await revert.getByRole('button', { name: 'Revert', exact: true }).click();
    await revert.locator('#snapshot-revert-force').check();
    // No saved state on this VM: nothing to discard is offered.
    expect(await revert.locator('#snapshot-revert-discard').count()).toBe(0);
    await revert.getByRole('button', { name: 'Revert anyway', exact: true }).click();
    await revert.waitFor({ state: 'detached' });
    expect((await api.call('snapshots.list', { connection: DEMO, domain: vm.key })).items.find((x) => x.name === 'demo-cold')?.current).toBe(true);
    await expect.poll(demoState).toBe(VIR_DOMAIN_RUNNING);
  }, 120_000);
});
