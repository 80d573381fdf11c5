// The OS a VM was made for, as virt-install and virt-manager record it for libosinfo:
//   <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0"><libosinfo:os id="…"/>
import { XmlElement } from '../core/nodes.js';
import type { DomainXml } from '../domain/domain.js';

export const LIBOSINFO_NS = 'http://libosinfo.org/xmlns/libvirt/domain/1.0';

/** The osinfo-db id (e.g. http://debian.org/debian/12), or undefined. */
export function readOsId(domain: DomainXml): string | undefined {
  const el = domain.metadata(LIBOSINFO_NS);
  return el?.elements.find((e) => e.name.endsWith(':os') || e.name === 'os')?.attr('id');
}

/**
 * Records the OS (an osinfo-db id) in the metadata, as virt-install does; undefined removes it. The libosinfo element
 * and anything else in it are kept; only its `<os id>` changes.
 */
export function setOsId(domain: DomainXml, id: string | undefined): void {
  const el = domain.metadata(LIBOSINFO_NS);
  const os = el?.elements.find((e) => e.name.endsWith(':os') || e.name === 'os');
  if (id === undefined) {
    if (el === undefined || os === undefined) return;
    el.removeChild(os);
    if (el.elements.length === 0) {
      const md = domain.element.child('metadata');
      md?.removeChild(el);
      if (md !== undefined && md.elements.length === 0) domain.element.removeChild(md);
    }
    return;
  }
  if (os !== undefined) {
    os.setAttr('id', id);
    return;
  }
  if (el !== undefined) {
    const prefix = el.name.includes(':') ? `${el.name.slice(0, el.name.indexOf(':'))}:` : '';
    el.insertChild(XmlElement.create(`${prefix}os`, { id }));
    return;
  }
  const md = XmlElement.create('libosinfo:libosinfo', { 'xmlns:libosinfo': LIBOSINFO_NS });
  md.insertChild(XmlElement.create('libosinfo:os', { id }));
  domain.setMetadata(md);
}
