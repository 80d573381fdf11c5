import type { AsyncDisposable, Connection, Network, NodeDevice, StoragePool } from '../../drivers/api/index.js';
import {
  VIR_ERR_NO_NETWORK, VIR_ERR_NO_NODE_DEVICE, VIR_ERR_NO_STORAGE_POOL, VIR_NETWORK_EVENT_ID_LIFECYCLE,
  VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, VIR_NODE_DEVICE_EVENT_ID_UPDATE, VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE,
  VIR_STORAGE_POOL_EVENT_ID_REFRESH,
} from '../../drivers/api/index.js';
import type { NetworkSummary, NodeDeviceSummary, PoolSummary } from '../api/contract/index.js';
import { unlessGone } from './domain-inventory.js';
import { LiveCollection } from './live-collection.js';

export interface HostObjects {
  readonly networks: readonly NetworkSummary[];
  readonly pools: readonly PoolSummary[];
  readonly nodeDevices: readonly NodeDeviceSummary[];
}

interface Changes<K extends string, T> {
  readonly kind: K;
  readonly upserted: readonly T[];
  readonly removed: readonly string[];
}

export type ObjectChanges = Changes<'network', NetworkSummary> | Changes<'pool', PoolSummary> | Changes<'nodedev', NodeDeviceSummary>;
export type ObjectKind = ObjectChanges['kind'];

async function network(n: Network): Promise<NetworkSummary> {
  const [active, persistent, autostart, xml] = await Promise.all([n.isActive(), n.isPersistent(), n.getAutostart(), n.getXMLDesc()]);
  return { key: n.uuid, uuid: n.uuid, name: n.name, active, persistent, autostart, xml };
}

async function pool(p: StoragePool): Promise<PoolSummary> {
  const [info, active, persistent, autostart, xml] = await Promise.all([p.getInfo(), p.isActive(), p.isPersistent(), p.getAutostart(), p.getXMLDesc()]);
  const volumes = active
    ? await Promise.all((await p.listAllVolumes()).map(async (v) => {
      const [vi, path] = await Promise.all([v.getInfo(), v.getPath()]);
      return { key: v.key, name: v.name, path, type: vi.type, capacity: vi.capacity, allocation: vi.allocation };
    }))
    : [];
  return { key: p.uuid, uuid: p.uuid, name: p.name, state: info.state, active, persistent, autostart, capacity: info.capacity, allocation: info.allocation, available: info.available, xml, volumes };
}

async function nodeDevice(d: NodeDevice): Promise<NodeDeviceSummary> {
  const [parent, caps, xml] = await Promise.all([d.getParent(), d.listCaps(), d.getXMLDesc()]);
  return { key: d.name, name: d.name, parent, caps, xml };
}

/**
 * A host's networks, storage pools (with their volumes) and node devices, with state and XML, kept current by
 * their lifecycle (and pool refresh, device update) events: each event re-reads only the object it names.
 */
export class ObjectInventory {
  private readonly registrations: AsyncDisposable[] = [];
  private readonly networks: LiveCollection<NetworkSummary>;
  private readonly pools: LiveCollection<PoolSummary>;
  private readonly devices: LiveCollection<NodeDeviceSummary>;

  private constructor(private readonly connection: Connection, onChange: (changes: ObjectChanges) => void) {
    this.networks = new LiveCollection((uuid) => unlessGone(connection.networkLookupByUUID(uuid).then(network), VIR_ERR_NO_NETWORK),
      (upserted, removed) => onChange({ kind: 'network', upserted, removed }));
    this.pools = new LiveCollection((uuid) => unlessGone(connection.storagePoolLookupByUUID(uuid).then(pool), VIR_ERR_NO_STORAGE_POOL),
      (upserted, removed) => onChange({ kind: 'pool', upserted, removed }));
    this.devices = new LiveCollection((name) => unlessGone(connection.nodeDeviceLookupByName(name).then(nodeDevice), VIR_ERR_NO_NODE_DEVICE),
      (upserted, removed) => onChange({ kind: 'nodedev', upserted, removed }));
  }

  static async load(connection: Connection, onChange: (changes: ObjectChanges) => void): Promise<ObjectInventory> {
    const inv = new ObjectInventory(connection, onChange);
    const c = connection;
    // Listen first, then list: nothing that happens in between is missed.
    inv.registrations.push(...await Promise.all([
      c.networkEventRegisterAny(VIR_NETWORK_EVENT_ID_LIFECYCLE, (e) => void inv.networks.refresh(e.network.uuid)),
      c.storagePoolEventRegisterAny(VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, (e) => void inv.pools.refresh(e.pool.uuid)),
      c.storagePoolEventRegisterAny(VIR_STORAGE_POOL_EVENT_ID_REFRESH, (e) => void inv.pools.refresh(e.pool.uuid)),
      c.nodeDeviceEventRegisterAny(VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, (e) => void inv.devices.refresh(e.device.name)),
      c.nodeDeviceEventRegisterAny(VIR_NODE_DEVICE_EVENT_ID_UPDATE, (e) => void inv.devices.refresh(e.device.name)),
    ]));
    const [networks, pools, devices] = await Promise.all([
      c.listAllNetworks().then((all) => Promise.all(all.map((n) => unlessGone(network(n), VIR_ERR_NO_NETWORK)))),
      c.listAllStoragePools().then((all) => Promise.all(all.map((p) => unlessGone(pool(p), VIR_ERR_NO_STORAGE_POOL)))),
      c.listAllNodeDevices().then((all) => Promise.all(all.map((d) => unlessGone(nodeDevice(d), VIR_ERR_NO_NODE_DEVICE)))),
    ]);
    inv.networks.reset(networks.flatMap((n) => (n ? [[n.uuid, n] as const] : [])));
    inv.pools.reset(pools.flatMap((p) => (p ? [[p.uuid, p] as const] : [])));
    inv.devices.reset(devices.flatMap((d) => (d ? [[d.name, d] as const] : [])));
    return inv;
  }

  snapshot(): HostObjects {
    return { networks: this.networks.list(), pools: this.pools.list(), nodeDevices: this.devices.list() };
  }

  /** Autostart changes send no event: re-read the network after such an action. */
  refreshNetwork(uuid: string): Promise<void> {
    return this.networks.refresh(uuid);
  }

  /** Volumes change without pool events (a volume created or deleted): re-read the pool after such an action. */
  refreshPool(uuid: string): Promise<void> {
    return this.pools.refresh(uuid);
  }

  async dispose(): Promise<void> {
    for (const c of [this.networks, this.pools, this.devices]) c.dispose();
    const regs = this.registrations.splice(0);
    if (this.connection.isAlive()) await Promise.all(regs.map((r) => r.dispose().catch(() => undefined)));
  }
}
