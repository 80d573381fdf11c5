// A lab libvirtd's qemu driver made equivalent to the contract fixture for the cases that need a real hypervisor:
// alpha (the tiny guest, running at its shell, with the fixture's memory, vCPUs, disk and NIC), beta (defined,
// shut off), gamma (paused), delta (transient, running), net-a (with DHCP) and pools pool-a and pool-b at the
// fixture's paths with the fixture's volumes. prepare() undoes what the previous case changed, and boots alpha
// only when a case left it stopped (a boot under TCG takes ~20 s).
import { join } from 'node:path';
import * as api from '../../drivers/api/index.js';
import { openRemoteConnection } from '../../drivers/remote/index.js';
import { ensureTinyKernel } from '../lab/image.js';
import type { Lab, LabOptions } from '../lab/lab.js';

const ROOT = '/contract';
/** The lab this host needs: the fixture's paths live under /contract, a folder made inside the lab only. */
export const CONTRACT_LAB: LabOptions = { rootDirs: [ROOT.slice(1)] };
const POOL_A = `${ROOT}/pool-a`;
const POOL_B = `${ROOT}/pool-b`;
const ALPHA_UUID = 'a0000000-0000-4000-8000-000000000001';
/** alpha's current memory in the fixture (KiB); the BALLOON_CHANGE case moves it. */
const ALPHA_MEMORY = 524288;
const SHELL_ANSWER = 'hangar-shell-';

/** What a case needs of alpha: booted to its shell, or started just now (to watch its boot log). */
export type AlphaState = 'booted' | 'fresh-boot';

export class QemuContractHost {
  /** Set once alpha has booted without a sign of life: every later case fails with it at once. */
  private lifeless: Error | undefined;

  private constructor(
    private readonly lab: Lab,
    private readonly admin: api.Connection,
    private readonly kernel: string,
    private readonly initrd: string,
  ) {}

  /** Sets up the fixture on a lab started with CONTRACT_LAB; /contract is a tmpfs private to it. */
  static async start(lab: Lab): Promise<QemuContractHost> {
    // pool-a is a file system of its own: a dir pool's allocation is its file system's used space, which then
    // equals the volumes' allocation exactly, as the fixture's accounting expects (tmpfs counts data pages only).
    await labSh(lab, [
      `mount -t tmpfs -o size=1g contract ${ROOT}`,
      `mkdir -p ${POOL_A} ${POOL_B}`,
      `mount -t tmpfs -o size=100g contract-pool-a ${POOL_A}`,
      `truncate -s 64M ${ROOT}/extra.img`,
      // disk2.qcow2: a 4 GiB qcow2 image taking exactly 1 GiB of storage (qemu ignores bytes past its clusters).
      `qemu-img create -q -f qcow2 ${POOL_A}/disk2.qcow2 4G`,
      `fallocate -l 1G ${POOL_A}/disk2.qcow2`,
    ].join(' && '));
    // alpha boots the tiny guest's kernel and initramfs directly: no CD-ROM, so its only disk is the fixture's vda.
    const { kernel, initrd } = await ensureTinyKernel();
    const admin = await openRemoteConnection(lab.uri);
    const host = new QemuContractHost(lab, admin, kernel, initrd);
    await admin.networkDefineXML(NET_A);
    await (await admin.networkLookupByName('net-a')).create();
    for (const xml of [POOL_A_XML, POOL_B_XML]) await (await admin.storagePoolDefineXML(xml)).create();
    await admin.domainDefineXML(BETA);
    await admin.domainDefineXML(host.alphaXml());
    return host;
  }

  async close(): Promise<void> {
    await this.admin.close();
  }

