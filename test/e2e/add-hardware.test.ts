import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildController, buildGraphics, buildNetwork, CharDevice, deviceView, DiskDevice, enableSharedMemory, FilesystemDevice, parseDomain,
  parseDomainCapabilities, type DomainDevice, type DomainXml,
} from '../../drivers/xml/index.js';
import { addDevice, type AddOutcome } from '../../renderer/wizards/addhw/add-device.js';
import { hardwareKinds, hostdevFromNodeDevice, hostDevicesOf, newDevice, unavailable, type HardwareKind } from '../../renderer/wizards/addhw/hardware-kinds.js';
import { startLab, type Lab } from '../lab/lab.js';
import { ApiSocket } from '../support/api-socket.js';
import { projectRoot, runApp, type RunningApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';
import { shootBothThemes } from '../support/theme-shots.js';

// Add Hardware's own code (the kinds' defaults, newDevice, and addDevice's live/config choice) against the Demo
// host and a real libvirtd: every kind goes in with its defaults, and the live and persistent XML show it. The lab's
// running guest has a SPICE display and a virtio-serial controller, as a VM made by the New VM wizard has, so that
// USB redirection, virtio consoles and channels can go in live.

const DEMO = 'conn-1';
const LAB = 'conn-2';
const DEMO_VM = '0000a4d0-0000-4000-8000-000000000001';
const artifacts = join(projectRoot, 'test-results', 'e2e');

/** The element each kind adds. */
const elementOf: Readonly<Record<HardwareKind, string>> = {
  storage: 'disk', controller: 'controller', network: 'interface', input: 'input', graphics: 'graphics', sound: 'sound', serial: 'serial',
  parallel: 'parallel', console: 'console', channel: 'channel', usbHost: 'hostdev', pciHost: 'hostdev', video: 'video', watchdog: 'watchdog',
  filesystem: 'filesystem', smartcard: 'smartcard', redirdev: 'redirdev', tpm: 'tpm', rng: 'rng', panic: 'panic', vsock: 'vsock',
  memballoon: 'memballoon',
};

const count = (d: DomainXml, name: string): number => d.devices.filter((x) => x.kind === name).length;

describe('Add Hardware on the Demo host and a real libvirt host', () => {
  let lab: Lab;
  let app: RunningApp;
  let data: ReturnType<typeof seededDataDir>;
  let api: ApiSocket;
  let labVm = '';
  let browser: Browser | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let page: Page;

  const xmlOf = async (connection: string, key: string, inactive: boolean): Promise<DomainXml> =>
    parseDomain((await api.call('domains.xml', { connection, key, inactive, secure: false })).xml);

  /** Adds one device of the kind as the wizard does (its defaults, a path where it needs one, shared memory for virtiofs). */
  const add = async (connection: string, uuid: string, kind: HardwareKind, running: boolean, diskPath: string,
    tweak?: (view: DomainDevice) => void): Promise<AddOutcome> => {
    const baseXml = (await api.call('domains.xml', { connection, key: uuid, inactive: true, secure: false })).xml;
    const base = { xml: baseXml, domain: parseDomain(baseXml) };
    const working = parseDomain(baseXml);
    const caps = parseDomainCapabilities((await api.call('connections.domainCapabilities', { connection })).xml);
    const networks = (await api.call('networks.list', { connection })).items;
    const nodedevs = (await api.call('nodedevs.list', { connection })).items;
    let el;
    if (kind === 'usbHost' || kind === 'pciHost') {
      const n = hostDevicesOf(kind, nodedevs)[0];
      if (n === undefined) throw new Error(`no ${kind} on ${connection}`);
      el = hostdevFromNodeDevice(kind, n);
    } else {
      el = newDevice(kind, working, caps, networks);
    }
    const view = deviceView(el, 'new');
    if (view instanceof DiskDevice) view.source = { type: 'file', file: diskPath };
    if (view instanceof FilesystemDevice) {
      view.sourceDir = '/tmp';
      // The page's "Enable shared memory" for virtiofs.
      if (view.driverType === 'virtiofs') enableSharedMemory(working);
    }
    tweak?.(view);
    return addDevice(api, { connection, uuid, running, kind, device: el, base, working });
  };

  beforeAll(async () => {
    lab = await startLab();
    // An isolated network (no forward) for the NICs: nothing leaves the lab.
    const netFile = join(lab.dir, 'ah-net.xml');
    writeFileSync(netFile, buildNetwork({ name: 'default', ipv4: { address: '192.168.151.1', prefix: 24 } }).toXml());
    await lab.virsh(['net-define', netFile]);
    await lab.virsh(['net-start', 'default']);
    await lab.exec('qemu-img', ['create', '-q', '-f', 'qcow2', join(lab.dir, 'ah.qcow2'), '16M']);
    // The tiny guest with a SPICE display instead of VNC, a virtio-serial controller (libvirt cannot plug one live)
    // and a qemu-xhci USB controller (the pc machine's default UHCI has two ports, too few for everything USB here).
    const guest = parseDomain(lab.tinyGuestXml({ name: 'ah-tiny' }));
    for (const g of guest.graphics) guest.removeDevice(g);
    guest.addDevice(buildGraphics({ type: 'spice' }));
    guest.addDevice(buildController('virtio-serial'));
    guest.addDevice(buildController('usb'));
    const guestFile = join(lab.dir, 'ah-tiny.xml');
    writeFileSync(guestFile, guest.toXml());
    await lab.virsh(['define', guestFile]);
    await lab.virsh(['start', 'ah-tiny']);
    labVm = (await lab.virsh(['domuuid', 'ah-tiny'])).trim();
    data = seededDataDir([{ uri: 'test:///default', name: 'Demo host' }, { uri: lab.uri, name: 'Lab host' }]);
    app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
    api = await ApiSocket.open(app.url);
    for (let i = 0; i < 200 && (await api.call('connections.list', {})).items.filter((c) => c.state.state === 'connected').length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    // A shut-off Demo VM with a SPICE display (USB redirection needs one) and nothing else.
    await api.call('domains.define', {
      connection: DEMO,
      xml: `<domain type='test'><name>ah-demo</name><uuid>${DEMO_VM}</uuid><memory unit='MiB'>512</memory><vcpu>1</vcpu>
<os><type arch='x86_64' machine='pc-q35'>hvm</type></os><devices><graphics type='spice' autoport='yes'/></devices></domain>`,
    });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await api?.close();
    await app?.stop();
    data?.remove();
    await lab?.stop();
  });

  it('adds every kind to a shut-off VM on the Demo host, each in its definition', async () => {
    const caps = parseDomainCapabilities((await api.call('connections.domainCapabilities', { connection: DEMO })).xml);
    const nodedevs = (await api.call('nodedevs.list', { connection: DEMO })).items;
    const added: string[] = [];
    const blocked: string[] = [];
    for (const kind of hardwareKinds) {
      const before = await xmlOf(DEMO, DEMO_VM, true);
      const why = unavailable(kind, before, caps, nodedevs);
      if (why !== undefined) {
        blocked.push(`${kind}:${why.reason}`);
        continue;
      }
      const outcome = await add(DEMO, DEMO_VM, kind, false, '/var/lib/libvirt/images/ah-demo.qcow2');
      expect(outcome, kind).toEqual({ how: 'config' });
      const after = await xmlOf(DEMO, DEMO_VM, true);
      expect(count(after, elementOf[kind]), kind).toBeGreaterThan(count(before, elementOf[kind]));
      added.push(kind);
    }
    // Everything but the second balloon/vsock/TPM (one each) goes in; the Demo host lists USB and PCI devices.
    expect(blocked).toEqual([]);
    expect(added).toEqual([...hardwareKinds]);
    const final = await xmlOf(DEMO, DEMO_VM, true);
    expect(final.toXml()).toContain(`<access mode='shared'/>`);
    // Now the one-of kinds are ruled out, with the reason.
    for (const k of ['vsock', 'tpm', 'memballoon'] as const) expect(unavailable(k, final, caps, nodedevs)).toEqual({ reason: 'onlyOne' });
  });

  it('tells the user in the dialog: a refused live plug with libvirt\'s message and what it means, a config-only kind', async () => {
    mkdirSync(artifacts, { recursive: true });
    ({ browser, close: closeBrowser } = await launchChromium());
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.url}#/vm/${LAB}/${labVm}/details`);
    const serials = async (inactive: boolean): Promise<number> => count(await xmlOf(LAB, labVm, inactive), 'serial');
    const [live0, conf0] = [await serials(false), await serials(true)];
    await page.getByRole('button', { name: 'Add Hardware', exact: true }).click({ timeout: 30_000 });
    await page.locator('#addhw-kind-serial').click();
    await expect.poll(() => page.locator('#addhw-how').textContent()).toContain('It will be plugged into the running VM and added to its definition.');
    await page.locator('#addhw-finish').click();
    const outcome = page.locator('#addhw-outcome');
    await expect.poll(() => outcome.locator('.pf-v6-c-alert__title').textContent(), { timeout: 20_000 }).toMatch(/Added to the definition: the VM gets it when it next starts\./);
    expect(await page.locator('#addhw-outcome-why').textContent()).toBe('libvirt refused to plug it into the running VM:');
    expect(await page.locator('#addhw-outcome-message').textContent()).toMatch(/Bus 'isa\.0' does not support hotplugging/);
    expect(await page.locator('#addhw-outcome-hint').textContent()).toBe('An ISA port cannot be plugged into a running VM; a serial port of target type PCI or USB serial can.');
    await shootBothThemes(page, (theme) => join(artifacts, `add-hardware-live-refused-${theme}.png`));
    expect([await serials(false), await serials(true)]).toEqual([live0, conf0 + 1]);
    await page.locator('#addhw-close').click();

    await page.getByRole('button', { name: 'Add Hardware', exact: true }).click();
    await page.locator('#addhw-kind-sound').click();
    await expect.poll(() => page.locator('#addhw-how').textContent())
      .toContain('It cannot be plugged into a running VM: it will be added to the definition and appear at the next start.');
    await page.locator('#addhw-finish').click();
    await expect.poll(() => page.locator('#addhw-outcome-why').textContent(), { timeout: 20_000 }).toBe('This kind of device cannot be plugged into a running VM.')
      .catch(async (e: unknown) => {
        await page.screenshot({ path: join(artifacts, 'add-hardware-config-only-failed.png') });
        throw e;
      });
    expect(await page.locator('#addhw-outcome-message').count()).toBe(0);
    await shootBothThemes(page, (theme) => join(artifacts, `add-hardware-config-only-${theme}.png`));
    await page.locator('#addhw-close').click();
  });

  it('hot-plugs into the running tiny guest what QEMU takes live, and adds the rest to its definition, saying why', async () => {
    const caps = parseDomainCapabilities((await api.call('connections.domainCapabilities', { connection: LAB })).xml);
    const nodedevs = (await api.call('nodedevs.list', { connection: LAB })).items;
    const diskPath = join(lab.dir, 'ah.qcow2');
    const serialTarget = (type: string) => (v: DomainDevice): void => {
      if (v instanceof CharDevice) v.targetType = type;
    };
    // Every kind with its defaults (the serial port an ISA one), then a serial port of each hot-pluggable target type.
    const cases: readonly { name: string; kind: HardwareKind; tweak?: (v: DomainDevice) => void }[] = [
      ...hardwareKinds.map((kind) => ({ name: kind, kind })),
      { name: 'serial:pci-serial', kind: 'serial', tweak: serialTarget('pci-serial') },
      { name: 'serial:usb-serial', kind: 'serial', tweak: serialTarget('usb-serial') },
    ];
    const outcomes: Record<string, string> = {};
    const said: Record<string, AddOutcome> = {};
    for (const c of cases) {
      // Passing the machine's own PCI or USB devices to a test guest would take them from the host: never.
      if (c.kind === 'usbHost' || c.kind === 'pciHost') continue;
      const live0 = await xmlOf(LAB, labVm, false);
      const conf0 = await xmlOf(LAB, labVm, true);
      const why = unavailable(c.kind, conf0, caps, nodedevs);
      if (why !== undefined) {
        outcomes[c.name] = `unavailable:${why.reason}`;
        continue;
      }
      const outcome = await add(LAB, labVm, c.kind, true, diskPath, c.tweak);
      const live1 = await xmlOf(LAB, labVm, false);
      const conf1 = await xmlOf(LAB, labVm, true);
      const el = elementOf[c.kind];
      expect(count(conf1, el), `${c.name} in the definition`).toBe(count(conf0, el) + 1);
      expect(count(live1, el), `${c.name} ${outcome.how === 'live' ? 'live' : 'not live'}`).toBe(count(live0, el) + (outcome.how === 'live' ? 1 : 0));
      outcomes[c.name] = outcome.how === 'live' ? 'live' : `config:${outcome.why ?? ''}`;
      said[c.name] = outcome;
    }
    console.log('add-hardware on the running lab guest:', JSON.stringify(outcomes));
    // What libvirt 9.0 / QEMU 7.2 take live into the tiny guest (a pc machine), as measured; the rest go to the definition.
    expect(Object.entries(outcomes).filter(([, o]) => o === 'live').map(([k]) => k)).toEqual(LIVE_ON_LAB);
    // Refused live, with libvirt's message and what it means: an ISA serial port; a vsock without /dev/vhost-vsock here.
    expect(said.serial).toMatchObject({ how: 'config', why: 'refused', hint: 'isaBus' });
    expect(said.serial?.how === 'config' ? said.serial.message : '').toMatch(/Bus 'isa\.0' does not support hotplugging/);
    expect(said.vsock).toMatchObject({ how: 'config', why: 'refused', hint: 'vhostVsock' });
    expect(said.vsock?.how === 'config' ? said.vsock.message : '').toMatch(/vhost-vsock/);
    expect(outcomes.filesystem).toBe('config:sharedMemory');
    // Kinds QEMU cannot take live go to the definition only, and the outcome says so.
    for (const k of CONFIG_ONLY) expect(outcomes[k], k).toBe('config:notHotpluggable');
    // The serial ports went in live with the target types asked for.
    const live = (await xmlOf(LAB, labVm, false)).toXml();
    for (const type of ['pci-serial', 'usb-serial']) expect(live).toMatch(new RegExp(`<serial type='pty'>[\\s\\S]*?<target type='${type}'`));
    // The one balloon the tiny guest has (model none) rules out another.
    expect(outcomes.memballoon).toBe('unavailable:onlyOne');
  });
});

const LIVE_ON_LAB: readonly string[] = [
  'storage', 'controller', 'network', 'input', 'console', 'channel', 'watchdog', 'redirdev', 'rng', 'serial:pci-serial', 'serial:usb-serial',
];
const CONFIG_ONLY: readonly HardwareKind[] = ['graphics', 'sound', 'video', 'tpm', 'panic', 'smartcard', 'parallel'];
