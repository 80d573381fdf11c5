// The state of one Demo host: its node info and every object, the event queue, and the life of its guests.
// Connections (demo-connection.ts) are views on a host; test:///default's host is shared by its connections,
// like libvirt's test driver shares its default state.
import * as api from '../api/index.js';
import type { DomainObject} from './domain-object.js';
import { sizing } from './domain-object.js';
import { EventBus, type HostEvent } from './event-bus.js';
import { GuestActivity } from './guest-activity.js';
import { GuestConsole } from './guest-console.js';
import type { NetworkObject } from './network-object.js';
import type { NodeDeviceObject } from './node-device-object.js';
import type { PoolObject } from './pool-object.js';
import { type XmlElement } from '../xml/index.js';
import { childText, sizeIn } from './xml-access.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class DemoHost {
  nodeInfo: api.NodeInfo = {
    model: 'i686',
    memory: 3 * 1024 * 1024,
    cpus: 16,
    mhz: 1400,
    nodes: 2,
    sockets: 2,
    cores: 2,
    threads: 2,
  };
  readonly domains = new Map<string, DomainObject>();
  readonly networks = new Map<string, NetworkObject>();
  readonly pools = new Map<string, PoolObject>();
  readonly devices = new Map<string, NodeDeviceObject>();
  readonly events = new EventBus();
  private nextDomId = 1;
  private readonly changeListeners = new Set<() => void>();
  private disposed = false;

  // ── lookups ──

  domainByName(name: string): DomainObject | undefined {
    for (const d of this.domains.values()) if (d.name === name) return d;
    return undefined;
  }
  domainById(id: number): DomainObject | undefined {
    if (id < 0) return undefined;
    for (const d of this.domains.values()) if (d.id === id) return d;
    return undefined;
  }
  networkByName(name: string): NetworkObject | undefined {
    for (const n of this.networks.values()) if (n.name === name) return n;
    return undefined;
  }
  poolByName(name: string): PoolObject | undefined {
    for (const p of this.pools.values()) if (p.name === name) return p;
    return undefined;
  }

  // ── guests ──

  /** Puts a domain in a running state with a fresh ID and starts its guest simulation. */
  startGuest(dom: DomainObject, state: number, reason: number): void {
    dom.beginLive(this.nextDomId++);
    dom.state = state;
    dom.reason = reason;
    dom.hasManagedSave = false;
    this.attachGuest(dom);
  }

  /** Starts the simulation of a domain that is already marked active. */
  attachGuest(dom: DomainObject): void {
    this.detachGuest(dom);
    const s = sizing(dom.def);
    dom.activity = new GuestActivity(dom.uuid, s.vcpus, dom.state === api.VIR_DOMAIN_RUNNING);
    dom.console = new GuestConsole(guestInfo(dom.def), {
      powerOff: () => this.guestPowerOff(dom),
      reboot: () => this.guestReboot(dom),
    });
    dom.console.boot();
  }

  /** Stops a domain: shut off with `reason`; a transient domain disappears. */
  stopGuest(dom: DomainObject, reason: number): void {
    this.detachGuest(dom);
    dom.endLive();
    dom.state = api.VIR_DOMAIN_SHUTOFF;
    dom.reason = reason;
    if (!dom.persistent) this.domains.delete(dom.uuid);
  }

  private detachGuest(dom: DomainObject): void {
    dom.console?.dispose();
    dom.console = null;
    dom.activity = null;
  }

  private guestPowerOff(dom: DomainObject): void {
    if (!this.domains.has(dom.uuid) || !dom.active) return;
    const ref = this.domainRef(dom);
    this.stopGuest(dom, api.VIR_DOMAIN_SHUTOFF_SHUTDOWN);
    this.emitDomain(ref, { eventId: api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, event: api.VIR_DOMAIN_EVENT_SHUTDOWN, detail: api.VIR_DOMAIN_EVENT_SHUTDOWN_GUEST });
    this.emitDomain(ref, { eventId: api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, event: api.VIR_DOMAIN_EVENT_STOPPED, detail: api.VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN });
    this.changed();
  }

  private guestReboot(dom: DomainObject): void {
    if (!this.domains.has(dom.uuid) || !dom.active) return;
    this.emitDomain(this.domainRef(dom), { eventId: api.VIR_DOMAIN_EVENT_ID_REBOOT });
    dom.console?.boot();
  }

  // ── events and change ──

  domainRef(dom: DomainObject): { name: string; uuid: string; id: number } {
    return { name: dom.name, uuid: dom.uuid, id: dom.id };
  }

  emitDomain(
    ref: { name: string; uuid: string; id: number },
    body: DistributiveOmit<api.DomainEvent, 'domain'>,
  ): void {
    this.events.emit({ kind: 'domain', ref, body } as HostEvent);
  }
  emitLifecycle(dom: DomainObject, event: number, detail: number): void {
    this.emitDomain(this.domainRef(dom), { eventId: api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, event, detail });
  }
  emitNetwork(net: NetworkObject, event: number): void {
    this.events.emit({
      kind: 'network',
      ref: { name: net.name, uuid: net.uuid },
      body: { eventId: api.VIR_NETWORK_EVENT_ID_LIFECYCLE, event, detail: 0 },
    });
  }
  emitPool(pool: PoolObject, event: number | 'refresh'): void {
    const ref = { name: pool.name, uuid: pool.uuid };
    if (event === 'refresh') this.events.emit({ kind: 'pool', ref, body: { eventId: api.VIR_STORAGE_POOL_EVENT_ID_REFRESH } });
    else this.events.emit({ kind: 'pool', ref, body: { eventId: api.VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE, event, detail: 0 } });
  }
  emitNodeDevice(name: string, event: number | 'update'): void {
    if (event === 'update') this.events.emit({ kind: 'nodedev', ref: { name }, body: { eventId: api.VIR_NODE_DEVICE_EVENT_ID_UPDATE } });
    else this.events.emit({ kind: 'nodedev', ref: { name }, body: { eventId: api.VIR_NODE_DEVICE_EVENT_ID_LIFECYCLE, event, detail: 0 } });
  }

  /** Tells observers (persistence) that the state changed. */
  changed(): void {
    for (const l of [...this.changeListeners]) l();
  }
  onChange(listener: () => void): api.Disposable {
    this.changeListeners.add(listener);
    return { dispose: () => void this.changeListeners.delete(listener) };
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Stops every guest simulation and the event queue. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.domains.values()) this.detachGuest(d);
    this.events.dispose();
    this.changeListeners.clear();
  }
}

/** What the guest console needs to know of a domain definition. */
function guestInfo(def: XmlElement): ConstructorParameters<typeof GuestConsole>[0] {
  const devices = def.path('devices');
  const disks = devices
    ? devices.childrenNamed('disk')
        .filter((d) => (d.attr('device') ?? 'disk') === 'disk')
        .map((d) => ({ target: d.path('target')?.attr('dev') ?? 'vda', bytes: 20 * 1024 ** 3 }))
    : [];
  const nics = devices ? devices.childrenNamed('interface').map((n) => ({ mac: n.path('mac')?.attr('address') ?? '52:54:00:00:00:01' })) : [];
  const s = sizing(def);
  return {
    hostname: (childText(def, 'name') ?? 'guest').toLowerCase().replace(/[^a-z0-9-]/g, '-'),
    memoryKiB: sizeIn(def.path('currentMemory'), 'KiB', 'KiB') ?? s.curMemKiB,
    vcpus: s.vcpus,
    disks,
    nics,
  };
}
