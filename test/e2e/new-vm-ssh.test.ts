// The New VM wizard on the lab's libvirtd reached over qemu+ssh:// (the lab's sshd, a per-run key and host key):
// the tiny ISO in a pool of the remote host, its volume id read through the volume download stream (it names no OS
// in osinfo-db, and the wizard says so), the OS chosen from the list, the disk made, the VM defined and started and
// its serial console showing the kernel booting; and the ISO uploaded from the workstation into the remote host's
// default pool through the wizard, byte for byte.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, parseStorageVolume } from '../../drivers/xml/index.js';
import { finishNewVm } from '../../renderer/wizards/newvm/new-vm-finish.js';
import { initialState } from '../../renderer/wizards/newvm/new-vm-state.js';
import { ensureTinyImage } from '../lab/image.js';
import { startLab, type Lab } from '../lab/lab.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { serveTinyTree } from '../support/install-tree-server.js';
import { expectTinyIsoDefinition } from '../support/new-vm-definition.js';
import { jobWaiter } from '../support/new-vm-wizard.js';
import { shootBothThemes } from '../support/theme-shots.js';

const artifacts = join(projectRoot, 'test-results', 'e2e');
const HOST = 'conn-1';
const ISOS = 'isos';
const MiB = 1024 * 1024;

/** The primary volume descriptor's volume id (ECMA-119: sector 16, bytes 40–71, space-padded), read here as the oracle. */
function volumeId(iso: string): string {
  return readFileSync(iso).subarray(16 * 2048 + 40, 16 * 2048 + 72).toString('latin1').trimEnd();
}