  /** Brings the host back to the fixture's equivalent; then alpha is booted, or freshly started. */
  async prepare(alphaState: AlphaState): Promise<void> {
    if (this.lifeless) throw this.lifeless;
    const c = this.admin;
    await this.resetStorage();
    const domains = new Map((await c.listAllDomains()).map((d) => [d.name, d]));
    const beta = domains.get('beta');
    if (beta === undefined) await c.domainDefineXML(BETA);
    else if (await beta.isActive()) await beta.destroy();
    const gamma = domains.get('gamma') ?? (await c.domainDefineXML(GAMMA));
    const gammaState = (await gamma.getState()).state;
    if (gammaState === api.VIR_DOMAIN_SHUTOFF) await gamma.create(api.VIR_DOMAIN_START_PAUSED);
    else if (gammaState !== api.VIR_DOMAIN_PAUSED) await gamma.suspend();
    // delta idles in its firmware ("No bootable device"), which costs no CPU.
    if (!domains.has('delta')) await c.domainCreateXML(DELTA);
    await this.resetAlpha(domains.get('alpha'), alphaState);
  }

  private async resetStorage(): Promise<void> {
    const poolB = await this.admin.storagePoolLookupByName('pool-b');
    for (const v of await poolB.listAllVolumes()) await v.delete();
    // disk1.img: 1 GiB, the first 512 MiB allocated; whatever a resize case did.
    await labSh(this.lab, [
      `test -e ${POOL_A}/disk1.img || touch ${POOL_A}/disk1.img`,
      `truncate -s 1G ${POOL_A}/disk1.img`,
      `fallocate -p -o 512M -l 512M ${POOL_A}/disk1.img`,
      `fallocate -o 0 -l 512M ${POOL_A}/disk1.img`,
    ].join(' && '));
    await (await this.admin.storagePoolLookupByName('pool-a')).refresh();
  }

  private async resetAlpha(existing: api.Domain | undefined, alphaState: AlphaState): Promise<void> {
    const c = this.admin;
    const alpha = existing ?? (await c.domainDefineXML(this.alphaXml()));
    if (!(await alpha.isPersistent())) await c.domainDefineXML(this.alphaXml());
    // A device attached to the persistent definition only (AFFECT_CONFIG case), or left plugged in by a failed case.
    if (/dev='vd[b-z]'/.test(await alpha.getXMLDesc(api.VIR_DOMAIN_XML_INACTIVE))) await c.domainDefineXML(this.alphaXml());
    if ((await alpha.isActive()) && /dev='vd[b-z]'/.test(await alpha.getXMLDesc())) await alpha.destroy();
    let { state } = await alpha.getState();
    if (alphaState === 'fresh-boot' && state !== api.VIR_DOMAIN_SHUTOFF) {
      await alpha.destroy();
      state = api.VIR_DOMAIN_SHUTOFF;
    }
    if (state === api.VIR_DOMAIN_SHUTOFF) {
      // With a managed save image (the save-job case) this restores the booted guest in a second or two.
      const restores = await alpha.hasManagedSaveImage();
      await alpha.create();
      // The boot-log case reads the console from the first line: it cannot wait for that line here.
      if (alphaState === 'fresh-boot') return;
      if (!restores) {
        try {
          await this.lab.waitForGuestLife({ name: 'alpha' });
        } catch (e) {
          this.lifeless = e instanceof Error ? e : new Error(String(e));
          throw this.lifeless;
        }
      }
    } else if (state === api.VIR_DOMAIN_PAUSED) {
      await alpha.resume();
    }
    await this.waitForShell(alpha);
    await this.resetBalloon(alpha);
  }

  /**
   * Runs a command on alpha's serial console until its shell answers (at once if it is up, else once booted). An
   * answer, not a prompt: a console opened after a reboot may first get the previous boot's last output.
   */
  private async waitForShell(alpha: api.Domain): Promise<void> {
    const stream = await alpha.openConsole(null, api.VIR_DOMAIN_CONSOLE_FORCE);
    let text = '';
    const decoder = new TextDecoder();
    const sub = stream.onData((chunk) => {
      text += decoder.decode(chunk, { stream: true });
    });
    // The shell echoes the command as typed; only running it prints the sum.
    const nonce = Math.floor(Math.random() * 1e9);
    try {
      const deadline = Date.now() + 120_000;
      while (!text.includes(`${SHELL_ANSWER}${nonce + 1}`)) {
        if (Date.now() > deadline) throw new Error(`alpha never reached its shell; its console said ${JSON.stringify(text.slice(-400))}`);
        await stream.send(new TextEncoder().encode(`echo ${SHELL_ANSWER}$((${nonce}+1))\r`));
        await sleep(1000);
      }
    } finally {
      sub.dispose();
      await stream.abort();
    }
  }

