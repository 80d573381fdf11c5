import { XmlElement } from '../../core/nodes.js';
import { XmlError } from '../../core/xml-error.js';
import { validateMac } from '../../validate/mac.js';
import { DomainDevice } from './device.js';

/** Where a NIC is plugged, by the interface's `type`. */
export type InterfaceSource =
  | { readonly type: 'network'; readonly network: string; readonly portgroup?: string }
  | { readonly type: 'bridge'; readonly bridge: string }
  | { readonly type: 'direct'; readonly dev: string; readonly mode?: string }
  | { readonly type: 'user' };

const interfaceOrder = [
  'start', 'mac', 'source', 'virtualport', 'ip', 'route', 'script', 'backenddomain', 'target', 'guest', 'model', 'driver',
  'backend', 'filterref', 'tune', 'teaming', 'link', 'mtu', 'bandwidth', 'vlan', 'boot', 'rom', 'coalesce', 'alias', 'address',
];

/** NIC models a user picks from (virt-manager's list); domain capabilities do not enumerate them. */
export const interfaceModels = ['virtio', 'e1000e', 'e1000', 'rtl8139', 'igb', 'virtio-transitional', 'virtio-non-transitional'] as const;
/** macvtap modes. */
export const directModes = ['vepa', 'bridge', 'private', 'passthrough'] as const;

/** `<interface>`: a NIC (network, bridge, direct/macvtap, user) with model, MAC and link state. */
export class InterfaceDevice extends DomainDevice {
  get mac(): string | undefined {
    return this.getAttr('mac@address');
  }

  set mac(mac: string | undefined) {
    if (mac !== undefined) {
      const err = validateMac(mac, this.fieldName('mac'));
      if (err !== undefined) throw err;
    }
    if (mac === undefined) this.removePath('mac');
    else this.setAttrAt('mac@address', mac.toLowerCase(), interfaceOrder);
  }

  get model(): string | undefined {
    return this.getAttr('model@type');
  }

  set model(model: string | undefined) {
    if (model === undefined) this.removePath('model');
    else this.setAttrAt('model@type', model, interfaceOrder);
  }

  /** `<link state='up|down'/>`; absent means up. */
  get linkState(): 'up' | 'down' {
    return this.getAttr('link@state') === 'down' ? 'down' : 'up';
  }

  set linkState(state: 'up' | 'down') {
    this.checkOneOf(state, ['up', 'down'], 'link.state');
    if (state === 'up' && this.element.child('link') !== undefined) this.setAttrAt('link@state', 'up');
    else if (state === 'down') this.setAttrAt('link@state', 'down', interfaceOrder);
  }

  /** Host-side tap device name, when libvirt has assigned one. */
  get targetDev(): string | undefined {
    return this.getAttr('target@dev');
  }

  get source(): InterfaceSource | undefined {
    const src = this.element.child('source');
    switch (this.type) {
      case 'network': {
        const portgroup = src?.attr('portgroup');
        return { type: 'network', network: src?.attr('network') ?? '', ...(portgroup === undefined ? {} : { portgroup }) };
      }
      case 'bridge': return { type: 'bridge', bridge: src?.attr('bridge') ?? '' };
      case 'direct': {
        const mode = src?.attr('mode');
        return { type: 'direct', dev: src?.attr('dev') ?? '', ...(mode === undefined ? {} : { mode }) };
      }
      case 'user': return { type: 'user' };
      default: return undefined;
    }
  }

  /** Re-plugs the NIC; keeps MAC, model, address and everything else. Same-type changes keep the source's other attributes. */
  set source(source: InterfaceSource) {
    const existing = this.element.child('source');
    const sameType = this.type === source.type && existing !== undefined;
    if (!sameType && existing !== undefined) this.element.removeChild(existing);
    this.element.setAttr('type', source.type);
    if (source.type === 'user') return;
    const src = sameType ? existing : new XmlElement('source');
    switch (source.type) {
      case 'network':
        if (source.network === '') throw new XmlError(this.fieldName('source.network'), 'a network name is required');
        src.setAttr('network', source.network).setAttr('portgroup', source.portgroup);
        // A network NIC's live `bridge=` attribute would point at the old network.
        src.setAttr('bridge', undefined).setAttr('portid', undefined);
        break;
      case 'bridge':
        if (source.bridge === '') throw new XmlError(this.fieldName('source.bridge'), 'a bridge name is required');
        src.setAttr('bridge', source.bridge);
        break;
      case 'direct':
        if (source.dev === '') throw new XmlError(this.fieldName('source.dev'), 'a host device is required');
        src.setAttr('dev', source.dev).setAttr('mode', source.mode ?? 'vepa');
        break;
    }
    if (!sameType) this.element.insertChild(src, interfaceOrder);
  }
}

/**
 * A random MAC in QEMU's locally administered range (52:54:00:xx:xx:xx) that `used` does not hold. Given before a
 * NIC is plugged, so the running VM and its definition carry the same address (libvirt would pick one for each).
 */
export function generateMac(used: Iterable<string>, random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const taken = new Set([...used].map((m) => m.toLowerCase()));
  for (;;) {
    const mac = ['52', '54', '00', ...[...random(3)].map((b) => b.toString(16).padStart(2, '0'))].join(':');
    if (!taken.has(mac)) return mac;
  }
}
