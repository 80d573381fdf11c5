// Every call of the contract's object namespaces over the browser-mode WebSocket, on the Demo host and on the lab
// libvirtd's qemu driver: one table of cases, each run on both hosts. A case does what the call is for, sends one
// bad input (refused naming the field) and one request libvirt refuses (its code and message reach the caller).
// The lab guest boots only when the first case that needs a running VM asks for it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VIR_ERR_CONFIG_UNSUPPORTED, VIR_ERR_DEVICE_MISSING, VIR_ERR_NO_SUPPORT, VIR_ERR_INVALID_ARG, VIR_ERR_NO_DOMAIN, VIR_ERR_NO_DOMAIN_SNAPSHOT, VIR_ERR_NO_NETWORK, VIR_ERR_NO_NODE_DEVICE,
  VIR_ERR_NO_STORAGE_POOL, VIR_ERR_NO_STORAGE_VOL, VIR_ERR_OPERATION_FAILED, VIR_ERR_OPERATION_INVALID, VIR_ERR_XML_INVALID_SCHEMA,
} from '../../../drivers/api/index.js';
import type { DiskDevice } from '../../../drivers/xml/index.js';
import {
  buildDisk, buildDomain, buildInterface, buildNetwork, buildStoragePool, InterfaceDevice, newDocument, parseDomain,
  parseNetwork, XmlElement, type DomainXml,
} from '../../../drivers/xml/index.js';
import type { ApiEvent, CallInput, CallName, CallResults, CollectionEvent } from '../../../main/api/contract/index.js';
import { startBrowserMode, type BrowserMode } from '../../../main/web/browser-mode.js';
import { startLab, type Lab } from '../../lab/lab.js';
import { ApiSocket } from '../../support/api-socket.js';

const NET = 'calls-net';
const POOL = 'calls-pool';
const NO_UUID = '00000000-0000-4000-8000-0000000000ff';
const MiB = 1024 * 1024;

interface Host {
  readonly name: 'Demo host' | 'lab libvirtd';
  readonly connection: 'demo' | 'lab';
  readonly lab: boolean;
  /** Domain type of the VMs made here. */
  readonly virtType: string;
  /** A folder for pools and images (on the lab, a real one). */
  readonly dir: string;
  readonly cdrom: { readonly dev: string; readonly bus: string };
  readonly iso: string;
}

/** A request libvirt refuses, and what it says; or, where nothing of libvirt's is asked, why. */
type Refusal = { readonly input: unknown; readonly code: number; readonly message: RegExp } | string;

interface Case {
  readonly call: CallName;
  readonly does: string;
  readonly ok: (h: Host) => Promise<void>;
  readonly bad: (h: Host) => Promise<readonly [input: unknown, field: string]>;
  readonly refused: (h: Host) => Promise<Refusal>;
}

let lab: Lab;
let dataDir: string;
let web: BrowserMode;
let api: ApiSocket;
const hosts: Host[] = [];

/** A call with an input the types would not allow (bad input, on purpose). */
const raw = <C extends CallName>(call: C, input: unknown): Promise<CallResults[C]> => api.call(call, input as CallInput<C>);

const once = <T>(make: (h: Host) => Promise<T>): ((h: Host) => Promise<T>) => {
  const made = new Map<string, Promise<T>>();
  return (h) => {
    let p = made.get(h.connection);
    if (!p) made.set(h.connection, (p = make(h)));
    return p;
  };
};

function vmXml(h: Host, name: string): DomainXml {
  return buildDomain({
    name,
    type: h.virtType,
    memory: 128 * MiB,
    vcpus: 1,
    arch: 'x86_64',
    ...(h.lab ? { machine: 'pc' } : {}),
    disks: [
      { targetDev: 'vda', format: 'qcow2', source: { type: 'file', file: join(h.dir, `${name}.qcow2`) } },
      { device: 'cdrom', targetDev: h.cdrom.dev, bus: h.cdrom.bus, source: { type: 'file', file: h.iso } },
    ],
    interfaces: [{ source: { type: 'network', network: NET } }],
    graphics: 'vnc',
  });
}

/** A new shut-off VM; on the lab its qcow2 disk exists (snapshots need it). */
async function defineVm(h: Host, name: string): Promise<string> {
  if (h.lab) await lab.exec('qemu-img', ['create', '-q', '-f', 'qcow2', join(h.dir, `${name}.qcow2`), '64M']);
  return (await api.call('domains.define', { connection: h.connection, xml: vmXml(h, name).toXml() })).key;
}

const inactiveXml = async (h: Host, key: string): Promise<DomainXml> =>
  parseDomain((await api.call('domains.xml', { connection: h.connection, key, inactive: true })).xml);
const liveXml = async (h: Host, key: string): Promise<DomainXml> => parseDomain((await api.call('domains.xml', { connection: h.connection, key })).xml);
const deviceXml = (el: XmlElement): string => newDocument(el).toXml();

/** The host's DHCP network, defined and started once. */
const network = once(async (h) => {
  const xml = buildNetwork({ name: NET, ipv4: { address: '192.168.123.1', prefix: 24, dhcp: [{ start: '192.168.123.100', end: '192.168.123.200' }] } }).toXml();
  const { key } = await api.call('networks.define', { connection: h.connection, xml });
  await api.call('networks.start', { connection: h.connection, key });
  return key;
});

/** A running VM with a CD-ROM, a NIC on the DHCP network, a balloon and a screen: on the lab, the tiny guest. */
const running = once(async (h) => {
  await network(h);
  let xml: string;
  if (h.lab) {
    const dom = parseDomain(lab.tinyGuestXml({ name: 'calls-run' }));
    dom.addDevice(buildInterface({ source: { type: 'network', network: NET } }));
    dom.element.child('devices')?.child('memballoon')?.setAttr('model', 'virtio');
    xml = dom.toXml();
  } else {
    xml = vmXml(h, 'calls-run').toXml();
  }
  const { key } = await api.call('domains.define', { connection: h.connection, xml });
  await api.call('domains.action', { connection: h.connection, key, action: 'start' });
  if (h.lab) {
    await lab.waitForGuestLife({ name: 'calls-run' });
    // The tiny guest asks for one lease as it boots; later cases take its link down.
    const log = join(lab.dir, 'calls-run-serial.log');
    const leased = await until(async () => readFileSync(log, 'latin1'), (text) => text.includes('hangar-tiny: booted'), 60_000);
    if (!leased.includes('DHCP lease taken')) throw new Error(`the guest took no lease: ${leased.slice(-1500)}`);
  }
  return key;
});

/** The host's directory pool, built and started once. */
const pool = once(async (h) => {
  const xml = buildStoragePool({ type: 'dir', name: POOL, targetPath: join(h.dir, POOL) }).toXml();
  const { key } = await api.call('storage.definePool', { connection: h.connection, xml });
  await api.call('storage.buildPool', { connection: h.connection, key });
  await api.call('storage.startPool', { connection: h.connection, key });
  return key;
});

/** A new raw volume in the host's pool (made by a job, as the UI makes them). */
async function makeVolume(h: Host, name: string, capacity = MiB): Promise<string> {
  const job = await api.call('jobs.createVolume', { connection: h.connection, pool: await pool(h), volume: { name, capacity, format: 'raw' } });
  const done = await api.waitFor((e) => e.type === 'jobs.delta' && e.upserted.some((j) => j.id === job.id && j.state !== 'running'), 30_000);
  const last = done.event.type === 'jobs.delta' ? done.event.upserted.find((j) => j.id === job.id) : undefined;
  if (last?.state !== 'done') throw new Error(`volume ${name} not made: ${JSON.stringify(last)}`);
  return name;
}

const volumes = async (h: Host): Promise<CallResults['storage.list']['items'][number]['volumes']> =>
  (await api.call('storage.list', { connection: h.connection })).items.find((p) => p.name === POOL)?.volumes ?? [];

