import { XmlError } from '../core/xml-error.js';

/** What a name is for: the rules are libvirt's, which differ a little per object. */
export type NamedObject = 'domain' | 'network' | 'pool' | 'volume' | 'snapshot';

/**
 * Checks an object name by libvirt's rules: not empty, no '/' (names become file names under
 * /etc/libvirt and /var/lib/libvirt), no line breaks or control characters, at most 255 bytes.
 * Returns the error rather than throwing, for forms; models throw it.
 */
export function validateName(name: string, what: NamedObject = 'domain', field = 'name'): XmlError | undefined {
  if (name.length === 0 || name.trim().length === 0) return new XmlError(field, `a ${what} name cannot be empty`);
  if (name.includes('/')) return new XmlError(field, `a ${what} name cannot contain '/'`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return new XmlError(field, `a ${what} name cannot contain line breaks or control characters`);
  if (name === '.' || name === '..') return new XmlError(field, `'${name}' is not a valid ${what} name`);
  if (new TextEncoder().encode(name).length > 255) return new XmlError(field, `a ${what} name can be at most 255 bytes long`);
  if (what === 'network' && name.length > 0 && /\s/.test(name)) return new XmlError(field, 'a network name cannot contain whitespace');
  return undefined;
}
