// The New VM wizard on the lab's libvirtd: from the tiny test ISO picked in a pool, the OS told from osinfo-db's
// list (the tiny ISO's volume id matches no OS), the disk made in the default pool (made by the wizard, as the
// pristine lab has none), the VM defined with the defaults the OS and the host's domain capabilities call for,
// started, and its console page opened; a cloud-image VM with its NoCloud seed; a failure after the disk was made
// leaves no volume behind.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, parseStorageVolume } from '../../drivers/xml/index.js';
import { FinishError, finishNewVm } from '../../renderer/wizards/newvm/new-vm-finish.js';
import { initialState } from '../../renderer/wizards/newvm/new-vm-state.js';
import { ensureTinyImage } from '../lab/image.js';
import { startLab, type Lab } from '../lab/lab.js';
import type { ApiSocket } from '../support/api-socket.js';
import { projectRoot } from '../support/app-process.js';
import { openBrowserApp, type BrowserApp } from '../support/browser-app.js';
import { jobWaiter, newVmWizard, type NewVmWizardDriver } from '../support/new-vm-wizard.js';
import { expectTinyIsoDefinition } from '../support/new-vm-definition.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const LAB = 'conn-1';
const ISOS = 'isos';
const MiB = 1024 * 1024;

describe('New VM wizard on a real libvirt host', () => {
  let lab: Lab;
  let session: BrowserApp;
  let api: ApiSocket;
  let page: Page;

  let ui: NewVmWizardDriver;
  const wizard = () => ui.wizard();
  const next = () => ui.next();
  const stepIs = (n: number) => ui.stepIs(n);
  const shot = async (name: string): Promise<void> => {
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((dark) => document.documentElement.classList.toggle('pf-v6-theme-dark', dark), theme === 'dark');
      await page.screenshot({ path: join(artifacts, `new-vm-${name}-${theme}.png`) });
    }
    await page.evaluate(() => document.documentElement.classList.remove('pf-v6-theme-dark'));
  };
  const poolKey = async (name: string): Promise<string> => {
    const pools = (await api.call('storage.list', { connection: LAB })).items;
    const p = pools.find((x) => x.name === name);
    if (!p) throw new Error(`no pool ${name}`);
    return p.key;
  };
  const finished = () => ui.finished();
  const chooseOs = (query: string, name: string) => ui.chooseOs(query, name);

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    const isoDir = join(lab.dir, ISOS);
    mkdirSync(isoDir, { recursive: true });
    copyFileSync(await ensureTinyImage(), join(isoDir, 'tiny.iso'));
    await lab.virsh(['pool-define-as', ISOS, 'dir', '--target', isoDir]);
    await lab.virsh(['pool-start', ISOS]);
    await lab.virsh(['vol-create-as', ISOS, 'cloud.qcow2', String(64 * MiB), '--format', 'qcow2']);
    // An isolated `default` network (no route out) that the wizard picks; the tiny guest takes a DHCP lease on it.
    const netFile = join(lab.dir, 'default-net.xml');
    writeFileSync(netFile, buildNetwork({ name: 'default', ipv4: { address: '192.168.171.1', prefix: 24, dhcp: [{ start: '192.168.171.100', end: '192.168.171.200' }] } }).toXml());
    await lab.virsh(['net-define', netFile]);
    await lab.virsh(['net-start', 'default']);
    session = await openBrowserApp([{ uri: lab.uri, name: 'Lab host' }]);
    ({ api, page } = session);
    ui = newVmWizard(page);
  });
  afterAll(async () => {
    await session?.close();
    await lab?.stop();
  });

  it('creates, defines and starts a VM from the tiny ISO, with the defaults the OS and the host call for', async () => {
    await page.getByRole('button', { name: 'New VM', exact: true }).click();
    await stepIs(1);
    await page.locator('#newvm-method-iso').check();
    // The lab may run its guests emulated (no usable KVM): the wizard is told so.
    if (lab.accel === 'qemu') await page.locator('#newvm-virt-qemu').check();
    await expect.poll(() => page.locator('#newvm-machine').inputValue(), { timeout: 15_000 }).toBe('q35');
    await shot('1-method');
    await next();
    await stepIs(2);
    // Next with nothing chosen stays, and says what is missing at the fields.
    await next();
    await stepIs(2);
    expect(await wizard().getByText('Choose an ISO image.').count()).toBe(1);
    expect(await wizard().getByText('Choose the operating system.').count()).toBe(1);
    await page.locator('#newvm-iso').selectOption({ value: `${await poolKey(ISOS)}\ntiny.iso` });
    // grub-mkrescue's volume id names no OS: said so, and the OS is chosen from the list.
    await wizard().getByText(/No OS in osinfo-db matches the volume id/).waitFor({ timeout: 20_000 });
    await chooseOs('generic linux 2022', 'Generic Linux 2022');
    await shot('2-media');
    await next();
    await stepIs(3);
    const os = await api.call('osinfo.get', { id: 'linux2022' });
    // Prefilled from the OS's recommendation (within the host).
    expect(Number(await page.locator('#newvm-memory').inputValue())).toBeGreaterThan(0);
    await page.locator('#newvm-memory').fill('0');
    await next();
    expect(await wizard().getByText('At least 16 MiB.').count()).toBe(1);
    await page.locator('#newvm-memory').fill('256');
    // Below the OS's minimum is a warning, not a refusal: the tiny guest needs little.
    if (os.minimum.ram && os.minimum.ram > 256 * MiB) expect(await wizard().getByText(/Generic Linux 2022 needs at least/).count()).toBe(1);
    await page.locator('#newvm-vcpus').fill('1');
    await shot('3-resources');
    await next();
    await stepIs(4);
    expect(await wizard().getByText(/the pool default will be made at \/var\/lib\/libvirt\/images/).count()).toBe(1);
    await page.locator('#newvm-disk-size').fill('abc');
    await next();
    expect(await wizard().getByText('Enter a number, such as 20 or 2.5.').count()).toBe(1);
    await page.locator('#newvm-disk-size').fill('1');
    await shot('4-storage');
    await next();
    await stepIs(5);
    expect(await page.locator('#newvm-name').inputValue()).toBe('linux2022');
    expect(await page.locator('#newvm-network').inputValue()).toBe('network:default');
    await shot('5-finish');
    await wizard().getByRole('button', { name: 'Finish', exact: true }).click();
    expect(await finished()).toBe('closed');
    // The VM tab opens on its console page.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toMatch(/^#\/vm\/conn-1\/[0-9a-f-]{36}\/console$/);
    await shot('6-console');

    // The default pool was made as virt-manager makes it, with the disk in it.
    expect(await lab.virsh(['pool-info', 'default'])).toMatch(/Autostart:\s+yes/);
    expect(await lab.virsh(['pool-dumpxml', 'default'])).toContain('<path>/var/lib/libvirt/images</path>');
    const vol = parseStorageVolume(await lab.virsh(['vol-dumpxml', '--pool', 'default', 'linux2022.qcow2']));
    expect([vol.format, vol.capacity]).toEqual(['qcow2', 1024 * MiB]);

    // The definition against what osinfo-db and the domain capabilities call for.
    expectTinyIsoDefinition({
      xml: await lab.virsh(['dumpxml', '--inactive', 'linux2022']),
      capsXml: await lab.virsh(['domcapabilities', '--virttype', lab.accel, '--arch', 'x86_64', '--machine', 'q35']),
      os,
      accel: lab.accel,
      diskPath: '/var/lib/libvirt/images/linux2022.qcow2',
      isoPath: "[^']*/isos/tiny\\.iso",
      memoryKiB: 256 * 1024,
    });

    // The serial console shows the guest's kernel boot lines (the ISO boots under the VM's BIOS).
    await page.getByRole('button', { name: 'Console', exact: true }).click();
    await page.getByRole('option', { name: 'Serial 0' }).click();
    await expect.poll(() => page.locator('.xterm').innerText(), { timeout: 240_000, interval: 1000 }).toMatch(/Linux version|hangar-tiny/);
    await shot('7-serial');

    // The guest runs: it boots the tiny ISO and takes a DHCP lease on the network with its NIC's MAC.
    expect((await lab.virsh(['domstate', 'linux2022'])).trim()).toBe('running');
    const mac = /<mac address='([0-9a-f:]+)'\/>/.exec(await lab.virsh(['dumpxml', 'linux2022']))?.[1];
    expect(mac).toBeDefined();
    await expect.poll(() => lab.virsh(['net-dhcp-leases', 'default']), { timeout: 180_000, interval: 1000 }).toContain(mac!);
  }, 600_000);

  it('names a second VM for the same OS uniquely, opened with Ctrl+N', async () => {
    await page.getByRole('tab', { name: /Manager/ }).first().click();
    await page.keyboard.press('Control+n');
    await stepIs(1);
    await page.locator('#newvm-method-manual').check();
    if (lab.accel === 'qemu') await page.locator('#newvm-virt-qemu').check();
    await next();
    await chooseOs('generic linux 2022', 'Generic Linux 2022');
    await next();
    await next();
    await page.locator('#newvm-storage-none').check();
    await next();
    await stepIs(5);
    expect(await page.locator('#newvm-name').inputValue()).toBe('linux2022-2');
    // A taken name is refused at the field.
    await page.locator('#newvm-name').fill('linux2022');
    await wizard().getByRole('button', { name: 'Finish', exact: true }).click();
    expect(await wizard().getByText('“linux2022” is already taken on this host.').count()).toBe(1);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await wizard().waitFor({ state: 'detached' });
  });

  it('makes a cloud-image VM: an overlay disk and a NoCloud seed labelled cidata with the user-data given', async () => {
    await page.getByRole('tab', { name: /Manager/ }).first().click();
    await page.getByRole('button', { name: 'New VM', exact: true }).click();
    await page.locator('#newvm-method-cloud').check();
    if (lab.accel === 'qemu') await page.locator('#newvm-virt-qemu').check();
    await next();
    await page.locator('#newvm-cloud-image').selectOption({ value: `${await poolKey(ISOS)}\ncloud.qcow2` });
    await page.locator('#newvm-cloud-user').fill('root');
    await page.locator('#newvm-cloud-hostname').fill('bad_host');
    await page.locator('#newvm-cloud-keys').fill('not a key');
    await chooseOs('generic linux 2022', 'Generic Linux 2022');
    await next();
    expect(await wizard().getByText('Choose a user other than root.').count()).toBe(1);
    expect(await wizard().getByText('Use letters, digits and hyphens, up to 63 characters.').count()).toBe(1);
    expect(await wizard().getByText('Line 1 is not an SSH public key.').count()).toBe(1);
    await page.locator('#newvm-cloud-user').fill('alice');
    await page.locator('#newvm-cloud-hostname').fill('cloudvm');
    await page.locator('#newvm-cloud-keys').fill('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHangarTestKey alice@example');
    await page.locator('#newvm-cloud-password').fill('s3cret-pass');
    await page.locator('#newvm-cloud-userdata').fill('#cloud-config\npackages:\n  - htop');
    await shot('cloud-media');
    await next();
    await page.locator('#newvm-memory').fill('256');
    await page.locator('#newvm-vcpus').fill('1');
    await next();
    await next();
    await page.locator('#newvm-name').fill('cloudvm');
    await page.locator('#newvm-customize').check();
    await wizard().getByRole('button', { name: 'Finish', exact: true }).click();
    expect(await finished()).toBe('closed');
    // Customize before install: the VM tab opens on its details, the VM not started.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toMatch(/^#\/vm\/conn-1\/[0-9a-f-]{36}\/details$/);
    expect((await lab.virsh(['domstate', 'cloudvm'])).trim()).toBe('shut off');

    const xml = await lab.virsh(['dumpxml', '--inactive', 'cloudvm']);
    expect(xml).toContain("<source file='/var/lib/libvirt/images/cloudvm.qcow2'/>");
    expect(xml).toMatch(/<disk type='file' device='cdrom'>[\s\S]*?<source file='\/var\/lib\/libvirt\/images\/cloudvm-seed.iso'\/>/);
    const overlay = await lab.virsh(['vol-dumpxml', '--pool', 'default', 'cloudvm.qcow2']);
    expect(overlay).toMatch(/<backingStore>\s*<path>[^<]*\/isos\/cloud.qcow2<\/path>/);
    // The seed read back with xorriso inside the lab.
    const out = join(lab.dir, 'seed-out');
    const read = await lab.exec('sh', ['-c', `xorriso -indev /var/lib/libvirt/images/cloudvm-seed.iso -pvd_info 2>&1; mkdir -p ${out}; xorriso -osirrox on -indev /var/lib/libvirt/images/cloudvm-seed.iso -extract / ${out} 2>/dev/null`]);
    expect(read.stdout).toMatch(/Volume Id\s*:\s*cidata/);
    expect(existsSync(join(out, 'user-data')) && existsSync(join(out, 'meta-data'))).toBe(true);
    const userData = readFileSync(join(out, 'user-data'), 'utf8');
    expect(userData.startsWith('#cloud-config\n')).toBe(true);
    expect(userData).toContain('hostname: "cloudvm"');
    expect(userData).toContain('- name: "alice"');
    expect(userData).toContain('"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHangarTestKey alice@example"');
    expect(userData).toContain('password: "s3cret-pass"');
    expect(userData).toContain('packages:\n  - htop');
    expect(readFileSync(join(out, 'meta-data'), 'utf8')).toContain('local-hostname: "cloudvm"');
  }, 400_000);

  it('uploads an ISO from the workstation into the default pool, with progress, and picks it', async () => {
    await page.getByRole('tab', { name: /Manager/ }).first().click();
    await page.getByRole('button', { name: 'New VM', exact: true }).click();
    if (lab.accel === 'qemu') await page.locator('#newvm-virt-qemu').check();
    await next();
    const iso = await ensureTinyImage();
    await page.locator('input[data-iso-upload]').setInputFiles(iso);
    // The volume is named after the file.
    const name = basename(iso);
    await expect.poll(async () => (await page.locator('#newvm-iso').inputValue()).split('\n')[1], { timeout: 120_000 }).toBe(name)
      .catch(async (e: unknown) => {
        await page.screenshot({ path: join(artifacts, 'new-vm-upload-failed.png') });
        throw e;
      });
    expect((await page.locator('#newvm-iso').inputValue()).split('\n')[0]).toBe(await poolKey('default'));
    await wizard().getByText(/No OS in osinfo-db matches the volume id/).waitFor({ timeout: 20_000 });
    const vol = parseStorageVolume(await lab.virsh(['vol-dumpxml', '--pool', 'default', name]));
    expect(vol.capacity).toBe(readFileSync(iso).length);
    const sum = await lab.exec('sha256sum', [`/var/lib/libvirt/images/${name}`]);
    expect(sum.stdout.split(' ')[0]).toBe(createHash('sha256').update(readFileSync(iso)).digest('hex'));
    await shot('upload');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await wizard().waitFor({ state: 'detached' });
  }, 300_000);

  it('removes the disk it made when the define fails afterwards, and says so', async () => {
    const pools = (await api.call('storage.list', { connection: LAB })).items;
    const waitJob = jobWaiter(api);
    const state = { ...initialState(LAB), method: 'manual' as const, name: 'failvm', machine: 'no-such-machine', virtType: lab.accel, diskGiB: '1', memoryMiB: '128', vcpus: '1' };
    const error = await finishNewVm(state, {
      api, waitJob, pools, os: undefined, caps: undefined, emulator: undefined, format: 'qcow2', graphics: 'none', firmware: 'bios',
      cpuMode: 'hypervisor-default', stage: () => undefined,
    }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(FinishError);
    // libvirt's own refusal, as it comes.
    expect((error as FinishError).message.length).toBeGreaterThan(0);
    expect((error as FinishError).removed).toEqual(['failvm.qcow2']);
    expect(await lab.virsh(['vol-list', 'default'])).not.toContain('failvm');
    expect(await lab.virsh(['list', '--all', '--name'])).not.toContain('failvm');
  });
});
