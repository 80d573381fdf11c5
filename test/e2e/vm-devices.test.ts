import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, parseDomain } from '../../drivers/xml/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

// The VM tab's device pages: every kind opens and shows its fields (Demo host, a VM with one device of every
// kind), and the live edits a running guest takes (lab libvirtd, tiny guest): CD-ROM media change and eject, NIC
// link down and up, a NIC hot-plugged by Add Hardware and removed, a disk cache pending until the next start.

const artifacts = join(projectRoot, 'test-results', 'e2e');
const DEMO = 'conn-1';
const LAB = 'conn-2';
const allDevices = readFileSync(join(projectRoot, 'test/fixtures/devices/all-devices.xml'), 'utf8');
const EVERY = parseDomain(allDevices).uuid ?? '';

describe('device pages on the Demo host and a real libvirt host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let api: ApiSocket;
  let page: Page;
  let tinyUuid = '';
  let iso = '';
  let otherIso = '';

  const list = (): Locator => page.locator('.vm-hw-list');
  const apply = (): Locator => page.getByRole('button', { name: 'Apply', exact: true });
  const liveXml = (): Promise<string> => lab.virsh(['dumpxml', 'tiny']);
  const configXml = (): Promise<string> => lab.virsh(['dumpxml', '--inactive', 'tiny']);
  const cdromOf = (xml: string): string => /<disk[^>]*device='cdrom'[\s\S]*?<\/disk>/.exec(xml)?.[0] ?? '';
  const openVm = async (connection: string, uuid: string): Promise<void> => {
    await page.goto(`${app.url}#/vm/${connection}/${uuid}/details`);
    await list().waitFor({ timeout: 30_000 });
  };
  const openItem = async (key: string): Promise<void> => {
    await list().locator(`[data-item="${key}"]`).first().click();
  };
  const shot = async (name: string): Promise<void> => {
    const closeToast = page.locator('.pf-v6-c-alert-group.pf-m-toast .pf-v6-c-alert__action button');
    while (await closeToast.count() > 0) await closeToast.first().click();
    // The app follows the system's theme (set once below); the masthead's buttons would be behind a dialog.
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: join(artifacts, `vm-devices-${name}-${colorScheme}.png`) });
    }
  };
  const applied = async (): Promise<void> => {
    await apply().click();
    await expect.poll(() => apply().isDisabled(), { timeout: 20_000 }).toBe(true);
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    // An isolated network (no forward): a NIC's traffic stays in the lab.
    const netFile = join(lab.dir, 'vd-net.xml');
    writeFileSync(netFile, buildNetwork({ name: 'default', ipv4: { address: '192.168.152.1', prefix: 24 } }).toXml());
    await lab.virsh(['net-define', netFile]);
    await lab.virsh(['net-start', 'default']);
    await lab.bootGuest({ name: 'tiny' });
    tinyUuid = (await lab.virsh(['domuuid', 'tiny'])).trim();
    iso = /<source file='([^']+)'/.exec(cdromOf(await liveXml()))?.[1] ?? '';
    otherIso = join(lab.dir, 'other.iso');
    await lab.exec('cp', [iso, otherIso]);
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }, { uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    api = await ApiSocket.open(app.url);
    for (let i = 0; i < 300 && (await api.call('connections.list', {})).items.filter((c) => c.state.state === 'connected').length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await api.call('domains.define', { connection: DEMO, xml: allDevices });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    await page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${LAB}"][data-connection-state="connected"]`).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Follow the system theme' }).click();
  });
  afterAll(async () => {
    await api?.close();
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('opens every device page of a VM with one device of every kind, each showing its fields', async () => {
    await openVm(DEMO, EVERY);
    const keys = await list().locator('[data-item^="dev:"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item') ?? ''));
    const kinds = new Set(keys.map((k) => k.slice(4).split(/[:#]/)[0]));
    expect([...kinds].sort()).toEqual([
      'channel', 'console', 'controller', 'disk', 'filesystem', 'graphics', 'hostdev', 'input', 'interface', 'memballoon', 'panic', 'parallel',
      'redirdev', 'rng', 'serial', 'shmem', 'smartcard', 'sound', 'tpm', 'video', 'vsock', 'watchdog',
    ]);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const seen = new Set<string>();
    for (let i = 0; i < keys.length; i++) {
      // By position: a key may follow what the page shows (a vsock's CID, say) once the page has read it.
      const item = list().locator('[data-item^="dev:"]').nth(i);
      const key = (await item.getAttribute('data-item')) ?? '';
      await item.click();
      const kind = key.slice(4).split(/[:#]/)[0] ?? '';
      if (kind === 'shmem') {
        // No page for it: the frame shows it read-only with its XML, no form of ours.
        await expect.poll(() => page.locator('.vm-details-page .vm-page-head').textContent(), { timeout: 10_000 }).toMatch(/shmem/);
        expect(await page.locator('.vm-details-page .hangar-device-form').count()).toBe(0);
      } else {
        const form = page.locator('.vm-details-page .hangar-device-form');
        await form.waitFor({ timeout: 10_000 });
        expect(await form.locator('.pf-v6-c-form__group').count(), key).toBeGreaterThan(0);
        expect(await form.textContent(), key).not.toMatch(/vmdevices\./);
      }
      // A picture per kind (the second disk, NIC… look like the first).
      const name = kind === 'disk' ? `disk-${key.slice(9)}` : kind;
      if (!seen.has(name)) {
        seen.add(name);
        await shot(name);
      }
    }
    expect(errors).toEqual([]);
  }, 300_000);

  it('Add Hardware on the shut-off Demo VM: kinds it rules out greyed with the reason; a sound card added to its definition', async () => {
    await openVm(DEMO, EVERY);
    await page.getByRole('button', { name: 'Add Hardware', exact: true }).click();
    const vsock = page.locator('#addhw-kind-vsock');
    await vsock.waitFor({ timeout: 10_000 });
    expect(await vsock.getAttribute('aria-disabled')).toBe('true');
    expect(await page.locator('li:has(#addhw-kind-vsock)').textContent()).toMatch(/can have only one/);
    await page.locator('#addhw-kind-storage').click();
    await page.locator('#addhw-fields #dev-disk-path').waitFor();
    await shot('add-hardware-storage');
    await page.locator('#addhw-kind-sound').click();
    await expect.poll(() => page.locator('#addhw-how').textContent()).toMatch(/added to the VM’s definition/);
    const sounds = async (): Promise<number> => parseDomain((await api.call('domains.xml', { connection: DEMO, key: EVERY, inactive: true, secure: false })).xml)
      .devices.filter((d) => d.kind === 'sound').length;
    expect(await sounds()).toBe(1);
    await page.locator('#addhw-finish').click();
    await expect.poll(() => page.locator('#addhw-outcome').textContent(), { timeout: 20_000 }).toMatch(/Added to the VM’s definition/);
    await page.locator('#addhw-close').click();
    await expect.poll(sounds).toBe(2);
    await expect.poll(() => list().locator('[data-item^="dev:sound"]').count(), { timeout: 20_000 }).toBe(2);
  });

  it('changes the running guest\'s CD-ROM media and ejects it (live XML)', async () => {
    await openVm(LAB, tinyUuid);
    await openItem('dev:disk:hdc');
    await page.locator('#dev-disk-path').fill(otherIso);
    await applied();
    await expect.poll(async () => cdromOf(await liveXml()), { timeout: 20_000 }).toContain(`<source file='${otherIso}'`);
    expect(cdromOf(await configXml())).toContain(`<source file='${otherIso}'`);
    await shot('cdrom-live');
    await page.locator('#dev-disk-eject').click();
    await applied();
    await shot('cdrom-ejected');
    // An empty drive: libvirtd keeps a bare <source index='N'/> in the live XML, with no file.
    await expect.poll(async () => cdromOf(await liveXml()), { timeout: 20_000 }).not.toContain('<source file=');
    expect(cdromOf(await configXml())).not.toContain('<source');
  });

  it('adds a NIC by Add Hardware (hot-plugged), sets its link down and up live, and removes it', async () => {
    await openVm(LAB, tinyUuid);
    await page.getByRole('button', { name: 'Add Hardware', exact: true }).click();
    await page.locator('#addhw-kind-network').click();
    await expect.poll(() => page.locator('#addhw-how').textContent()).toMatch(/plugged into the running VM/);
    await shot('add-hardware-nic');
    await page.locator('#addhw-finish').click();
    await expect.poll(() => page.locator('#addhw-outcome').textContent(), { timeout: 20_000 }).toMatch(/Plugged into the running VM/);
    await page.locator('#addhw-close').click();
    const mac = /<mac address='([^']+)'/.exec(await liveXml())?.[1] ?? '';
    expect(mac).toMatch(/^52:54:00:/);
    // The same MAC in the definition as in the running VM.
    expect(await configXml()).toContain(`<mac address='${mac}'/>`);
    expect(await configXml()).toContain(`<source network='default'/>`);
    await list().locator('[data-item^="dev:interface:"]').waitFor({ timeout: 20_000 });
    await openItem(`dev:interface:${mac}`);
    await page.locator('#dev-nic-link').uncheck();
    await applied();
    await expect.poll(async () => (await lab.virsh(['domif-getlink', 'tiny', mac])).trim(), { timeout: 20_000 }).toMatch(/down$/);
    expect(await liveXml()).toContain(`<link state='down'/>`);
    await shot('nic-link-down');
    await page.locator('#dev-nic-link').check();
    await applied();
    await expect.poll(async () => (await lab.virsh(['domif-getlink', 'tiny', mac])).trim(), { timeout: 20_000 }).toMatch(/up$/);
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await shot('nic-remove');
    // Asked first (the confirmation preference is on by default).
    await page.locator('.pf-v6-c-modal-box:has(#remove-device-cancel) button.pf-m-danger').click();
    await expect.poll(async () => (await configXml()).includes('<interface'), { timeout: 30_000 }).toBe(false);
    // The live unplug is asked of the guest (ACPI): the tiny guest under emulation did not let the NIC go within
    // minutes here, so only libvirt's acceptance is checked — no error said, and the page left for Overview.
    expect(await page.locator('.pf-v6-c-alert.pf-m-danger').count()).toBe(0);
    await expect.poll(() => page.locator('.vm-details-page .vm-page-head').textContent()).toMatch(/Overview/);
  }, 300_000);

  it('changes a disk\'s cache: pending while the guest runs, in the live XML after a restart', async () => {
    await openVm(LAB, tinyUuid);
    await openItem('dev:disk:hdc');
    await page.locator('#dev-disk-advanced button').first().click();
    await page.locator('#dev-disk-cache').selectOption('writeback');
    await applied();
    await expect.poll(async () => cdromOf(await configXml())).toContain(`cache='writeback'`);
    expect(cdromOf(await liveXml())).not.toContain(`cache='writeback'`);
    await page.locator('.vm-pending-note').waitFor({ timeout: 10_000 });
    expect(await list().locator('[data-item="dev:disk:hdc"] [data-mark="pending"]').count()).toBe(1);
    await shot('disk-cache-pending');
    await lab.virsh(['destroy', 'tiny']);
    await lab.virsh(['start', 'tiny']);
    await expect.poll(async () => cdromOf(await liveXml()), { timeout: 30_000 }).toContain(`cache='writeback'`);
    await expect.poll(() => list().locator('[data-item="dev:disk:hdc"] [data-mark="pending"]').count(), { timeout: 20_000 }).toBe(0);
  });
});
