// The host tab's New pool, New volume and New network dialogs on the lab's libvirtd: a dir pool and an fs pool on
// a loop file (both built, started, autostarted), a logical pool on a volume group of a loop device (found by
// "Find sources"), volumes with a qcow2 backing volume, and networks — with a subnet that overlaps another network
// refused at the field, naming it. A netfs pool needs an NFS export, which this kernel cannot serve or mount.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, parseNetwork, parseStoragePool, parseStorageVolume } from '../../drivers/xml/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { shootBothThemes } from '../support/theme-shots.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const LAB = 'conn-1';
const GiB = 1024 ** 3;
/** The logical pools' volume groups: one made by the test, one built by libvirt. */
const VG = 'hangarvg';
const VG_BUILT = 'hangarvg2';

describe('New pool, volume and network on a real libvirt host', () => {
  let lab: Lab;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let page: Page;
  let loop: string | undefined;
  /** The logical pools' physical volumes, while they are set up. */
  let pvLoop: string | undefined;
  let builtLoop: string | undefined;

  const tabpanel = (): Locator => page.getByRole('tabpanel');
  const dialog = (name: string | RegExp): Locator => page.getByRole('dialog', { name });
  const shot = (name: string): Promise<void> => shootBothThemes(page, (theme) => join(artifacts, `new-${name}-${theme}.png`));
  /** After Create: 'closed' once the dialog is gone, else the failure it shows. */
  const closedOrFailure = (d: Locator): Promise<string> => Promise.race([
    d.waitFor({ state: 'detached', timeout: 30_000 }).then(() => 'closed'),
    d.locator('.pf-v6-c-alert.pf-m-danger').waitFor({ timeout: 30_000 }).then(() => d.locator('.pf-v6-c-alert.pf-m-danger').innerText()),
  ]);
  const section = (name: string) => page.getByRole('tab', { name, exact: true }).click();

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    const netFile = join(lab.dir, 'lab-net.xml');
    writeFileSync(netFile, buildNetwork({ name: 'lab-net', ipv4: { address: '192.168.100.1', prefix: 24 } }).toXml());
    await lab.virsh(['net-define', netFile]);
    data = seededDataDir([{ uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    const host = page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${LAB}"]`);
    await page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${LAB}"][data-connection-state="connected"]`).waitFor({ timeout: 15_000 });
    await host.getByRole('button', { name: 'Host details' }).click();
  });
  afterAll(async () => {
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    if (lab && loop) await lab.virsh(['pool-destroy', 'p-fs']).catch(() => undefined);
    // The logical case's own clean-up did not run (it failed): its group and label go before the lab does.
    if (lab && pvLoop) {
      await lab.virsh(['pool-destroy', 'p-lv']).catch(() => undefined);
      await lab.exec('vgremove', ['-f', VG]);
      await lab.exec('pvremove', ['-f', pvLoop]);
    }
    if (lab && builtLoop) {
      await lab.virsh(['pool-destroy', 'p-lv2']).catch(() => undefined);
      await lab.exec('vgremove', ['-f', VG_BUILT]);
      await lab.exec('pvremove', ['-f', builtLoop]);
    }
    await lab?.stop();
    // The loop devices are the kernel's, not the lab's: detached here.
    if (loop) execFileSync('losetup', ['-d', loop]);
    if (pvLoop) execFileSync('losetup', ['-d', pvLoop]);
    if (builtLoop) execFileSync('losetup', ['-d', builtLoop]);
  });

  it('makes a dir pool: built, started and autostarted', async () => {
    await section('Storage');
    await tabpanel().getByRole('button', { name: 'New pool' }).click();
    const d = dialog('New storage pool');
    await page.locator('#newpool-name').fill('p-dir');
    await page.locator('#newpool-target').fill('relative/path');
    await d.getByRole('button', { name: 'Create' }).click();
    expect(await d.getByText('Enter an absolute path (starting with /).').count()).toBe(1);
    await page.locator('#newpool-target').fill('/var/lib/libvirt/images/p-dir');
    await shot('pool-dir');
    await d.getByRole('button', { name: 'Create' }).click();
    await d.waitFor({ state: 'detached', timeout: 30_000 });
    const info = await lab.virsh(['pool-info', 'p-dir']);
    expect(info).toMatch(/State:\s+running/);
    expect(info).toMatch(/Autostart:\s+yes/);
    await tabpanel().getByRole('rowgroup', { name: 'p-dir' }).waitFor();
  });

  it('makes volumes in it: the name follows the format, a qcow2 overlay has its backing volume', async () => {
    const pool = tabpanel().getByRole('rowgroup', { name: 'p-dir' });
    await pool.locator('.pf-v6-c-table__toggle button').click();
    await pool.getByRole('button', { name: 'New volume' }).click();
    const d = dialog('New volume in p-dir');
    expect(await page.locator('#newvol-name').inputValue()).toBe('volume.qcow2');
    await page.locator('#newvol-format').selectOption('raw');
    expect(await page.locator('#newvol-name').inputValue()).toBe('volume.img');
    await page.locator('#newvol-format').selectOption('qcow2');
    await page.locator('#newvol-name').fill('base.qcow2');
    await page.locator('#newvol-capacity').fill('2');
    await page.locator('#newvol-unit').selectOption('GiB');
    await d.getByRole('button', { name: 'Create' }).click();
    await d.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => lab.virsh(['vol-list', 'p-dir']), { timeout: 10_000 }).toContain('base.qcow2');
    await pool.getByRole('button', { name: 'New volume' }).click();
    await page.locator('#newvol-name').fill('overlay');
    await page.locator('#newvol-backing').selectOption('base.qcow2');
    await dialog('New volume in p-dir').getByRole('button', { name: 'Create' }).click();
    expect(await dialog('New volume in p-dir').getByText('A volume of this format is named ….qcow2.').count()).toBe(1);
    await page.locator('#newvol-name').fill('overlay.qcow2');
    await shot('volume');
    await dialog('New volume in p-dir').getByRole('button', { name: 'Create' }).click();
    await dialog('New volume in p-dir').waitFor({ state: 'detached', timeout: 30_000 });
    const overlay = parseStorageVolume(await lab.virsh(['vol-dumpxml', '--pool', 'p-dir', 'overlay.qcow2']));
    expect(overlay.format).toBe('qcow2');
    expect(overlay.capacity).toBe(2 * GiB);
    expect(overlay.backingStore?.path).toBe('/var/lib/libvirt/images/p-dir/base.qcow2');
  });

  it('makes an fs pool on an ext4 loop file, mounted by libvirt', async (ctx) => {
    const img = join(lab.dir, 'fs.img');
    execFileSync('truncate', ['-s', '64M', img]);
    execFileSync('mkfs.ext4', ['-q', img]);
    try {
      loop = execFileSync('losetup', ['-f', '--show', img], { encoding: 'utf8' }).trim();
    } catch (e) {
      ctx.skip(`no loop device can be set up on this machine: ${String(e)}`);
    }
    await tabpanel().getByRole('button', { name: 'New pool' }).click();
    await page.locator('#newpool-name').fill('p-fs');
    await page.locator('#newpool-type').selectOption('fs');
    await page.locator('#newpool-device').fill(loop!);
    await page.locator('#newpool-format').selectOption('ext4');
    await page.locator('#newpool-target').fill('/var/lib/libvirt/images/p-fs');
    await shot('pool-fs');
    await dialog('New storage pool').getByRole('button', { name: 'Create' }).click();
    await dialog('New storage pool').waitFor({ state: 'detached', timeout: 30_000 });
    expect(await lab.virsh(['pool-info', 'p-fs'])).toMatch(/State:\s+running/);
    const mounts = await lab.exec('sh', ['-c', 'cat /proc/mounts']);
    expect(mounts.stdout).toContain(`${loop} /var/lib/libvirt/images/p-fs ext4`);
    await tabpanel().getByRole('rowgroup', { name: 'p-fs' }).waitFor();
  });

  it('makes a logical pool on a loop device\'s volume group, found by Find sources; a volume LVM cannot make is refused with its message', async (ctx) => {
    const img = join(lab.dir, 'pv.img');
    execFileSync('truncate', ['-s', '64M', img]);
    try {
      pvLoop = execFileSync('losetup', ['-f', '--show', img], { encoding: 'utf8' }).trim();
    } catch (e) {
      ctx.skip(`no loop device can be set up on this machine: ${String(e)}`);
    }
    const dev = pvLoop!;
    // The group is made inside the lab (its LVM backups land in the lab's /etc overlay); LVM's metadata is on the device.
    for (const [cmd, ...args] of [['pvcreate', '-q', dev], ['vgcreate', '-q', VG, dev]] as const) {
      const r = await lab.exec(cmd, args);
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(0);
    }
    await section('Storage');
    await tabpanel().getByRole('button', { name: 'New pool' }).click();
    const d = dialog('New storage pool');
    await page.locator('#newpool-name').fill('p-lv');
    await page.locator('#newpool-type').selectOption('logical');
    // A logical pool has no target to type (it is /dev/<group>), only the group and its devices.
    expect(await page.locator('#newpool-target').count()).toBe(0);
    await d.getByRole('button', { name: 'Create' }).click();
    expect(await d.getByText('Choose or enter a source.').count()).toBe(1);
    await d.getByRole('button', { name: 'Find sources' }).click();
    await d.getByRole('button', { name: VG, exact: true }).click();
    // The group found comes with the physical volume it is on.
    expect(await page.locator('#newpool-sourceName').inputValue()).toBe(VG);
    expect(await page.locator('#newpool-device').inputValue()).toBe(dev);
    await shot('pool-logical');
    await d.getByRole('button', { name: 'Create' }).click();
    expect(await closedOrFailure(d)).toBe('closed');
    const info = await lab.virsh(['pool-info', 'p-lv']);
    expect(info).toMatch(/State:\s+running/);
    expect(info).toMatch(/Autostart:\s+yes/);
    const xml = parseStoragePool(await lab.virsh(['pool-dumpxml', 'p-lv']));
    expect([xml.type, xml.targetPath, xml.source.name, xml.source.devices]).toEqual(['logical', `/dev/${VG}`, VG, [dev]]);
    const row = tabpanel().getByRole('rowgroup', { name: 'p-lv' });
    await row.waitFor();

    // No device-mapper in this kernel: lvcreate fails, and the dialog shows its message; no volume is left.
    await row.locator('.pf-v6-c-table__toggle button').click();
    await row.getByRole('button', { name: 'New volume' }).click();
    const v = dialog('New volume in p-lv');
    expect(await page.locator('#newvol-format').count()).toBe(0);
    expect(await page.locator('#newvol-name').inputValue()).toBe('volume');
    await page.locator('#newvol-capacity').fill('8');
    await page.locator('#newvol-unit').selectOption('MiB');
    await v.getByRole('button', { name: 'Create' }).click();
    const failure = v.locator('.pf-v6-c-alert.pf-m-danger');
    await failure.waitFor({ timeout: 30_000 });
    expect(await failure.locator('.pf-v6-c-alert__title').innerText()).toContain('The volume was not created');
    const message = await failure.innerText();
    expect(message).toContain('lvcreate');
    expect(message).toContain('device-mapper');
    await shot('volume-logical-refused');
    expect((await lab.virsh(['vol-list', 'p-lv'])).trim()).toBe('');
    expect((await lab.exec('lvs', ['--noheadings', VG])).stdout.trim()).toBe('');
    await v.getByRole('button', { name: 'Cancel' }).click();
    await v.waitFor({ state: 'detached' });

    // Clean-up, checked: the pool, the group, the label and the loop device are gone.
    await lab.virsh(['pool-destroy', 'p-lv']);
    await lab.virsh(['pool-undefine', 'p-lv']);
    for (const [cmd, ...args] of [['vgremove', '-f', VG], ['pvremove', '-q', dev]] as const) {
      const r = await lab.exec(cmd, args);
      expect(r.code, `${cmd}: ${r.stderr}`).toBe(0);
    }
    expect((await lab.exec('vgs', ['--noheadings', '-o', 'vg_name'])).stdout).not.toContain(VG);
    expect((await lab.exec('pvs', ['--noheadings', '-o', 'pv_name'])).stdout).not.toContain(dev);
    execFileSync('losetup', ['-d', dev]);
    pvLoop = undefined;
    await expect.poll(() => execFileSync('losetup', ['-a'], { encoding: 'utf8' }), { timeout: 10_000 }).not.toContain(img);
  });

  it('builds a logical pool on a bare loop device: libvirt makes the physical volume and the group, and deletes them', async (ctx) => {
    const img = join(lab.dir, 'pv2.img');
    execFileSync('truncate', ['-s', '64M', img]);
    try {
      builtLoop = execFileSync('losetup', ['-f', '--show', img], { encoding: 'utf8' }).trim();
    } catch (e) {
      ctx.skip(`no loop device can be set up on this machine: ${String(e)}`);
    }
    const dev = builtLoop!;
    await section('Storage');
    await tabpanel().getByRole('button', { name: 'New pool' }).click();
    const d = dialog('New storage pool');
    await page.locator('#newpool-name').fill('p-lv2');
    await page.locator('#newpool-type').selectOption('logical');
    await page.locator('#newpool-sourceName').fill(VG_BUILT);
    await page.locator('#newpool-device').fill(dev);
    await page.locator('#newpool-build').check();
    await d.getByRole('button', { name: 'Create' }).click();
    expect(await closedOrFailure(d)).toBe('closed');
    expect(await lab.virsh(['pool-info', 'p-lv2'])).toMatch(/State:\s+running/);
    await tabpanel().getByRole('rowgroup', { name: 'p-lv2' }).waitFor();
    // libvirt's build ran pvcreate and vgcreate.
    expect((await lab.exec('vgs', ['--noheadings', '-o', 'vg_name,pv_count', VG_BUILT])).stdout.trim()).toMatch(new RegExp(`^${VG_BUILT}\\s+1$`));
    expect((await lab.exec('pvs', ['--noheadings', '-o', 'pv_name,vg_name'])).stdout).toMatch(new RegExp(`${dev}\\s+${VG_BUILT}`));
    // Deleting the pool's storage (libvirt's vgremove and pvremove) leaves neither behind; then the loop device goes.
    await lab.virsh(['pool-destroy', 'p-lv2']);
    await lab.virsh(['pool-delete', 'p-lv2']);
    await lab.virsh(['pool-undefine', 'p-lv2']);
    expect((await lab.exec('vgs', ['--noheadings', '-o', 'vg_name'])).stdout).not.toContain(VG_BUILT);
    expect((await lab.exec('pvs', ['--noheadings', '-o', 'pv_name'])).stdout).not.toContain(dev);
    execFileSync('losetup', ['-d', dev]);
    builtLoop = undefined;
    await expect.poll(() => execFileSync('losetup', ['-a'], { encoding: 'utf8' }), { timeout: 10_000 }).not.toContain(img);
  });

  it('netfs pool: needs an NFS export, which this machine\'s kernel can neither serve nor mount', (ctx) => {
    // libvirt mounts a netfs pool with the kernel's NFS client (mount -t nfs), so a user-space server such as
    // nfs-ganesha would not help; and the kernel would need nfs/nfs4 (client) and nfsd (server), with no modules loadable.
    const filesystems = readFileSync('/proc/filesystems', 'utf8').split('\n').map((l) => l.trim().split(/\s+/).pop() ?? '');
    const nfs = ['nfs', 'nfs4', 'nfsd'].filter((f) => filesystems.includes(f));
    // /proc/modules is there only in a kernel built with module support.
    const modules = existsSync('/proc/modules');
    if (nfs.length === 0 && !modules) {
      ctx.skip('no NFS export can run in the lab: this kernel has no NFS client or server (no nfs, nfs4 or nfsd in /proc/filesystems) '
        + 'and cannot load modules (no /proc/modules; modprobe finds no nfs module for it), and libvirt mounts a netfs pool with the '
        + 'kernel\'s NFS client, so a user-space NFS server (nfs-ganesha) would not help');
    }
    // A kernel that has them, or could load them: the real case (an export in the lab's namespace) is not written
    // yet; skipped, saying so, rather than red on such a machine or passed by default.
    ctx.skip(nfs.length > 0 ? `this kernel has ${nfs.join(', ')}: a netfs case against an NFS export in the lab is still to be written`
      : 'this kernel can load modules: a netfs case that loads nfs and nfsd and exports a folder in the lab is still to be written');
  });

  it('refuses a subnet overlapping another network, naming it, then makes a NAT and an isolated network', async () => {
    await section('Virtual networks');
    await tabpanel().getByRole('button', { name: 'New network' }).click();
    const d = dialog('New virtual network');
    // The default proposal already avoids lab-net's 192.168.100.0/24.
    expect(await page.locator('#newnet-name').inputValue()).toBe('network');
    expect(await page.locator('#newnet-ipv4-cidr').inputValue()).toBe('192.168.101.0/24');
    expect(await page.locator('#newnet-dhcp-start').inputValue()).toBe('192.168.101.128');
    await page.locator('#newnet-ipv4-cidr').fill('192.168.100.0/25');
    await d.getByRole('button', { name: 'Create' }).click();
    expect(await d.getByText('This network overlaps the network lab-net of this host.').count()).toBe(1);
    await page.locator('#newnet-ipv4-cidr').fill('192.168.150.0/24');
    expect(await page.locator('#newnet-dhcp-start').inputValue()).toBe('192.168.150.128');
    expect(await page.locator('#newnet-dhcp-end').inputValue()).toBe('192.168.150.254');
    await page.locator('#newnet-domain').fill('hangar.lan');
    await page.locator('#newnet-ipv6').check();
    await shot('network');
    await d.getByRole('button', { name: 'Create' }).click();
    await d.waitFor({ state: 'detached', timeout: 30_000 });
    const nat = parseNetwork(await lab.virsh(['net-dumpxml', 'network']));
    expect(nat.forwardMode).toBe('nat');
    expect(nat.domainName).toBe('hangar.lan');
    expect(nat.ips.map((ip) => `${ip.address}/${ip.prefix}`)).toEqual(['192.168.150.1/24', 'fd00:1234:5678::1/64']);
    expect(nat.ips[0]!.dhcpRanges).toEqual([{ start: '192.168.150.128', end: '192.168.150.254' }]);
    expect(await lab.virsh(['net-info', 'network'])).toMatch(/Active:\s+yes[\s\S]*Autostart:\s+yes/);

    await tabpanel().getByRole('button', { name: 'New network' }).click();
    await page.locator('#newnet-name').fill('iso-net');
    await page.locator('#newnet-mode').selectOption('isolated');
    await dialog('New virtual network').getByRole('button', { name: 'Create' }).click();
    await dialog('New virtual network').waitFor({ state: 'detached', timeout: 30_000 });
    const iso = parseNetwork(await lab.virsh(['net-dumpxml', 'iso-net']));
    expect(iso.forwardMode).toBeUndefined();
    expect(iso.ips[0]?.address).toBe('192.168.101.1');
    await tabpanel().getByRole('row', { name: 'iso-net' }).waitFor();
  });
});
