// drivers/api Connection over libvirt's REMOTE program: the connection-level calls, list-all,
// lookups, definitions, bulk stats and event registration.
import {
  VirError, VIR_ERR_AUTH_FAILED, VIR_ERR_AUTH_UNAVAILABLE, VIR_ERR_NO_CONNECT, VIR_FROM_AUTH, VIR_FROM_REMOTE,
  type AsyncDisposable, type Connection, type Disposable, type Domain, type DomainEventId, type DomainEventMap,
  type DomainStatsRecord, type Network, type NetworkEventId, type NetworkEventMap, type NodeDevice,
  type NodeDeviceEventId, type NodeDeviceEventMap, type NodeInfo, type StoragePool, type StoragePoolEventId,
  type StoragePoolEventMap, type StorageVolume, type Stream, type TunnelTarget,
} from '../api/index.js';
import { AuthType, Feature } from './procedures.js';
import { RemoteDomain } from './remote-domain.js';
import { EventRegistry, toTypedParameters } from './remote-events.js';
import { RemoteNetwork } from './remote-network.js';
import { RemoteNodeDevice } from './remote-node-device.js';
import { RemoteStoragePool, RemoteStorageVolume } from './remote-storage.js';
import type { DomainRef } from './remote-types.js';
import type { KeepaliveOptions, RpcClient } from './rpc-client.js';
import { seconds } from './socket-transport.js';

export interface HandshakeOptions {
  /** The URI the daemon opens (see drivers/uri daemonUri). */
  readonly name: string;
  readonly readOnly?: boolean;
  /** Keepalive settings; `false` disables it. Defaults to libvirt's 5 s × 5. */
  readonly keepalive?: KeepaliveOptions | false;
  /** How the transport reaches a socket on the daemon's host (see Connection.openTunnel). */
  readonly tunnel?: (target: TunnelTarget) => Promise<Stream>;
  /**
   * How long the daemon may take over each handshake call, and what to say when it does not answer the first
   * one at all (the transport knows what a silent peer means). Unset: wait as long as the session lives.
   */
  readonly answer?: {
    readonly timeoutMs: number;
    readonly unanswered: (seconds: string) => string;
  };
}

const VIR_CONNECT_RO = 1;

export class RemoteConnection implements Connection {
  private readonly events: EventRegistry;
  private closing: Promise<void> | undefined;

  private constructor(readonly rpc: RpcClient, private readonly uri: string, private readonly tunnel?: (target: TunnelTarget) => Promise<Stream>) {
    this.events = new EventRegistry(rpc);
  }

  /**
   * Runs libvirt's opening handshake on a fresh session: AUTH_LIST (and POLKIT if that is what the daemon
   * wants), CONNECT_OPEN, then keepalive if the daemon supports it. On failure the session is closed.
   */
  static async open(rpc: RpcClient, opts: HandshakeOptions): Promise<RemoteConnection> {
    // Keepalive only starts after the handshake, so without this a peer that never answers hangs the open.
    const answered = <T>(call: Promise<T>, silence: (seconds: string) => string): Promise<T> =>
      opts.answer ? answeredWithin(rpc, call, opts.answer.timeoutMs, silence) : call;
    try {
      const { types } = await answered(rpc.call('AUTH_LIST', undefined), (s) => opts.answer?.unanswered(s) ?? '');
      if (types.length > 0 && !types.includes(AuthType.NONE)) {
        if (types.includes(AuthType.POLKIT)) {
          const { complete } = await rpc.call('AUTH_POLKIT', undefined);
          if (complete !== 1) throw new VirError(VIR_ERR_AUTH_FAILED, VIR_FROM_AUTH, 'authentication failed: polkit did not complete');
        } else {
          throw new VirError(VIR_ERR_AUTH_UNAVAILABLE, VIR_FROM_AUTH,
            `authentication unavailable: the daemon requires SASL (auth types ${types.join(', ')}), which Hangar does not support`);
        }
      }
      await answered(rpc.call('CONNECT_OPEN', { name: opts.name, flags: opts.readOnly ? VIR_CONNECT_RO : 0 }),
        (s) => `The ${rpc.describe} did not finish opening ${opts.name} within ${s} s`);
      if (opts.keepalive !== false) {
        const { supported } = await answered(rpc.call('CONNECT_SUPPORTS_FEATURE', { feature: Feature.PROGRAM_KEEPALIVE }),
          (s) => `The ${rpc.describe} stopped answering within ${s} s of opening ${opts.name}`);
        if (supported) rpc.startKeepalive(opts.keepalive ?? { interval: 5, count: 5 });
      }
      return new RemoteConnection(rpc, opts.name, opts.tunnel);
    } catch (e) {
      rpc.close('opening the connection failed');
      throw e;
    }
  }

