// Ends a network install's first boot once the VM has started (QEMU has read the kernel and initrd by then): the
// persistent definition no longer boots the installer, and the kernel and initrd volumes are deleted. In main, on
// every start, so it happens whoever starts the VM first: Finish, or Start after "customize before install".
import { VIR_DOMAIN_XML_INACTIVE, type Connection, type Domain } from '../../drivers/api/index.js';
import { endInstallBoot, installBootVolumes, parseDomain } from '../../drivers/xml/index.js';

/** The pools whose volumes went (their UUIDs, to list again); none when the VM had no install boot. */
export async function endInstallBootAfterStart(connection: Connection, domain: Domain): Promise<string[]> {
  const model = parseDomain(await domain.getXMLDesc(VIR_DOMAIN_XML_INACTIVE));
  const volumes = installBootVolumes(model);
  if (volumes === undefined) return [];
  endInstallBoot(model);
  await connection.domainDefineXML(model.toXml());
  const pools = new Set<string>();
  for (const v of volumes) {
    const pool = await connection.storagePoolLookupByName(v.pool);
    await (await pool.storageVolLookupByName(v.name)).delete();
    pools.add(pool.uuid);
  }
  return [...pools];
}
