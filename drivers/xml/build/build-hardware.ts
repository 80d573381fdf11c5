import { XmlElement } from '../core/nodes.js';
import { XmlError } from '../core/xml-error.js';
import { validateUuid } from '../validate/uuid.js';

// New devices for the "add hardware" wizard, one builder per device class virt-manager offers.
// Each returns a detached element for DomainXml.addDevice; libvirt fills in addresses and defaults.

const el = XmlElement.create;

function withChildren(parent: XmlElement, ...children: (XmlElement | undefined)[]): XmlElement {
  for (const c of children) if (c !== undefined) parent.insertChild(c);
  return parent;
}

export interface GraphicsSpec {
  readonly type: 'vnc' | 'spice';
  /** Listen address (default 127.0.0.1), 'none', or a unix socket path. */
  readonly listen?: { readonly address: string } | { readonly socket: string } | 'none';
  /** Fixed port; default autoport. */
  readonly port?: number;
  readonly passwd?: string;
}

export function buildGraphics(spec: GraphicsSpec): XmlElement {
  if (spec.port !== undefined && (!Number.isInteger(spec.port) || spec.port < 1 || spec.port > 65535)) {
    throw new XmlError('graphics.port', `port must be 1–65535, got ${spec.port}`);
  }
  const g = el('graphics', { type: spec.type, port: spec.port, autoport: spec.port === undefined ? 'yes' : 'no', passwd: spec.passwd });
  const l = spec.listen ?? { address: '127.0.0.1' };
  const listen = l === 'none' ? el('listen', { type: 'none' }) : 'socket' in l ? el('listen', { type: 'socket', socket: l.socket }) : el('listen', { type: 'address', address: l.address });
  return withChildren(g, listen);
}

export function buildVideo(model: 'virtio' | 'qxl' | 'vga' | 'bochs' | 'ramfb' | 'cirrus' | 'none' = 'virtio'): XmlElement {
  return withChildren(el('video'), el('model', { type: model }));
}

export function buildSound(model: 'ich9' | 'ich6' | 'ac97' | 'es1370' | 'sb16' | 'usb' = 'ich9'): XmlElement {
  return el('sound', { model });
}

export function buildInput(type: 'tablet' | 'mouse' | 'keyboard', bus: 'usb' | 'virtio' | 'ps2' = 'usb'): XmlElement {
  return el('input', { type, bus });
}

/** A serial port, console or channel on a pty, unix socket or file. */
export interface CharSpec {
  readonly kind: 'serial' | 'console' | 'parallel' | 'channel';
  readonly source?: { readonly type: 'pty' } | { readonly type: 'unix'; readonly path?: string } | { readonly type: 'file'; readonly path: string } | { readonly type: 'spicevmc' };
  /** Channel target name (e.g. org.qemu.guest_agent.0); channels are virtio. */
  readonly name?: string;
  /** Console target type: serial (default) or virtio. */
  readonly consoleType?: 'serial' | 'virtio';
}

export function buildCharDevice(spec: CharSpec): XmlElement {
  const src = spec.source ?? { type: 'pty' };
  const dev = el(spec.kind, { type: src.type });
  if (src.type === 'unix') dev.insertChild(el('source', { mode: 'bind', path: src.path }));
  if (src.type === 'file') dev.insertChild(el('source', { path: src.path }));
  if (spec.kind === 'channel') {
    if (spec.name === undefined && src.type !== 'spicevmc') throw new XmlError('channel.target.name', 'a channel needs a name (e.g. org.qemu.guest_agent.0)', 'missing');
    dev.insertChild(el('target', { type: 'virtio', name: spec.name ?? 'com.redhat.spice.0' }));
  } else if (spec.kind === 'console') {
    dev.insertChild(el('target', { type: spec.consoleType ?? 'serial' }));
  }
  return dev;
}

export type HostdevSpec =
  | { readonly type: 'usb'; readonly vendor: string; readonly product: string }
  | { readonly type: 'pci'; readonly domain?: number; readonly bus: number; readonly slot: number; readonly function: number }
  | { readonly type: 'mdev'; readonly uuid: string; readonly model?: 'vfio-pci' | 'vfio-ccw' | 'vfio-ap' };

const hex = (n: number, width: number): string => `0x${n.toString(16).padStart(width, '0')}`;

