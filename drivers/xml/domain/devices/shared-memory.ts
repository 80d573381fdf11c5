import type { DomainXml } from '../domain.js';
import { domainOrder } from '../domain.js';

// virtiofs needs the guest's RAM shared with the virtiofsd process: libvirt refuses to start a VM with a
// virtiofs filesystem unless its memory backing is shared (memfd or a shared NUMA cell).

/** The domain's memory is shared (`<memoryBacking><access mode='shared'/>`, or a NUMA cell with memAccess='shared'). */
export function hasSharedMemory(domain: DomainXml): boolean {
  const el = domain.element;
  if (el.path('memoryBacking/access')?.attr('mode') === 'shared') return true;
  return (el.path('cpu/numa')?.childrenNamed('cell') ?? []).some((c) => c.attr('memAccess') === 'shared');
}

/** Shares the memory as virt-manager does: memfd source, shared access; other memoryBacking settings stay. */
export function enableSharedMemory(domain: DomainXml): void {
  if (hasSharedMemory(domain)) return;
  const mb = domain.element.ensureChild('memoryBacking', domainOrder);
  const order = ['hugepages', 'nosharepages', 'locked', 'source', 'access', 'allocation', 'discard'];
  if (mb.child('source') === undefined) mb.ensureChild('source', order).setAttr('type', 'memfd');
  mb.ensureChild('access', order).setAttr('mode', 'shared');
}
