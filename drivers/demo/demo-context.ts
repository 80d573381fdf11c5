// What a Demo host handle needs from the connection it came from: the host, the connection's open check, and
// handle factories (a handle always belongs to one connection, like a virDomainPtr).
import type * as api from '../api/index.js';
import type { DemoHost } from './demo-host.js';
import type { NetworkObject } from './network-object.js';
import type { PoolObject, VolumeObject } from './pool-object.js';

export interface DemoContext {
  readonly host: DemoHost;
  /** Throws VIR_ERR_INVALID_CONN once the connection is closed; `fn` names the API for the message. */
  check(fn: string): void;
  domain(ref: { readonly name: string; readonly uuid: string; readonly id: number }): api.Domain;
  network(net: NetworkObject | { readonly name: string; readonly uuid: string }): api.Network;
  pool(pool: PoolObject | { readonly name: string; readonly uuid: string }): api.StoragePool;
  volume(pool: PoolObject, vol: VolumeObject): api.StorageVolume;
  nodeDevice(name: string): api.NodeDevice;
  /** Makes the connection abort `stream` when it closes (libvirt ends a connection's streams with it). */
  adopt<S extends api.Stream>(stream: S): S;
}