export function buildHostdev(spec: HostdevSpec): XmlElement {
  switch (spec.type) {
    case 'usb': {
      for (const [k, v] of [['vendor', spec.vendor], ['product', spec.product]] as const) {
        if (!/^0x[0-9a-fA-F]{4}$/.test(v)) throw new XmlError(`hostdev.source.${k}.id`, `'${v}' is not a USB id like 0x1d6b`);
      }
      const src = withChildren(el('source'), el('vendor', { id: spec.vendor }), el('product', { id: spec.product }));
      return withChildren(el('hostdev', { mode: 'subsystem', type: 'usb', managed: 'yes' }), src);
    }
    case 'pci': {
      const addr = el('address', { domain: hex(spec.domain ?? 0, 4), bus: hex(spec.bus, 2), slot: hex(spec.slot, 2), function: hex(spec.function, 1) });
      return withChildren(el('hostdev', { mode: 'subsystem', type: 'pci', managed: 'yes' }), withChildren(el('source'), addr));
    }
    case 'mdev': {
      const err = validateUuid(spec.uuid, 'hostdev.source.address.uuid');
      if (err !== undefined) throw err;
      return withChildren(el('hostdev', { mode: 'subsystem', type: 'mdev', model: spec.model ?? 'vfio-pci' }), withChildren(el('source'), el('address', { uuid: spec.uuid })));
    }
  }
}

export function buildRedirdev(): XmlElement {
  return el('redirdev', { bus: 'usb', type: 'spicevmc' });
}

export interface FilesystemSpec {
  readonly source: string;
  /** Mount tag seen by the guest. */
  readonly target: string;
  /** virtiofs needs shared memory backing; 9p (path) does not. */
  readonly driver?: 'virtiofs' | 'path';
  readonly readonly?: boolean;
}

export function buildFilesystem(spec: FilesystemSpec): XmlElement {
  if (!spec.source.startsWith('/')) throw new XmlError('filesystem.source.dir', 'the shared directory must be an absolute path');
  if (spec.target === '') throw new XmlError('filesystem.target.dir', 'a mount tag is required', 'missing');
  const driver = spec.driver ?? 'path';
  const fs = el('filesystem', { type: 'mount', accessmode: driver === 'virtiofs' ? 'passthrough' : 'mapped' });
  return withChildren(fs, el('driver', { type: driver }), el('source', { dir: spec.source }), el('target', { dir: spec.target }), spec.readonly === true ? el('readonly') : undefined);
}

export function buildTpm(spec: { readonly model?: 'tpm-crb' | 'tpm-tis'; readonly backend?: 'emulator' | 'passthrough'; readonly device?: string } = {}): XmlElement {
  const backend = spec.backend ?? 'emulator';
  const b = el('backend', { type: backend, version: backend === 'emulator' ? '2.0' : undefined });
  if (backend === 'passthrough') b.insertChild(el('device', { path: spec.device ?? '/dev/tpm0' }));
  return withChildren(el('tpm', { model: spec.model ?? 'tpm-crb' }), b);
}

export function buildRng(source = '/dev/urandom'): XmlElement {
  return withChildren(el('rng', { model: 'virtio' }), el('backend', { model: 'random' }, source));
}

export function buildWatchdog(spec: { readonly model?: 'i6300esb' | 'ib700' | 'itco'; readonly action?: 'reset' | 'shutdown' | 'poweroff' | 'pause' | 'none' | 'dump' | 'inject-nmi' } = {}): XmlElement {
  return el('watchdog', { model: spec.model ?? 'i6300esb', action: spec.action ?? 'reset' });
}

export function buildPanic(model: 'isa' | 'pseries' | 'hyperv' | 's390' = 'isa'): XmlElement {
  return el('panic', { model });
}

export function buildVsock(cid?: number): XmlElement {
  if (cid !== undefined && (!Number.isInteger(cid) || cid < 3)) throw new XmlError('vsock.cid.address', 'a guest CID is an integer of 3 or more');
  return withChildren(el('vsock', { model: 'virtio' }), el('cid', cid === undefined ? { auto: 'yes' } : { auto: 'no', address: cid }));
}

export function buildSmartcard(mode: 'passthrough' | 'host' = 'passthrough'): XmlElement {
  return mode === 'passthrough' ? el('smartcard', { mode, type: 'spicevmc' }) : el('smartcard', { mode });
}

export function buildController(type: 'usb' | 'scsi' | 'virtio-serial' | 'sata', model?: string): XmlElement {
  return el('controller', { type, model: model ?? (type === 'usb' ? 'qemu-xhci' : type === 'scsi' ? 'virtio-scsi' : undefined) });
}

export function buildMemballoon(model: 'virtio' | 'virtio-transitional' | 'virtio-non-transitional' = 'virtio'): XmlElement {
  return el('memballoon', { model });
}
