import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDomain, type DomainDevice, type DomainXml } from '../../drivers/xml/index.js';
import { initI18n } from '../../renderer/i18n/index.js';
import { AppStores } from '../../renderer/state/app-stores.js';
import { StoresProvider } from '../../renderer/state/hooks.js';
import type { LiveApply } from '../../renderer/vm/devices/device-page.js';
import { devicePageFor } from '../../renderer/vm/devices/registry.js';
import { AddHardwareWizard } from '../../renderer/wizards/addhw/AddHardwareWizard.js';
import { hardwareKinds } from '../../renderer/wizards/addhw/hardware-kinds.js';
import { FakePort, settle } from './fake-port.js';
import { conn } from './fixtures.js';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}

const root = resolve(import.meta.dirname, '../..');
const allDevices = readFileSync(resolve(root, 'test/fixtures/devices/all-devices.xml'), 'utf8');
const domCaps = readFileSync(resolve(root, 'test/fixtures/xml/domain-capabilities.xml'), 'utf8');
const UUID = '0000d3e1-0000-4000-8000-0000000000aa';

beforeAll(() => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  initI18n();
});

let roots: { root: Root; el: HTMLElement }[] = [];
afterEach(() => {
  for (const r of roots) {
    act(() => r.root.unmount());
    r.el.remove();
  }
  roots = [];
  document.body.innerHTML = '';
});

async function mount(stores: AppStores, node: ReactNode): Promise<HTMLElement> {
  const el = document.createElement('div');
  document.body.append(el);
  const r = createRoot(el);
  await act(async () => {
    r.render(<StoresProvider stores={stores}>{node}</StoresProvider>);
    await settle();
  });
  roots.push({ root: r, el });
  return el;
}

function port(running = false, extra: ConstructorParameters<typeof FakePort>[0] = {}): FakePort {
  return new FakePort({
    'connections.list': () => ({ rev: 1, items: [conn('h1')] }),
    'networks.list': () => ({ rev: 1, items: [{ key: 'n1', uuid: 'n1', name: 'default', active: true, persistent: true, autostart: true, xml: '<network/>' } as never] }),
    'connections.domainCapabilities': () => ({ xml: domCaps }),
    'domains.xml': () => ({ xml: allDevices }),
    'domains.interfaceAddresses': () => [{ name: 'vnet0', mac: '52:54:00:12:34:56', addresses: [{ family: 'ipv4', address: '192.168.122.50', prefix: 24 }] }],
    ...(running ? {} : {}),
    ...extra,
  });
}

async function stores(p: FakePort): Promise<AppStores> {
  const s = new AppStores(p);
  await act(async () => {
    await s.start();
    await settle();
  });
  return s;
}

/** Sets a form control's value the way a user's input does (React listens for the native events). */
async function change(el: Element | null, value: string): Promise<void> {
  if (el === null) throw new Error('no such control');
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    await settle();
  });
}

async function click(el: Element | null): Promise<void> {
  if (el === null) throw new Error('no such control');
  await act(async () => {
    (el as HTMLElement).click();
    await settle();
  });
}

interface Recorded {
  readonly changes: LiveApply[];
  readonly invalid: Map<string, string | undefined>;
}

async function openPage(s: AppStores, draft: DomainXml, device: DomainDevice, running = false): Promise<{ el: HTMLElement; rec: Recorded }> {
  const entry = devicePageFor(device);
  if (entry === undefined) throw new Error(`no page for ${device.kind}`);
  const Page = entry.page;
  const rec: Recorded = { changes: [], invalid: new Map() };
  // Stands in for the Details frame: it re-renders the page after each edit.
  function Frame(): React.JSX.Element {
    const [, setRev] = useState(0);
    return (
      <Page connection="h1" uuid={UUID} draft={draft} device={device} running={running} {...(running ? { live: device } : {})}
        onChange={(how) => {
          rec.changes.push(how);
          setRev((r) => r + 1);
        }}
        onInvalid={(f, m) => rec.invalid.set(f, m)} />
    );
  }
  const el = await mount(s, <Frame />);
  return { el, rec };
}

