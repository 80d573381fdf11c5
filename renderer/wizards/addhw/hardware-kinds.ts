import {
  buildCharDevice, buildController, buildDisk, buildFilesystem, buildGraphics, buildInput, buildInterface, buildMemballoon, buildPanic, buildRedirdev,
  buildHostdev, buildRng, buildSmartcard, buildSound, buildTpm, buildVideo, buildVsock, buildWatchdog, nextTargetDev, parseNodeDevice, videoModels,
  type DomainCapabilitiesXml, type DomainXml, type XmlElement,
} from '../../../drivers/xml/index.js';
import type { NetworkSummary, NodeDeviceSummary } from '../../../main/api/contract/index.js';

/** What Add Hardware offers, in virt-manager's order. */
export const hardwareKinds = [
  'storage', 'controller', 'network', 'input', 'graphics', 'sound', 'serial', 'parallel', 'console', 'channel', 'usbHost', 'pciHost', 'video',
  'watchdog', 'filesystem', 'smartcard', 'redirdev', 'tpm', 'rng', 'panic', 'vsock', 'memballoon',
] as const;
export type HardwareKind = (typeof hardwareKinds)[number];

/**
 * Kinds QEMU can plug into a running VM (libvirt's attach with AFFECT_LIVE); the rest are added to the definition
 * only. A live attach libvirt still refuses (an ISA serial port, a vsock without /dev/vhost-vsock on the host) falls
 * back to the definition, with its message. A console goes live only as a virtio console (a serial-type console is
 * the VM's first serial port); as a channel, it needs the virtio-serial controller the VM started with.
 */
const hotpluggable: ReadonlySet<HardwareKind> = new Set<HardwareKind>([
  'storage', 'controller', 'network', 'input', 'serial', 'console', 'channel', 'usbHost', 'pciHost', 'watchdog', 'filesystem', 'redirdev', 'rng',
  'vsock',
]);

export function canHotplug(kind: HardwareKind, device?: XmlElement): boolean {
  if (kind === 'console' && device !== undefined) return device.path('target')?.attr('type') === 'virtio';
  return hotpluggable.has(kind);
}

/** A device on a virtio-serial port (a virtio console, a virtio channel): QEMU plugs it only into a controller the VM has. */
export function needsVirtioSerial(kind: HardwareKind, device: XmlElement): boolean {
  return (kind === 'console' || kind === 'channel') && device.path('target')?.attr('type') === 'virtio';
}

/** Why a kind cannot be added to this VM (an i18n key under vmdevices.addhw.reason, with its values), or undefined. */
export interface Unavailable {
  readonly reason: 'notOffered' | 'noHostDevices' | 'onlyOne' | 'needsSpice';
  readonly values?: Readonly<Record<string, string>>;
}

const capsClass: Partial<Record<HardwareKind, string>> = {
  storage: 'disk', graphics: 'graphics', video: 'video', usbHost: 'hostdev', pciHost: 'hostdev', filesystem: 'filesystem', redirdev: 'redirdev',
  tpm: 'tpm', rng: 'rng', panic: 'panic', channel: 'channel',
};

/** Host PCI/USB devices a VM could take (not hubs, root ports or bridges of the host's own). */
export function hostDevicesOf(kind: 'usbHost' | 'pciHost', nodedevs: readonly NodeDeviceSummary[]): NodeDeviceSummary[] {
  const cap = kind === 'usbHost' ? 'usb_device' : 'pci';
  return nodedevs.filter((n) => n.caps.includes(cap));
}

export function unavailable(kind: HardwareKind, domain: DomainXml, caps: DomainCapabilitiesXml | undefined, nodedevs: readonly NodeDeviceSummary[]): Unavailable | undefined {
  const cls = capsClass[kind];
  // A class the host lists as unsupported is not offered; a class it does not list at all is (older libvirt lists fewer).
  if (cls !== undefined && caps?.devices[cls]?.supported === false) return { reason: 'notOffered' };
  if (kind === 'usbHost' || kind === 'pciHost') {
    const sub = caps?.deviceEnum('hostdev', 'subsysType') ?? [];
    if (sub.length > 0 && !sub.includes(kind === 'usbHost' ? 'usb' : 'pci')) return { reason: 'notOffered' };
    if (hostDevicesOf(kind, nodedevs).length === 0) return { reason: 'noHostDevices' };
  }
  const has = (name: string, pred: (e: XmlElement) => boolean = () => true): boolean => domain.devices.some((d) => d.kind === name && pred(d.element));
  if (kind === 'vsock' && has('vsock')) return { reason: 'onlyOne' };
  if (kind === 'tpm' && has('tpm')) return { reason: 'onlyOne' };
  // A VM has one balloon at most, even one of model 'none' (its page turns it on).
  if (kind === 'memballoon' && has('memballoon')) return { reason: 'onlyOne' };
  if (kind === 'redirdev' && !has('graphics', (e) => e.attr('type') === 'spice')) return { reason: 'needsSpice' };
  return undefined;
}

