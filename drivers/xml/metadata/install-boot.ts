// A network install's first boot, as Hangar records it in the definition: the direct kernel boot (<os><kernel>,
// <initrd>, <cmdline>) is for the installer only, and the volumes holding that kernel and initrd are Hangar's to
// delete once QEMU has read them. The marker travels with the definition, so whoever starts the VM first (Finish,
// or the VM page's Start after "customize before install") can end the install boot:
//   <hangar:install-boot xmlns:hangar="urn:hangar:install-boot:1"><hangar:volume pool="default" name="vm-kernel"/>…
import { XmlElement } from '../core/nodes.js';
import type { DomainXml } from '../domain/domain.js';

export const HANGAR_INSTALL_BOOT_NS = 'urn:hangar:install-boot:1';

export interface InstallBootVolume {
  /** The pool's name. */
  readonly pool: string;
  readonly name: string;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Marks the definition's direct kernel boot as an install boot made of these volumes. */
export function markInstallBoot(domain: DomainXml, volumes: readonly InstallBootVolume[]): void {
  const md = XmlElement.create('hangar:install-boot', { 'xmlns:hangar': HANGAR_INSTALL_BOOT_NS });
  for (const v of volumes) md.insertChild(XmlElement.create('hangar:volume', { pool: v.pool, name: v.name }));
  domain.setMetadata(md);
}

/** The install boot's volumes; undefined when the definition has no install boot. */
export function installBootVolumes(domain: DomainXml): InstallBootVolume[] | undefined {
  const el = domain.metadata(HANGAR_INSTALL_BOOT_NS);
  if (!el) return undefined;
  return el.elements.filter((e) => localName(e.name) === 'volume')
    .map((e) => ({ pool: e.attr('pool') ?? '', name: e.attr('name') ?? '' }))
    .filter((v) => v.pool !== '' && v.name !== '');
}

/**
 * The definition for the boots after the install: no direct kernel boot (the VM boots from its disk), reboots
 * restart again (the install boot ends at the installer's reboot), no marker. Everything else stays as it was.
 */
export function endInstallBoot(domain: DomainXml): void {
  const os = domain.ensureOs();
  os.kernel = undefined;
  os.initrd = undefined;
  os.cmdline = undefined;
  domain.setLifecycle('reboot', 'restart');
  const md = domain.element.child('metadata');
  const el = domain.metadata(HANGAR_INSTALL_BOOT_NS);
  if (md && el) {
    md.removeChild(el);
  }
}
