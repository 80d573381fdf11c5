import { XmlError } from '../../core/xml-error.js';
import { DomainDevice } from './device.js';

// Device classes whose editable surface is a model/type and a few attributes. The value lists are what
// libvirt's schema accepts for QEMU; domain capabilities narrow them where libvirt reports an enum.

export const controllerTypes = ['usb', 'scsi', 'sata', 'ide', 'fdc', 'virtio-serial', 'ccid', 'pci', 'nvme', 'xenbus'] as const;
/** Models per controller type that a user picks from (libvirt accepts more; a model outside stays as written). */
export const controllerModels: Readonly<Record<string, readonly string[]>> = {
  usb: ['qemu-xhci', 'nec-xhci', 'ich9-ehci1', 'piix3-uhci', 'piix4-uhci', 'none'],
  scsi: ['virtio-scsi', 'lsilogic', 'lsisas1068', 'lsisas1078', 'vmpvscsi', 'ibmvscsi'],
  'virtio-serial': ['virtio', 'virtio-transitional', 'virtio-non-transitional'],
  pci: ['pci-root', 'pcie-root', 'pcie-root-port', 'pci-bridge', 'pcie-to-pci-bridge', 'dmi-to-pci-bridge', 'pcie-switch-upstream-port', 'pcie-switch-downstream-port', 'pci-expander-bus', 'pcie-expander-bus'],
};

/** `<controller type=… index=… model=…>`. */
export class ControllerDevice extends DomainDevice {
  get index(): number | undefined {
    return this.intOf(this.element.attr('index'), 'index');
  }
  get model(): string | undefined {
    return this.element.attr('model');
  }
  set model(model: string | undefined) {
    this.element.setAttr('model', model === '' ? undefined : model);
  }
  /** virtio-serial: `ports=`; usb: `ports=` too (xhci). */
  get ports(): number | undefined {
    return this.intOf(this.element.attr('ports'), 'ports');
  }
  set ports(n: number | undefined) {
    if (n !== undefined) this.checkInt(n, 'ports', 1, 65535);
    this.element.setAttr('ports', n);
  }
}

export const inputTypes = ['tablet', 'mouse', 'keyboard', 'passthrough', 'evdev'] as const;
export const inputBuses = ['usb', 'virtio', 'ps2'] as const;

/** `<input type='tablet|mouse|keyboard|passthrough|evdev' bus=…>`. */
export class InputDevice extends DomainDevice {
  get bus(): string | undefined {
    return this.element.attr('bus');
  }
  set bus(bus: string | undefined) {
    if (bus !== undefined) this.checkOneOf(bus, [...inputBuses, 'xen'], 'bus');
    this.element.setAttr('bus', bus);
  }
  /** passthrough/evdev: the host event device. */
  get sourceEvdev(): string | undefined {
    return this.getAttr('source@evdev') ?? this.getAttr('source@dev');
  }
}

export const videoModels = ['virtio', 'qxl', 'vga', 'bochs', 'ramfb', 'cirrus', 'none'] as const;
const videoModelOrder = ['acceleration', 'resolution'];

/** `<video><model type=… vram=… heads=…/></video>`. */
export class VideoDevice extends DomainDevice {
  get model(): string | undefined {
    return this.getAttr('model@type');
  }
  set model(model: string | undefined) {
    this.setAttrAt('model@type', model);
  }
  /** Video RAM in KiB (qxl, vga, cirrus); undefined lets libvirt pick. */
  get vram(): number | undefined {
    return this.intOf(this.getAttr('model@vram'), 'model.vram');
  }
  set vram(kib: number | undefined) {
    if (kib !== undefined) this.checkInt(kib, 'model.vram', 1024, 4 * 1024 * 1024);
    this.setAttrAt('model@vram', kib);
  }
  get heads(): number | undefined {
    return this.intOf(this.getAttr('model@heads'), 'model.heads');
  }
  set heads(n: number | undefined) {
    if (n !== undefined) this.checkInt(n, 'model.heads', 1, 16);
    this.setAttrAt('model@heads', n);
  }
  get accel3d(): boolean {
    return this.getAttr('model/acceleration@accel3d') === 'yes';
  }
  /** 3D acceleration (virtio with SPICE GL); off removes the attribute, and the element once it is empty. */
  set accel3d(on: boolean) {
    const model = this.element.child('model');
    if (!on) {
      const acc = model?.child('acceleration');
      if (acc === undefined || model === undefined) return;
      acc.setAttr('accel3d', undefined);
      if (acc.attributes.length === 0 && acc.elements.length === 0) model.removeChild(acc);
      return;
    }
    if (this.model === undefined) throw new XmlError(this.fieldName('model.type'), 'choose a video model first');
    this.ensurePath('model').ensureChild('acceleration', videoModelOrder).setAttr('accel3d', 'yes');
  }
}