/** Polls `read` until `done` holds (guests take a moment to ask for a lease). */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Adds an element that no libvirt schema allows, under the root's `parent` child (or the root). */
function withBogusElement(xml: string, parent?: string): string {
  const dom = parseDomain(xml);
  const under = parent === undefined ? dom.element : dom.element.ensureChild(parent);
  under.insertChild(new XmlElement('hangar-bogus'));
  return dom.toXml();
}

const cases: Case[] = [
  // connections.*
  {
    call: 'connections.update', does: 'renames a saved connection and changes its autoconnect',
    ok: async (h) => {
      const saved = await api.call('connections.update', { connection: h.connection, name: `${h.name} (renamed)`, autoconnect: true });
      expect(saved).toMatchObject({ id: h.connection, name: `${h.name} (renamed)`, autoconnect: true });
      expect((await api.call('connections.list', {})).items.find((c) => c.key === h.connection)?.saved.name).toBe(`${h.name} (renamed)`);
      await api.call('connections.update', { connection: h.connection, name: h.name });
    },
    bad: async (h) => [{ connection: h.connection, uri: 'not a uri' }, 'uri'],
    refused: async () => 'the saved connections are the service\'s own; libvirt is not asked',
  },
  {
    call: 'connections.hostInfo', does: "reads the host's name, driver, CPUs and memory",
    ok: async (h) => {
      const info = await api.call('connections.hostInfo', { connection: h.connection });
      expect(info).toMatchObject({ driver: h.lab ? 'QEMU' : 'TEST', cpus: expect.any(Number), memoryBytes: expect.any(Number) });
      expect(info.cpus).toBeGreaterThan(0);
      expect(info.freeMemoryBytes).toBeLessThanOrEqual(info.memoryBytes);
      expect(info.libVersion).toBeGreaterThan(1_000_000);
    },
    bad: async () => [{ connection: '' }, 'connection'],
    refused: async () => 'an open connection always answers node info; there is no request libvirt refuses',
  },
  {
    call: 'connections.capabilities', does: "reads the host's capabilities XML",
    ok: async (h) => expect((await api.call('connections.capabilities', { connection: h.connection })).xml).toMatch(/^<capabilities>[\s\S]*<arch>x86_64<\/arch>/),
    bad: async () => [{ connection: 42 }, 'connection'],
    refused: async () => 'capabilities take no argument libvirt could refuse',
  },
  {
    call: 'connections.domainCapabilities', does: "reads the domain capabilities for the host's defaults and for one arch and type",
    ok: async (h) => {
      expect((await api.call('connections.domainCapabilities', { connection: h.connection })).xml).toContain('<domainCapabilities>');
      const x86 = await api.call('connections.domainCapabilities', { connection: h.connection, arch: 'x86_64', virtType: h.lab ? 'qemu' : 'kvm' });
      expect(x86.xml).toMatch(/<arch>x86_64<\/arch>/);
    },
    bad: async (h) => [{ connection: h.connection, arch: 'x86 64' }, 'arch'],
    refused: async (h) => (h.lab
      ? { input: { connection: h.connection, arch: 'sparc' }, code: VIR_ERR_CONFIG_UNSUPPORTED, message: /unable to find any emulator to serve 'sparc' architecture/ }
      : "libvirt's test driver answers the same document for any arch (so does the Demo host)"),
  },
  // domains.*
  {
    call: 'domains.list', does: 'lists summaries (no XML) with a revision',
    ok: async (h) => {
      const key = await defineVm(h, 'c-list');
      // The list is the inventory, which the define's event updates (on the lab, a moment after the call).
      const list = await until(() => api.call('domains.list', { connection: h.connection }), (l) => l.items.some((d) => d.key === key), 5000);
      expect(list.rev).toBeGreaterThan(0);
      const vm = list.items.find((d) => d.key === key);
      expect(vm).toMatchObject({ name: 'c-list', uuid: key, persistent: true, state: 5, vcpus: 1, memoryBytes: 128 * MiB });
      expect(vm && 'xml' in vm).toBe(false);
    },
    bad: async () => [{}, 'connection'],
    refused: async () => 'answered from the inventory the service keeps; libvirt is not asked',
  },
  {
    call: 'domains.xml', does: 'reads the live and the inactive XML',
    ok: async (h) => {
      const key = await defineVm(h, 'c-xml');
      expect((await liveXml(h, key)).name).toBe('c-xml');
      expect((await inactiveXml(h, key)).uuid).toBe(key);
    },
    bad: async (h) => [{ connection: h.connection, key: 'not-a-uuid' }, 'key'],
    refused: async (h) => ({ input: { connection: h.connection, key: NO_UUID }, code: VIR_ERR_NO_DOMAIN, message: /^Domain not found/ }),
  },
  {
    call: 'domains.define', does: "defines with VALIDATE; with `base`, only while the host's definition is the one read",
    ok: async (h) => {
      const from = api.events.length;
      const made = await api.call('domains.define', { connection: h.connection, xml: vmXml(h, 'c-define').toXml() });
      expect(made.name).toBe('c-define');
      await api.waitFor((e) => e.type === 'domains.delta' && e.scope.connection === h.connection && e.upserted.some((d) => d.key === made.key), 5000, from);
      const base = (await api.call('domains.xml', { connection: h.connection, key: made.key, inactive: true })).xml;
      const edit = parseDomain(base);
      edit.title = 'Edited once';
      await api.call('domains.define', { connection: h.connection, xml: edit.toXml(), base });
      expect((await inactiveXml(h, made.key)).title).toBe('Edited once');
      // A second edit from the same (now stale) base is refused, naming base, and changes nothing.
      const stale = parseDomain(base);
      stale.title = 'Edited twice';
      await expect(api.call('domains.define', { connection: h.connection, xml: stale.toXml(), base }))
        .rejects.toThrow(expect.objectContaining({ field: 'base', message: expect.stringMatching(/changed on the host since it was read/) }));
      expect((await inactiveXml(h, made.key)).title).toBe('Edited once');
      // VALIDATE: libvirtd checks the schema (the Demo host, like libvirt's test driver, does not).
      if (h.lab) {
        await expect(api.call('domains.define', { connection: h.connection, xml: withBogusElement(vmXml(h, 'c-invalid').toXml(), 'devices') }))
          .rejects.toThrow(expect.objectContaining({ code: VIR_ERR_XML_INVALID_SCHEMA, message: expect.stringMatching(/failed to validate against schema/) }));
      }
    },
    bad: async (h) => [{ connection: h.connection, xml: '' }, 'xml'],
    refused: async (h) => {
      await defineVm(h, 'c-define-twin');
      const twin = vmXml(h, 'c-define-twin');
      twin.uuid = '4f1a2b3c-00ff-4d5e-8f60-7a8b9c0d1eff';
      return { input: { connection: h.connection, xml: twin.toXml() }, code: VIR_ERR_OPERATION_FAILED, message: /domain 'c-define-twin' already exists with uuid/ };
    },
  },
  {
    call: 'domains.undefine', does: 'undefines a VM; the list loses it',
    ok: async (h) => {
      const key = await defineVm(h, 'c-undefine');
      // As in the UI: the VM is listed before it is undefined.
      await until(() => api.call('domains.list', { connection: h.connection }), (l) => l.items.some((d) => d.key === key), 5000);
      const from = api.events.length;
      await api.call('domains.undefine', { connection: h.connection, key });
      await api.waitFor((e) => e.type === 'domains.delta' && e.scope.connection === h.connection && e.removed.includes(key), 5000, from);
      expect((await api.call('domains.list', { connection: h.connection })).items.some((d) => d.key === key)).toBe(false);
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, nvram: 'shred' }, 'nvram'],
    refused: async (h) => ({ input: { connection: h.connection, key: NO_UUID }, code: VIR_ERR_NO_DOMAIN, message: /^Domain not found/ }),
  },
  {
    call: 'domains.setTags', does: "adds and removes tags in the VM's metadata",
    ok: async (h) => {
      const key = await running(h);
      expect(await api.call('domains.setTags', { connection: h.connection, keys: [key], add: ['c-tag'] })).toEqual({ failed: [] });
      expect((await api.call('domains.xml', { connection: h.connection, key })).xml).toMatch(/<hangar:tag>c-tag<\/hangar:tag>/);
      await api.call('domains.setTags', { connection: h.connection, keys: [key], remove: ['c-tag'] });
    },
    bad: async (h) => [{ connection: h.connection, keys: [], add: ['x'] }, 'keys'],
    refused: async () => "per VM: libvirt's refusal comes back in `failed` (code and message), the others are tagged — tags.test.ts",
  },
  {
    call: 'domains.rename', does: 'renames a shut-off VM',
    ok: async (h) => {
      const key = await defineVm(h, 'c-rename');
      await api.call('domains.rename', { connection: h.connection, key, name: 'c-renamed' });
      expect((await inactiveXml(h, key)).name).toBe('c-renamed');
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, name: 'a/b' }, 'name'],
    refused: async (h) => ({ input: { connection: h.connection, key: await running(h), name: 'c-renamed-running' }, code: VIR_ERR_OPERATION_INVALID, message: /cannot rename active domain/ }),
  },
  {
    call: 'domains.setAutostart', does: 'marks a VM to start with the host, and unmarks it',
    ok: async (h) => {
      const key = await defineVm(h, 'c-autostart');
      await api.call('domains.setAutostart', { connection: h.connection, key, autostart: true });
      if (h.lab) expect(await lab.virsh(['dominfo', 'c-autostart'])).toMatch(/Autostart:\s+enable/);
      await api.call('domains.setAutostart', { connection: h.connection, key, autostart: false });
      if (h.lab) expect(await lab.virsh(['dominfo', 'c-autostart'])).toMatch(/Autostart:\s+disable/);
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, autostart: 'yes' }, 'autostart'],
    refused: async (h) => ({ input: { connection: h.connection, key: NO_UUID, autostart: true }, code: VIR_ERR_NO_DOMAIN, message: /^Domain not found/ }),
  },
  {
    call: 'domains.setMemory', does: "sets the definition's memory, and a running VM's balloon",
    ok: async (h) => {
      const key = await defineVm(h, 'c-memory');
      await api.call('domains.setMemory', { connection: h.connection, key, kib: 96 * 1024, affect: { live: false, config: true } });
      expect((await inactiveXml(h, key)).currentMemory).toBe(96 * MiB);
      const vm = await running(h);
      const now = (await liveXml(h, vm)).currentMemory ?? 0;
      await api.call('domains.setMemory', { connection: h.connection, key: vm, kib: now / 1024 - 16 * 1024, affect: { live: true, config: false } });
      // On qemu the live XML follows the guest's balloon driver, a moment later.
      expect((await until(() => liveXml(h, vm), (d) => d.currentMemory === now - 16 * MiB, 20_000)).currentMemory).toBe(now - 16 * MiB);
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, kib: 10 }, 'kib'],
    refused: async (h) => ({
      input: { connection: h.connection, key: await defineVm(h, 'c-memory-off'), kib: 64 * 1024, affect: { live: true, config: false } },
      code: VIR_ERR_OPERATION_INVALID, message: /domain is not running/,
    }),
  },
  {
    call: 'domains.setVcpus', does: "sets the definition's maximum and current vCPUs, and a running VM's count",
    ok: async (h) => {
      const key = await defineVm(h, 'c-vcpus');
      await api.call('domains.setVcpus', { connection: h.connection, key, count: 2, maximum: true, affect: { live: false, config: true } });
      await api.call('domains.setVcpus', { connection: h.connection, key, count: 2, affect: { live: false, config: true } });
      expect((await inactiveXml(h, key)).vcpus).toBe(2);
      await api.call('domains.setVcpus', { connection: h.connection, key: await running(h), count: 1, affect: { live: true, config: false } });
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, count: 0 }, 'count'],
    refused: async (h) => ({
      input: { connection: h.connection, key: await running(h), count: 3, affect: { live: true, config: false } },
      // libvirt's test driver words it "requested cpu amount exceeds maximum (3 > 1)", and so does the Demo host.
      code: VIR_ERR_INVALID_ARG, message: /requested vcpus is greater than max allowable vcpus for the live domain: 3 > 1|requested cpu amount exceeds maximum \(3 > 1\)/,
    }),
  },
  {
    call: 'domains.attachDevice', does: 'plugs a disk into the definition, and a USB disk into a running VM',
    ok: async (h) => {
      const key = await defineVm(h, 'c-attach');
      const disk = buildDisk({ targetDev: 'vdb', format: 'raw', source: { type: 'file', file: join(h.dir, 'c-attach-b.img') } });
      await api.call('domains.attachDevice', { connection: h.connection, key, xml: deviceXml(disk), affect: { live: false, config: true } });
      expect((await inactiveXml(h, key)).disks.map((d) => d.targetDev)).toContain('vdb');
      const vm = await running(h);
      const file = join(h.dir, 'c-attach-usb.img');
      if (h.lab) writeFileSync(file, Buffer.alloc(MiB));
      const usb = buildDisk({ targetDev: 'sdb', bus: 'usb', format: 'raw', source: { type: 'file', file } });
      await api.call('domains.attachDevice', { connection: h.connection, key: vm, xml: deviceXml(usb), affect: { live: true, config: false } });
      expect((await liveXml(h, vm)).disks.map((d) => d.targetDev)).toContain('sdb');
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, xml: '<disk/>', affect: { live: false, config: false } }, 'affect.live'],
    refused: async (h) => {
      const key = await defineVm(h, 'c-attach-twice');
      const disk = buildDisk({ targetDev: 'vda', format: 'raw', source: { type: 'file', file: join(h.dir, 'other.img') } });
      return { input: { connection: h.connection, key, xml: deviceXml(disk), affect: { live: false, config: true } }, code: VIR_ERR_OPERATION_INVALID, message: /target vda already exists/ };
    },
  },
  {
    call: 'domains.detachDevice', does: 'unplugs a disk from the definition, and the USB disk from the running VM',
    ok: async (h) => {
      const key = await defineVm(h, 'c-detach');
      const vda = (await inactiveXml(h, key)).disks.find((d) => d.targetDev === 'vda');
      if (!vda) throw new Error('no vda');
      await api.call('domains.detachDevice', { connection: h.connection, key, xml: deviceXml(vda.element), affect: { live: false, config: true } });
      expect((await inactiveXml(h, key)).disks.map((d) => d.targetDev)).not.toContain('vda');
      // The USB disk the attach case plugged in (USB unplugs at once, without the guest's help).
      const vm = await running(h);
      const usb = (await liveXml(h, vm)).disks.find((d) => d.targetDev === 'sdb');
      if (!usb) throw new Error('the attach case left no sdb on the running VM');
      await api.call('domains.detachDevice', { connection: h.connection, key: vm, xml: deviceXml(usb.element), affect: { live: true, config: false } });
      await until(() => liveXml(h, vm), (d) => !d.disks.some((x) => x.targetDev === 'sdb'), 10_000);
      expect((await liveXml(h, vm)).disks.map((d) => d.targetDev)).not.toContain('sdb');
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, xml: '' }, 'xml'],
    refused: async (h) => {
      const key = await defineVm(h, 'c-detach-missing');
      const disk = buildDisk({ targetDev: 'vdz', format: 'raw', source: { type: 'file', file: join(h.dir, 'nowhere.img') } });
      return { input: { connection: h.connection, key, xml: deviceXml(disk), affect: { live: false, config: true } }, code: VIR_ERR_DEVICE_MISSING, message: /no target device vdz|disk vdz not found/ };
    },
  },
  {
    call: 'domains.updateDevice', does: "takes a NIC's link down in the definition, and live on the running VM",
    ok: async (h) => {
      const link = async (key: string, dom: DomainXml, live: boolean, state: 'up' | 'down' = 'down'): Promise<void> => {
        const nic = dom.interfaces[0];
        if (!nic) throw new Error('no NIC');
        const copy = new InterfaceDevice(nic.element.clone(), 'interface');
        copy.linkState = state;
        await api.call('domains.updateDevice', { connection: h.connection, key, xml: deviceXml(copy.element), affect: { live, config: !live } });
      };
      const key = await defineVm(h, 'c-update');
      await link(key, await inactiveXml(h, key), false);
      expect((await inactiveXml(h, key)).interfaces[0]?.linkState).toBe('down');
      const vm = await running(h);
      await link(vm, await liveXml(h, vm), true);
      expect((await liveXml(h, vm)).interfaces[0]?.linkState).toBe('down');
      await link(vm, await liveXml(h, vm), true, 'up');
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, xml: 'x'.repeat(1_000_001) }, 'xml'],
    refused: async (h) => {
      const key = await defineVm(h, 'c-update-off');
      const nic = (await inactiveXml(h, key)).interfaces[0];
      if (!nic) throw new Error('no NIC');
      return { input: { connection: h.connection, key, xml: deviceXml(nic.element), affect: { live: true, config: false } }, code: VIR_ERR_OPERATION_INVALID, message: /domain is not running/ };
    },
  },
  {
    call: 'domains.changeMedia', does: 'ejects and inserts a CD in the definition, and live in the running VM',
    ok: async (h) => {
      const cdrom = async (dom: Promise<DomainXml>): Promise<DiskDevice | undefined> => (await dom).disks.find((d) => d.device === 'cdrom');
      const key = await defineVm(h, 'c-media');
      await api.call('domains.changeMedia', { connection: h.connection, key, target: h.cdrom.dev, source: null, affect: { live: false, config: true } });
      expect((await cdrom(inactiveXml(h, key)))?.source).toBeUndefined();
      await api.call('domains.changeMedia', { connection: h.connection, key, target: h.cdrom.dev, source: { file: h.iso }, affect: { live: false, config: true } });
      expect((await cdrom(inactiveXml(h, key)))?.source).toEqual({ type: 'file', file: h.iso });
      const vm = await running(h);
      const target = (await cdrom(liveXml(h, vm)))?.targetDev ?? '';
      await api.call('domains.changeMedia', { connection: h.connection, key: vm, target, source: null, affect: { live: true, config: false } });
      expect((await cdrom(liveXml(h, vm)))?.source).toBeUndefined();
      await api.call('domains.changeMedia', { connection: h.connection, key: vm, target, source: { file: h.iso }, affect: { live: true, config: false } });
      expect((await cdrom(liveXml(h, vm)))?.source).toEqual({ type: 'file', file: h.iso });
      // A drive that is not a CD-ROM is refused before libvirt is asked, naming the target.
      await expect(api.call('domains.changeMedia', { connection: h.connection, key, target: 'vda', source: null }))
        .rejects.toThrow(expect.objectContaining({ field: 'target', message: expect.stringMatching(/not a CD-ROM or floppy/) }));
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, target: 'hdc', source: { file: 'relative.iso' } }, 'source.file'],
    refused: async (h) => ({
      input: { connection: h.connection, key: await defineVm(h, 'c-media-off'), target: h.cdrom.dev, source: null, affect: { live: true, config: false } },
      code: VIR_ERR_OPERATION_INVALID, message: /domain is not running/,
    }),
  },
  {
    call: 'domains.interfaceAddresses', does: "reads the running VM's addresses from its DHCP lease",
    ok: async (h) => {
      const vm = await running(h);
      const ifaces = await until(() => api.call('domains.interfaceAddresses', { connection: h.connection, key: vm }), (l) => l.some((i) => i.addresses.length > 0), 30_000);
      if (h.lab && ifaces.length === 0) throw new Error(`no lease; the guest's console said: ${readFileSync(join(lab.dir, 'calls-run-serial.log'), 'latin1').slice(-1500)}`);
      expect(ifaces[0]?.mac).toMatch(/^52:54:00:/);
      expect(ifaces[0]?.addresses[0]).toMatchObject({ family: 'ipv4', address: expect.stringMatching(/^192\.168\.123\./), prefix: 24 });
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, source: 'dns' }, 'source'],
    refused: async (h) => ({ input: { connection: h.connection, key: await defineVm(h, 'c-addresses-off') }, code: VIR_ERR_OPERATION_INVALID, message: /domain is not running/ }),
  },
  {
    call: 'domains.screenshot', does: "takes a picture of the running VM's screen",
    ok: async (h) => {
      const shot = await api.call('domains.screenshot', { connection: h.connection, key: await running(h) });
      // QEMU's PPM arrives as PNG on both hosts.
      expect(shot.mime).toBe('image/png');
      expect(Buffer.from(shot.base64, 'base64').subarray(0, 4).toString('latin1')).toBe('\x89PNG');
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, screen: 99 }, 'screen'],
    refused: async (h) => ({ input: { connection: h.connection, key: await defineVm(h, 'c-screenshot-off') }, code: VIR_ERR_OPERATION_INVALID, message: /domain is not running/ }),
  },
  // networks.*
  {
    call: 'networks.list', does: 'lists networks with their state',
    ok: async (h) => {
      const key = await network(h);
      const list = await api.call('networks.list', { connection: h.connection });
      expect(list.items.find((n) => n.key === key)).toMatchObject({ name: NET, active: true, persistent: true });
    },
    bad: async () => [{ connection: '' }, 'connection'],
    refused: async () => 'answered from the inventory the service keeps; libvirt is not asked',
  },
  {
    call: 'networks.xml', does: "reads a network's XML",
    ok: async (h) => expect(parseNetwork((await api.call('networks.xml', { connection: h.connection, key: await network(h) })).xml).name).toBe(NET),
    bad: async (h) => [{ connection: h.connection, key: 'calls-net' }, 'key'],
    refused: async (h) => ({ input: { connection: h.connection, key: NO_UUID }, code: VIR_ERR_NO_NETWORK, message: /^Network not found/ }),
  },
  {
    call: 'networks.define', does: 'defines a network (VALIDATE); the list gains it',
    ok: async (h) => {
      const from = api.events.length;
      const made = await api.call('networks.define', { connection: h.connection, xml: buildNetwork({ name: 'c-net-define', ipv4: { address: '192.168.124.1', prefix: 24 } }).toXml() });
      expect(made.name).toBe('c-net-define');
      await api.waitFor((e) => e.type === 'networks.delta' && e.scope.connection === h.connection && e.upserted.some((n) => n.key === made.key), 5000, from);
      // The lab's daemon checks the schema (VALIDATE travels in NETWORK_DEFINE_XML_FLAGS); the Demo host does not.
      if (h.lab) {
        const bogus = "<network><name>c-net-invalid</name><bridge name='virbr-inv' bogus='1'/></network>";
        await expect(api.call('networks.define', { connection: h.connection, xml: bogus })).rejects.toMatchObject({ code: VIR_ERR_XML_INVALID_SCHEMA });
      }
    },
    bad: async (h) => [{ connection: h.connection, xml: 'x'.repeat(4_000_001) }, 'xml'],
    refused: async (h) => ({
      input: { connection: h.connection, xml: buildNetwork({ name: NET, uuid: '4f1a2b3c-00fe-4d5e-8f60-7a8b9c0d1efe' }).toXml() },
      code: VIR_ERR_OPERATION_FAILED, message: new RegExp(`network '${NET}' already exists with uuid`),
    }),
  },
  {
    call: 'networks.start', does: 'starts a defined network',
    ok: async (h) => {
      const { key } = await api.call('networks.define', { connection: h.connection, xml: buildNetwork({ name: 'c-net-start', ipv4: { address: '192.168.125.1', prefix: 24 } }).toXml() });
      await api.call('networks.start', { connection: h.connection, key });
      await until(() => api.call('networks.list', { connection: h.connection }), (l) => l.items.some((n) => n.key === key && n.active), 5000);
      expect((await api.call('networks.list', { connection: h.connection })).items.find((n) => n.key === key)?.active).toBe(true);
    },
    bad: async () => [{ connection: 'demo' }, 'key'],
    refused: async (h) => ({ input: { connection: h.connection, key: await network(h) }, code: VIR_ERR_OPERATION_INVALID, message: /(network is already active|Network 'calls-net' is already running)/ }),
  },
  {
    call: 'networks.stop', does: 'stops an active network',
    ok: async (h) => {
      const key = (await api.call('networks.list', { connection: h.connection })).items.find((n) => n.name === 'c-net-start')?.key ?? '';
      await api.call('networks.stop', { connection: h.connection, key });
      await until(() => api.call('networks.list', { connection: h.connection }), (l) => l.items.some((n) => n.key === key && !n.active), 5000);
      expect((await api.call('networks.list', { connection: h.connection })).items.find((n) => n.key === key)?.active).toBe(false);
    },
    bad: async (h) => [{ connection: h.connection, key: '0000000g-0000-4000-8000-000000000000' }, 'key'],
    refused: async (h) => {
      const key = (await api.call('networks.list', { connection: h.connection })).items.find((n) => n.name === 'c-net-start')?.key ?? '';
      return { input: { connection: h.connection, key }, code: VIR_ERR_OPERATION_INVALID, message: /network 'c-net-start' is not active/ };
    },
  },
  {
    call: 'networks.setAutostart', does: 'marks a network to start with the host; the list shows it',
    ok: async (h) => {
      const key = await network(h);
      await api.call('networks.setAutostart', { connection: h.connection, key, autostart: true });
      expect((await api.call('networks.list', { connection: h.connection })).items.find((n) => n.key === key)?.autostart).toBe(true);
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID }, 'autostart'],
    refused: async (h) => ({ input: { connection: h.connection, key: NO_UUID, autostart: true }, code: VIR_ERR_NO_NETWORK, message: /^Network not found/ }),
  },
  {
    call: 'networks.dhcpLeases', does: "lists the running VM's lease",
    ok: async (h) => {
      await running(h);
      const key = await network(h);
      const found = await until(() => api.call('networks.dhcpLeases', { connection: h.connection, key }), (l) => l.length > 0, 30_000);
      expect(found[0]).toMatchObject({ family: 'ipv4', address: expect.stringMatching(/^192\.168\.123\./), prefix: 24, mac: expect.stringMatching(/^52:54:00:/) });
      const mac = found[0]?.mac ?? '';
      expect((await api.call('networks.dhcpLeases', { connection: h.connection, key, mac })).map((l) => l.mac)).toEqual([mac]);
    },
    bad: async (h) => [{ connection: h.connection, key: await network(h), mac: '52:54:00:zz:00:01' }, 'mac'],
    refused: async (h) => ({ input: { connection: h.connection, key: NO_UUID }, code: VIR_ERR_NO_NETWORK, message: /^Network not found/ }),
  },
  {
    call: 'networks.updateDhcpHost', does: 'adds, changes and removes a static DHCP host, live and in the definition',
    ok: async (h) => {
      const key = await network(h);
      const host = { mac: '52:54:00:c0:ff:ee', name: 'c-static', ip: '192.168.123.50' };
      await api.call('networks.updateDhcpHost', { connection: h.connection, key, command: 'add', host });
      const has = async (inactive: boolean, ip: string): Promise<boolean> =>
        (await api.call('networks.xml', { connection: h.connection, key, inactive })).xml.includes(`<host mac='52:54:00:c0:ff:ee' name='c-static' ip='${ip}'/>`);
      expect([await has(false, host.ip), await has(true, host.ip)]).toEqual([true, true]);
      if (h.lab) expect(await lab.virsh(['net-dumpxml', NET])).toContain("<host mac='52:54:00:c0:ff:ee' name='c-static' ip='192.168.123.50'/>");
      await api.call('networks.updateDhcpHost', { connection: h.connection, key, command: 'modify', host: { ...host, ip: '192.168.123.51' } });
      expect(await has(false, '192.168.123.51')).toBe(true);
      await api.call('networks.updateDhcpHost', { connection: h.connection, key, command: 'delete', host: { mac: host.mac } });
      expect((await api.call('networks.xml', { connection: h.connection, key })).xml).not.toContain('c-static');
    },
    bad: async (h) => [{ connection: h.connection, key: await network(h), command: 'add', host: { mac: '52:54:00:c0:ff:ef' } }, 'host.ip'],
    refused: async (h) => ({
      input: { connection: h.connection, key: await network(h), command: 'delete', host: { mac: '52:54:00:00:00:99' } },
      code: VIR_ERR_OPERATION_INVALID, message: new RegExp(`couldn't locate a matching dhcp host entry in network '${NET}'`),
    }),
  },
  {
    call: 'networks.undefine', does: 'undefines an inactive network; the list loses it',
    ok: async (h) => {
      const key = (await api.call('networks.list', { connection: h.connection })).items.find((n) => n.name === 'c-net-start')?.key ?? '';
      const from = api.events.length;
      await api.call('networks.undefine', { connection: h.connection, key });
      await api.waitFor((e) => e.type === 'networks.delta' && e.scope.connection === h.connection && e.removed.includes(key), 5000, from);
    },
    bad: async () => [{ key: NO_UUID }, 'connection'],
    refused: async (h) => ({ input: { connection: h.connection, key: NO_UUID }, code: VIR_ERR_NO_NETWORK, message: /^Network not found/ }),
  },
  // storage.*
  {
    call: 'storage.definePool', does: 'defines a directory pool (VALIDATE); the list gains it, inactive',
    ok: async (h) => {
      const made = await api.call('storage.definePool', { connection: h.connection, xml: buildStoragePool({ type: 'dir', name: 'c-pool', targetPath: join(h.dir, 'c-pool') }).toXml() });
      expect(made.name).toBe('c-pool');
      const listed = await until(() => api.call('storage.list', { connection: h.connection }), (l) => l.items.some((p) => p.key === made.key), 5000);
      expect(listed.items.find((p) => p.key === made.key)).toMatchObject({ active: false, persistent: true, volumes: [] });
      if (h.lab) {
        const bogus = buildStoragePool({ type: 'dir', name: 'c-pool-invalid', targetPath: join(h.dir, 'x') });
        bogus.element.insertChild(new XmlElement('hangar-bogus'));
        await expect(api.call('storage.definePool', { connection: h.connection, xml: bogus.toXml() }))
          .rejects.toThrow(expect.objectContaining({ code: VIR_ERR_XML_INVALID_SCHEMA }));
      }
    },
    bad: async (h) => [{ connection: h.connection }, 'xml'],
    refused: async (h) => ({
      input: { connection: h.connection, xml: buildStoragePool({ type: 'dir', name: 'c-pool', uuid: '4f1a2b3c-00fd-4d5e-8f60-7a8b9c0d1efd', targetPath: join(h.dir, 'c-pool') }).toXml() },
      code: VIR_ERR_OPERATION_FAILED, message: /pool 'c-pool' already exists with uuid/,
    }),
  },
  {
    call: 'storage.buildPool', does: "builds a pool's directory",
    ok: async (h) => {
      await api.call('storage.buildPool', { connection: h.connection, key: await poolKey(h, 'c-pool'), mode: 'new' });
      if (h.lab) expect((await lab.exec('test', ['-d', join(h.dir, 'c-pool')])).code).toBe(0);
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, mode: 'format' }, 'mode'],
    refused: async (h) => ({ input: { connection: h.connection, key: await pool(h) }, code: VIR_ERR_OPERATION_INVALID, message: /storage pool 'calls-pool' is (already )?active/ }),
  },
  {
    call: 'storage.startPool', does: 'starts a pool; the list shows it active',
    ok: async (h) => {
      const key = await poolKey(h, 'c-pool');
      await api.call('storage.startPool', { connection: h.connection, key });
      expect((await api.call('storage.list', { connection: h.connection })).items.find((p) => p.key === key)?.active).toBe(true);
    },
    bad: async () => [{ connection: 'lab', key: '' }, 'key'],
    refused: async (h) => ({ input: { connection: h.connection, key: await pool(h) }, code: VIR_ERR_OPERATION_INVALID, message: /storage pool 'calls-pool' is (already )?active/ }),
  },
  {
    call: 'storage.refreshPool', does: 'rescans a pool; a file made behind libvirt\'s back appears (lab)',
    ok: async (h) => {
      const key = await poolKey(h, 'c-pool');
      if (h.lab) writeFileSync(join(h.dir, 'c-pool', 'outside.img'), Buffer.alloc(4096));
      await api.call('storage.refreshPool', { connection: h.connection, key });
      if (h.lab) expect((await api.call('storage.list', { connection: h.connection })).items.find((p) => p.key === key)?.volumes.map((v) => v.name)).toContain('outside.img');
    },
    bad: async () => [{ connection: 'lab', key: 7 }, 'key'],
    refused: async (h) => ({ input: { connection: h.connection, key: await definedPool(h, 'c-pool-refresh') }, code: VIR_ERR_OPERATION_INVALID, message: /storage pool 'c-pool-refresh' is not active/ }),
  },
  {
    call: 'storage.setPoolAutostart', does: 'marks a pool to start with the host; the list shows it',
    ok: async (h) => {
      const key = await poolKey(h, 'c-pool');
      await api.call('storage.setPoolAutostart', { connection: h.connection, key, autostart: true });
      expect((await api.call('storage.list', { connection: h.connection })).items.find((p) => p.key === key)?.autostart).toBe(true);
    },
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, autostart: null }, 'autostart'],
    refused: async (h) => ({ input: { connection: h.connection, key: NO_UUID, autostart: true }, code: VIR_ERR_NO_STORAGE_POOL, message: /^Storage pool not found/ }),
  },
  {
    call: 'storage.poolXml', does: "reads a pool's XML",
    ok: async (h) => expect((await api.call('storage.poolXml', { connection: h.connection, key: await pool(h) })).xml).toContain(`<name>${POOL}</name>`),
    bad: async (h) => [{ connection: h.connection, key: NO_UUID, inactive: 'yes' }, 'inactive'],
    refused: async (h) => ({ input: { connection: h.connection, key: NO_UUID }, code: VIR_ERR_NO_STORAGE_POOL, message: /^Storage pool not found/ }),
  },
  {
    call: 'storage.stopPool', does: 'stops a pool; the list shows it inactive',
    ok: async (h) => {
      const key = await poolKey(h, 'c-pool');
      if (h.lab) rmSync(join(h.dir, 'c-pool', 'outside.img'), { force: true });
      await api.call('storage.stopPool', { connection: h.connection, key });
      expect((await api.call('storage.list', { connection: h.connection })).items.find((p) => p.key === key)?.active).toBe(false);
    },
    bad: async () => [{ connection: 'lab', key: 'c-pool' }, 'key'],
    refused: async (h) => ({ input: { connection: h.connection, key: await poolKey(h, 'c-pool') }, code: VIR_ERR_OPERATION_INVALID, message: /storage pool 'c-pool' is not active/ }),
  },
  {
    call: 'storage.deletePool', does: "deletes an inactive pool's directory",
    ok: async (h) => {
      await api.call('storage.deletePool', { connection: h.connection, key: await poolKey(h, 'c-pool') });
      if (h.lab) expect((await lab.exec('test', ['-e', join(h.dir, 'c-pool')])).code).not.toBe(0);
    },
    bad: async () => [{ connection: 'x'.repeat(201), key: NO_UUID }, 'connection'],
    refused: async (h) => ({ input: { connection: h.connection, key: await pool(h) }, code: VIR_ERR_OPERATION_INVALID, message: /storage pool 'calls-pool' is (still )?active/ }),
  },
  {
    call: 'storage.undefinePool', does: 'undefines an inactive pool; the list loses it',
    ok: async (h) => {
      const key = await poolKey(h, 'c-pool');
      const from = api.events.length;
      await api.call('storage.undefinePool', { connection: h.connection, key });
      await api.waitFor((e) => e.type === 'pools.delta' && e.scope.connection === h.connection && e.removed.includes(key), 5000, from);
    },
    bad: async () => [{ connection: 'lab', key: null }, 'key'],
    refused: async (h) => ({ input: { connection: h.connection, key: await pool(h) }, code: VIR_ERR_OPERATION_INVALID, message: /storage pool 'calls-pool' is (still )?active/ }),
  },
  {
    call: 'storage.list', does: 'lists pools with their volumes',
    ok: async (h) => {
      await makeVolume(h, 'c-listed.raw');
      const p = (await api.call('storage.list', { connection: h.connection })).items.find((x) => x.name === POOL);
      expect(p).toMatchObject({ active: true, key: await pool(h) });
      expect(p?.volumes.find((v) => v.name === 'c-listed.raw')).toMatchObject({ capacity: MiB, path: join(h.dir, POOL, 'c-listed.raw') });
    },
    bad: async () => [{ connection: null }, 'connection'],
    refused: async () => 'answered from the inventory the service keeps; libvirt is not asked',
  },
  {
    call: 'storage.volumeXml', does: "reads a volume's XML",
    ok: async (h) => expect((await api.call('storage.volumeXml', { connection: h.connection, pool: await pool(h), volume: await makeVolume(h, 'c-xml.raw') })).xml)
      .toMatch(/<name>c-xml\.raw<\/name>[\s\S]*<capacity unit='bytes'>1048576<\/capacity>/),
    bad: async (h) => [{ connection: h.connection, pool: await pool(h), volume: 'a/b' }, 'volume'],
    refused: async (h) => ({ input: { connection: h.connection, pool: await pool(h), volume: 'no-such.raw' }, code: VIR_ERR_NO_STORAGE_VOL, message: /^Storage volume not found: no storage vol with matching name 'no-such\.raw'/ }),
  },
  {
    call: 'storage.wipeVolume', does: "overwrites a volume's data with zeros",
    ok: async (h) => {
      const name = await makeVolume(h, 'c-wipe.raw');
      const file = join(h.dir, POOL, name);
      if (h.lab) {
        writeFileSync(file, Buffer.alloc(MiB, 0xa5));
        // libvirt wipes the allocation it knows of: let it see the bytes just written.
        await api.call('storage.refreshPool', { connection: h.connection, key: await pool(h) });
      }
      await api.call('storage.wipeVolume', { connection: h.connection, pool: await pool(h), volume: name });
      if (h.lab) expect(readFileSync(file).equals(Buffer.alloc(MiB))).toBe(true);
    },
    bad: async (h) => [{ connection: h.connection, pool: 'calls-pool', volume: 'x' }, 'pool'],
    refused: async (h) => ({ input: { connection: h.connection, pool: await pool(h), volume: 'no-such.raw' }, code: VIR_ERR_NO_STORAGE_VOL, message: /^Storage volume not found/ }),
  },
  {
    call: 'storage.resizeVolume', does: 'grows a volume; the list shows the new capacity',
    ok: async (h) => {
      const name = await makeVolume(h, 'c-resize.raw');
      await api.call('storage.resizeVolume', { connection: h.connection, pool: await pool(h), volume: name, capacity: 2 * MiB });
      expect((await volumes(h)).find((v) => v.name === name)?.capacity).toBe(2 * MiB);
    },
    bad: async (h) => [{ connection: h.connection, pool: await pool(h), volume: 'c-resize.raw', capacity: 0 }, 'capacity'],
    refused: async (h) => ({
      input: { connection: h.connection, pool: await pool(h), volume: 'c-resize.raw', capacity: MiB / 2 },
      code: VIR_ERR_INVALID_ARG, message: /Can't shrink capacity below current capacity unless shrink flag explicitly specified/,
    }),
  },
  {
    call: 'storage.deleteVolume', does: 'deletes a volume; the list loses it',
    ok: async (h) => {
      const name = await makeVolume(h, 'c-delete.raw');
      await api.call('storage.deleteVolume', { connection: h.connection, pool: await pool(h), volume: name });
      expect((await volumes(h)).map((v) => v.name)).not.toContain(name);
      if (h.lab) expect((await lab.exec('test', ['-e', join(h.dir, POOL, name)])).code).not.toBe(0);
    },
    bad: async (h) => [{ connection: h.connection, pool: await pool(h), volume: '' }, 'volume'],
    refused: async (h) => ({ input: { connection: h.connection, pool: await pool(h), volume: 'c-delete.raw' }, code: VIR_ERR_NO_STORAGE_VOL, message: /^Storage volume not found/ }),
  },
  {
    call: 'storage.findPoolSources', does: 'asks the host which pools of a type it could use',
    ok: async (h) => {
      if (h.lab) {
        // With LVM's tools (.ci/run installs lvm2) libvirt answers with the volume groups it finds (a <sources>
        // document, maybe empty); without them it says which program is missing, through the same call.
        if ((await lab.exec('sh', ['-c', 'command -v vgs'])).code === 0) {
          expect((await api.call('storage.findPoolSources', { connection: h.connection, type: 'logical' })).xml).toMatch(/^<sources\b/);
        } else {
          await expect(api.call('storage.findPoolSources', { connection: h.connection, type: 'logical' })).rejects.toMatchObject({ message: expect.stringMatching(/pvs|vgs|lvm|No such file or directory/i) });
        }
        return;
      }
      expect((await api.call('storage.findPoolSources', { connection: h.connection, type: 'logical' })).xml).toMatch(/<name>testvg1<\/name>/);
    },
    bad: async (h) => [{ connection: h.connection, type: 'dir' }, 'type'],
    refused: async (h) => h.lab
      ? { input: { connection: h.connection, type: 'netfs' }, code: VIR_ERR_INVALID_ARG, message: /hostname must be specified for netfs sources/ }
      : { input: { connection: h.connection, type: 'iscsi' }, code: VIR_ERR_NO_SUPPORT, message: /pool type 'iscsi' does not support source discovery/ },
  },
  // nodedevs.*
  {
    call: 'nodedevs.list', does: "lists the host's devices",
    ok: async (h) => expect((await api.call('nodedevs.list', { connection: h.connection })).items.find((d) => d.key === 'computer')).toMatchObject({ name: 'computer', parent: null }),
    bad: async () => [{ connection: ['demo'] }, 'connection'],
    refused: async () => 'answered from the inventory the service keeps; libvirt is not asked',
  },
  {
    call: 'nodedevs.xml', does: "reads a device's XML",
    ok: async (h) => expect((await api.call('nodedevs.xml', { connection: h.connection, key: 'computer' })).xml).toMatch(/<name>computer<\/name>[\s\S]*<capability type='system'>/),
    bad: async (h) => [{ connection: h.connection, key: 'pci 0000' }, 'key'],
    refused: async (h) => ({ input: { connection: h.connection, key: 'pci_0000_ff_1f_7' }, code: VIR_ERR_NO_NODE_DEVICE, message: /^Node device not found: no node device with matching name 'pci_0000_ff_1f_7'/ }),
  },
  {
    // Detaching a real PCI device would take it from this machine: the lab is asked only what it must refuse.
    call: 'nodedevs.detach', does: "reaches the host's device driver (refusing a device that is not PCI)",
    ok: async (h) => {
      const e = await api.call('nodedevs.detach', { connection: h.connection, key: 'computer' }).catch((x: unknown) => x as { code?: number; message?: string });
      expect(e).toMatchObject({ code: expect.any(Number), message: expect.any(String) });
    },
    bad: async (h) => [{ connection: h.connection, key: 'computer', driver: 'nvidia' }, 'driver'],
    refused: async (h) => (h.lab
      ? { input: { connection: h.connection, key: 'pci_0000_ff_1f_7' }, code: VIR_ERR_NO_NODE_DEVICE, message: /pci_0000_ff_1f_7/ }
      : { input: { connection: h.connection, key: 'computer' }, code: VIR_ERR_NO_SUPPORT, message: /virNodeDeviceDetachFlags/ }),
  },
  {
    call: 'nodedevs.reattach', does: "reaches the host's device driver (refusing a device that is not PCI)",
    ok: async (h) => {
      const e = await api.call('nodedevs.reattach', { connection: h.connection, key: 'computer' }).catch((x: unknown) => x as { code?: number; message?: string });
      expect(e).toMatchObject({ code: expect.any(Number), message: expect.any(String) });
    },
    bad: async (h) => [{ connection: h.connection, key: '' }, 'key'],
    refused: async (h) => (h.lab
      ? { input: { connection: h.connection, key: 'pci_0000_ff_1f_7' }, code: VIR_ERR_NO_NODE_DEVICE, message: /pci_0000_ff_1f_7/ }
      : { input: { connection: h.connection, key: 'computer' }, code: VIR_ERR_NO_SUPPORT, message: /virNodeDeviceReAttach/ }),
  },
  // snapshots.*
  {
    call: 'snapshots.list', does: "lists a VM's snapshots",
    ok: async (h) => {
      const list = await api.call('snapshots.list', { connection: h.connection, domain: await snapshotVm(h) });
      expect(list).toMatchObject({ rev: expect.any(Number), items: [] });
    },
    bad: async (h) => [{ connection: h.connection, domain: 'c-snap' }, 'domain'],
    refused: async (h) => ({ input: { connection: h.connection, domain: NO_UUID }, code: VIR_ERR_NO_DOMAIN, message: /^Domain not found/ }),
  },
  {
    call: 'snapshots.create', does: 'takes an internal snapshot of a shut-off VM; a snapshots.delta brings it',
    ok: async (h) => {
      const domain = await snapshotVm(h);
      const from = api.events.length;
      const made = await api.call('snapshots.create', { connection: h.connection, domain, name: 'first', description: 'made by the calls test' });
      expect(made).toMatchObject({ name: 'first', current: true, state: 'shutoff', kind: 'internal', description: 'made by the calls test' });
      const delta = await api.waitFor((e) => e.type === 'snapshots.delta' && e.scope.domain === domain && e.upserted.some((s) => s.name === 'first'), 5000, from);
      expect(delta.event).toMatchObject({ scope: { connection: h.connection, domain } });
      await api.call('snapshots.create', { connection: h.connection, domain, name: 'second' });
      // VALIDATE: libvirtd checks the snapshot XML's schema (the Demo host does not, unlike libvirt's test driver).
      if (h.lab) {
        await expect(api.call('snapshots.create', { connection: h.connection, domain, xml: '<domainsnapshot><name>x</name><hangar-bogus/></domainsnapshot>' }))
          .rejects.toThrow(expect.objectContaining({ code: VIR_ERR_XML_INVALID_SCHEMA, message: expect.stringMatching(/failed to validate against schema/) }));
      }
    },
    bad: async (h) => [{ connection: h.connection, domain: await snapshotVm(h), name: 'a/b' }, 'name'],
    refused: async (h) => ({ input: { connection: h.connection, domain: NO_UUID, name: 'x' }, code: VIR_ERR_NO_DOMAIN, message: /^Domain not found/ }),
  },
  {
    call: 'snapshots.xml', does: "reads a snapshot's XML",
    ok: async (h) => expect((await api.call('snapshots.xml', { connection: h.connection, domain: await snapshotVm(h), name: 'first' })).xml).toMatch(/<name>first<\/name>[\s\S]*<description>made by the calls test<\/description>/),
    bad: async (h) => [{ connection: h.connection, domain: await snapshotVm(h), name: '' }, 'name'],
    refused: async (h) => ({ input: { connection: h.connection, domain: await snapshotVm(h), name: 'never' }, code: VIR_ERR_NO_DOMAIN_SNAPSHOT, message: /no domain snapshot with matching name 'never'/ }),
  },
  {
    call: 'snapshots.revert', does: 'reverts to a snapshot; it becomes the current one',
    ok: async (h) => {
      const domain = await snapshotVm(h);
      await api.call('snapshots.revert', { connection: h.connection, domain, name: 'first' });
      const list = await api.call('snapshots.list', { connection: h.connection, domain });
      expect(list.items.find((s) => s.name === 'first')?.current).toBe(true);
      expect(list.items.find((s) => s.name === 'second')).toMatchObject({ current: false, parent: 'first' });
    },
    bad: async (h) => [{ connection: h.connection, domain: await snapshotVm(h), name: 'first', after: 'later' }, 'after'],
    refused: async (h) => ({ input: { connection: h.connection, domain: await snapshotVm(h), name: 'never' }, code: VIR_ERR_NO_DOMAIN_SNAPSHOT, message: /no domain snapshot with matching name 'never'/ }),
  },
  {
    call: 'snapshots.delete', does: 'deletes a snapshot with its children; a snapshots.delta removes them',
    ok: async (h) => {
      const domain = await snapshotVm(h);
      const from = api.events.length;
      await api.call('snapshots.delete', { connection: h.connection, domain, name: 'first', children: 'with-children' });
      await api.waitFor((e) => e.type === 'snapshots.delta' && e.scope.domain === domain && e.removed.includes('first') && e.removed.includes('second'), 5000, from);
      expect((await api.call('snapshots.list', { connection: h.connection, domain })).items).toEqual([]);
    },
    bad: async (h) => [{ connection: h.connection, domain: await snapshotVm(h), name: 'first', children: 'all' }, 'children'],
    refused: async (h) => ({ input: { connection: h.connection, domain: await snapshotVm(h), name: 'first' }, code: VIR_ERR_NO_DOMAIN_SNAPSHOT, message: /no domain snapshot with matching name 'first'/ }),
  },
];