describe('New VM wizard on a remote host over SSH', () => {
  let lab: Lab;
  let home: string;
  let app: RunningApp;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let data: ReturnType<typeof seededDataDir>;
  let api: ApiSocket;
  let page: Page;
  let iso: string;

  const wizard = (): Locator => page.getByRole('dialog', { name: 'New virtual machine' });
  const next = async (): Promise<void> => { await wizard().getByRole('button', { name: 'Next', exact: true }).click(); };
  const stepIs = async (n: number): Promise<void> => { await wizard().getByText(`Step ${n} of 5`, { exact: true }).waitFor(); };
  const shot = (name: string): Promise<void> => shootBothThemes(page, (theme) => join(artifacts, `new-vm-ssh-${name}-${theme}.png`));
  const poolKey = async (name: string): Promise<string> => {
    const p = (await api.call('storage.list', { connection: HOST })).items.find((x) => x.name === name);
    if (!p) throw new Error(`no pool ${name}`);
    return p.key;
  };
  // The alert's title (after PatternFly's screen-reader prefix) names the volume id.
  const noOsMatches = (): Locator => wizard().locator('.pf-v6-c-alert__title')
    .filter({ hasText: `No OS in osinfo-db matches the volume id “${volumeId(iso)}”. Choose the OS below.` });
  const openWizard = async (): Promise<void> => {
    await page.getByRole('tab', { name: /Manager/ }).first().click();
    await page.getByRole('button', { name: 'New VM', exact: true }).click();
    await stepIs(1);
    await page.locator('#newvm-method-iso').check();
    if (lab.accel === 'qemu') await page.locator('#newvm-virt-qemu').check();
  };

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    lab = await startLab();
    iso = await ensureTinyImage();
    const isoDir = join(lab.dir, ISOS);
    mkdirSync(isoDir, { recursive: true });
    copyFileSync(iso, join(isoDir, 'tiny.iso'));
    await lab.virsh(['pool-define-as', ISOS, 'dir', '--target', isoDir]);
    await lab.virsh(['pool-start', ISOS]);
    // An isolated `default` network (no route out) for the wizard's NIC.
    const netFile = join(lab.dir, 'default-net.xml');
    writeFileSync(netFile, buildNetwork({ name: 'default', ipv4: { address: '192.168.172.1', prefix: 24 } }).toXml());
    await lab.virsh(['net-define', netFile]);
    await lab.virsh(['net-start', 'default']);
    // A fresh HOME and no agent: only the lab's key and the lab's host key, named in the URI.
    home = mkdtempSync(join(tmpdir(), 'hangar-home-'));
    const uri = `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(lab.ssh.keyPath)}`
      + `&known_hosts=${encodeURIComponent(lab.ssh.knownHostsPath)}`;
    data = seededDataDir([{ uri, name: 'Remote lab' }]);
    app = await runApp('out/main/web/cli.js', { HOME: home, HANGAR_DATA_DIR: data.dir, SSH_AUTH_SOCK: '' });
    api = await ApiSocket.open(app.url);
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(app.url);
    await page.locator(`.pf-v6-c-page__sidebar nav [data-connection="${HOST}"][data-connection-state="connected"]`).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await api?.close();
    await closeBrowser?.();
    await app?.stop();
    data?.remove();
    if (home) rmSync(home, { recursive: true, force: true });
    await lab?.stop();
  });

  it('detects the ISO in a remote pool through the download stream, then defines and boots the VM', async () => {
    expect((await api.call('connections.list', {})).items.find((c) => c.key === HOST)?.saved.uri).toMatch(/^qemu\+ssh:\/\//);
    await openWizard();
    await expect.poll(() => page.locator('#newvm-machine').inputValue(), { timeout: 15_000 }).toBe('q35');
    await next();
    await stepIs(2);
    await page.locator('#newvm-iso').selectOption({ value: `${await poolKey(ISOS)}\ntiny.iso` });
    // grub-mkrescue's volume id names no OS: the wizard says so, naming it, and the OS is chosen from the list.
    await noOsMatches().waitFor({ timeout: 30_000 }).catch(async (e: unknown) => {
      await page.screenshot({ path: join(artifacts, 'new-vm-ssh-detect-failed.png') });
      throw e;
    });
    await wizard().getByRole('textbox', { name: 'Search operating systems' }).fill('generic linux 2022');
    await wizard().getByRole('menuitem', { name: /^Generic Linux 2022/ }).click();
    await wizard().getByText('Chosen: Generic Linux 2022').waitFor();
    await shot('media');
    await next();
    await stepIs(3);
    await page.locator('#newvm-memory').fill('256');
    await page.locator('#newvm-vcpus').fill('1');
    await next();
    await stepIs(4);
    // The pristine remote host has no default pool: the wizard makes it, as virt-manager does.
    expect(await wizard().getByText(/the pool default will be made at \/var\/lib\/libvirt\/images/).count()).toBe(1);
    await page.locator('#newvm-disk-size').fill('1');
    await next();
    await stepIs(5);
    expect(await page.locator('#newvm-name').inputValue()).toBe('linux2022');
    expect(await page.locator('#newvm-network').inputValue()).toBe('network:default');
    await wizard().getByRole('button', { name: 'Finish', exact: true }).click();
    const failure = wizard().locator('.pf-v6-c-alert.pf-m-danger');
    expect(await Promise.race([
      wizard().waitFor({ state: 'detached', timeout: 120_000 }).then(() => 'closed'),
      failure.waitFor({ timeout: 120_000 }).then(() => failure.innerText()),
    ])).toBe('closed');
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toMatch(/^#\/vm\/conn-1\/[0-9a-f-]{36}\/console$/);

    const vol = parseStorageVolume(await lab.virsh(['vol-dumpxml', '--pool', 'default', 'linux2022.qcow2']));
    expect([vol.format, vol.capacity]).toEqual(['qcow2', 1024 * MiB]);
    expectTinyIsoDefinition({
      xml: await lab.virsh(['dumpxml', '--inactive', 'linux2022']),
      capsXml: await lab.virsh(['domcapabilities', '--virttype', lab.accel, '--arch', 'x86_64', '--machine', 'q35']),
      os: await api.call('osinfo.get', { id: 'linux2022' }),
      accel: lab.accel,
      diskPath: '/var/lib/libvirt/images/linux2022.qcow2',
      isoPath: `${lab.dir}/${ISOS}/tiny\\.iso`,
      memoryKiB: 256 * 1024,
    });

    // The serial console, through the same SSH connection, shows the guest's kernel booting: its timestamped lines
    // (the first, "Linux version", may have scrolled by when the guest boots fast).
    await page.getByRole('button', { name: 'Console', exact: true }).click();
    await page.getByRole('option', { name: 'Serial 0' }).click();
    await expect.poll(() => page.locator('.xterm').innerText(), { timeout: 120_000, interval: 1000 }).toMatch(/^\[\s*\d+\.\d{6}\] \S/m);
    await shot('serial');
    expect((await lab.virsh(['domstate', 'linux2022'])).trim()).toBe('running');
  }, 300_000);

  it('uploads the ISO from the workstation into the remote default pool, byte for byte, and picks it', async () => {
    await openWizard();
    await next();
    await stepIs(2);
    await page.locator('input[data-iso-upload]').setInputFiles(iso);
    const name = basename(iso);
    await expect.poll(async () => (await page.locator('#newvm-iso').inputValue()).split('\n')[1], { timeout: 120_000 }).toBe(name);
    expect((await page.locator('#newvm-iso').inputValue()).split('\n')[0]).toBe(await poolKey('default'));
    // The uploaded volume is then read back for detection, through the download stream again.
    await noOsMatches().waitFor({ timeout: 30_000 });
    await shot('upload');
    const local = readFileSync(iso);
    const vol = parseStorageVolume(await lab.virsh(['vol-dumpxml', '--pool', 'default', name]));
    expect(vol.capacity).toBe(local.length);
    const sum = await lab.exec('sha256sum', [`/var/lib/libvirt/images/${name}`]);
    expect(sum.stdout.split(' ')[0]).toBe(createHash('sha256').update(local).digest('hex'));
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    await wizard().waitFor({ state: 'detached' });

    // One SSH connection to the host carried it all (the RPC with its download and upload streams, the serial
    // console): no other connection or session was left open beside it.
    const sessions = await lab.exec('ss', ['-Htn', 'state', 'established', '( sport = :22 )']);
    expect(sessions.stdout.trim().split('\n').filter(Boolean)).toHaveLength(1);
    const helpers = (await lab.exec('ps', ['-eo', 'args='])).stdout.split('\n').filter((l) => l.startsWith('virt-ssh-helper '));
    expect(helpers).toEqual(['virt-ssh-helper qemu:///system']);
  }, 240_000);

  it('installs from a network tree onto the remote host: kernel and initrd through the SSH volume upload, cleaned up after the start', async () => {
    const tree = await serveTinyTree();
    try {
      const pools = (await api.call('storage.list', { connection: HOST })).items;
      const state = { ...initialState(HOST), method: 'url' as const, url: `${tree.url}/tree/`, kernelArgs: 'console=ttyS0,115200 hangar.tiny=1', name: 'sshnet',
        virtType: lab.accel, machine: 'q35', storage: 'none' as const, memoryMiB: '256', vcpus: '1' };
      const stages: string[] = [];
      const r = await finishNewVm(state, {
        api, waitJob: jobWaiter(api), pools, os: undefined, caps: undefined, emulator: undefined, format: 'qcow2', graphics: 'none', firmware: 'bios',
        cpuMode: 'hypervisor-default', stage: (x) => stages.push(x),
      });
      expect(r).toMatchObject({ started: true });
      expect(r.installBootError).toBeUndefined();
      expect(stages).toEqual(['pool', 'fetch', 'define', 'start']);
      expect(tree.log).toEqual(['GET /tree/.treeinfo', 'GET /tree/images/pxeboot/vmlinuz', 'GET /tree/images/pxeboot/initrd.img']);
      expect(await lab.virsh(['dumpxml', 'sshnet'])).toContain('<kernel>/var/lib/libvirt/images/sshnet-kernel</kernel>');
      expect(await lab.virsh(['dumpxml', '--inactive', 'sshnet'])).not.toMatch(/<kernel>|<initrd>|<cmdline>/);
      expect(await lab.virsh(['vol-list', 'default'])).not.toMatch(/sshnet-(kernel|initrd)/);
      // QEMU was started on the uploaded kernel (its command line, in the domain's log on the host).
      await expect.poll(async () => (await lab.exec('sh', ['-c', 'cat /var/log/libvirt/qemu/sshnet.log'])).stdout, { timeout: 5_000 }).toContain('-kernel');
      await lab.virsh(['destroy', 'sshnet']);
    } finally {
      await tree.close();
    }
  }, 120_000);
});
