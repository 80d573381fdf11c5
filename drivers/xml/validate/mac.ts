import { XmlError } from '../core/xml-error.js';

const macPattern = /^[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}$/;

/** A MAC as libvirt takes it for a NIC: six colon-separated hex octets, unicast. */
export function validateMac(mac: string, field = 'mac'): XmlError | undefined {
  if (!macPattern.test(mac)) return new XmlError(field, `'${mac}' is not a MAC address (expected six hex pairs like 52:54:00:12:34:56)`);
  const first = parseInt(mac.slice(0, 2), 16);
  if ((first & 1) === 1) return new XmlError(field, `'${mac}' is a multicast address; a NIC needs a unicast MAC (first octet even)`);
  return undefined;
}
