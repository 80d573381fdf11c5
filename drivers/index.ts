// Opening a connection from a URI, choosing the driver by scheme: test:// goes to the in-process Demo host,
// everything else to libvirt's RPC protocol (drivers/remote).
import * as api from './api.js';

export type { OpenOptions } from './api.js';

export async function openConnection(uri: string, options: api.OpenOptions = {}): Promise<api.Connection> {
  const scheme = /^([a-z0-9+.-]+):/i.exec(uri)?.[1]?.toLowerCase();
  // Each driver is loaded when a URI needs it, so a short command pays only for the one it uses.
  if (scheme === 'test') return (await import('./test/index.js')).openTestConnection(uri, options);
  if (scheme) return (await import('./remote/index.js')).openRemoteConnection(uri, options);
  throw new api.VirError(api.VIR_ERR_NO_CONNECT, api.VIR_FROM_NONE, `no connection driver available for ${uri}`);
}
