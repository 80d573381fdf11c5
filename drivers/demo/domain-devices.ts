// What libvirt's domain parser adds to every device list it keeps (virDomainDefPostParse and the implicit
// devices), so that the Demo host serves the XML libvirtd's test driver does: drive addresses and the
// controllers they name, a console for the first serial (or a serial for a console), graphics listens, video
// memory defaults, and libvirt's order of device kinds.
import type { XmlElement } from '../xml/index.js';
import { element, setAttrFirst } from './xml-access.js';

/** libvirt's order of device kinds in <devices> (virDomainDefFormatInternal); others keep their place, last. */
const DEVICE_ORDER = [
  'emulator', 'disk', 'controller', 'lease', 'filesystem', 'interface', 'smartcard', 'serial', 'parallel', 'console',
  'channel', 'input', 'tpm', 'graphics', 'sound', 'audio', 'video', 'hostdev', 'redirdev', 'redirfilter', 'hub',
  'watchdog', 'memballoon', 'rng', 'panic', 'shmem', 'memory', 'iommu', 'vsock', 'crypto',
];

/** libvirt's order of a disk's and an interface's children (virDomainDiskDefFormat, virDomainNetDefFormat). */
const DISK_ORDER = [
  'driver', 'source', 'backingStore', 'backenddomain', 'geometry', 'blockio', 'mirror', 'target', 'iotune', 'boot',
  'readonly', 'shareable', 'transient', 'serial', 'wwn', 'vendor', 'product', 'encryption', 'alias', 'address',
];
const INTERFACE_ORDER = [
  'mac', 'source', 'vlan', 'virtualport', 'ip', 'route', 'script', 'downscript', 'backenddomain', 'target', 'guest',
  'model', 'driver', 'backend', 'filterref', 'tune', 'teaming', 'link', 'mtu', 'coalesce', 'boot', 'rom', 'alias', 'address',
];

/** Controllers per bus: units per controller and buses per controller (virDomainDiskDefAssignAddress). */
const DRIVE_BUSES: Readonly<Record<string, { units: number; buses: number }>> = {
  ide: { units: 2, buses: 2 },
  fdc: { units: 2, buses: 1 },
  scsi: { units: 7, buses: 1 },
  sata: { units: 6, buses: 1 },
};

/** The order libvirt adds implicit disk controllers in (virDomainDefAddImplicitControllers). */
const IMPLICIT_CONTROLLERS = ['scsi', 'fdc', 'ide', 'sata'];

/** 'sda' → 0, 'hdc' → 2, 'sdaa' → 26 (virDiskNameToIndex); -1 when the name has no letters after its prefix. */
export function diskIndex(dev: string): number {
  const m = /^(?:fd|hd|vd|sd|xvd|ubd)([a-z]+)/.exec(dev);
  if (!m?.[1]) return -1;
  let idx = 0;
  for (const ch of m[1]) idx = idx * 26 + (ch.charCodeAt(0) - 96);
  return idx - 1;
}

export function completeDevices(def: XmlElement): void {
  const devices = def.child('devices');
  if (!devices) {
    def.children.push(element('devices'));
    return;
  }
  addDriveAddresses(devices);
  addImplicitControllers(devices);
  addConsoleCompat(devices);
  for (const g of devices.childrenNamed('graphics')) addGraphicsListen(g);
  for (const [i, v] of devices.childrenNamed('video').entries()) completeVideo(v, i === 0);
  for (const d of devices.childrenNamed('disk')) orderChildren(d, DISK_ORDER);
  for (const n of devices.childrenNamed('interface')) orderChildren(n, INTERFACE_ORDER);
  orderDevices(devices);
}

function addDriveAddresses(devices: XmlElement): void {
  for (const disk of devices.childrenNamed('disk')) {
    if (disk.child('address')) continue;
    const target = disk.child('target');
    const bus = target?.attr('bus');
    const geometry = bus === undefined ? undefined : DRIVE_BUSES[bus];
    const idx = diskIndex(target?.attr('dev') ?? '');
    if (!geometry || idx < 0) continue;
    const perController = geometry.units * geometry.buses;
    disk.children.push(element('address', {
      type: 'drive',
      controller: String(Math.floor(idx / perController)),
      bus: String(Math.floor((idx % perController) / geometry.units)),
      target: '0',
      unit: String(idx % geometry.units),
    }));
  }
}

