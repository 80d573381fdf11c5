import {
  VIR_DOMAIN_DEFINE_VALIDATE, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP,
  VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, VIR_DOMAIN_MEM_MAXIMUM, VIR_DOMAIN_UNDEFINE_KEEP_NVRAM, VIR_DOMAIN_UNDEFINE_MANAGED_SAVE,
  VIR_DOMAIN_UNDEFINE_NVRAM, VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA, VIR_DOMAIN_VCPU_MAXIMUM, VIR_DOMAIN_XML_INACTIVE,
  VIR_DOMAIN_XML_SECURE, VIR_ERR_NO_DOMAIN, VIR_IP_ADDR_TYPE_IPV6, isVirError, VIR_DOMAIN_AFFECT_CONFIG, VIR_DOMAIN_AFFECT_CURRENT,
  VIR_DOMAIN_AFFECT_LIVE, VIR_DOMAIN_METADATA_DESCRIPTION, VIR_DOMAIN_METADATA_ELEMENT, VIR_DOMAIN_METADATA_TITLE,
} from '../../../drivers/api/index.js';
import {
  changeTags, DiskDevice, HANGAR_TAGS_NS, HANGAR_TAGS_PREFIX, newDocument, parseDomain, readTags, tagsElementXml,
} from '../../../drivers/xml/index.js';
import { endInstallBootAfterStart } from '../../services/install-boot.js';
import { InputError, toApiError } from '../api-error.js';
import type { ApiError } from '../contract/index.js';
import { affectFlags, type CallsOf, type HandlerContext, type Handlers } from './context.js';
import { domainLifecycleHandlers } from './domain-lifecycle.js';

const ADDRESS_SOURCES = { lease: VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE, agent: VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT, arp: VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP } as const;