describe('device pages', { timeout: 60_000 }, () => {
  it('every device of the all-devices VM has a page with a label, and each page shows its fields', async () => {
    const s = await stores(port());
    const draft = parseDomain(allDevices);
    const i18n = initI18n();
    const labels: string[] = [];
    for (const device of draft.devices) {
      if (device.kind === 'shmem') {
        // A kind Hangar has no page for: the frame shows it read-only with its XML.
        expect(devicePageFor(device)).toBeUndefined();
        continue;
      }
      const entry = devicePageFor(device);
      expect(entry, device.kind).toBeDefined();
      labels.push(entry?.label(device, i18n.t.bind(i18n)) ?? '');
      const { el } = await openPage(s, draft, device);
      // Every field is a labelled form control or value.
      expect(el.querySelectorAll('.pf-v6-c-form__group').length, device.kind).toBeGreaterThan(0);
      expect(el.textContent, device.kind).not.toMatch(/vmdevices\./);
      act(() => roots.pop()?.root.unmount());
    }
    expect(labels.length).toBe(draft.devices.length - 1);
    expect(labels.filter((l) => l === '' || l.includes('vmdevices.'))).toEqual([]);
  });

  it('labels name the device as the hardware list shows it', async () => {
    const draft = parseDomain(allDevices);
    const i18n = initI18n();
    const t = i18n.t.bind(i18n);
    const label = (i: number): string => {
      const d = draft.devices[i];
      if (d === undefined) throw new Error('no device');
      return devicePageFor(d)?.label(d, t) ?? '';
    };
    expect([label(0), label(1), label(2)]).toEqual(['Disk vda', 'CD-ROM sda', 'Floppy fda']);
    const nic = draft.devices.findIndex((d) => d.kind === 'interface');
    expect(label(nic)).toBe('NIC :12:34:56');
    const channel = draft.devices.findIndex((d) => d.kind === 'channel');
    expect(label(channel)).toBe('Channel org.qemu.guest_agent.0');
    const pci = draft.devices.findIndex((d) => d.kind === 'hostdev' && d.type === 'pci');
    expect(label(pci)).toBe('PCI 0000:03:00.0');
  });

  it('CD-ROM: a media change and an eject are live updates; the cache waits for the next boot', async () => {
    const s = await stores(port());
    const draft = parseDomain(allDevices);
    const cdrom = draft.disks[1];
    if (cdrom === undefined) throw new Error('no cdrom');
    const { el, rec } = await openPage(s, draft, cdrom, true);
    await change(el.querySelector('#dev-disk-path'), '/var/lib/libvirt/iso/other.iso');
    expect(cdrom.source).toEqual({ type: 'file', file: '/var/lib/libvirt/iso/other.iso' });
    await click(el.querySelector('#dev-disk-eject'));
    expect(cdrom.source).toBeUndefined();
    expect(rec.changes).toEqual(['update', 'update']);
    await change(el.querySelector('#dev-disk-cache'), 'writeback');
    expect(cdrom.cache).toBe('writeback');
    expect(rec.changes[2]).toBe('next-boot');
  });

  it('disk: a bad serial is refused at the field and reported; a bus change renames the target', async () => {
    const s = await stores(port());
    const draft = parseDomain(allDevices);
    const disk = draft.disks[0];
    if (disk === undefined) throw new Error('no disk');
    const { el, rec } = await openPage(s, draft, disk);
    await change(el.querySelector('#dev-disk-serial'), 'bad;serial');
    expect(rec.invalid.get('serial')).toMatch(/1–20/);
    expect(el.querySelector('#dev-disk-serial-helper')?.textContent).toMatch(/1–20/);
    expect(disk.serial).toBe('HANGAR0001');
    await change(el.querySelector('#dev-disk-serial'), 'GOOD-1');
    expect(rec.invalid.get('serial')).toBeUndefined();
    await change(el.querySelector('#dev-disk-bus'), 'sata');
    expect([disk.bus, disk.targetDev]).toEqual(['sata', 'sdb']);
  });

  it('NIC: link state is a live update, a bad MAC an error at the field, addresses shown while running', async () => {
    const s = await stores(port());
    const draft = parseDomain(allDevices);
    const nic = draft.interfaces[0];
    if (nic === undefined) throw new Error('no nic');
    const { el, rec } = await openPage(s, draft, nic);
    await click(el.querySelector('#dev-nic-link'));
    expect(nic.linkState).toBe('down');
    expect(rec.changes).toEqual(['update']);
    await change(el.querySelector('#dev-nic-mac'), '01:00:5e:00:00:01');
    expect(rec.invalid.get('mac')).toMatch(/multicast/);
    expect(nic.mac).toBe('52:54:00:12:34:56');
    act(() => roots.pop()?.root.unmount());
    const running = await openPage(s, draft, nic, true);
    expect(running.el.querySelector('#dev-nic-ip')?.textContent).toBe('192.168.122.50/24');
    // A running VM's MAC is not editable.
    expect(running.el.querySelector('input#dev-nic-mac')).toBeNull();
  });

  it('graphics password is a live update; filesystem offers shared memory for virtiofs', async () => {
    const s = await stores(port());
    const draft = parseDomain(allDevices);
    const vnc = draft.graphics[0];
    if (vnc === undefined) throw new Error('no graphics');
    const g = await openPage(s, draft, vnc, true);
    await click(g.el.querySelector('#dev-graphics-password-on'));
    await change(g.el.querySelector('#dev-graphics-password'), 'secret');
    expect(vnc.passwd).toBe('secret');
    expect(g.rec.changes).toEqual(['update', 'update']);
    act(() => roots.pop()?.root.unmount());

    const noShared = parseDomain(allDevices.replace(/<memoryBacking>[\s\S]*?<\/memoryBacking>\n {2}/, ''));
    const fs = noShared.devices.find((d) => d.kind === 'filesystem');
    if (fs === undefined) throw new Error('no filesystem');
    const f = await openPage(s, noShared, fs);
    const alert = f.el.querySelector('#dev-fs-shared-memory');
    expect(alert?.textContent).toMatch(/shared memory/);
    await click(alert?.querySelector('button') ?? null);
    expect(noShared.toXml()).toContain(`<access mode='shared'/>`);
    expect(f.rec.changes).toEqual(['next-boot']);
  });

  it('controller lists the devices attached to it', async () => {
    const s = await stores(port());
    const draft = parseDomain(allDevices);
    const sata = draft.devices.find((d) => d.kind === 'controller' && d.type === 'sata');
    if (sata === undefined) throw new Error('no sata controller');
    const { el } = await openPage(s, draft, sata);
    expect(el.querySelector('#dev-controller-devices')?.textContent).toBe('CD-ROM sda');
  });
});