export const soundModels = ['ich9', 'ich6', 'ich7', 'ac97', 'es1370', 'sb16', 'usb', 'ich9-intel-hda'] as const;

/** `<sound model=…>`. */
export class SoundDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  set model(model: string | undefined) {
    this.element.setAttr('model', model);
  }
}

/** `<redirdev bus='usb' type='spicevmc'>`. */
export class RedirdevDevice extends DomainDevice {
  get bus(): string | undefined {
    return this.element.attr('bus');
  }
  /** spicevmc, or tcp with `<source mode='connect' host=… service=…>`. */
  get sourceHost(): string | undefined {
    return this.getAttr('source@host');
  }
  get sourceService(): string | undefined {
    return this.getAttr('source@service');
  }
}

export const filesystemDrivers = ['virtiofs', 'path', 'handle', 'loop', 'nbd'] as const;
export const filesystemAccessModes = ['passthrough', 'mapped', 'squash'] as const;
const filesystemOrder = ['driver', 'binary', 'idmap', 'source', 'target', 'readonly', 'space_hard_limit', 'space_soft_limit', 'boot', 'alias', 'address'];

/** `<filesystem>`: a host directory shared with the guest (virtiofs, 9p). */
export class FilesystemDevice extends DomainDevice {
  get accessMode(): string | undefined {
    return this.element.attr('accessmode');
  }
  set accessMode(mode: string | undefined) {
    if (mode !== undefined) this.checkOneOf(mode, filesystemAccessModes, 'accessmode');
    this.element.setAttr('accessmode', mode);
  }
  get driverType(): string | undefined {
    return this.getAttr('driver@type');
  }
  /** virtiofs needs passthrough access (libvirt refuses the others), so choosing it sets that too. */
  set driverType(driver: string | undefined) {
    if (driver !== undefined) this.checkOneOf(driver, filesystemDrivers, 'driver.type');
    if (driver === undefined) {
      this.setAttrAt('driver@type', undefined);
      return;
    }
    this.setAttrAt('driver@type', driver, filesystemOrder);
    if (driver === 'virtiofs') this.element.setAttr('accessmode', 'passthrough');
  }
  get sourceDir(): string | undefined {
    return this.getAttr('source@dir') ?? this.getAttr('source@file') ?? this.getAttr('source@name');
  }
  /** The host directory (mount filesystems); other source kinds are kept as written. */
  set sourceDir(dir: string | undefined) {
    if (dir === undefined || !dir.startsWith('/')) throw new XmlError(this.fieldName('source.dir'), 'the shared directory must be an absolute path');
    this.setAttrAt('source@dir', dir, filesystemOrder);
  }
  get targetDir(): string | undefined {
    return this.getAttr('target@dir');
  }
  /** The mount tag the guest uses. */
  set targetDir(tag: string | undefined) {
    if (tag === undefined || tag.trim() === '') throw new XmlError(this.fieldName('target.dir'), 'a mount tag is required', 'missing');
    this.setAttrAt('target@dir', tag, filesystemOrder);
  }
  get readonly(): boolean {
    return this.hasChild('readonly');
  }
  set readonly(on: boolean) {
    this.setFlagChild('readonly', on, filesystemOrder);
  }
}

