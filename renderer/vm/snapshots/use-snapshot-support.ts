import { useEffect, useState } from 'react';
import type { SnapshotSupport } from '../../../main/api/contract/index.js';
import { useApi } from '../../state/hooks.js';

/** What the host's libvirt can do with this VM's snapshots; asked again when the VM's state or snapshots change. */
export function useSnapshotSupport(connection: string, domain: string, revision: string): SnapshotSupport | undefined {
  const api = useApi();
  const [support, setSupport] = useState<SnapshotSupport | undefined>();
  useEffect(() => {
    let live = true;
    api.call('snapshots.support', { connection, domain }).then((s) => {
      if (live) setSupport(s);
    }).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, connection, domain, revision]);
  return support;
}
