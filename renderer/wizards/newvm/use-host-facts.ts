// What the New VM wizard needs to know of a host: its capabilities (architectures, machines, KVM), its size, and
// the domain capabilities of the chosen arch/machine/virtualisation type.
import { useEffect, useState } from 'react';
import type { HostInfo } from '../../../main/api/contract/index.js';
import { parseCapabilities, parseDomainCapabilities, type CapabilitiesXml, type DomainCapabilitiesXml } from '../../../drivers/xml/index.js';
import { useApi } from '../../state/hooks.js';

export interface HostFacts {
  readonly caps?: CapabilitiesXml;
  readonly info?: HostInfo;
  readonly error?: string;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useHostFacts(connection: string): HostFacts {
  const api = useApi();
  const [facts, setFacts] = useState<HostFacts>({});
  useEffect(() => {
    if (!connection) return;
    let live = true;
    setFacts({});
    void Promise.all([api.call('connections.capabilities', { connection }), api.call('connections.hostInfo', { connection })])
      .then(([c, info]) => { if (live) setFacts({ caps: parseCapabilities(c.xml), info }); })
      .catch((e: unknown) => { if (live) setFacts({ error: message(e) }); });
    return () => {
      live = false;
    };
  }, [api, connection]);
  return facts;
}

/** Domain capabilities for the choice, or undefined while they load (or when the host has none for it). */
export function useDomainCaps(connection: string, arch: string, machine: string, virtType: 'kvm' | 'qemu', emulator: string | undefined): DomainCapabilitiesXml | undefined {
  const api = useApi();
  const [caps, setCaps] = useState<DomainCapabilitiesXml | undefined>();
  useEffect(() => {
    if (!connection || !arch) return;
    let live = true;
    setCaps(undefined);
    void api.call('connections.domainCapabilities', {
      connection, arch, virtType, ...(machine ? { machine } : {}), ...(emulator ? { emulator } : {}),
    }).then((r) => { if (live) setCaps(parseDomainCapabilities(r.xml)); }).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, connection, arch, machine, virtType, emulator]);
  return caps;
}
