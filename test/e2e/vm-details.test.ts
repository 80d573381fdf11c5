import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDomain, readOsId } from '../../drivers/xml/index.js';
import { changedLines } from '../../renderer/vm/details/schema-error.js';
import { startLab, type Lab } from '../lab/lab.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

// The VM tab's Details frame and the pages that are not a device's (issue 13), in Chromium. On the lab libvirtd:
// vCPUs and memory raised live on the running tiny guest; a shut-off VM with a snapshot renamed; an edit refused
// because virsh changed the VM meanwhile, then re-applied on top; libvirt's schema message for a bad XML edit; a
// foreign <metadata> element and a device Hangar has no page for surviving ten page edits byte for byte, and the
// diff before Apply showing exactly the edited lines. The same page edits on the Demo host. Every page, light and dark.

const artifacts = join(projectRoot, 'test-results', 'e2e');
const DEMO = 'conn-1';
const LAB = 'conn-2';
const MiB = 1024 * 1024;
const FOREIGN = `<app:thing xmlns:app="http://example.com/hangar-test/1.0" kept="yes">
      <app:note>written by another tool</app:note>
    </app:thing>`;
const SHMEM = `<shmem name='hangar-test'>
      <model type='ivshmem-plain'/>
      <size unit='M'>4</size>
    </shmem>`;

