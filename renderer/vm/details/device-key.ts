// Which device is which, across two definitions of one VM (the persistent one and the running one, the one an edit
// started from and the host's newer one): a key from what libvirt itself identifies a device by, never its position
// alone — a disk by its target, a NIC by its MAC, a controller by its type and index — and the position among its
// kind only where the device has nothing better.
import type { XmlElement } from '../../../drivers/xml/index.js';

function attrsOf(el: XmlElement | undefined): string {
  if (el === undefined) return '';
  return el.attributes.map((a) => `${a.name}=${el.attr(a.name) ?? ''}`).sort().join(',');
}

/** What identifies a device of this element's kind, or undefined when only its position does. */
function identity(el: XmlElement): string | undefined {
  const target = el.child('target');
  switch (el.name) {
    case 'disk': return target?.attr('dev');
    case 'interface': return el.child('mac')?.attr('address')?.toLowerCase();
    case 'controller': return `${el.attr('type') ?? ''}:${el.attr('index') ?? '0'}`;
    case 'serial':
    case 'parallel':
    case 'console':
      return target?.attr('port') === undefined ? undefined : `${target.attr('type') ?? ''}:${target.attr('port') ?? ''}`;
    case 'channel': return target?.attr('name') ?? (target?.attr('port') === undefined ? undefined : `port:${target.attr('port') ?? ''}`);
    case 'graphics': return el.attr('type');
    case 'input': return `${el.attr('type') ?? ''}:${el.attr('bus') ?? ''}`;
    case 'hostdev': {
      const source = el.child('source');
      const at = attrsOf(source?.child('address'));
      const ids = `${source?.child('vendor')?.attr('id') ?? ''}:${source?.child('product')?.attr('id') ?? ''}`;
      return at !== '' ? at : ids !== ':' ? ids : undefined;
    }
    case 'filesystem': return target?.attr('dir');
    case 'redirdev': return el.attr('bus') === undefined ? undefined : `${el.attr('bus') ?? ''}:${attrsOf(el.child('address'))}`;
    default: return undefined;
  }
}

/**
 * Keys for the devices of a `<devices>` element (in document order, `<emulator>` left out): `kind:identity`, or
 * `kind#n` (n-th of its kind) for devices with no identity of their own; a repeated key gets `#n` added.
 */
export function deviceKeys(devices: readonly XmlElement[]): string[] {
  const ordinal = new Map<string, number>();
  const seen = new Map<string, number>();
  return devices.map((el) => {
    const n = ordinal.get(el.name) ?? 0;
    ordinal.set(el.name, n + 1);
    const id = identity(el);
    const base = id === undefined || id === '' ? `${el.name}#${n}` : `${el.name}:${id}`;
    const dup = seen.get(base) ?? 0;
    seen.set(base, dup + 1);
    return dup === 0 ? base : `${base}#${dup}`;
  });
}

/** The device elements of a domain element, in document order (without `<emulator>`). */
export function deviceElements(domain: XmlElement): XmlElement[] {
  return (domain.child('devices')?.elements ?? []).filter((e) => e.name !== 'emulator');
}

/** A domain's devices by key. */
export function devicesByKey(domain: XmlElement): Map<string, XmlElement> {
  const els = deviceElements(domain);
  const keys = deviceKeys(els);
  return new Map(keys.map((k, i) => [k, els[i] as XmlElement]));
}

/** The key of one device element of a domain (undefined when it is not one of its devices). */
export function keyOfDevice(domain: XmlElement, device: XmlElement): string | undefined {
  const els = deviceElements(domain);
  const i = els.indexOf(device);
  return i < 0 ? undefined : deviceKeys(els)[i];
}
