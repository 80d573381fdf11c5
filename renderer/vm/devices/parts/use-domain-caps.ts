import { useEffect, useState } from 'react';
import { parseDomainCapabilities, type DomainCapabilitiesXml, type DomainXml } from '../../../../drivers/xml/index.js';
import type { ApiPort } from '../../../state/api-port.js';
import { useApi } from '../../../state/hooks.js';

type VirtType = 'kvm' | 'qemu' | 'xen' | 'lxc' | 'test' | 'hvf' | 'tcg';
const virtTypes: readonly string[] = ['kvm', 'qemu', 'xen', 'lxc', 'test', 'hvf', 'tcg'];

// Domain capabilities change only with the host's software: read once per host and emulator/arch/machine/type.
const cache = new Map<string, Promise<DomainCapabilitiesXml | undefined>>();

function load(api: ApiPort, connection: string, domain: DomainXml): Promise<DomainCapabilitiesXml | undefined> {
  const emulator = domain.emulator;
  const arch = domain.os?.arch;
  const machine = domain.os?.machine;
  const virtType = virtTypes.includes(domain.type) ? (domain.type as VirtType) : undefined;
  const key = JSON.stringify([connection, emulator, arch, machine, virtType]);
  let p = cache.get(key);
  if (p === undefined) {
    p = api.call('connections.domainCapabilities', {
      connection,
      ...(emulator === undefined ? {} : { emulator }),
      ...(arch === undefined ? {} : { arch }),
      ...(machine === undefined || !/^[A-Za-z0-9_.-]{1,64}$/.test(machine) ? {} : { machine }),
      ...(virtType === undefined ? {} : { virtType }),
    }).then((r) => parseDomainCapabilities(r.xml))
      // Without capabilities the pages offer the model's own lists; a later page asks again.
      .catch(() => {
        cache.delete(key);
        return undefined;
      });
    cache.set(key, p);
  }
  return p;
}

/** The VM's domain capabilities (undefined until read, or when the host cannot say). */
export function useDomainCaps(connection: string, domain: DomainXml): DomainCapabilitiesXml | undefined {
  const api = useApi();
  const [caps, setCaps] = useState<DomainCapabilitiesXml | undefined>(undefined);
  const emulator = domain.emulator;
  const arch = domain.os?.arch;
  const machine = domain.os?.machine;
  const type = domain.type;
  useEffect(() => {
    let live = true;
    void load(api, connection, domain).then((c) => {
      if (live) setCaps(c);
    });
    return () => {
      live = false;
    };
    // The definition object changes with every edit; what the capabilities depend on is listed.
  }, [api, connection, emulator, arch, machine, type]);
  return caps;
}
