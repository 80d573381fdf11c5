// A real KVM guest through the remote driver: define/start with events, the serial console carrying
// keystrokes to the guest's busybox shell and its answer back, screenshot, send-key, suspend/resume,
// reset, metadata, vCPU/memory, device attach/detach, ACPI reboot and shutdown, CD-ROM eject, managed save and save/restore, destroy/undefine — the same
// tests over the local socket and over qemu+ssh:// in helper (virt-ssh-helper) and netcat modes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VIR_DOMAIN_CONSOLE_FORCE, VIR_DOMAIN_EVENT_DEFINED, VIR_DOMAIN_EVENT_ID_DEVICE_ADDED,
  VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, VIR_DOMAIN_EVENT_ID_REBOOT, VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED,
  VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN, VIR_DOMAIN_REBOOT_ACPI_POWER_BTN,
  VIR_DOMAIN_EVENT_RESUMED, VIR_DOMAIN_EVENT_STARTED, VIR_DOMAIN_EVENT_STOPPED, VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN, VIR_DOMAIN_EVENT_SUSPENDED,
  VIR_DOMAIN_EVENT_UNDEFINED, VIR_DOMAIN_METADATA_TITLE, VIR_DOMAIN_PAUSED, VIR_DOMAIN_RUNNING, VIR_DOMAIN_SHUTOFF,
  VIR_DOMAIN_AFFECT_CONFIG, VIR_ERR_OPERATION_INVALID, type DomainEvent, type Stream, type AsyncDisposable, type VirError,
} from '../../../drivers/api/index.js';
import { openRemoteConnection, type RemoteConnection, type RemoteDomain, type RemoteOpenOptions } from '../../../drivers/remote/index.js';
import { startLab, type Lab } from '../../lab/lab.js';

let lab: Lab;

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  lab = await startLab();
  // libvirt locks the console pty under /var/lock (→ /run/lock), which the lab's fresh /run lacks.
  await lab.exec('mkdir', ['-p', '/run/lock']);
});

afterAll(async () => {
  await lab?.stop();
});

const TRANSPORTS: readonly (readonly [string, () => { uri: string; options: RemoteOpenOptions }])[] = [
  ['unix', () => ({ uri: lab.uri, options: {} })],
  ...(['native', 'netcat'] as const).map((proxy) => [`ssh-${proxy}`, () => ({
    uri: `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${encodeURIComponent(lab.ssh.keyPath)}&proxy=${proxy}`,
    options: { ssh: { knownHostsPath: lab.ssh.knownHostsPath, configPath: '/nonexistent/ssh_config', agentSocket: null } },
  })] as const),
];