function addImplicitControllers(devices: XmlElement): void {
  for (const type of IMPLICIT_CONTROLLERS) {
    let max = -1;
    for (const disk of devices.childrenNamed('disk')) {
      const address = disk.child('address');
      if (disk.child('target')?.attr('bus') !== type || address?.attr('type') !== 'drive') continue;
      max = Math.max(max, Number(address.attr('controller') ?? 0));
    }
    for (let index = 0; index <= max; index++) {
      const exists = devices.childrenNamed('controller').some((c) => c.attr('type') === type && Number(c.attr('index') ?? 0) === index);
      if (exists) continue;
      // After the last controller of that type, else after all controllers (virDomainControllerInsertPreAlloced).
      const controllers = devices.childrenNamed('controller');
      const sameType = controllers.filter((c) => c.attr('type') === type);
      const after = sameType[sameType.length - 1] ?? controllers[controllers.length - 1];
      const el = element('controller', { type, index: String(index) });
      if (after) devices.children.splice(devices.children.indexOf(after) + 1, 0, el);
      else devices.children.push(el);
    }
  }
}

/** The first serial port is also the first console, and a serial-type console implies a serial port. */
function addConsoleCompat(devices: XmlElement): void {
  const serial = devices.child('serial');
  const console = devices.child('console');
  if (serial && !console) {
    const c = serial.clone();
    c.name = 'console';
    c.children = c.children.filter((n) => !(n.kind === 'element' && (n.name === 'target' || n.name === 'alias' || n.name === 'address')));
    c.children.push(element('target', { type: 'serial', port: serial.child('target')?.attr('port') ?? '0' }));
    devices.children.push(c);
  } else if (console && !serial) {
    const target = console.child('target');
    if ((target?.attr('type') ?? 'serial') !== 'serial') return;
    if (target && !target.hasAttr('type')) setAttrFirst(target, 'type', 'serial');
    if (target && !target.hasAttr('port')) target.setAttr('port', '0');
    const s = console.clone();
    s.name = 'serial';
    s.children = s.children.filter((n) => !(n.kind === 'element' && (n.name === 'target' || n.name === 'alias')));
    s.children.push(element('target', { port: target?.attr('port') ?? '0' }));
    devices.children.splice(devices.children.indexOf(console), 0, s);
  }
}

function addGraphicsListen(g: XmlElement): void {
  const type = g.attr('type');
  if ((type !== 'vnc' && type !== 'spice' && type !== 'rdp') || g.child('listen') || g.attr('socket') !== undefined) return;
  const address = g.attr('listen');
  g.children.unshift(element('listen', address === undefined ? { type: 'address' } : { type: 'address', address }));
}

/** Video RAM defaults by model (virDomainVideoDefaultRAM) and the primary flag of the first video. */
const VIDEO_VRAM: Readonly<Record<string, string>> = { vga: '16384', cirrus: '16384', vmvga: '16384', qxl: '65536', bochs: '16384' };
const MODEL_ATTR_ORDER = ['type', 'ram', 'vram', 'vram64', 'vgamem', 'heads', 'primary'];

function completeVideo(video: XmlElement, first: boolean): void {
  const model = video.child('model');
  if (!model) return;
  const type = model.attr('type') ?? '';
  if (type === 'qxl' && !model.hasAttr('ram')) model.setAttr('ram', '65536');
  const vram = VIDEO_VRAM[type];
  if (vram !== undefined && !model.hasAttr('vram')) model.setAttr('vram', vram);
  if (first && model.attr('primary') === undefined) model.setAttr('primary', 'yes');
  const rank = (name: string): number => {
    const i = MODEL_ATTR_ORDER.indexOf(name);
    return i < 0 ? MODEL_ATTR_ORDER.length : i;
  };
  model.attributes.sort((a, b) => rank(a.name) - rank(b.name));
}

/** Stable sort of the device list into libvirt's order of kinds. */
export function orderDevices(devices: XmlElement): void {
  orderChildren(devices, DEVICE_ORDER);
}

/** Stable sort of an element's children into `order`; others keep their place, after the known ones. */
export function orderChildren(el: XmlElement, order: readonly string[]): void {
  const rank = (n: XmlElement['children'][number]): number => {
    const i = n.kind === 'element' ? order.indexOf(n.name) : -1;
    return i < 0 ? order.length : i;
  };
  el.children = el.children.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}