export const tpmModels = ['tpm-crb', 'tpm-tis', 'tpm-spapr', 'spapr-tpm-proxy'] as const;
export const tpmBackends = ['emulator', 'passthrough', 'external'] as const;

/** `<tpm model=…><backend type='emulator|passthrough' version=…/></tpm>`. */
export class TpmDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  set model(model: string | undefined) {
    if (model !== undefined) this.checkOneOf(model, tpmModels, 'model');
    this.element.setAttr('model', model);
  }
  get backendType(): string | undefined {
    return this.getAttr('backend@type');
  }
  /** Switches the backend: an emulator gets version 2.0 unless set, a passthrough its device path. */
  set backendType(type: string | undefined) {
    if (type === undefined) throw new XmlError(this.fieldName('backend.type'), 'a TPM needs a backend', 'missing');
    this.checkOneOf(type, tpmBackends, 'backend.type');
    const b = this.ensurePath('backend');
    b.setAttr('type', type);
    if (type === 'emulator') {
      for (const d of b.childrenNamed('device')) b.removeChild(d);
      if (b.attr('version') === undefined) b.setAttr('version', '2.0');
    } else {
      b.setAttr('version', undefined);
      if (type === 'passthrough' && b.child('device') === undefined) b.ensureChild('device').setAttr('path', '/dev/tpm0');
    }
  }
  get backendVersion(): string | undefined {
    return this.getAttr('backend@version');
  }
  set backendVersion(version: string | undefined) {
    if (version !== undefined) this.checkOneOf(version, ['1.2', '2.0'], 'backend.version');
    this.setAttrAt('backend@version', version);
  }
  /** passthrough: the host TPM device. */
  get devicePath(): string | undefined {
    return this.getAttr('backend/device@path');
  }
  set devicePath(path: string | undefined) {
    if (path === undefined || !path.startsWith('/')) throw new XmlError(this.fieldName('backend.device.path'), 'the host TPM device must be an absolute path such as /dev/tpm0');
    this.setAttrAt('backend/device@path', path);
  }
}

export const rngModels = ['virtio', 'virtio-transitional', 'virtio-non-transitional'] as const;
export const rngBackends = ['random', 'egd', 'builtin'] as const;

/** `<rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>`. */
export class RngDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  set model(model: string | undefined) {
    if (model !== undefined) this.checkOneOf(model, rngModels, 'model');
    this.element.setAttr('model', model);
  }
  get backendModel(): string | undefined {
    return this.getAttr('backend@model');
  }
  get backendSource(): string | undefined {
    const t = this.getText('backend');
    return t === undefined || t.trim() === '' ? undefined : t.trim();
  }
  /** The `random` backend's host device (libvirt accepts /dev/random, /dev/urandom, /dev/hwrng). */
  set backendSource(path: string | undefined) {
    if (this.backendModel !== 'random') throw new XmlError(this.fieldName('backend'), 'only the random backend reads a host device');
    if (path !== undefined && !['/dev/random', '/dev/urandom', '/dev/hwrng'].includes(path)) {
      throw new XmlError(this.fieldName('backend'), `'${path}' is not /dev/random, /dev/urandom or /dev/hwrng`);
    }
    const b = this.ensurePath('backend');
    b.text = path ?? '';
  }
  /** Switches between the random (host device) and builtin backends; egd is kept as written. */
  setBackend(backend: 'random' | 'builtin', source = '/dev/urandom'): void {
    const b = this.ensurePath('backend');
    for (const c of b.elements) b.removeChild(c);
    b.setAttr('type', undefined).setAttr('model', backend);
    b.text = backend === 'random' ? source : '';
  }
  /** `<rate bytes=… period=…>`: at most so many bytes per period (ms). */
  get rate(): { readonly bytes: number; readonly period?: number } | undefined {
    const bytes = this.intOf(this.getAttr('rate@bytes'), 'rate.bytes');
    if (bytes === undefined) return undefined;
    const period = this.intOf(this.getAttr('rate@period'), 'rate.period');
    return { bytes, ...(period === undefined ? {} : { period }) };
  }
}

