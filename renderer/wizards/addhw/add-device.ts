import {
  deviceView, generateMac, hasSharedMemory, InterfaceDevice, newDocument, parseDomain, type DomainXml, type XmlElement,
} from '../../../drivers/xml/index.js';
import type { CallInput, CallName, CallResults } from '../../../main/api/contract/index.js';
import { canHotplug, type HardwareKind } from './hardware-kinds.js';

/** The calls adding a device makes (the renderer's API port, or a test's API socket). */
export interface DeviceCalls {
  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResults[C]>;
}

/** How a device went in: plugged into the running VM and its definition, or into the definition only, and why. */
export type AddOutcome =
  | { readonly how: 'live' }
  | { readonly how: 'config'; readonly why?: 'notHotpluggable' | 'sharedMemory' | 'refused'; readonly message?: string };

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
 * Adds the device: hot-plugged (live only) while the VM runs where QEMU can, then written into the definition by
 * redefining it with the device added (libvirt's persistent attach does not take every kind: QEMU's refuses
 * graphics, for one), only if the definition is still the one read. A live plug libvirt refuses changes nothing,
 * and the definition still takes the device (as virt-manager does), with libvirt's message kept for the user.
 */
export async function addDevice(api: DeviceCalls, r: AddRequest): Promise<AddOutcome> {
  const nic = deviceView(r.device, 'new');
  // One MAC for both the live and the persistent copy (each call would otherwise get its own from libvirt).
  if (nic instanceof InterfaceDevice && nic.mac === undefined) nic.mac = generateMac(r.base.domain.interfaces.flatMap((i) => (i.mac === undefined ? [] : [i.mac])));
  const next = parseDomain(r.working.toXml());
  next.addDevice(r.device.clone());
  const sharedNow = hasSharedMemory(r.working) && !hasSharedMemory(r.base.domain);
  let outcome: AddOutcome;
  if (!r.running) {
    outcome = { how: 'config' };
  } else if (sharedNow) {
    // virtiofs with memory newly shared: the running VM's memory is not, so it gets both at its next start.
    outcome = { how: 'config', why: 'sharedMemory' };
  } else if (!canHotplug(r.kind)) {
    outcome = { how: 'config', why: 'notHotpluggable' };
  } else {
    try {
      const xml = newDocument(r.device.clone()).toXml();
      await api.call('domains.attachDevice', { connection: r.connection, key: r.uuid, xml, affect: { live: true, config: false } });
      outcome = { how: 'live' };
    } catch (e) {
      outcome = { how: 'config', why: 'refused', message: e instanceof Error ? e.message : String(e) };
    }
  }
  await api.call('domains.define', { connection: r.connection, xml: next.toXml(), base: r.base.xml });
  return outcome;
}
