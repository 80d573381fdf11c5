import type { DomainXml } from '../domain.js';

/** The guest device name prefix per disk bus, as libvirt and QEMU name them. */
export function targetPrefix(bus: string): string {
  switch (bus) {
    case 'virtio': return 'vd';
    case 'ide': return 'hd';
    case 'fdc': return 'fd';
    case 'xen': return 'xvd';
    default: return 'sd';
  }
}

/** `a`…`z`, `aa`…: the suffix libvirt gives the n-th disk of a prefix. */
function suffix(n: number): string {
  let s = '';
  let i = n;
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return s;
}

/** The first free target name on `bus` (vda, vdb…) among the domain's disks, skipping `except` (a disk being renamed). */
export function nextTargetDev(domain: DomainXml, bus: string, except?: string): string {
  const used = new Set(domain.disks.map((d) => d.targetDev).filter((t) => t !== undefined && t !== except));
  const prefix = targetPrefix(bus);
  for (let n = 0; ; n++) {
    const name = prefix + suffix(n);
    if (!used.has(name)) return name;
  }
}
