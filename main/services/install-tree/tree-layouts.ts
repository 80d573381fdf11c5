// Where install trees without a .treeinfo keep their boot kernel and initrd: the layouts osinfo-db's <tree> and
// <media> entries name, by distribution family. Tried in order after .treeinfo; the first pair that answers wins.

export interface TreeLayout {
  /** For the user, in "what was tried". */
  readonly name: string;
  readonly kernel: string;
  readonly initrd: string;
}

/** Debian's and Ubuntu's names for libvirt's architectures. */
const DEBIAN_ARCH: Readonly<Record<string, string>> = { x86_64: 'amd64', i686: 'i386', aarch64: 'arm64', ppc64le: 'ppc64el', s390x: 's390x' };
/** Debian CD trees' install.<short>/ folders. */
const DEBIAN_CD: Readonly<Record<string, string>> = { x86_64: 'amd', i686: '386', aarch64: 'a64' };

/** The layouts worth trying for `arch` (libvirt's name), most common first. */
export function treeLayouts(arch: string): TreeLayout[] {
  const out: TreeLayout[] = [
    { name: 'Red Hat pxeboot', kernel: 'images/pxeboot/vmlinuz', initrd: 'images/pxeboot/initrd.img' },
  ];
  const deb = DEBIAN_ARCH[arch];
  if (deb) {
    for (const distro of ['debian', 'ubuntu']) {
      const netboot = `current/images/netboot/${distro}-installer/${deb}`;
      // The tree given as a mirror's dists/<suite>/ or as its main/installer-<arch>/ folder.
      out.push({ name: `${distro} netboot`, kernel: `main/installer-${deb}/${netboot}/linux`, initrd: `main/installer-${deb}/${netboot}/initrd.gz` });
      out.push({ name: `${distro} netboot`, kernel: `${netboot}/linux`, initrd: `${netboot}/initrd.gz` });
    }
  }
  const cd = DEBIAN_CD[arch];
  if (cd) out.push({ name: 'Debian CD', kernel: `install.${cd}/vmlinuz`, initrd: `install.${cd}/initrd.gz` });
  out.push(
    { name: 'SUSE', kernel: `boot/${arch}/loader/linux`, initrd: `boot/${arch}/loader/initrd` },
    { name: 'Ubuntu live', kernel: 'casper/vmlinuz', initrd: 'casper/initrd' },
    { name: 'isolinux', kernel: 'isolinux/vmlinuz', initrd: 'isolinux/initrd.img' },
  );
  return out;
}