describe('VM details on a real libvirt host and the Demo host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let api: ApiSocket;
  let page: Page;
  const uuids = new Map<string, string>();

  const list = (): Locator => page.locator('.vm-hw-list');
  const applyButton = (): Locator => page.getByRole('button', { name: 'Apply', exact: true });
  const details = (): Locator => page.locator('.vm-details');
  const spin = (name: string): Locator => page.getByRole('spinbutton', { name, exact: true });
  const inactive = (name: string): Promise<string> => lab.virsh(['dumpxml', '--inactive', name]);
  const openVm = async (connection: string, name: string): Promise<void> => {
    const key = uuids.get(`${connection}/${name}`) ?? (await api.call('domains.list', { connection })).items.find((d) => d.name === name)?.uuid;
    if (key === undefined) throw new Error(`no VM ${name} on ${connection}`);
    uuids.set(`${connection}/${name}`, key);
    await page.goto(`${app.url}#/vm/${connection}/${key}/details`);
    // A test that failed half-way may have left an edit: leaving it asks, and this test starts afresh.
    const ask = page.getByRole('dialog', { name: /Apply the changes to/ });
    if (await ask.isVisible()) await ask.getByRole('button', { name: 'Discard them' }).click();
    await list().waitFor({ timeout: 30_000 });
    await details().waitFor();
  };
  const view = (name: 'Details' | 'XML'): Locator => page.locator('.vm-page-tabs').getByRole('tab', { name, exact: true });
  const openItem = async (key: string): Promise<void> => {
    await list().locator(`[data-item="${key}"]`).first().click();
    await page.locator('.vm-page-head').waitFor();
  };
  /** Applies and waits until the draft is the host's again. */
  const apply = async (): Promise<void> => {
    await applyButton().click();
    await expect.poll(() => details().getAttribute('data-dirty'), { timeout: 30_000 }).toBe('false');
    expect(await page.locator('.vm-apply-error').count()).toBe(0);
  };
  const shot = async (name: string): Promise<void> => {
    const closeToast = page.locator('.pf-v6-c-alert-group.pf-m-toast .pf-v6-c-alert__action button');
    while (await closeToast.count() > 0) await closeToast.first().click();
    await page.mouse.move(0, 0);
    for (const theme of ['light', 'dark'] as const) {
      await page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' }).click();
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(artifacts, `vm-details-${name}-${theme}.png`) });
    }
    await page.getByRole('button', { name: 'Follow the system theme' }).click();
  };
  const define = async (name: string, xml: string): Promise<void> => {
    const file = join(lab.dir, `${name}.xml`);
    writeFileSync(file, xml);
    await lab.virsh(['define', file]);
  };
  /** Types a whole document into the XML tab's editor. */
  const typeXml = async (text: string): Promise<void> => {
    const editor = page.locator('.xml-view .cm-content');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    // The running guest: two vCPUs at most with one online, 256 MiB at most with 160 given, a balloon to give more.
    const live = parseDomain(lab.tinyGuestXml({ name: 'tiny', memoryMiB: 256 }));
    live.vcpus = 2;
    live.currentVcpus = 1;
    live.currentMemory = 160 * MiB;
    live.element.child('devices')?.child('memballoon')?.setAttr('model', 'virtio');
    await define('tiny', live.toXml());
    await lab.virsh(['start', 'tiny']);
    // The shut-off VM: a qcow2 disk with a snapshot, another tool's metadata and a device Hangar has no page for.
    await lab.exec('qemu-img', ['create', '-q', '-f', 'qcow2', join(lab.dir, 'still.qcow2'), '64M']);
    const still = lab.tinyGuestXml({ name: 'still' })
      .replace('<memory unit=', `<metadata>\n    ${FOREIGN}\n  </metadata>\n  <memory unit=`)
      .replace('<devices>', `<devices>\n    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n      <source file='${join(lab.dir, 'still.qcow2')}'/>\n      <target dev='vda' bus='virtio'/>\n    </disk>`)
      .replace('</devices>', `  ${SHMEM}\n  </devices>`);
    await define('still', still);
    await lab.virsh(['snapshot-create-as', 'still', 'before-rename', '--description', 'taken by the test']);
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }, { uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    api = await ApiSocket.open(app.url);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    await page.locator(`[data-connection="${LAB}"][data-connection-state="connected"]`).first().waitFor({ timeout: 30_000 });
    await lab.waitForGuestLife({ name: 'tiny' });
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await page?.screenshot({ path: join(artifacts, `vm-details-failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) });
  });
  afterAll(async () => {
    await api?.close();
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('raises the running guest’s vCPUs and memory live, and in its definition', async () => {
    await openVm(LAB, 'tiny');
    await openItem('cpus');
    expect(await spin('vCPUs now').inputValue()).toBe('1');
    await spin('vCPUs now').fill('2');
    await apply();
    await expect.poll(async () => /^CPU\(s\):\s+(\d+)/m.exec(await lab.virsh(['dominfo', 'tiny']))?.[1], { timeout: 20_000 }).toBe('2');
    expect(parseDomain(await inactive('tiny')).currentVcpus ?? parseDomain(await inactive('tiny')).vcpus).toBe(2);
    // Nothing waits for a shutdown: the count was hot-plugged.
    expect(await list().locator('[data-item="cpus"] [data-mark="pending"]').count()).toBe(0);
    await shot('cpus');

    await openItem('memory');
    expect(await spin('Memory now').inputValue()).toBe('160');
    await spin('Memory now').fill('224');
    await apply();
    // The live XML follows the guest's balloon driver, a moment later.
    await expect.poll(async () => parseDomain(await lab.virsh(['dumpxml', 'tiny'])).currentMemory, { timeout: 30_000 }).toBe(224 * MiB);
    expect(parseDomain(await inactive('tiny')).currentMemory).toBe(224 * MiB);
    await expect.poll(() => lab.virsh(['dominfo', 'tiny']), { timeout: 30_000 }).toMatch(/Used memory:\s+229376 KiB/);
    await shot('memory');

    // What cannot change live is applied to the definition and marked as waiting for the shutdown.
    await spin('Maximum memory').fill('288');
    await apply();
    expect(parseDomain(await inactive('tiny')).memory).toBe(288 * MiB);
    expect(parseDomain(await lab.virsh(['dumpxml', 'tiny'])).memory).toBe(256 * MiB);
    await page.locator('.vm-pending-note').waitFor();
    expect(await list().locator('[data-item="memory"] [data-mark="pending"]').count()).toBe(1);
  });

  it('shows every page of the running guest', async () => {
    await openVm(LAB, 'tiny');
    for (const item of ['overview', 'osinfo', 'performance', 'boot']) {
      await openItem(item);
      if (item === 'overview') await page.locator('#vm-addresses').waitFor();
      if (item === 'performance') await expect.poll(async () => Number(await page.locator('.vm-perf-chart').first().getAttribute('data-points')), { timeout: 40_000 }).toBeGreaterThan(3);
      await shot(item);
    }
    await openItem('overview');
    await view('XML').click();
    await expect.poll(() => page.locator('.xml-view .cm-content').textContent(), { timeout: 10_000 }).toContain('<name>tiny</name>');
    await shot('xml');
    await view('Details').click();
  });

  it('renames a shut-off VM that has a snapshot, keeping the snapshot', async () => {
    await openVm(LAB, 'still');
    await openItem('overview');
    await page.locator('#dev-vm-name').fill('still-renamed');
    await apply();
    await expect.poll(async () => (await lab.virsh(['list', '--all', '--name'])).split('\n').map((l) => l.trim())).toContain('still-renamed');
    expect((await lab.virsh(['list', '--all', '--name'])).split('\n').map((l) => l.trim())).not.toContain('still');
    expect(await lab.virsh(['snapshot-list', 'still-renamed', '--name'])).toMatch(/before-rename/);
    expect(await lab.virsh(['domuuid', 'still-renamed'])).toContain(uuids.get(`${LAB}/still`) ?? 'no uuid');
    await expect.poll(() => page.locator('.vm-tab h2').textContent()).toBe('still-renamed');
  });

  it('refuses to apply over a change virsh made meanwhile, shows it, and re-applies on top of it', async () => {
    await openVm(LAB, 'still');
    await openItem('overview');
    await page.locator('#dev-vm-title').fill('Title from Hangar');
    // Another tool changes the VM while the edit is open.
    await lab.virsh(['desc', 'still-renamed', '--config', '--new-desc', 'Description from virsh']);
    const conflict = page.locator('.vm-conflict');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await applyButton().isDisabled()).toBe(true);
    await expect.poll(() => conflict.locator('.xml-diff .cm-changedLine').allTextContents(), { timeout: 15_000 })
      .toEqual(['  <description>Description from virsh</description>']);
    await shot('conflict');
    await conflict.getByRole('button', { name: 'Re-apply my changes' }).click();
    await expect.poll(() => conflict.count()).toBe(0);
    await apply();
    const after = parseDomain(await inactive('still-renamed'));
    expect([after.title, after.description]).toEqual(['Title from Hangar', 'Description from virsh']);
  });

  it("shows libvirt's schema message for an invalid XML edit, at its line", async () => {
    await api.call('settings.set', { general: { xmlEditing: true } });
    await openVm(LAB, 'still');
    await openItem('overview');
    await view('XML').click();
    const xml = await inactive('still-renamed');
    // Well-formed and readable, but not libvirt's schema: an element the domain has no place for.
    const bad = xml.replace(/(<vcpu placement='static'>1<\/vcpu>)/, '$1\n  <vcpux/>');
    expect(bad).not.toBe(xml);
    await typeXml(bad);
    await expect.poll(() => details().getAttribute('data-dirty')).toBe('true');
    await applyButton().click();
    const error = page.locator('.vm-apply-error');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toMatch(/failed to validate against schema[\s\S]*extra content: vcpux/);
    const line = bad.split('\n').findIndex((l) => l.includes('<vcpux/>')) + 1;
    expect(await error.getByRole('button', { name: `Show line ${line} in the XML` }).count()).toBe(1);
    // The editor marks that line and says libvirt's message beneath.
    await page.locator('.xml-view .cm-lint-marker-error').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.xml-view').getByText(/extra content: vcpux/).count()).toBeGreaterThan(0);
    await shot('xml-error');
    await page.getByRole('button', { name: 'Revert', exact: true }).click();
    expect(await inactive('still-renamed')).toBe(xml);
    await view('Details').click();
  });

  it('keeps a foreign <metadata> element and an unknown device byte for byte through ten page edits; the diff shows exactly the edited lines', async () => {
    await api.call('settings.set', { general: { xmlEditing: false } });
    const before = await inactive('still-renamed');
    // The other tool's element and the device, as libvirt keeps them.
    const foreign = /<metadata>[\s\S]*<\/metadata>/.exec(before)?.[0] ?? 'no metadata';
    const shmem = /<shmem[\s\S]*<\/shmem>/.exec(before)?.[0] ?? 'no shmem';
    expect(foreign).toContain('written by another tool');
    await openVm(LAB, 'still');
    const edits: { item: string; do: () => Promise<void> }[] = [
      { item: 'overview', do: () => page.locator('#dev-vm-title').fill('Ten edits') },
      { item: 'overview', do: () => page.locator('#vm-description').fill('Edited ten times') },
      { item: 'cpus', do: () => spin('Maximum vCPUs').fill('3') },
      { item: 'cpus', do: () => spin('vCPUs now').fill('2') },
      { item: 'cpus', do: async () => {
        await page.locator('#vm-topology-manual').check();
      } },
      { item: 'memory', do: () => spin('Maximum memory').fill('192') },
      { item: 'memory', do: () => spin('Memory now').fill('176') },
      { item: 'memory', do: () => page.locator('#dev-vm-shared-memory').check() },
      { item: 'boot', do: () => page.locator('#vm-bootmenu').check() },
      { item: 'boot', do: () => page.locator('#vm-boot-check-hd').check() },
    ];
    for (const [i, e] of edits.entries()) {
      await openItem(e.item);
      await e.do();
      await expect.poll(() => details().getAttribute('data-dirty')).toBe('true');
      if (i === 0) {
        // Before Apply: the diff of the definition against the edit is the edited line, nothing else.
        await page.getByRole('button', { name: 'Review the changes' }).click();
        const diff = page.locator('.vm-review .xml-diff');
        await expect.poll(() => diff.locator('.cm-changedLine').allTextContents(), { timeout: 15_000 }).toEqual(['  <title>Ten edits</title>']);
        expect(await diff.locator('.cm-deletedLine').allTextContents()).toEqual(['  <title>Title from Hangar</title>']);
        await shot('review');
      }
      await apply();
    }
    const after = await inactive('still-renamed');
    // Byte for byte: the foreign element and the unknown device, and every line no page edit was about.
    expect(after).toContain(foreign);
    expect(after).toContain(shmem);
    const lines = after.split('\n');
    const edited = changedLines(before, after).map((n) => lines[n - 1]?.trim() ?? '');
    const removed = changedLines(after, before).map((n) => before.split('\n')[n - 1]?.trim() ?? '');
    const pageParts = /^<\/?(title|description|vcpu|memory|currentMemory|cpu|topology|memoryBacking|source type='memfd'|access|bootmenu|boot)(?=[\s/>])/;
    expect(edited.filter((l) => !pageParts.test(l))).toEqual([]);
    expect(removed.filter((l) => !pageParts.test(l))).toEqual([]);
    const dom = parseDomain(after);
    expect([dom.title, dom.description, dom.vcpus, dom.currentVcpus, dom.memory, dom.currentMemory, dom.os?.bootMenu?.enable])
      .toEqual(['Ten edits', 'Edited ten times', 3, 2, 192 * MiB, 176 * MiB, true]);
    expect(dom.cpu?.topology).toMatchObject({ sockets: 3, cores: 1, threads: 1 });
    expect(dom.os?.bootOrder).toEqual(['cdrom', 'hd']);
  });

  it('makes the same page edits on the Demo host', async () => {
    await openVm(DEMO, 'ubuntu-dev');
    const key = uuids.get(`${DEMO}/ubuntu-dev`) ?? '';
    const xml = async (): Promise<ReturnType<typeof parseDomain>> => parseDomain((await api.call('domains.xml', { connection: DEMO, key, inactive: true })).xml);
    await openItem('overview');
    await page.locator('#dev-vm-title').fill('Edited on the Demo host');
    await page.locator('#dev-vm-name').fill('ubuntu-renamed');
    await apply();
    expect([(await xml()).name, (await xml()).title]).toEqual(['ubuntu-renamed', 'Edited on the Demo host']);
    await openItem('cpus');
    await spin('Maximum vCPUs').fill('8');
    await spin('vCPUs now').fill('4');
    await openItem('memory');
    await spin('Maximum memory').fill('8192');
    await openItem('boot');
    await page.locator('#vm-bootmenu').check();
    await apply();
    const d = await xml();
    expect([d.vcpus, d.currentVcpus, d.memory, d.os?.bootMenu?.enable]).toEqual([8, 4, 8192 * MiB, true]);
    // The OS it was made for, from osinfo-db.
    await openItem('osinfo');
    await page.getByRole('textbox', { name: 'Search operating systems' }).fill('fedora37');
    await page.locator('.vm-os-results').getByRole('menuitem', { name: /Fedora Linux 37/ }).first().click();
    await apply();
    expect(readOsId(await xml())).toBe('http://fedoraproject.org/fedora/37');
    await expect.poll(() => page.locator('#dev-vm-os-name').textContent()).toMatch(/Fedora Linux 37/);
    // A change made elsewhere meanwhile is shown, and the edit re-applied on top of it.
    await openItem('overview');
    await page.locator('#vm-description').fill('From the page');
    const other = await xml();
    other.setMemory(4096 * MiB);
    await api.call('domains.define', { connection: DEMO, xml: other.toXml() });
    await page.locator('.vm-conflict').waitFor({ timeout: 15_000 });
    expect(await applyButton().isDisabled()).toBe(true);
    await page.locator('.vm-conflict').getByRole('button', { name: 'Re-apply my changes' }).click();
    await apply();
    const merged = await xml();
    expect([merged.description, merged.memory]).toEqual(['From the page', 4096 * MiB]);
    // The running VM takes a vCPU count and a balloon size live.
    await openVm(DEMO, 'fedora-workstation');
    const fedora = uuids.get(`${DEMO}/fedora-workstation`) ?? '';
    await openItem('cpus');
    await spin('vCPUs now').fill('2');
    await openItem('memory');
    await spin('Memory now').fill('3072');
    await apply();
    const live = parseDomain((await api.call('domains.xml', { connection: DEMO, key: fedora })).xml);
    expect([live.currentVcpus, live.currentMemory]).toEqual([2, 3072 * MiB]);
    await shot('demo-memory');
  });

  it('asks before leaving the tab with unapplied changes', async () => {
    await openVm(DEMO, 'windows-11');
    await openItem('overview');
    await page.locator('#dev-vm-title').fill('Not applied yet');
    await page.getByRole('tab', { name: 'Console', exact: true }).click();
    const ask = page.getByRole('dialog', { name: /Apply the changes to/ });
    await ask.waitFor();
    await ask.getByRole('button', { name: 'Stay on the page' }).click();
    expect(await page.locator('#dev-vm-title').inputValue()).toBe('Not applied yet');
    // Switching pages of the hardware list keeps the edit.
    await openItem('memory');
    await openItem('overview');
    expect(await page.locator('#dev-vm-title').inputValue()).toBe('Not applied yet');
    await page.getByRole('tab', { name: 'Console', exact: true }).click();
    await ask.getByRole('button', { name: 'Discard them' }).click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/\/console$/);
  });
});