  /**
   * Puts alpha's balloon back at the fixture's current memory and waits until the guest has reached it and
   * libvirt has its final BALLOON_CHANGE (QEMU rate-limits those to one a second).
   */
  private async resetBalloon(alpha: api.Domain): Promise<void> {
    const actual = async (): Promise<number> => Number(/^actual (\d+)$/m.exec(await this.lab.virsh(['dommemstat', 'alpha']))?.[1]);
    if ((await actual()) !== ALPHA_MEMORY) await alpha.setMemory(ALPHA_MEMORY, api.VIR_DOMAIN_AFFECT_LIVE);
    const deadline = Date.now() + 20_000;
    while ((await actual()) !== ALPHA_MEMORY || (await alpha.getInfo()).memory !== ALPHA_MEMORY) {
      if (Date.now() > deadline) {
        throw new Error(`alpha's balloon did not return to ${ALPHA_MEMORY} KiB (at ${await actual()} KiB, libvirt says ${(await alpha.getInfo()).memory})`);
      }
      await sleep(250);
    }
  }

  private alphaXml(): string {
    return `<domain type='${this.lab.accel}'>
  <name>alpha</name>
  <uuid>${ALPHA_UUID}</uuid>
  <memory unit='KiB'>1048576</memory>
  <currentMemory unit='KiB'>${ALPHA_MEMORY}</currentMemory>
  <vcpu placement='static' current='2'>4</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>${this.kernel}</kernel>
    <initrd>${this.initrd}</initrd>
    <cmdline>console=ttyS0,115200 panic=-1 hangar.tiny=1</cmdline>
  </os>
  <features><acpi/></features>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='${POOL_A}/disk1.img'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='network'>
      <mac address='52:54:00:00:00:01'/>
      <source network='net-a'/>
      <model type='virtio'/>
    </interface>
    <serial type='pty'>
      <log file='${join(this.lab.dir, 'alpha-serial.log')}' append='off'/>
      <target port='0'/>
    </serial>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <memballoon model='virtio'/>
  </devices>
</domain>`;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function labSh(lab: Lab, script: string): Promise<void> {
  const r = await lab.exec('sh', ['-c', script]);
  if (r.code !== 0) throw new Error(`lab: ${script} failed: ${r.stderr.trim()}`);
}

/** A domain with nothing to boot: its firmware halts, so running it costs no CPU. */
const idleDomain = (name: string, uuid: string, memKiB: number, devices = ''): string => `<domain type='qemu'>
  <name>${name}</name>
  <uuid>${uuid}</uuid>
  <memory unit='KiB'>${memKiB}</memory>
  <vcpu placement='static'>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>${devices}
    <memballoon model='none'/>
  </devices>
</domain>`;

const BETA = idleDomain('beta', 'a0000000-0000-4000-8000-000000000002', 2097152, `
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='${POOL_A}/disk2.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <serial type='pty'><target port='0'/></serial>`);
const GAMMA = idleDomain('gamma', 'a0000000-0000-4000-8000-000000000003', 524288);
const DELTA = idleDomain('delta', 'a0000000-0000-4000-8000-000000000004', 524288);

const NET_A = `<network>
  <name>net-a</name>
  <uuid>b0000000-0000-4000-8000-000000000001</uuid>
  <forward mode='nat'/>
  <bridge name='br-a' stp='on' delay='0'/>
  <ip address='192.168.150.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.150.2' end='192.168.150.254'/>
      <host mac='52:54:00:00:00:01' name='alpha' ip='192.168.150.3'/>
    </dhcp>
  </ip>
</network>`;

const poolXml = (name: string, uuid: string, path: string): string =>
  `<pool type='dir'><name>${name}</name><uuid>${uuid}</uuid><target><path>${path}</path></target></pool>`;
const POOL_A_XML = poolXml('pool-a', 'c0000000-0000-4000-8000-000000000001', POOL_A);
const POOL_B_XML = poolXml('pool-b', 'c0000000-0000-4000-8000-000000000002', POOL_B);
