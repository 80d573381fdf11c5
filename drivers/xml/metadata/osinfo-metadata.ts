// The OS a VM was made for, as virt-install and virt-manager record it for libosinfo:
//   <libosinfo:libosinfo xmlns:libosinfo="http://libosinfo.org/xmlns/libvirt/domain/1.0"><libosinfo:os id="…"/>
import type { DomainXml } from '../domain/domain.js';

export const LIBOSINFO_NS = 'http://libosinfo.org/xmlns/libvirt/domain/1.0';

/** The osinfo-db id (e.g. http://debian.org/debian/12), or undefined. */
export function readOsId(domain: DomainXml): string | undefined {
  const el = domain.metadata(LIBOSINFO_NS);
  return el?.elements.find((e) => e.name.endsWith(':os') || e.name === 'os')?.attr('id');
}