/** A new device of the kind with virt-manager's defaults (as narrowed by the host's capabilities), detached. */
export function newDevice(kind: HardwareKind, domain: DomainXml, caps: DomainCapabilitiesXml | undefined, networks: readonly NetworkSummary[]): XmlElement {
  const arch = domain.os?.arch ?? caps?.arch ?? 'x86_64';
  const buses = caps?.deviceEnum('disk', 'bus') ?? [];
  switch (kind) {
    case 'storage': {
      const bus = buses.length === 0 || buses.includes('virtio') ? 'virtio' : (buses[0] ?? 'virtio');
      return buildDisk({ targetDev: nextTargetDev(domain, bus), bus });
    }
    case 'controller': return buildController('scsi');
    case 'network': {
      const net = networks.find((n) => n.name === 'default') ?? networks.find((n) => n.active) ?? networks[0];
      return buildInterface({ source: net === undefined ? { type: 'user' } : { type: 'network', network: net.name } });
    }
    case 'input': return buildInput('tablet', 'usb');
    case 'graphics': {
      const types = caps?.deviceEnum('graphics', 'type') ?? [];
      return buildGraphics({ type: types.length > 0 && !types.includes('vnc') && types.includes('spice') ? 'spice' : 'vnc' });
    }
    case 'sound': return buildSound('ich9');
    case 'serial': return buildCharDevice({ kind: 'serial' });
    case 'parallel': return buildCharDevice({ kind: 'parallel' });
    case 'console': return buildCharDevice({ kind: 'console', consoleType: 'virtio' });
    case 'channel': return buildCharDevice({ kind: 'channel', source: { type: 'unix' }, name: 'org.qemu.guest_agent.0' });
    case 'video': {
      const models = caps?.deviceEnum('video', 'modelType') ?? [];
      const model = models.length === 0 || models.includes('virtio') ? 'virtio' : (videoModels.find((m) => models.includes(m)) ?? 'vga');
      return buildVideo(model);
    }
    case 'watchdog': return buildWatchdog({ model: arch === 's390x' ? undefined : 'i6300esb' });
    case 'filesystem': {
      const fs = buildFilesystem({ source: '/', target: 'share', driver: 'virtiofs' });
      // The user names the folder; '/' only satisfied the builder.
      fs.path('source')?.setAttr('dir', '');
      return fs;
    }
    case 'smartcard': return buildSmartcard(domain.graphics.some((g) => g.type === 'spice') ? 'passthrough' : 'host');
    case 'redirdev': return buildRedirdev();
    case 'tpm': {
      const models = caps?.deviceEnum('tpm', 'model') ?? [];
      // Without swtpm on the host libvirt offers only the host's own TPM (and refuses an emulated one).
      const backends = caps?.deviceEnum('tpm', 'backendModel') ?? [];
      const backend = backends.length > 0 && !backends.includes('emulator') && backends.includes('passthrough') ? 'passthrough' : 'emulator';
      return buildTpm({ model: models.length > 0 && !models.includes('tpm-crb') && models.includes('tpm-tis') ? 'tpm-tis' : 'tpm-crb', backend });
    }
    case 'rng': return buildRng();
    case 'panic': return buildPanic(arch.startsWith('ppc') ? 'pseries' : arch === 's390x' ? 's390' : 'isa');
    case 'vsock': return buildVsock();
    case 'memballoon': return buildMemballoon();
    case 'usbHost':
    case 'pciHost':
      throw new Error('host devices are built from the chosen node device');
  }
}

/** The host-side device for a new `<hostdev>`, from the node device's XML. */
export function hostdevFromNodeDevice(kind: 'usbHost' | 'pciHost', n: NodeDeviceSummary): XmlElement {
  const d = parseNodeDevice(n.xml);
  if (kind === 'usbHost') {
    const hex4 = (id: string | undefined): string => `0x${(id ?? '0').replace(/^0x/, '').padStart(4, '0')}`;
    return buildHostdev({ type: 'usb', vendor: hex4(d.vendor?.id), product: hex4(d.product?.id) });
  }
  const a = d.pciAddress;
  if (a === undefined) throw new Error(`${n.name} has no PCI address`);
  return buildHostdev({ type: 'pci', domain: a.domain, bus: a.bus, slot: a.slot, function: a.function });
}