  // ── connection ──
  async openTunnel(target: TunnelTarget): Promise<Stream> {
    if (!this.tunnel) throw new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE, 'this connection cannot reach sockets on its host');
    return this.tunnel(target);
  }

  async getURI(): Promise<string> {
    return (await this.rpc.call('CONNECT_GET_URI', undefined)).uri;
  }
  async getType(): Promise<string> {
    return (await this.rpc.call('CONNECT_GET_TYPE', undefined)).type;
  }
  async getHostname(): Promise<string> {
    return (await this.rpc.call('CONNECT_GET_HOSTNAME', undefined)).hostname;
  }
  async getVersion(): Promise<number> {
    return (await this.rpc.call('CONNECT_GET_VERSION', undefined)).hv_ver;
  }
  async getLibVersion(): Promise<number> {
    return (await this.rpc.call('CONNECT_GET_LIB_VERSION', undefined)).lib_ver;
  }
  async getMaxVcpus(type: string | null): Promise<number> {
    return (await this.rpc.call('CONNECT_GET_MAX_VCPUS', { type })).max_vcpus;
  }
  async nodeGetInfo(): Promise<NodeInfo> {
    return this.rpc.call('NODE_GET_INFO', undefined);
  }
  async nodeGetFreeMemory(): Promise<number> {
    return (await this.rpc.call('NODE_GET_FREE_MEMORY', undefined)).freeMem;
  }
  async getCapabilities(): Promise<string> {
    return (await this.rpc.call('CONNECT_GET_CAPABILITIES', undefined)).capabilities;
  }
  async getDomainCapabilities(
    emulatorBin: string | null, arch: string | null, machine: string | null, virtType: string | null, flags = 0,
  ): Promise<string> {
    return (await this.rpc.call('CONNECT_GET_DOMAIN_CAPABILITIES', {
      emulatorbin: emulatorBin, arch, machine, virttype: virtType, flags,
    })).capabilities;
  }
  /** virConnectGetSysinfo: the host's SMBIOS data as XML. */
  async getSysinfo(flags = 0): Promise<string> {
    return (await this.rpc.call('CONNECT_GET_SYSINFO', { flags })).sysinfo;
  }

  isAlive(): boolean {
    return this.rpc.isOpen;
  }

  onClose(listener: (reason: number) => void): Disposable {
    const off = this.rpc.onClose((info) => listener(info.reason));
    return { dispose: off };
  }

  /** Why the connection closed, once it has (reason and message). */
  get closeInfo(): { reason: number; message: string } | undefined {
    return this.rpc.closeInfo;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.rpc.isOpen) {
        try {
          await this.rpc.call('CONNECT_CLOSE', undefined);
        } catch {
          // Closing anyway; the daemon may already be gone.
        }
      }
      this.events.dispose();
      this.rpc.close();
    })();
    return this.closing;
  }

  // ── domains ──
  private domain(ref: DomainRef): RemoteDomain {
    return new RemoteDomain(this.rpc, ref);
  }
  async listAllDomains(flags = 0): Promise<Domain[]> {
    const r = await this.rpc.call('CONNECT_LIST_ALL_DOMAINS', { need_results: 1, flags });
    return r.domains.map((d) => this.domain(d));
  }
  async domainLookupByName(name: string): Promise<Domain> {
    return this.domain((await this.rpc.call('DOMAIN_LOOKUP_BY_NAME', { name })).dom);
  }
  async domainLookupByUUID(uuid: string): Promise<Domain> {
    return this.domain((await this.rpc.call('DOMAIN_LOOKUP_BY_UUID', { uuid })).dom);
  }
  async domainLookupByID(id: number): Promise<Domain> {
    return this.domain((await this.rpc.call('DOMAIN_LOOKUP_BY_ID', { id })).dom);
  }
  async domainDefineXML(xml: string, flags = 0): Promise<Domain> {
    return this.domain((await this.rpc.call('DOMAIN_DEFINE_XML_FLAGS', { xml, flags })).dom);
  }
  async domainCreateXML(xml: string, flags = 0): Promise<Domain> {
    return this.domain((await this.rpc.call('DOMAIN_CREATE_XML', { xml_desc: xml, flags })).dom);
  }
  /** virDomainRestoreFlags: starts a domain from a file written by Domain.save. */
  async domainRestore(from: string, dxml: string | null = null, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_RESTORE_FLAGS', { from, dxml, flags });
  }
  async getAllDomainStats(stats: number, flags = 0): Promise<DomainStatsRecord[]> {
    return this.stats([], stats, flags);
  }
  async domainListGetStats(domains: readonly Domain[], stats: number, flags = 0): Promise<DomainStatsRecord[]> {
    return this.stats(domains.map((d) => ({ name: d.name, uuid: d.uuid, id: d.id })), stats, flags);
  }
  private async stats(doms: DomainRef[], stats: number, flags: number): Promise<DomainStatsRecord[]> {
    const r = await this.rpc.call('CONNECT_GET_ALL_DOMAIN_STATS', { doms, stats, flags });
    return r.retStats.map((s) => ({ domain: this.domain(s.dom), params: toTypedParameters(s.params) }));
  }

  // ── networks ──
  async listAllNetworks(flags = 0): Promise<Network[]> {
    const r = await this.rpc.call('CONNECT_LIST_ALL_NETWORKS', { need_results: 1, flags });
    return r.nets.map((n) => new RemoteNetwork(this.rpc, n));
  }
  async networkLookupByName(name: string): Promise<Network> {
    return new RemoteNetwork(this.rpc, (await this.rpc.call('NETWORK_LOOKUP_BY_NAME', { name })).net);
  }
  async networkLookupByUUID(uuid: string): Promise<Network> {
    return new RemoteNetwork(this.rpc, (await this.rpc.call('NETWORK_LOOKUP_BY_UUID', { uuid })).net);
  }
  // The flags variants (libvirt ≥ 7.8) carry VALIDATE; without flags the old calls work on any daemon.
  async networkDefineXML(xml: string, flags = 0): Promise<Network> {
    const { net } = flags === 0 ? await this.rpc.call('NETWORK_DEFINE_XML', { xml }) : await this.rpc.call('NETWORK_DEFINE_XML_FLAGS', { xml, flags });
    return new RemoteNetwork(this.rpc, net);
  }
  async networkCreateXML(xml: string, flags = 0): Promise<Network> {
    const { net } = flags === 0 ? await this.rpc.call('NETWORK_CREATE_XML', { xml }) : await this.rpc.call('NETWORK_CREATE_XML_FLAGS', { xml, flags });
    return new RemoteNetwork(this.rpc, net);
  }

  // ── storage ──
  async listAllStoragePools(flags = 0): Promise<StoragePool[]> {
    const r = await this.rpc.call('CONNECT_LIST_ALL_STORAGE_POOLS', { need_results: 1, flags });
    return r.pools.map((p) => new RemoteStoragePool(this.rpc, p));
  }
  async storagePoolLookupByName(name: string): Promise<StoragePool> {
    return new RemoteStoragePool(this.rpc, (await this.rpc.call('STORAGE_POOL_LOOKUP_BY_NAME', { name })).pool);
  }
  async storagePoolLookupByUUID(uuid: string): Promise<StoragePool> {
    return new RemoteStoragePool(this.rpc, (await this.rpc.call('STORAGE_POOL_LOOKUP_BY_UUID', { uuid })).pool);
  }
  async storagePoolLookupByVolume(volume: StorageVolume): Promise<StoragePool> {
    const vol = { pool: volume.pool, name: volume.name, key: volume.key };
    return new RemoteStoragePool(this.rpc, (await this.rpc.call('STORAGE_POOL_LOOKUP_BY_VOLUME', { vol })).pool);
  }
  async storagePoolDefineXML(xml: string, flags = 0): Promise<StoragePool> {
    return new RemoteStoragePool(this.rpc, (await this.rpc.call('STORAGE_POOL_DEFINE_XML', { xml, flags })).pool);
  }
  async storagePoolCreateXML(xml: string, flags = 0): Promise<StoragePool> {
    return new RemoteStoragePool(this.rpc, (await this.rpc.call('STORAGE_POOL_CREATE_XML', { xml, flags })).pool);
  }
  async findStoragePoolSources(type: string, srcSpec: string | null, flags = 0): Promise<string> {
    return (await this.rpc.call('CONNECT_FIND_STORAGE_POOL_SOURCES', { type, srcSpec, flags })).xml;
  }
  async storageVolLookupByKey(key: string): Promise<StorageVolume> {
    return new RemoteStorageVolume(this.rpc, (await this.rpc.call('STORAGE_VOL_LOOKUP_BY_KEY', { key })).vol);
  }
  async storageVolLookupByPath(path: string): Promise<StorageVolume> {
    return new RemoteStorageVolume(this.rpc, (await this.rpc.call('STORAGE_VOL_LOOKUP_BY_PATH', { path })).vol);
  }

  // ── node devices ──
  async listAllNodeDevices(flags = 0): Promise<NodeDevice[]> {
    const r = await this.rpc.call('CONNECT_LIST_ALL_NODE_DEVICES', { need_results: 1, flags });
    return r.devices.map((d) => new RemoteNodeDevice(this.rpc, d.name));
  }
  async nodeDeviceLookupByName(name: string): Promise<NodeDevice> {
    return new RemoteNodeDevice(this.rpc, (await this.rpc.call('NODE_DEVICE_LOOKUP_BY_NAME', { name })).dev.name);
  }
  async nodeDeviceCreateXML(xml: string, flags = 0): Promise<NodeDevice> {
    return new RemoteNodeDevice(this.rpc, (await this.rpc.call('NODE_DEVICE_CREATE_XML', { xml_desc: xml, flags })).dev.name);
  }
  async nodeDeviceDefineXML(xml: string, flags = 0): Promise<NodeDevice> {
    return new RemoteNodeDevice(this.rpc, (await this.rpc.call('NODE_DEVICE_DEFINE_XML', { xml_desc: xml, flags })).dev.name);
  }

  // ── events ──
  domainEventRegisterAny<K extends DomainEventId>(
    eventId: K, listener: (event: DomainEventMap[K]) => void, domain?: Domain,
  ): Promise<AsyncDisposable> {
    const filter = domain ? { name: domain.name, uuid: domain.uuid, id: domain.id } : null;
    return this.events.register('domain', eventId, filter, listener as (e: unknown) => void);
  }
  networkEventRegisterAny<K extends NetworkEventId>(
    eventId: K, listener: (event: NetworkEventMap[K]) => void, network?: Network,
  ): Promise<AsyncDisposable> {
    const filter = network ? { name: network.name, uuid: network.uuid } : null;
    return this.events.register('network', eventId, filter, listener as (e: unknown) => void);
  }
  storagePoolEventRegisterAny<K extends StoragePoolEventId>(
    eventId: K, listener: (event: StoragePoolEventMap[K]) => void, pool?: StoragePool,
  ): Promise<AsyncDisposable> {
    const filter = pool ? { name: pool.name, uuid: pool.uuid } : null;
    return this.events.register('pool', eventId, filter, listener as (e: unknown) => void);
  }
  nodeDeviceEventRegisterAny<K extends NodeDeviceEventId>(
    eventId: K, listener: (event: NodeDeviceEventMap[K]) => void, device?: NodeDevice,
  ): Promise<AsyncDisposable> {
    const filter = device ? { name: device.name } : null;
    return this.events.register('nodedev', eventId, filter, listener as (e: unknown) => void);
  }
}

/**
 * A handshake call's answer, or after `timeoutMs` a connection error that says why (the session is ended with
 * that message, so the remote proxy's last words on stderr, if any, are added to it).
 */
function answeredWithin<T>(rpc: RpcClient, call: Promise<T>, timeoutMs: number, silence: (seconds: string) => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const message = silence(seconds(timeoutMs));
      rpc.abort(message);
      reject(new VirError(VIR_ERR_NO_CONNECT, VIR_FROM_REMOTE, rpc.closeInfo?.message ?? message));
    }, timeoutMs);
    call.then((v) => {
      clearTimeout(timer);
      resolve(v);
    }, (e: unknown) => {
      clearTimeout(timer);
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}