describe('Add Hardware', { timeout: 60_000 }, () => {
  const open = async (p: FakePort, running: boolean): Promise<HTMLElement> => {
    const s = await stores(p);
    await mount(s, <AddHardwareWizard connection="h1" uuid={UUID} running={running} onClose={() => undefined} />);
    await act(async () => {
      await settle();
      await settle();
    });
    return document.body;
  };

  it('offers every kind; what the VM rules out is greyed with the reason', async () => {
    const body = await open(port(), false);
    for (const k of hardwareKinds) expect(body.querySelector(`#addhw-kind-${k}`), k).not.toBeNull();
    // The VM has a vsock, a TPM and a balloon already; the host has no node devices to pass through.
    for (const k of ['vsock', 'tpm', 'memballoon', 'usbHost', 'pciHost']) {
      const item = body.querySelector(`#addhw-kind-${k}`)?.closest('li');
      expect(item?.querySelector('[aria-disabled="true"]'), k).not.toBeNull();
    }
    expect(body.querySelector('#addhw-kind-vsock')?.closest('li')?.textContent).toMatch(/only one/);
    expect(body.querySelector('#addhw-kind-usbHost')?.closest('li')?.textContent).toMatch(/no such device/);
  });

  it('adds a sound card to a running VM only to the definition, saying so', async () => {
    const p = port(true);
    const body = await open(p, true);
    await click(body.querySelector('#addhw-kind-sound'));
    expect(body.querySelector('#addhw-how')?.textContent).toMatch(/cannot be plugged into a running VM/);
    await click(body.querySelector('#addhw-finish'));
    expect(p.callsOf('domains.attachDevice')).toEqual([]);
    const define = p.callsOf('domains.define') as { xml: string; base: string }[];
    expect(define).toHaveLength(1);
    expect(define[0]?.base).toBe(allDevices);
    expect(define[0]?.xml).toContain(`<sound model='ich9'/>\n    <sound model='ich9'/>`);
    expect(body.querySelector('#addhw-outcome')?.textContent).toMatch(/next starts/);
  });

  it('adds a NIC to a running VM live and persistent', async () => {
    const p = port(true);
    const body = await open(p, true);
    await click(body.querySelector('#addhw-kind-network'));
    expect(body.querySelector('#addhw-how')?.textContent).toMatch(/plugged into the running VM/);
    await click(body.querySelector('#addhw-finish'));
    const attach = p.callsOf('domains.attachDevice') as { xml: string; affect: { live: boolean; config: boolean } }[];
    expect(attach).toHaveLength(1);
    expect(attach[0]?.affect).toEqual({ live: true, config: false });
    expect((p.callsOf('domains.define') as { xml: string }[])[0]?.xml).toContain(`<source network='default'/>`);
    expect(attach[0]?.xml).toContain(`<source network='default'/>`);
    expect(attach[0]?.xml).toContain(`<model type='virtio'/>`);
    expect(body.querySelector('#addhw-outcome')?.textContent).toMatch(/Plugged into the running VM/);
  });

  it('falls back to the definition with libvirt\'s message when the live plug is refused', async () => {
    let n = 0;
    const p = port(true, {
      'domains.attachDevice': ({ affect }) => {
        n++;
        if (affect?.live === true) throw new Error('Operation not supported: live attach of device \'rng\' is not supported');
        return null;
      },
    });
    const body = await open(p, true);
    await click(body.querySelector('#addhw-kind-rng'));
    await click(body.querySelector('#addhw-finish'));
    expect(n).toBe(1);
    expect((p.callsOf('domains.define') as { xml: string }[])[0]?.xml).toContain(`<backend model='random'>/dev/urandom</backend>`);
    const outcome = body.querySelector('#addhw-outcome')?.textContent ?? '';
    expect(outcome).toMatch(/next starts/);
    expect(outcome).toMatch(/live attach of device 'rng' is not supported/);
  });

  it('a storage device needs a source; the path typed goes into the new disk', async () => {
    const p = port();
    const body = await open(p, false);
    expect(body.querySelector<HTMLButtonElement>('#addhw-finish')?.disabled).toBe(true);
    await change(body.querySelector('#dev-disk-path'), '/var/lib/libvirt/images/new.qcow2');
    await click(body.querySelector('#addhw-finish'));
    expect(p.callsOf('domains.attachDevice')).toEqual([]);
    const xml = (p.callsOf('domains.define') as { xml: string }[])[0]?.xml ?? '';
    expect(xml).toContain(`<source file='/var/lib/libvirt/images/new.qcow2'/>`);
    expect(xml).toContain(`<target dev='vdb' bus='virtio'/>`);
  });
});
