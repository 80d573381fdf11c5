// drivers/api Domain and DomainSnapshot over the REMOTE program.
import type { Domain, DomainInfo, DomainSnapshot, DomainStateReason, Stream } from '../api/index.js';
import type { RpcClient } from './rpc-client.js';
import { recordToTypedParams, type DomainRef, type SnapshotRef } from './remote-types.js';

export class RemoteDomain implements Domain {
  readonly name: string;
  readonly uuid: string;
  readonly id: number;

  constructor(private readonly rpc: RpcClient, readonly ref: DomainRef) {
    this.name = ref.name;
    this.uuid = ref.uuid;
    this.id = ref.id;
  }

  private get dom(): DomainRef {
    return this.ref;
  }

  async getState(): Promise<DomainStateReason> {
    return this.rpc.call('DOMAIN_GET_STATE', { dom: this.dom, flags: 0 });
  }
  async getInfo(): Promise<DomainInfo> {
    return this.rpc.call('DOMAIN_GET_INFO', { dom: this.dom });
  }
  async getXMLDesc(flags = 0): Promise<string> {
    return (await this.rpc.call('DOMAIN_GET_XML_DESC', { dom: this.dom, flags })).xml;
  }
  async isActive(): Promise<boolean> {
    return (await this.rpc.call('DOMAIN_IS_ACTIVE', { dom: this.dom })).active !== 0;
  }
  async isPersistent(): Promise<boolean> {
    return (await this.rpc.call('DOMAIN_IS_PERSISTENT', { dom: this.dom })).persistent !== 0;
  }
  async isUpdated(): Promise<boolean> {
    return (await this.rpc.call('DOMAIN_IS_UPDATED', { dom: this.dom })).updated !== 0;
  }
  async getAutostart(): Promise<boolean> {
    return (await this.rpc.call('DOMAIN_GET_AUTOSTART', { dom: this.dom })).autostart !== 0;
  }
  async setAutostart(autostart: boolean): Promise<void> {
    await this.rpc.call('DOMAIN_SET_AUTOSTART', { dom: this.dom, autostart: autostart ? 1 : 0 });
  }
  async getMaxMemory(): Promise<number> {
    return (await this.rpc.call('DOMAIN_GET_MAX_MEMORY', { dom: this.dom })).memory;
  }
  async getVcpusFlags(flags = 0): Promise<number> {
    return (await this.rpc.call('DOMAIN_GET_VCPUS_FLAGS', { dom: this.dom, flags })).num;
  }

  async create(flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_CREATE_WITH_FLAGS', { dom: this.dom, flags });
  }
  async shutdown(flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_SHUTDOWN_FLAGS', { dom: this.dom, flags });
  }
  async reboot(flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_REBOOT', { dom: this.dom, flags });
  }
  async reset(flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_RESET', { dom: this.dom, flags });
  }
  async destroy(flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_DESTROY_FLAGS', { dom: this.dom, flags });
  }
  async suspend(): Promise<void> {
    await this.rpc.call('DOMAIN_SUSPEND', { dom: this.dom });
  }
  async resume(): Promise<void> {
    await this.rpc.call('DOMAIN_RESUME', { dom: this.dom });
  }
  async managedSave(flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_MANAGED_SAVE', { dom: this.dom, flags });
  }
  async hasManagedSaveImage(flags = 0): Promise<boolean> {
    return (await this.rpc.call('DOMAIN_HAS_MANAGED_SAVE_IMAGE', { dom: this.dom, flags })).result !== 0;
  }
  async managedSaveRemove(flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_MANAGED_SAVE_REMOVE', { dom: this.dom, flags });
  }
  async undefine(flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_UNDEFINE_FLAGS', { dom: this.dom, flags });
  }
  /** virDomainSaveFlags: saves the running domain's state to a file on the host and stops it. */
  async save(to: string, dxml: string | null = null, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_SAVE_FLAGS', { dom: this.dom, to, dxml, flags });
  }