async function poolKey(h: Host, name: string): Promise<string> {
  const key = (await api.call('storage.list', { connection: h.connection })).items.find((p) => p.name === name)?.key;
  if (key === undefined) throw new Error(`no pool ${name} on ${h.name}`);
  return key;
}

async function definedPool(h: Host, name: string): Promise<string> {
  return (await api.call('storage.definePool', { connection: h.connection, xml: buildStoragePool({ type: 'dir', name, targetPath: join(h.dir, name) }).toXml() })).key;
}

/** The VM the snapshot cases share (shut off, with a qcow2 disk). */
const snapshotVm = once((h) => defineVm(h, 'c-snap'));

beforeAll(async () => {
  lab = await startLab();
  const iso = parseDomain(lab.tinyGuestXml({ name: 'iso' })).disks.find((d) => d.device === 'cdrom')?.source;
  if (iso?.type !== 'file') throw new Error('the tiny guest has no CD-ROM');
  const labDir = join(lab.dir, 'calls');
  await lab.exec('mkdir', ['-p', labDir]);
  hosts.push(
    { name: 'Demo host', connection: 'demo', lab: false, virtType: 'kvm', dir: '/var/lib/libvirt/calls', cdrom: { dev: 'sda', bus: 'sata' }, iso: '/var/lib/libvirt/iso/calls.iso' },
    { name: 'lab libvirtd', connection: 'lab', lab: true, virtType: lab.accel, dir: labDir, cdrom: { dev: 'hdc', bus: 'ide' }, iso: iso.file },
  );
  dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
  writeFileSync(join(dataDir, 'connections.json'), JSON.stringify({
    version: 1,
    connections: [{ id: 'demo', uri: 'test:///default', name: 'Demo host', autoconnect: true }, { id: 'lab', uri: lab.uri, name: 'lab libvirtd', autoconnect: true }],
  }));
  web = await startBrowserMode({ dataDir });
  api = await ApiSocket.open(web.url);
  for (const id of ['demo', 'lab']) {
    await api.waitFor((e) => e.type === 'connections.delta' && e.upserted.some((c) => c.key === id && c.state.state === 'connected'), 15_000);
    await api.waitFor((e) => e.type === 'nodedevs.reset' && e.scope.connection === id, 15_000);
  }
});

