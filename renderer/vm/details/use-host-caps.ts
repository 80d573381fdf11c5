import { useEffect, useState } from 'react';
import { parseCapabilities, type CapabilitiesXml } from '../../../drivers/xml/index.js';
import type { ApiPort } from '../../state/api-port.js';
import { useApi } from '../../state/hooks.js';

// A host's capabilities change only with its software: read once per connection (again after a failure).
const cache = new Map<string, Promise<CapabilitiesXml | undefined>>();

function load(api: ApiPort, connection: string): Promise<CapabilitiesXml | undefined> {
  let p = cache.get(connection);
  if (p === undefined) {
    p = api.call('connections.capabilities', { connection }).then((r) => parseCapabilities(r.xml)).catch(() => {
      cache.delete(connection);
      return undefined;
    });
    cache.set(connection, p);
  }
  return p;
}

/** The host's capabilities (its guests' architectures and machine types), undefined until read. */
export function useHostCaps(connection: string): CapabilitiesXml | undefined {
  const api = useApi();
  const [caps, setCaps] = useState<CapabilitiesXml | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void load(api, connection).then((c) => {
      if (live) setCaps(c);
    });
    return () => {
      live = false;
    };
  }, [api, connection]);
  return caps;
}