  async setVcpus(count: number, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_SET_VCPUS_FLAGS', { dom: this.dom, nvcpus: count, flags });
  }
  async setMemory(kib: number, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_SET_MEMORY_FLAGS', { dom: this.dom, memory: kib, flags });
  }
  async attachDevice(xml: string, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_ATTACH_DEVICE_FLAGS', { dom: this.dom, xml, flags });
  }
  async detachDevice(xml: string, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_DETACH_DEVICE_FLAGS', { dom: this.dom, xml, flags });
  }
  async updateDevice(xml: string, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_UPDATE_DEVICE_FLAGS', { dom: this.dom, xml, flags });
  }
  async setMetadata(type: number, metadata: string | null, key: string | null, uri: string | null, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_SET_METADATA', { dom: this.dom, type, metadata, key, uri, flags });
  }
  async getMetadata(type: number, uri: string | null, flags = 0): Promise<string> {
    return (await this.rpc.call('DOMAIN_GET_METADATA', { dom: this.dom, type, uri, flags })).metadata;
  }
  /** virDomainSendKey; codeset is virKeycodeSet (e.g. 1 = VIR_KEYCODE_SET_LINUX), holdtime in ms. */
  async sendKey(codeset: number, holdtime: number, keycodes: readonly number[], flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_SEND_KEY', { dom: this.dom, codeset, holdtime, keycodes: [...keycodes], flags });
  }
  /** virDomainScreenshot: the MIME type and the image bytes. */
  async screenshot(screen = 0, flags = 0): Promise<{ mime: string; data: Buffer }> {
    const { ret, stream } = await this.rpc.callWithStream('DOMAIN_SCREENSHOT', { dom: this.dom, screen, flags });
    const chunks: Uint8Array[] = [];
    for await (const c of stream) chunks.push(c);
    return { mime: ret.mime ?? 'application/octet-stream', data: Buffer.concat(chunks) };
  }
  /** virDomainInterfaceAddresses; source is VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_* (0 lease, 1 agent, 2 arp). */
  async interfaceAddresses(source: number, flags = 0): Promise<{
    name: string; hwaddr: string | null; addrs: { type: number; addr: string; prefix: number }[];
  }[]> {
    return (await this.rpc.call('DOMAIN_INTERFACE_ADDRESSES', { dom: this.dom, source, flags })).ifaces;
  }
  /** virDomainRename (the domain must be inactive); look the domain up again under its new name. */
  async rename(newName: string, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_RENAME', { dom: this.dom, new_name: newName, flags });
  }
  /** virDomainGetJobInfo */
  async getJobInfo(): Promise<{ type: number; timeElapsed: number; dataTotal: number; dataProcessed: number; dataRemaining: number }> {
    return this.rpc.call('DOMAIN_GET_JOB_INFO', { dom: this.dom });
  }
  /** virDomainGetJobStats: the job type and its typed parameters as a record. */
  async getJobStats(flags = 0): Promise<{ type: number; params: Record<string, number | boolean | string> }> {
    const r = await this.rpc.call('DOMAIN_GET_JOB_STATS', { dom: this.dom, flags });
    return { type: r.type, params: Object.fromEntries(r.params.map((p) => [p.field, p.value.value])) };
  }
  async abortJob(): Promise<void> {
    await this.rpc.call('DOMAIN_ABORT_JOB', { dom: this.dom });
  }
  /**
   * Peer-to-peer migration with the params API (virDomainMigrateToURI3 with VIR_MIGRATE_PEER2PEER): the
   * source daemon connects to `dconnuri` itself.
   */
  async migrateToURI3(dconnuri: string, params: Readonly<Record<string, string | number>>, flags: number): Promise<void> {
    await this.rpc.call('DOMAIN_MIGRATE_PERFORM3_PARAMS', {
      dom: this.dom, dconnuri, params: recordToTypedParams(params), cookie_in: Buffer.alloc(0), flags,
    });
  }

  // snapshots
  async snapshotCreateXML(xml: string, flags = 0): Promise<DomainSnapshot> {
    const { snap } = await this.rpc.call('DOMAIN_SNAPSHOT_CREATE_XML', { dom: this.dom, xml_desc: xml, flags });
    return new RemoteDomainSnapshot(this.rpc, snap, this);
  }
  async listAllSnapshots(flags = 0): Promise<DomainSnapshot[]> {
    const r = await this.rpc.call('DOMAIN_LIST_ALL_SNAPSHOTS', { dom: this.dom, need_results: 1, flags });
    return r.snapshots.map((s) => new RemoteDomainSnapshot(this.rpc, s, this));
  }
  async snapshotLookupByName(name: string, flags = 0): Promise<DomainSnapshot> {
    const { snap } = await this.rpc.call('DOMAIN_SNAPSHOT_LOOKUP_BY_NAME', { dom: this.dom, name, flags });
    return new RemoteDomainSnapshot(this.rpc, snap, this);
  }
  async hasCurrentSnapshot(flags = 0): Promise<boolean> {
    return (await this.rpc.call('DOMAIN_HAS_CURRENT_SNAPSHOT', { dom: this.dom, flags })).result !== 0;
  }
  async snapshotCurrent(flags = 0): Promise<DomainSnapshot> {
    const { snap } = await this.rpc.call('DOMAIN_SNAPSHOT_CURRENT', { dom: this.dom, flags });
    return new RemoteDomainSnapshot(this.rpc, snap, this);
  }
  async revertToSnapshot(snapshot: DomainSnapshot, flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_REVERT_TO_SNAPSHOT', { snap: { name: snapshot.name, dom: this.dom }, flags });
  }

  async openConsole(devName: string | null, flags = 0): Promise<Stream> {
    const { stream } = await this.rpc.callWithStream('DOMAIN_OPEN_CONSOLE', { dom: this.dom, dev_name: devName, flags });
    return stream;
  }
}

export class RemoteDomainSnapshot implements DomainSnapshot {
  readonly name: string;

  constructor(private readonly rpc: RpcClient, private readonly ref: SnapshotRef, readonly domain: RemoteDomain) {
    this.name = ref.name;
  }

  async getXMLDesc(flags = 0): Promise<string> {
    return (await this.rpc.call('DOMAIN_SNAPSHOT_GET_XML_DESC', { snap: this.ref, flags })).xml;
  }
  async getParent(flags = 0): Promise<DomainSnapshot> {
    const { snap } = await this.rpc.call('DOMAIN_SNAPSHOT_GET_PARENT', { snap: this.ref, flags });
    return new RemoteDomainSnapshot(this.rpc, snap, this.domain);
  }
  async isCurrent(flags = 0): Promise<boolean> {
    return (await this.rpc.call('DOMAIN_SNAPSHOT_IS_CURRENT', { snap: this.ref, flags })).current !== 0;
  }
  async hasMetadata(flags = 0): Promise<boolean> {
    return (await this.rpc.call('DOMAIN_SNAPSHOT_HAS_METADATA', { snap: this.ref, flags })).metadata !== 0;
  }
  async listAllChildren(flags = 0): Promise<DomainSnapshot[]> {
    const r = await this.rpc.call('DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN', { snapshot: this.ref, need_results: 1, flags });
    return r.snapshots.map((s) => new RemoteDomainSnapshot(this.rpc, s, this.domain));
  }
  async delete(flags = 0): Promise<void> {
    await this.rpc.call('DOMAIN_SNAPSHOT_DELETE', { snap: this.ref, flags });
  }
}