afterAll(async () => {
  await api?.close();
  await web?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  await lab?.stop();
});

for (const name of ['Demo host', 'lab libvirtd'] as const) {
  describe(name, () => {
    const host = (): Host => {
      const h = hosts.find((x) => x.name === name);
      if (!h) throw new Error(`${name} is not set up`);
      return h;
    };
    for (const c of cases) {
      it(`${c.call}: ${c.does}`, () => c.ok(host()));
      it(`${c.call}: bad input is refused, naming the field`, async () => {
        const [input, field] = await c.bad(host());
        await expect(raw(c.call, input)).rejects.toThrow(expect.objectContaining({ field, message: expect.stringMatching(new RegExp(`^${field.replace(/\./g, '\\.')}: `)) }));
      });
      it(`${c.call}: libvirt's refusal reaches the caller with its code and message`, async (ctx) => {
        const refusal = await c.refused(host());
        if (typeof refusal === 'string') {
          ctx.annotate(`no refusal: ${refusal}`);
          return;
        }
        await expect(raw(c.call, refusal.input)).rejects.toThrow(expect.objectContaining({ code: refusal.code, domain: expect.any(Number), message: expect.stringMatching(refusal.message) }));
      });
    }

    it('reset and delta events carry revisions that only grow, and a list answers at least the last one sent', async () => {
      const h = host();
      const mine = api.events.map((e) => e.event).filter((e): e is CollectionEvent => 'rev' in e && hasScope(e, h.connection));
      for (const kind of ['domains', 'networks', 'pools', 'nodedevs']) {
        const revs = mine.filter((e) => e.type.startsWith(`${kind}.`)).map((e) => e.rev);
        expect(revs.length, kind).toBeGreaterThan(kind === 'nodedevs' ? 0 : 1);
        expect(mine.some((e) => e.type === `${kind}.reset`), kind).toBe(true);
        expect(revs.every((r, i) => i === 0 || r > (revs[i - 1] ?? 0)), `${kind}: ${revs.join(' ')}`).toBe(true);
      }
      const all = api.events.map((e) => e.event).filter((e): e is CollectionEvent => 'rev' in e).map((e) => e.rev);
      expect(all.every((r, i) => i === 0 || r >= (all[i - 1] ?? 0))).toBe(true);
      expect((await api.call('domains.list', { connection: h.connection })).rev).toBeGreaterThanOrEqual(Math.max(...all));
    });
  });
}

function hasScope(e: ApiEvent, connection: string): boolean {
  return 'scope' in e && e.scope !== null && typeof e.scope === 'object' && 'connection' in e.scope && e.scope.connection === connection;
}
