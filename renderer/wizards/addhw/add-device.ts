import {
  deviceView, generateMac, hasSharedMemory, InterfaceDevice, newDocument, parseDomain, type DomainXml, type XmlElement,
} from '../../../drivers/xml/index.js';
import type { CallInput, CallName, CallResults } from '../../../main/api/contract/index.js';
import { canHotplug, needsVirtioSerial, type HardwareKind } from './hardware-kinds.js';

/** The calls adding a device makes (the renderer's API port, or a test's API socket). */
export interface DeviceCalls {
  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResults[C]>;
}

/** How a device went in: plugged into the running VM and its definition, or into the definition only, and why. */
export type AddOutcome =
  | { readonly how: 'live' }
  | {
    readonly how: 'config';
    readonly why?: 'notHotpluggable' | 'sharedMemory' | 'noVirtioSerial' | 'refused';
    /** libvirt's refusal of the live plug, as it came. */
    readonly message?: string;
    /** What that refusal means, where it is known (an i18n key under vmdevices.addhw.hint). */
    readonly hint?: RefusalHint;
  };

export type RefusalHint = 'vhostVsock' | 'isaBus';

/** Known live refusals: vsock needs the host's /dev/vhost-vsock; nothing can be plugged into an ISA bus. */
export function refusalHint(kind: HardwareKind, message: string): RefusalHint | undefined {
  if (kind === 'vsock' && /vhost-vsock/.test(message)) return 'vhostVsock';
  if ((kind === 'serial' || kind === 'parallel') && /\bisa\b/i.test(message)) return 'isaBus';
  return undefined;
}

export interface AddRequest {
  readonly connection: string;
  readonly uuid: string;
  readonly running: boolean;
  readonly kind: HardwareKind;
  readonly device: XmlElement;
  /** The definition as read, and the working copy (which may have gained shared memory for virtiofs). */
  readonly base: { readonly xml: string; readonly domain: DomainXml };
  readonly working: DomainXml;
}

/**
 * Adds the device: first written into the definition by redefining it with the device added (libvirt's persistent
 * attach does not take every kind: QEMU's refuses graphics, for one), only if the definition is still the one read;
 * then, while the VM runs and where QEMU can, hot-plugged (live only). A definition libvirt refuses leaves nothing
 * plugged; a live plug libvirt refuses changes nothing live, and the definition keeps the device (as virt-manager
 * does), with libvirt's message, and what it means where that is known, kept for the user.
 */
export async function addDevice(api: DeviceCalls, r: AddRequest): Promise<AddOutcome> {
  const nic = deviceView(r.device, 'new');
  // One MAC for both the live and the persistent copy (each call would otherwise get its own from libvirt).
  if (nic instanceof InterfaceDevice && nic.mac === undefined) nic.mac = generateMac(r.base.domain.interfaces.flatMap((i) => (i.mac === undefined ? [] : [i.mac])));
  const next = parseDomain(r.working.toXml());
  next.addDevice(r.device.clone());
  const live = r.running && needsVirtioSerial(r.kind, r.device)
    ? parseDomain((await api.call('domains.xml', { connection: r.connection, key: r.uuid, inactive: false, secure: false })).xml)
    : undefined;
  const configOnly = configOnlyReason(r, live);
  await api.call('domains.define', { connection: r.connection, xml: next.toXml(), base: r.base.xml });
  if (configOnly !== undefined) return configOnly;
  try {
    const xml = newDocument(r.device.clone()).toXml();
    await api.call('domains.attachDevice', { connection: r.connection, key: r.uuid, xml, affect: { live: true, config: false } });
    return { how: 'live' };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const hint = refusalHint(r.kind, message);
    return { how: 'config', why: 'refused', message, ...(hint === undefined ? {} : { hint }) };
  }
}

/** The reasons a device goes into the definition only, known before any live plug is tried. */
export type ConfigOnly = Extract<AddOutcome, { how: 'config' }>;

/**
 * Why the device will go into the definition only, or undefined when it is to be plugged in live (which libvirt
 * may still refuse). `live` is the running VM's live definition, needed for a port on a virtio-serial controller.
 */
export function configOnlyReason(r: Pick<AddRequest, 'running' | 'kind' | 'device' | 'base' | 'working'>, live: DomainXml | undefined): ConfigOnly | undefined {
  if (!r.running) return { how: 'config' };
  // virtiofs with memory newly shared: the running VM's memory is not, so it gets both at its next start.
  if (hasSharedMemory(r.working) && !hasSharedMemory(r.base.domain)) return { how: 'config', why: 'sharedMemory' };
  if (!canHotplug(r.kind, r.device)) return { how: 'config', why: 'notHotpluggable' };
  // libvirt cannot hot-plug a virtio-serial controller: without one the port waits for the next start.
  if (needsVirtioSerial(r.kind, r.device) && live !== undefined && !live.devices.some((d) => d.kind === 'controller' && d.element.attr('type') === 'virtio-serial')) {
    return { how: 'config', why: 'noVirtioSerial' };
  }
  return undefined;
}