export const watchdogModels = ['i6300esb', 'ib700', 'itco', 'diag288'] as const;
export const watchdogActions = ['reset', 'shutdown', 'poweroff', 'pause', 'none', 'dump', 'inject-nmi'] as const;

/** `<watchdog model=… action=…>`. */
export class WatchdogDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  set model(model: string | undefined) {
    if (model !== undefined) this.checkOneOf(model, watchdogModels, 'model');
    this.element.setAttr('model', model);
  }
  get action(): string | undefined {
    return this.element.attr('action');
  }
  set action(action: string | undefined) {
    if (action !== undefined) this.checkOneOf(action, watchdogActions, 'action');
    this.element.setAttr('action', action);
  }
}

export const panicModels = ['isa', 'pseries', 'hyperv', 's390', 'pvpanic'] as const;

/** `<panic model=…>`. */
export class PanicDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  set model(model: string | undefined) {
    if (model !== undefined) this.checkOneOf(model, panicModels, 'model');
    this.element.setAttr('model', model);
  }
}

/** `<vsock model='virtio'><cid auto='yes' address=…/></vsock>`. */
export class VsockDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  get cidAuto(): boolean {
    return this.getAttr('cid@auto') !== 'no';
  }
  get cid(): number | undefined {
    return this.intOf(this.getAttr('cid@address'), 'cid.address');
  }
  /** A fixed guest CID (3 or more; 0–2 are reserved), or undefined for one libvirt assigns. */
  setCid(cid: number | undefined): void {
    if (cid === undefined) {
      // A running VM's live XML keeps the address libvirt chose; the definition drops it.
      this.setAttrAt('cid@auto', 'yes');
      this.setAttrAt('cid@address', undefined);
      return;
    }
    this.checkInt(cid, 'cid.address', 3, 0xfffffffe);
    this.setAttrAt('cid@auto', 'no');
    this.setAttrAt('cid@address', cid);
  }
}

export const smartcardModes = ['passthrough', 'host', 'host-certificates'] as const;

/** `<smartcard mode='host|host-certificates|passthrough'>`. */
export class SmartcardDevice extends DomainDevice {
  get mode(): string | undefined {
    return this.element.attr('mode');
  }
  /** passthrough goes through a SPICE channel (`type='spicevmc'`); host modes have no type. */
  set mode(mode: string | undefined) {
    if (mode === undefined) throw new XmlError(this.fieldName('mode'), 'a smartcard needs a mode', 'missing');
    this.checkOneOf(mode, smartcardModes, 'mode');
    this.element.setAttr('mode', mode);
    if (mode === 'passthrough') {
      if (this.element.attr('type') === undefined) this.element.setAttr('type', 'spicevmc');
    } else {
      this.element.setAttr('type', undefined);
      for (const c of this.element.childrenNamed('source')) this.element.removeChild(c);
      for (const c of this.element.childrenNamed('protocol')) this.element.removeChild(c);
    }
  }
}

export const memballoonModels = ['virtio', 'virtio-transitional', 'virtio-non-transitional', 'xen', 'none'] as const;

/** `<memballoon model=…>`, with its stats period. */
export class MemballoonDevice extends DomainDevice {
  get model(): string | undefined {
    return this.element.attr('model');
  }
  set model(model: string | undefined) {
    if (model !== undefined) this.checkOneOf(model, memballoonModels, 'model');
    this.element.setAttr('model', model);
  }
  /** Seconds between the guest's memory statistics; 0 or undefined turns them off. */
  get statsPeriod(): number | undefined {
    return this.intOf(this.getAttr('stats@period'), 'stats.period');
  }
  set statsPeriod(seconds: number | undefined) {
    if (seconds === undefined || seconds === 0) {
      this.removePath('stats');
      return;
    }
    this.checkInt(seconds, 'stats.period', 1, 86400);
    this.setAttrAt('stats@period', seconds, ['stats', 'alias', 'address', 'driver']);
  }
  get autodeflate(): boolean {
    return this.element.attr('autodeflate') === 'on';
  }
  set autodeflate(on: boolean) {
    this.element.setAttr('autodeflate', on ? 'on' : undefined);
  }
}