export function domainsHandlers(ctx: HandlerContext): Handlers<CallsOf<'domains'>> {
  const { manager } = ctx;
  const domain = (connection: string, key: string) => manager.domain(connection, key);
  return {
    ...domainLifecycleHandlers(ctx),
    'domains.list': async ({ connection }) => ({ rev: ctx.revisions.current, items: manager.domains(connection) }),
    'domains.action': async ({ connection, key, action }) => {
      const d = await domain(connection, key);
      switch (action) {
        case 'start': {
          await d.create();
          try {
            for (const pool of await endInstallBootAfterStart(manager.connection(connection), d)) await manager.refreshPool(connection, pool).catch(() => undefined);
          } catch (e) {
            // The start itself succeeded: said as a result, not as a failed start.
            return { installBootError: toApiError(e).message };
          }
          break;
        }
        case 'shutdown': await d.shutdown(); break;
        case 'reboot': await d.reboot(); break;
        case 'reset': await d.reset(); break;
        case 'forceoff': await d.destroy(); break;
        case 'pause': await d.suspend(); break;
        case 'resume': await d.resume(); break;
      }
      return null;
    },
    'domains.xml': async ({ connection, key, inactive, secure }) => {
      const flags = (inactive ? VIR_DOMAIN_XML_INACTIVE : 0) | (secure ? VIR_DOMAIN_XML_SECURE : 0);
      return { xml: await (await domain(connection, key)).getXMLDesc(flags) };
    },
    'domains.define': async ({ connection, xml, base }) => {
      const c = manager.connection(connection);
      if (base !== undefined) {
        // Never overwrite what someone else changed meanwhile: the host's definition must still be the one edited.
        const uuid = parseDomain(base).uuid;
        if (uuid === undefined) throw new InputError('base', 'the XML the edit started from has no <uuid>');
        let current: string | undefined;
        try {
          const d = await c.domainLookupByUUID(uuid);
          current = await d.getXMLDesc(VIR_DOMAIN_XML_INACTIVE);
          // An edit of a VM with passwords (graphics, secrets) starts from the secure XML, so that they survive it.
          if (current !== base) current = await d.getXMLDesc(VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE);
        } catch (e) {
          if (!isVirError(e, VIR_ERR_NO_DOMAIN)) throw e;
        }
        if (current !== base) {
          throw new InputError('base', current === undefined
            ? 'The VM was deleted on the host since its definition was read.'
            : 'The VM\'s definition changed on the host since it was read (another tool or window changed it). Reload it and make the change again.');
        }
      }
      const d = await c.domainDefineXML(xml, VIR_DOMAIN_DEFINE_VALIDATE);
      return { key: d.uuid, name: d.name };
    },
    'domains.undefine': async ({ connection, key, managedSave, snapshotsMetadata, nvram }) => {
      const flags = (managedSave ? VIR_DOMAIN_UNDEFINE_MANAGED_SAVE : 0) | (snapshotsMetadata ? VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA : 0)
        | (nvram === 'delete' ? VIR_DOMAIN_UNDEFINE_NVRAM : VIR_DOMAIN_UNDEFINE_KEEP_NVRAM);
      await (await domain(connection, key)).undefine(flags);
      return null;
    },
    'domains.rename': async ({ connection, key, name }) => {
      await (await domain(connection, key)).rename(name);
      return null;
    },
    'domains.setAutostart': async ({ connection, key, autostart }) => {
      await (await domain(connection, key)).setAutostart(autostart);
      // libvirt sends no event for autostart: read the domain again so lists show it.
      await manager.refreshDomain(connection, key);
      return null;
    },
    'domains.setMemory': async ({ connection, key, kib, maximum, affect }) => {
      await (await domain(connection, key)).setMemory(kib, affectFlags(affect) | (maximum ? VIR_DOMAIN_MEM_MAXIMUM : 0));
      return null;
    },
    'domains.setVcpus': async ({ connection, key, count, maximum, affect }) => {
      await (await domain(connection, key)).setVcpus(count, affectFlags(affect) | (maximum ? VIR_DOMAIN_VCPU_MAXIMUM : 0));
      return null;
    },
    'domains.attachDevice': async ({ connection, key, xml, affect }) => {
      await (await domain(connection, key)).attachDevice(xml, affectFlags(affect));
      return null;
    },
    'domains.detachDevice': async ({ connection, key, xml, affect }) => {
      await (await domain(connection, key)).detachDevice(xml, affectFlags(affect));
      return null;
    },
    'domains.updateDevice': async ({ connection, key, xml, affect }) => {
      await (await domain(connection, key)).updateDevice(xml, affectFlags(affect));
      return null;
    },
    'domains.changeMedia': async ({ connection, key, target, source, affect }) => {
      const d = await domain(connection, key);
      const model = parseDomain(await d.getXMLDesc(affect?.live === false ? VIR_DOMAIN_XML_INACTIVE : 0));
      const disk = model.disks.find((x) => x.targetDev === target);
      if (!disk) throw new InputError('target', `${model.name ?? 'The VM'} has no drive ${target}.`);
      if (disk.device !== 'cdrom' && disk.device !== 'floppy') throw new InputError('target', `${target} is a ${disk.device}, not a CD-ROM or floppy drive: its media cannot be changed.`);
      // The drive as it is, with only its source changed, so bus, address and tuning stay.
      const copy = new DiskDevice(disk.element.clone(), 'disk');
      copy.source = source === null ? undefined : 'file' in source ? { type: 'file', file: source.file } : { type: 'volume', pool: source.pool, volume: source.volume };
      await d.updateDevice(newDocument(copy.element).toXml(), affectFlags(affect));
      return null;
    },
    'domains.setTags': async ({ connection, keys, add, remove }) => {
      const failed: { key: string; error: ApiError }[] = [];
      await Promise.all(keys.map(async (key) => {
        try {
          const d = await domain(connection, key);
          const [xml, active, persistent] = await Promise.all([d.getXMLDesc(), d.isActive(), d.isPersistent()]);
          const tags = changeTags(readTags(parseDomain(xml)), add, remove);
          // A running persistent VM keeps the tags now and after it stops.
          const flags = active && persistent ? VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG : VIR_DOMAIN_AFFECT_CURRENT;
          await d.setMetadata(VIR_DOMAIN_METADATA_ELEMENT, tags.length > 0 ? tagsElementXml(tags) : null, HANGAR_TAGS_PREFIX, HANGAR_TAGS_NS, flags);
        } catch (e) {
          failed.push({ key, error: toApiError(e) });
        }
      }));
      return { failed };
    },
    'domains.interfaceAddresses': async ({ connection, key, source }) => {
      const ifaces = await (await domain(connection, key)).interfaceAddresses(ADDRESS_SOURCES[source]);
      return ifaces.map((i) => ({
        name: i.name,
        mac: i.hwaddr,
        addresses: i.addrs.map((a) => ({ family: a.type === VIR_IP_ADDR_TYPE_IPV6 ? 'ipv6' as const : 'ipv4' as const, address: a.addr, prefix: a.prefix })),
      }));
    },
    'domains.setMetadataText': async ({ connection, key, type, text, affect }) => {
      const which = type === 'title' ? VIR_DOMAIN_METADATA_TITLE : VIR_DOMAIN_METADATA_DESCRIPTION;
      await (await domain(connection, key)).setMetadata(which, text === '' ? null : text, null, null, affectFlags(affect));
      return null;
    },
    'domains.screenshot': async ({ connection, key, screen }) => {
      const shot = await (await domain(connection, key)).screenshot(screen);
      return { mime: shot.mime, base64: Buffer.from(shot.data).toString('base64') };
    },
  };
}
