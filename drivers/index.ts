// Opening a connection from a URI, choosing the driver by scheme: test:// goes to the in-process Demo host,
// everything else to libvirt's RPC protocol (drivers/remote).
import * as api from './api/index.js';
import type { DemoOpenOptions } from './demo/index.js';
import type { RemoteOpenOptions } from './remote/index.js';

export type { OpenOptions } from './api/index.js';

/** Every driver's options: each reads its own and ignores the others'. */
export type DriverOpenOptions = DemoOpenOptions & RemoteOpenOptions;

export async function openConnection(uri: string, options: DriverOpenOptions = {}): Promise<api.Connection> {
  const scheme = /^([a-z0-9+.-]+):/i.exec(uri)?.[1]?.toLowerCase();
  // Each driver is loaded when a URI needs it, so a short command pays only for the one it uses.
  if (scheme === 'test') return (await import('./demo/index.js')).openTestConnection(uri, options);
  if (scheme) return (await import('./remote/index.js')).openRemoteConnection(uri, options);
  throw new api.VirError(api.VIR_ERR_NO_CONNECT, api.VIR_FROM_NONE, `no connection driver available for ${uri}`);
}