describe.each(TRANSPORTS)('a real guest over %s', (label, target) => {
  const NAME = `g-${label}`;
  let conn: RemoteConnection;
  let dom: RemoteDomain;
  const events: DomainEvent[] = [];
  const registrations: AsyncDisposable[] = [];

  function lifecycle(event: number, from = 0): DomainEvent | undefined {
    return events.slice(from).find((e) => e.eventId === VIR_DOMAIN_EVENT_ID_LIFECYCLE && e.event === event && e.domain.name === NAME);
  }

  /** The guest's serial log so far: it spans resets, so an offset into it tells one boot from the next. */
  function serialLog(): string {
    const file = join(lab.dir, `${NAME}-serial.log`);
    return existsSync(file) ? readFileSync(file, 'latin1') : '';
  }

  /**
   * Waits for the guest's init to print its boot line past `from` in the serial log: its power-button watcher is
   * armed by then. (A console prompt is no proof: a reconnecting console may first get the previous boot's output.)
   */
  async function waitForBoot(from: number): Promise<void> {
    await waitFor('the guest to reach its shell', () => serialLog().slice(from).includes('hangar-tiny: booted') || undefined, 120_000);
  }

  beforeAll(async () => {
    const { uri, options } = target();
    conn = await openRemoteConnection(uri, options);
    for (const id of [VIR_DOMAIN_EVENT_ID_LIFECYCLE, VIR_DOMAIN_EVENT_ID_REBOOT, VIR_DOMAIN_EVENT_ID_METADATA_CHANGE, VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED] as const) {
      registrations.push(await conn.domainEventRegisterAny(id, (e) => events.push(e)));
    }
  });

  afterAll(async () => {
    for (const r of registrations) await r.dispose().catch(() => {});
    await conn?.close();
  });

    it('defines and starts it, with DEFINED and STARTED events', async () => {
      dom = (await conn.domainDefineXML(lab.tinyGuestXml({ name: NAME }))) as RemoteDomain;
      await waitFor('DEFINED', () => lifecycle(VIR_DOMAIN_EVENT_DEFINED));
      await dom.create();
      await waitFor('STARTED', () => lifecycle(VIR_DOMAIN_EVENT_STARTED));
      // Fails within seconds, naming the accelerator, if the guest never boots (instead of every case below timing out).
      await lab.waitForGuestLife({ name: NAME });
      expect((await dom.getState()).state).toBe(VIR_DOMAIN_RUNNING);
      expect((await lab.virsh(['domstate', NAME])).trim()).toBe('running');
      const err = await dom.create().catch((e: unknown) => e);
      expect((err as VirError).code).toBe(VIR_ERR_OPERATION_INVALID);
      expect((err as VirError).message).toBe('Requested operation is not valid: domain is already running');
    });

    it('carries keystrokes to the busybox shell on the serial console and its answer back', async () => {
      const console: Stream = await dom.openConsole(null, VIR_DOMAIN_CONSOLE_FORCE);
      let text = '';
      const sub = console.onData((c) => { text += Buffer.from(c).toString('utf8'); });
      try {
        // Wake the shell until it shows a prompt (the guest may still be booting).
        await waitFor('a shell prompt', async () => {
          await console.send(Buffer.from('\r'));
          return /[#$] ?$/m.test(text) || undefined;
        }, 120_000);
        const mark = text.length;
        await console.send(Buffer.from('echo hangar-$((6*7))\r'));
        await waitFor('the answer', () => text.slice(mark).includes('hangar-42') || undefined, 30_000);
      } finally {
        sub.dispose();
        await console.abort();
      }
      expect(console.open).toBe(false);
    });

    it('hot-plugs a device with a DEVICE_ADDED event and unplugs it with DEVICE_REMOVED', async () => {
      await dom.attachDevice(`<rng model='virtio'><backend model='random'>/dev/urandom</backend><alias name='ua-rng0'/></rng>`, 1);
      const added = await waitFor('DEVICE_ADDED', () => events.find((e) => e.eventId === VIR_DOMAIN_EVENT_ID_DEVICE_ADDED));
      expect(added.eventId === VIR_DOMAIN_EVENT_ID_DEVICE_ADDED && added.devAlias).toBe('ua-rng0');
      expect(await dom.getXMLDesc()).toContain("<alias name='ua-rng0'/>");
      // The booted guest's kernel acknowledges the ACPI eject; libvirt then reports the removal.
      await dom.detachDevice(`<rng model='virtio'><backend model='random'>/dev/urandom</backend><alias name='ua-rng0'/></rng>`, 1);
      const removed = await waitFor('DEVICE_REMOVED', () => events.find((e) => e.eventId === VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED), 30_000);
      expect(removed.eventId === VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED && removed.devAlias).toBe('ua-rng0');
      expect(await dom.getXMLDesc()).not.toContain('ua-rng0');
    });

    it('takes a screenshot through a read stream', async () => {
      const shot = await dom.screenshot(0);
      expect(shot.mime).toMatch(/image\//);
      expect(shot.data.length).toBeGreaterThan(1000);
      expect(shot.data.subarray(0, 2).toString('latin1')).toMatch(/^P[36]|^\x89P/);
    });

    it('sends keys, suspends and resumes, resets with a reboot event', async () => {
      await dom.sendKey(1, 0, [28]); // KEY_ENTER in the Linux keycode set
      await dom.suspend();
      expect((await dom.getState()).state).toBe(VIR_DOMAIN_PAUSED);
      await waitFor('SUSPENDED', () => lifecycle(VIR_DOMAIN_EVENT_SUSPENDED));
      await dom.resume();
      await waitFor('RESUMED', () => lifecycle(VIR_DOMAIN_EVENT_RESUMED));
      await dom.reset();
      await waitFor('REBOOT', () => events.find((e) => e.eventId === VIR_DOMAIN_EVENT_ID_REBOOT));
    });

    it('changes metadata (with an event), vCPUs and memory in the persistent config', async () => {
      await dom.setMetadata(VIR_DOMAIN_METADATA_TITLE, 'Hangar guest', null, null, 0);
      expect(await dom.getMetadata(VIR_DOMAIN_METADATA_TITLE, null, 0)).toBe('Hangar guest');
      await waitFor('METADATA_CHANGE', () => events.find((e) => e.eventId === VIR_DOMAIN_EVENT_ID_METADATA_CHANGE));
      await dom.setMemory(150 * 1024, VIR_DOMAIN_AFFECT_CONFIG);
      expect(await lab.virsh(['dumpxml', '--inactive', NAME])).toContain(`<currentMemory unit='KiB'>${150 * 1024}</currentMemory>`);
      await dom.setVcpus(1, VIR_DOMAIN_AFFECT_CONFIG);
      expect(await dom.getVcpusFlags(VIR_DOMAIN_AFFECT_CONFIG)).toBe(1);
    });

    it('reboots on an ACPI reboot request and powers off on an ACPI shutdown request', async () => {
      // libvirt's ACPI reboot of a qemu guest presses the power button, and resets the machine once the guest has
      // powered off: a REBOOT event, and the guest boots again. A reset first gives a boot of known start.
      await dom.reset();
      let from = serialLog().length;
      await waitForBoot(from);
      from = serialLog().length;
      let mark = events.length;
      await dom.reboot(VIR_DOMAIN_REBOOT_ACPI_POWER_BTN);
      await waitFor('REBOOT after the ACPI reboot', () => events.slice(mark).find((e) => e.eventId === VIR_DOMAIN_EVENT_ID_REBOOT && e.domain.name === NAME), 60_000);
      expect((await dom.getState()).state).toBe(VIR_DOMAIN_RUNNING);
      expect(lifecycle(VIR_DOMAIN_EVENT_STOPPED, mark)).toBeUndefined();
      await waitForBoot(from);
      expect(serialLog().slice(from)).toContain('hangar-tiny: power button, powering off');
      mark = events.length;
      await dom.shutdown(VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN);
      const stopped = await waitFor('STOPPED after the ACPI shutdown', () => lifecycle(VIR_DOMAIN_EVENT_STOPPED, mark), 60_000);
      expect(stopped.eventId === VIR_DOMAIN_EVENT_ID_LIFECYCLE && stopped.detail).toBe(VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
      expect((await dom.getState()).state).toBe(VIR_DOMAIN_SHUTOFF);
      // Running again for the cases below, booted past its firmware and boot loader: an eject while they read
      // the CD-ROM finds its tray locked. The serial log starts afresh with the new QEMU process.
      mark = events.length;
      await dom.create();
      await waitFor('STARTED', () => lifecycle(VIR_DOMAIN_EVENT_STARTED, mark));
      await waitForBoot(0);
    });

    it('ejects the CD-ROM through updateDevice with a TRAY_CHANGE event', async () => {
      const reg = await conn.domainEventRegisterAny(VIR_DOMAIN_EVENT_ID_TRAY_CHANGE, (e) => events.push(e));
      try {
        await dom.updateDevice(`<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>`, 1);
        const tray = await waitFor('TRAY_CHANGE', () => events.find((e) => e.eventId === VIR_DOMAIN_EVENT_ID_TRAY_CHANGE), 20_000);
        expect(tray.eventId === VIR_DOMAIN_EVENT_ID_TRAY_CHANGE && tray.devAlias).toBe('ide0-1-0');
        expect(await lab.virsh(['domblklist', NAME])).toMatch(/hdc\s+-/);
      } finally {
        await reg.dispose();
      }
    });

    it('managed-saves and restores, saves to a file and restores from it', async () => {
      await dom.managedSave();
      expect((await dom.getState()).state).toBe(VIR_DOMAIN_SHUTOFF);
      expect(await dom.hasManagedSaveImage()).toBe(true);
      await dom.create();
      expect((await dom.getState()).state).toBe(VIR_DOMAIN_RUNNING);
      expect(await dom.hasManagedSaveImage()).toBe(false);
      const file = join(lab.dir, `${NAME}.save`);
      await dom.save(file);
      expect((await dom.getState()).state).toBe(VIR_DOMAIN_SHUTOFF);
      await conn.domainRestore(file);
      expect((await dom.getState()).state).toBe(VIR_DOMAIN_RUNNING);
    });

    it('reads job info, refuses to abort a job that is not there, reports no interface addresses', async () => {
      expect((await dom.getJobInfo()).type).toBe(0);
      expect((await dom.getJobStats()).type).toBe(0);
      const err = (await dom.abortJob().catch((e: unknown) => e)) as VirError;
      expect(err.code).toBe(VIR_ERR_OPERATION_INVALID);
      expect(err.message).toBe('Requested operation is not valid: no job is active on the domain');
      expect(await dom.interfaceAddresses(0)).toEqual([]);
    });

    it('lists it, reads bulk stats, destroys and undefines it with events', async () => {
      expect((await conn.listAllDomains()).map((d) => d.name)).toEqual([NAME]);
      const stats = await conn.getAllDomainStats(1 | 2);
      expect(stats[0]!.params.find((p) => p.field === 'cpu.time')?.value).toBeGreaterThan(0);
      await dom.destroy();
      await waitFor('STOPPED', () => lifecycle(VIR_DOMAIN_EVENT_STOPPED));
      await dom.undefine();
      await waitFor('UNDEFINED', () => lifecycle(VIR_DOMAIN_EVENT_UNDEFINED));
      expect(await conn.listAllDomains()).toEqual([]);
    });});
