// A domain handle of the Demo host and the domain lifecycle: libvirt's test-driver state machine, its checks,
// error codes and messages (src/test/test_driver.c), and the events each transition queues.
import * as api from '../api/index.js';
import type { DemoContext } from './demo-context.js';
import { DemoSnapshot, createSnapshot, listSnapshots } from './demo-snapshot.js';
import type { DomainObject} from './domain-object.js';
import { domainModel, sizing } from './domain-object.js';
import { orderDomainChildren } from './definitions.js';
import { checkFlags, testError, virError } from './errors.js';
import { MemoryStream } from './memory-stream.js';
import { guestAddresses } from './guest-addresses.js';
import { writeSaveImage } from './save-image.js';
import { consolePng } from './screenshot-png.js';
import { revertToSnapshot } from './snapshot-revert.js';
import { type XmlElement, formatXml, XmlError } from '../xml/index.js';
import { attrsOf, detach, element, parseTree, setAttrFirst, setChildText, textOf } from './xml-access.js';

/** libvirt's test driver allows 32 vCPUs per guest. */
export const TEST_MAX_VCPUS = 32;

const METADATA_TAGS: Readonly<Record<number, string>> = {
  [api.VIR_DOMAIN_METADATA_DESCRIPTION]: 'description',
  [api.VIR_DOMAIN_METADATA_TITLE]: 'title',
};

export class DemoDomain implements api.Domain {
  constructor(
    private readonly ctx: DemoContext,
    readonly name: string,
    readonly uuid: string,
    readonly id: number,
  ) {}

  /** The domain object, or libvirt's error for a handle whose domain is gone. */
  obj(fn: string): DomainObject {
    this.ctx.check(fn);
    const d = this.ctx.host.domains.get(this.uuid);
    if (!d) throw testError(api.VIR_ERR_NO_DOMAIN, `no domain with matching uuid '${this.uuid}' (${this.name})`);
    return d;
  }

  private get host() {
    return this.ctx.host;
  }

  private done(): void {
    this.host.changed();
  }

  async getState(): Promise<api.DomainStateReason> {
    const d = this.obj('virDomainGetState');
    return { state: d.state, reason: d.reason };
  }

  async getInfo(): Promise<api.DomainInfo> {
    const d = this.obj('virDomainGetInfo');
    const s = sizing(d.def);
    return {
      state: d.state,
      maxMem: s.maxMemKiB,
      memory: s.curMemKiB,
      nrVirtCpu: s.vcpus,
      cpuTime: d.activity?.sample().cpuNs ?? 0,
    };
  }

  async getXMLDesc(flags = 0): Promise<string> {
    const d = this.obj('virDomainGetXMLDesc');
    checkFlags(flags, api.VIR_DOMAIN_XML_SECURE | api.VIR_DOMAIN_XML_INACTIVE | api.VIR_DOMAIN_XML_UPDATE_CPU | api.VIR_DOMAIN_XML_MIGRATABLE, 'testDomainGetXMLDesc');
    const useConfig = (flags & api.VIR_DOMAIN_XML_INACTIVE) !== 0 && d.config !== null;
    const def = (useConfig && d.config ? d.config : d.def).clone();
    // libvirt writes type, then id while running, before any other attribute.
    if (d.active && !useConfig) setAttrFirst(def, 'id', String(d.id));
    else def.setAttr('id', undefined);
    setAttrFirst(def, 'type', def.attr('type') ?? 'test');
    for (const devices of def.childrenNamed('devices')) {
      devices.expandEmpty = true;
      // As libvirt does, a graphics password only with VIR_DOMAIN_XML_SECURE.
      if ((flags & api.VIR_DOMAIN_XML_SECURE) === 0) for (const g of devices.childrenNamed('graphics')) g.setAttr('passwd', undefined);
    }
    return `${formatXml(def)}\n`;
  }

  async isActive(): Promise<boolean> {
    return this.obj('virDomainIsActive').active;
  }
  async isPersistent(): Promise<boolean> {
    return this.obj('virDomainIsPersistent').persistent;
  }
  /** libvirtd's qemu driver (9.0, measured) answers false even after a config-only change to a running domain. */
  async isUpdated(): Promise<boolean> {
    this.obj('virDomainIsUpdated');
    return false;
  }
  async getAutostart(): Promise<boolean> {
    return this.obj('virDomainGetAutostart').autostart;
  }
  async setAutostart(autostart: boolean): Promise<void> {
    const d = this.obj('virDomainSetAutostart');
    d.autostart = autostart;
    this.done();
  }
  async getMaxMemory(): Promise<number> {
    return sizing(this.obj('virDomainGetMaxMemory').def).maxMemKiB;
  }
  async getVcpusFlags(flags = 0): Promise<number> {
    const d = this.obj('virDomainGetVcpusFlags');
    checkFlags(flags, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG | api.VIR_DOMAIN_VCPU_MAXIMUM, 'testDomainGetVcpusFlags');
    const { def } = oneDef(d, flags);
    const s = sizing(def);
    return flags & api.VIR_DOMAIN_VCPU_MAXIMUM ? s.maxVcpus : s.vcpus;
  }

  // ── lifecycle ──

  async create(flags = 0): Promise<void> {
    const d = this.obj('virDomainCreateWithFlags');
    checkFlags(flags, api.VIR_DOMAIN_START_PAUSED | api.VIR_DOMAIN_START_AUTODESTROY | api.VIR_DOMAIN_START_BYPASS_CACHE | api.VIR_DOMAIN_START_FORCE_BOOT, 'testDomainCreateWithFlags');
    if (d.state !== api.VIR_DOMAIN_SHUTOFF) {
      throw testError(api.VIR_ERR_INTERNAL_ERROR, `Domain '${d.name}' is already running`);
    }
    this.host.startGuest(d, api.VIR_DOMAIN_RUNNING, api.VIR_DOMAIN_RUNNING_BOOTED);
    this.host.emitLifecycle(d, api.VIR_DOMAIN_EVENT_STARTED, api.VIR_DOMAIN_EVENT_STARTED_BOOTED);
    if (flags & api.VIR_DOMAIN_START_PAUSED) {
      d.state = api.VIR_DOMAIN_PAUSED;
      d.reason = api.VIR_DOMAIN_PAUSED_USER;
      d.activity?.setRunning(false);
      this.host.emitLifecycle(d, api.VIR_DOMAIN_EVENT_SUSPENDED, api.VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    }
    this.done();
  }

  async shutdown(flags = 0): Promise<void> {
    const d = this.obj('virDomainShutdownFlags');
    checkFlags(flags, 0x1f, 'testDomainShutdownFlags');
    if (d.state === api.VIR_DOMAIN_SHUTOFF) throw testError(api.VIR_ERR_INTERNAL_ERROR, `domain '${d.name}' not running`);
    this.stop(d, api.VIR_DOMAIN_SHUTOFF_SHUTDOWN, api.VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN);
  }

  async reboot(flags = 0): Promise<void> {
    const d = this.obj('virDomainReboot');
    checkFlags(flags, 0x1f, 'testDomainReboot');
    requireActive(d);
    // on_reboot defaults to restart: the guest boots again without leaving the running state.
    d.state = api.VIR_DOMAIN_RUNNING;
    d.reason = api.VIR_DOMAIN_RUNNING_BOOTED;
    d.activity?.setRunning(true);
    this.host.emitDomain(this.host.domainRef(d), { eventId: api.VIR_DOMAIN_EVENT_ID_REBOOT });
    d.console?.boot();
    this.done();
  }

  async reset(flags = 0): Promise<void> {
    const d = this.obj('virDomainReset');
    checkFlags(flags, 0, 'testDomainReset');
    requireActive(d);
    d.console?.boot();
  }

  async destroy(flags = 0): Promise<void> {
    const d = this.obj('virDomainDestroyFlags');
    checkFlags(flags, api.VIR_DOMAIN_DESTROY_GRACEFUL, 'testDomainDestroyFlags');
    requireActive(d);
    this.stop(d, api.VIR_DOMAIN_SHUTOFF_DESTROYED, api.VIR_DOMAIN_EVENT_STOPPED_DESTROYED);
  }

  private stop(d: DomainObject, reason: number, detail: number): void {
    const ref = this.host.domainRef(d);
    this.host.stopGuest(d, reason);
    this.host.emitDomain(ref, { eventId: api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, event: api.VIR_DOMAIN_EVENT_STOPPED, detail });
    this.done();
  }

  async suspend(): Promise<void> {
    const d = this.obj('virDomainSuspend');
    if (d.state === api.VIR_DOMAIN_SHUTOFF || d.state === api.VIR_DOMAIN_PAUSED) {
      throw testError(api.VIR_ERR_INTERNAL_ERROR, `domain '${d.name}' not running`);
    }
    d.state = api.VIR_DOMAIN_PAUSED;
    d.reason = api.VIR_DOMAIN_PAUSED_USER;
    d.activity?.setRunning(false);
    this.host.emitLifecycle(d, api.VIR_DOMAIN_EVENT_SUSPENDED, api.VIR_DOMAIN_EVENT_SUSPENDED_PAUSED);
    this.done();
  }

  async resume(): Promise<void> {
    const d = this.obj('virDomainResume');
    if (d.state !== api.VIR_DOMAIN_PAUSED) throw testError(api.VIR_ERR_INTERNAL_ERROR, `domain '${d.name}' not paused`);
    d.state = api.VIR_DOMAIN_RUNNING;
    d.reason = api.VIR_DOMAIN_RUNNING_UNPAUSED;
    d.activity?.setRunning(true);
    this.host.emitLifecycle(d, api.VIR_DOMAIN_EVENT_RESUMED, api.VIR_DOMAIN_EVENT_RESUMED_UNPAUSED);
    this.done();
  }

  async managedSave(flags = 0): Promise<void> {
    const d = this.obj('virDomainManagedSave');
    checkFlags(flags, api.VIR_DOMAIN_SAVE_BYPASS_CACHE | api.VIR_DOMAIN_SAVE_RUNNING | api.VIR_DOMAIN_SAVE_PAUSED, 'testDomainManagedSave');
    requireActive(d);
    if (!d.persistent) throw testError(api.VIR_ERR_OPERATION_INVALID, 'cannot do managed save for transient domain');
    this.completeJob(d, api.VIR_DOMAIN_JOB_OPERATION_SAVE);
    this.stop(d, api.VIR_DOMAIN_SHUTOFF_SAVED, api.VIR_DOMAIN_EVENT_STOPPED_SAVED);
    d.hasManagedSave = true;
    this.done();
  }

  /** Records a finished job and tells JOB_COMPLETED listeners, as qemu does after a save. */
  private completeJob(d: DomainObject, operation: number): void {
    const memBytes = sizing(d.config ?? d.def).curMemKiB * 1024;
    const params = { operation, time_elapsed: 40 + Math.floor(memBytes / 2 ** 26), memory_total: memBytes, memory_processed: memBytes, memory_remaining: 0 };
    d.lastJob = params;
    const types: Record<string, number> = { operation: api.VIR_TYPED_PARAM_INT };
    this.host.emitDomain(this.host.domainRef(d), {
      eventId: api.VIR_DOMAIN_EVENT_ID_JOB_COMPLETED,
      params: Object.entries(params).map(([field, value]) => ({ field, type: types[field] ?? api.VIR_TYPED_PARAM_ULLONG, value })),
    });
  }

  async hasManagedSaveImage(flags = 0): Promise<boolean> {
    const d = this.obj('virDomainHasManagedSaveImage');
    checkFlags(flags, 0, 'testDomainHasManagedSaveImage');
    return d.hasManagedSave;
  }

  async managedSaveRemove(flags = 0): Promise<void> {
    const d = this.obj('virDomainManagedSaveRemove');
    checkFlags(flags, 0, 'testDomainManagedSaveRemove');
    d.hasManagedSave = false;
    this.done();
  }

  async undefine(flags = 0): Promise<void> {
    const d = this.obj('virDomainUndefineFlags');
    checkFlags(
      flags,
      api.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE | api.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA | api.VIR_DOMAIN_UNDEFINE_NVRAM | api.VIR_DOMAIN_UNDEFINE_KEEP_NVRAM,
      'testDomainUndefineFlags',
    );
    // The real drivers refuse this; libvirt's test driver lets it pass (a quirk not worth copying).
    if (!d.persistent) throw testError(api.VIR_ERR_OPERATION_INVALID, 'cannot undefine transient domain');
    if (d.hasManagedSave && !(flags & api.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE)) {
      throw testError(api.VIR_ERR_OPERATION_INVALID, 'Refusing to undefine while domain managed save image exists');
    }
    if (!d.active && d.snapshots.size > 0 && !(flags & api.VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA)) {
      throw testError(api.VIR_ERR_OPERATION_INVALID, `cannot delete inactive domain with ${d.snapshots.size} snapshots`);
    }
    this.host.emitLifecycle(d, api.VIR_DOMAIN_EVENT_UNDEFINED, api.VIR_DOMAIN_EVENT_UNDEFINED_REMOVED);
    d.hasManagedSave = false;
    if (d.active) {
      // It lives on as a transient domain until it stops.
      d.config = null;
    } else {
      this.host.domains.delete(d.uuid);
    }
    this.done();
  }

  // ── resources ──

  async setVcpus(count: number, flags = 0): Promise<void> {
    checkFlags(flags, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG | api.VIR_DOMAIN_VCPU_MAXIMUM, 'testDomainSetVcpusFlags');
    if (count > TEST_MAX_VCPUS) {
      throw testError(api.VIR_ERR_INVALID_ARG, `requested cpu amount exceeds maximum supported amount (${count} > ${TEST_MAX_VCPUS})`);
    }
    if (count < 1) throw testError(api.VIR_ERR_INVALID_ARG, 'argument unsupported: vcpu count must be at least 1');
    const d = this.obj('virDomainSetVcpusFlags');
    const { live, config } = bothDefs(d, flags);
    const maximum = (flags & api.VIR_DOMAIN_VCPU_MAXIMUM) !== 0;
    if (maximum && live) throw testError(api.VIR_ERR_INVALID_ARG, 'cannot change the maximum vcpu count of a running domain');
    for (const def of [live, config]) {
      if (def && !maximum && sizing(def).maxVcpus < count) {
        throw testError(api.VIR_ERR_INVALID_ARG, `requested cpu amount exceeds maximum (${count} > ${sizing(def).maxVcpus})`);
      }
    }
    if (live) {
      const m = domainModel(live);
      m.currentVcpus = count === m.vcpus ? undefined : count;
      d.activity?.setVcpus(count);
    }
    if (config) {
      const m = domainModel(config);
      if (maximum) {
        m.vcpus = count;
        if (m.currentVcpus === count) m.currentVcpus = undefined;
      } else {
        m.currentVcpus = count === m.vcpus ? undefined : count;
      }
    }
    this.done();
  }

  async setMemory(kib: number, flags = 0): Promise<void> {
    const d = this.obj('virDomainSetMemoryFlags');
    checkFlags(flags, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG | api.VIR_DOMAIN_MEM_MAXIMUM, 'testDomainSetMemoryFlags');
    const { def, live } = oneDef(d, flags);
    if (flags & api.VIR_DOMAIN_MEM_MAXIMUM) {
      if (live) throw testError(api.VIR_ERR_OPERATION_INVALID, 'cannot resize the maximum memory on an active domain');
      const m = domainModel(def);
      m.memory = kib * 1024;
      if ((m.currentMemory ?? Infinity) > kib * 1024) m.currentMemory = kib * 1024;
    } else {
      if (kib > sizing(def).maxMemKiB) throw testError(api.VIR_ERR_INVALID_ARG, 'cannot set memory higher than max memory');
      domainModel(def).currentMemory = kib * 1024;
      if (live) this.host.emitDomain(this.host.domainRef(d), { eventId: api.VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE, actual: kib });
    }
    this.done();
  }

  async attachDevice(xml: string, flags = 0): Promise<void> {
    const d = this.obj('virDomainAttachDeviceFlags');
    checkFlags(flags, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG, 'testDomainAttachDeviceFlags');
    const dev = parseDevice(xml);
    const { live, config } = bothDefs(d, flags);
    // A disk target already in use: libvirtd (9.0, measured) refuses a live plug as an XML error naming both
    // sources, and a config-only plug as an invalid operation; neither definition changes.
    const target = dev.path('target')?.attr('dev');
    if (dev.name === 'disk' && target) {
      const source = (disk: XmlElement): string => disk.path('source')?.attr('file') ?? disk.path('source')?.attr('dev') ?? '';
      const liveTwin = live ? findDevice(live, dev) : undefined;
      if (liveTwin) throw testError(api.VIR_ERR_XML_ERROR, `target '${target}' duplicated for disk sources '${source(liveTwin)}' and '${source(dev)}'`);
      if (config && findDevice(config, dev)) throw testError(api.VIR_ERR_OPERATION_INVALID, `target ${target} already exists`);
    }
    for (const def of [live, config]) {
      if (def) devicesOf(def).children.push(dev.clone());
    }
    if (live) {
      this.host.emitDomain(this.host.domainRef(d), { eventId: api.VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, devAlias: aliasOf(live, dev) });
    }
    this.done();
  }

  async detachDevice(xml: string, flags = 0): Promise<void> {
    const d = this.obj('virDomainDetachDeviceFlags');
    checkFlags(flags, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG, 'testDomainDetachDeviceFlags');
    const dev = parseDevice(xml);
    const { live, config } = bothDefs(d, flags);
    let alias = '';
    for (const def of [live, config]) {
      if (!def) continue;
      const found = findDevice(def, dev);
      if (!found) throw virError(api.VIR_ERR_DEVICE_MISSING, api.VIR_FROM_DOMAIN, `${describeDevice(dev)} not found`);
      if (def === live) alias = aliasOf(live, found);
      detach(devicesOf(def), found);
    }
    if (live) this.host.emitDomain(this.host.domainRef(d), { eventId: api.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, devAlias: alias });
    this.done();
  }

  async updateDevice(xml: string, flags = 0): Promise<void> {
    const d = this.obj('virDomainUpdateDeviceFlags');
    checkFlags(flags, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG | api.VIR_DOMAIN_DEVICE_MODIFY_FORCE, 'testDomainUpdateDeviceFlags');
    const dev = parseDevice(xml);
    const { live, config } = bothDefs(d, flags & ~api.VIR_DOMAIN_DEVICE_MODIFY_FORCE);
    for (const def of [live, config]) {
      if (!def) continue;
      const found = findDevice(def, dev);
      if (!found) throw virError(api.VIR_ERR_DEVICE_MISSING, api.VIR_FROM_DOMAIN, `${describeDevice(dev)} not found`);
      const devices = devicesOf(def);
      const hadMedia = found.child('source') !== undefined;
      const hasMedia = dev.child('source') !== undefined;
      devices.children[devices.children.indexOf(found)] = dev.clone();
      if (def === live && dev.name === 'disk' && (dev.attr('device') === 'cdrom' || dev.attr('device') === 'floppy') && hadMedia !== hasMedia) {
        this.host.emitDomain(this.host.domainRef(d), {
          eventId: api.VIR_DOMAIN_EVENT_ID_TRAY_CHANGE,
          devAlias: aliasOf(live, dev),
          reason: hasMedia ? api.VIR_DOMAIN_EVENT_TRAY_CHANGE_CLOSE : api.VIR_DOMAIN_EVENT_TRAY_CHANGE_OPEN,
        });
      }
    }
    this.done();
  }

  async setMetadata(type: number, metadata: string | null, key: string | null, uri: string | null, flags = 0): Promise<void> {
    const d = this.obj('virDomainSetMetadata');
    checkFlags(flags, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG, 'testDomainSetMetadata');
    const { live, config } = bothDefs(d, flags);
    for (const def of [live, config]) {
      if (!def) continue;
      const tag = METADATA_TAGS[type];
      if (tag) {
        if (metadata === null || metadata === '') def.children = def.children.filter((c) => !(c.kind === 'element' && c.name === tag));
        else setChildText(def, tag, metadata);
      } else if (type === api.VIR_DOMAIN_METADATA_ELEMENT) {
        if (!uri) throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_DOMAIN, 'metadata namespace URI must be given');
        let meta = def.child('metadata');
        if (meta) meta.children = meta.children.filter((c) => !(c.kind === 'element' && Object.values(attrsOf(c)).includes(uri)));
        if (metadata !== null && metadata !== '') {
          if (!key) throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_DOMAIN, 'metadata key must be given');
          let el: XmlElement;
          try {
            el = parseTree(metadata);
          } catch {
            throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_DOMAIN, 'malformed metadata element');
          }
          const local = el.name.includes(':') ? el.name.slice(el.name.indexOf(':') + 1) : el.name;
          el.name = `${key}:${local}`;
          for (const a of [...el.attributes]) if (a.name.startsWith('xmlns')) el.setAttr(a.name, undefined);
          setAttrFirst(el, `xmlns:${key}`, uri);
          // libvirtd puts every element of the fragment into the namespace, not only its root.
          const prefixAll = (parent: XmlElement): void => {
            for (const c of parent.children) {
              if (c.kind !== 'element') continue;
              c.name = `${key}:${c.name.includes(':') ? c.name.slice(c.name.indexOf(':') + 1) : c.name}`;
              prefixAll(c);
            }
          };
          prefixAll(el);
          if (!meta) {
            meta = element('metadata');
            def.children.push(meta);
          }
          meta.children.push(el);
        }
      } else {
        throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_DOMAIN, `unknown metadata type '${type}'`);
      }
      orderDomainChildren(def);
    }
    this.host.emitDomain(this.host.domainRef(d), {
      eventId: api.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
      type,
      nsuri: type === api.VIR_DOMAIN_METADATA_ELEMENT ? uri : null,
    });
    this.done();
  }

  async getMetadata(type: number, uri: string | null, flags = 0): Promise<string> {
    const d = this.obj('virDomainGetMetadata');
    checkFlags(flags, api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG, 'testDomainGetMetadata');
    const { def } = oneDef(d, flags);
    const missing = (): api.VirError =>
      virError(api.VIR_ERR_NO_DOMAIN_METADATA, api.VIR_FROM_DOMAIN, 'Requested metadata element is not present');
    const tag = METADATA_TAGS[type];
    if (tag) {
      const text = textOf(def.child(tag));
      if (text === undefined) throw missing();
      return text;
    }
    if (type !== api.VIR_DOMAIN_METADATA_ELEMENT) throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_DOMAIN, `unknown metadata type '${type}'`);
    const meta = def.child('metadata');
    const el = meta ? meta.elements.find((c) => uri !== null && Object.values(attrsOf(c)).includes(uri)) : undefined;
    if (!el) throw missing();
    const out = el.clone();
    out.name = out.name.includes(':') ? out.name.slice(out.name.indexOf(':') + 1) : out.name;
    // libvirt returns the element without its namespace declaration.
    for (const a of [...out.attributes]) if (a.name.startsWith('xmlns')) out.setAttr(a.name, undefined);
    return formatXml(out);
  }

  // ── snapshots ──

  async snapshotCreateXML(xml: string, flags = 0): Promise<api.DomainSnapshot> {
    const d = this.obj('virDomainSnapshotCreateXML');
    const name = createSnapshot(this.host, d, xml, flags);
    this.done();
    return new DemoSnapshot(this.ctx, this.handleFor(d), name);
  }

  async listAllSnapshots(flags = 0): Promise<api.DomainSnapshot[]> {
    const d = this.obj('virDomainListAllSnapshots');
    const self = this.handleFor(d);
    return listSnapshots(d, null, flags).map((n) => new DemoSnapshot(this.ctx, self, n));
  }

  async snapshotLookupByName(name: string, flags = 0): Promise<api.DomainSnapshot> {
    const d = this.obj('virDomainSnapshotLookupByName');
    checkFlags(flags, 0, 'testDomainSnapshotLookupByName');
    if (!d.snapshots.has(name)) throw testError(api.VIR_ERR_NO_DOMAIN_SNAPSHOT, `no domain snapshot with matching name '${name}'`);
    return new DemoSnapshot(this.ctx, this.handleFor(d), name);
  }

  async hasCurrentSnapshot(flags = 0): Promise<boolean> {
    const d = this.obj('virDomainHasCurrentSnapshot');
    checkFlags(flags, 0, 'testDomainHasCurrentSnapshot');
    return d.currentSnapshot !== null;
  }

  async snapshotCurrent(flags = 0): Promise<api.DomainSnapshot> {
    const d = this.obj('virDomainSnapshotCurrent');
    checkFlags(flags, 0, 'testDomainSnapshotCurrent');
    if (d.currentSnapshot === null) throw testError(api.VIR_ERR_NO_DOMAIN_SNAPSHOT, 'the domain does not have a current snapshot');
    return new DemoSnapshot(this.ctx, this.handleFor(d), d.currentSnapshot);
  }

  async revertToSnapshot(snapshot: api.DomainSnapshot, flags = 0): Promise<void> {
    const d = this.obj('virDomainRevertToSnapshot');
    revertToSnapshot(this.host, d, snapshot.name, flags);
    this.done();
  }

  // ── console ──

  async openConsole(devName: string | null, flags = 0): Promise<api.Stream> {
    const d = this.obj('virDomainOpenConsole');
    checkFlags(flags, api.VIR_DOMAIN_CONSOLE_FORCE | api.VIR_DOMAIN_CONSOLE_SAFE, 'testDomainOpenConsole');
    requireActive(d);
    const devices = d.def.path('devices');
    const chars = devices ? [...devices.childrenNamed('serial'), ...devices.childrenNamed('console')] : [];
    const aliases = ['serial0', 'console0'];
    if (chars.length === 0 || !d.console || (devName !== null && !aliases.includes(devName))) {
      throw virError(api.VIR_ERR_INTERNAL_ERROR, api.VIR_FROM_DOMAIN, `cannot find character device ${devName ?? '<null>'}`);
    }
    if (d.consoleSession) {
      if (!(flags & api.VIR_DOMAIN_CONSOLE_FORCE)) {
        throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_DOMAIN, 'Active console session exists for this domain');
      }
      // As libvirtd does, the session that loses the console ends with an error, not cleanly.
      d.consoleSession.close(virError(api.VIR_ERR_RPC, api.VIR_FROM_STREAMS, 'stream had I/O failure'));
    }
    const guest = d.console;
    const subs: api.Disposable[] = [];
    const release = (): void => {
      for (const s of subs.splice(0)) s.dispose();
      if (d.consoleSession === session) d.consoleSession = null;
    };
    const stream = new MemoryStream({
      write: (chunk) => guest.input(chunk),
      finish: release,
      abort: release,
    });
    const session = {
      close: (error: api.VirError | null = null): void => {
        release();
        stream.end(error);
      },
    };
    d.consoleSession = session;
    const encoder = new TextEncoder();
    const { backlog, subscription } = guest.attach((text) => void stream.push(encoder.encode(text)));
    subs.push(subscription, guest.onClosed(() => session.close()));
    if (backlog) void stream.push(encoder.encode(backlog));
    return this.ctx.adopt(stream);
  }

  // ── more guest operations ──

  async rename(newName: string, flags = 0): Promise<void> {
    const d = this.obj('virDomainRename');
    checkFlags(flags, 0, 'testDomainRename');
    if (d.active) throw testError(api.VIR_ERR_OPERATION_INVALID, 'cannot rename active domain');
    if (!d.persistent) throw testError(api.VIR_ERR_OPERATION_INVALID, 'cannot rename a transient domain');
    if (d.state !== api.VIR_DOMAIN_SHUTOFF) throw testError(api.VIR_ERR_OPERATION_INVALID, 'domain has to be shutoff before renaming');
    if (newName === d.name) throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_DOMAIN, "Can't rename domain to itself");
    if (this.host.domainByName(newName)) {
      throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_DOMAIN, `domain with name '${newName}' already exists`);
    }
    if (newName.includes('/')) throw testError(api.VIR_ERR_XML_ERROR, `name ${newName} cannot contain '/'`);
    this.host.emitLifecycle(d, api.VIR_DOMAIN_EVENT_UNDEFINED, api.VIR_DOMAIN_EVENT_UNDEFINED_RENAMED);
    setChildText(d.def, 'name', newName);
    this.host.emitLifecycle(d, api.VIR_DOMAIN_EVENT_DEFINED, api.VIR_DOMAIN_EVENT_DEFINED_RENAMED);
    this.done();
  }

  async save(to: string, dxml: string | null = null, flags = 0): Promise<void> {
    if (dxml !== null) throw testError(api.VIR_ERR_ARGUMENT_UNSUPPORTED, 'xml modification unsupported');
    const d = this.obj('virDomainSaveFlags');
    checkFlags(flags, 0, 'testDomainSaveFlags');
    requireActive(d);
    writeSaveImage(to, await this.getXMLDesc(api.VIR_DOMAIN_XML_SECURE));
    this.completeJob(d, api.VIR_DOMAIN_JOB_OPERATION_SAVE);
    this.stop(d, api.VIR_DOMAIN_SHUTOFF_SAVED, api.VIR_DOMAIN_EVENT_STOPPED_SAVED);
  }

  async sendKey(codeset: number, _holdtime: number, keycodes: readonly number[], flags = 0): Promise<void> {
    const d = this.obj('virDomainSendKey');
    checkFlags(flags, 0, 'testDomainSendKey');
    requireActive(d);
    const sets = ['linux', 'xt', 'atset1', 'atset2', 'atset3', 'os_x', 'xt_kbd', 'usb', 'win32', 'qnum'];
    for (const k of keycodes) {
      if (!Number.isInteger(k) || k < 0 || k > 0xffff) {
        throw testError(api.VIR_ERR_INTERNAL_ERROR, `invalid keycode ${k} of ${sets[codeset] ?? String(codeset)} codeset`);
      }
    }
    // Ctrl+Alt+Del (Linux key codes) makes the guest reboot, as it would on a real console.
    if (codeset === api.VIR_KEYCODE_SET_LINUX && [29, 56, 111].every((k) => keycodes.includes(k))) {
      this.host.emitDomain(this.host.domainRef(d), { eventId: api.VIR_DOMAIN_EVENT_ID_REBOOT });
      d.console?.boot();
    }
  }

  async screenshot(screen = 0, flags = 0): Promise<api.DomainScreenshot> {
    const d = this.obj('virDomainScreenshot');
    checkFlags(flags, 0, 'testDomainScreenshot');
    requireActive(d);
    if (screen !== 0) throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_DOMAIN, `screen ID ${screen} is out of range`);
    const accent: readonly [number, number, number] = d.state === api.VIR_DOMAIN_RUNNING ? [46, 160, 67] : [200, 140, 30];
    return { mime: 'image/png', data: consolePng(320, 200, accent, d.id) };
  }

  async interfaceAddresses(source: number, flags = 0): Promise<api.DomainInterface[]> {
    checkFlags(flags, 0, 'testDomainInterfaceAddresses');
    if (source < 0 || source > api.VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP) {
      throw testError(api.VIR_ERR_ARGUMENT_UNSUPPORTED, `Unknown IP address data source ${source}`);
    }
    const d = this.obj('virDomainInterfaceAddresses');
    requireActive(d);
    return guestAddresses(this.host, d).map((a) => ({ name: a.ifname, hwaddr: a.mac, addrs: [{ type: a.type, addr: a.addr, prefix: a.prefix }] }));
  }

  async getJobInfo(): Promise<api.DomainJobInfo> {
    const d = this.obj('virDomainGetJobInfo');
    requireActive(d);
    // Demo host operations complete at once: there is never a job in progress.
    return { type: api.VIR_DOMAIN_JOB_NONE, timeElapsed: 0, dataTotal: 0, dataProcessed: 0, dataRemaining: 0 };
  }

  async getJobStats(flags = 0): Promise<api.DomainJobStats> {
    const d = this.obj('virDomainGetJobStats');
    checkFlags(flags, api.VIR_DOMAIN_JOB_STATS_COMPLETED | api.VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED, 'testDomainGetJobStats');
    if (flags & api.VIR_DOMAIN_JOB_STATS_COMPLETED && d.lastJob) {
      const params = d.lastJob;
      if (!(flags & api.VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED)) d.lastJob = null;
      return { type: api.VIR_DOMAIN_JOB_COMPLETED, params };
    }
    return { type: api.VIR_DOMAIN_JOB_NONE, params: {} };
  }

  async abortJob(): Promise<void> {
    const d = this.obj('virDomainAbortJob');
    requireActive(d);
    throw testError(api.VIR_ERR_OPERATION_INVALID, 'no job is active on the domain');
  }

  async migrateToURI3(): Promise<void> {
    // What libvirtd's test driver answers the RPC this call is (it has no migration at all).
    throw virError(api.VIR_ERR_NO_SUPPORT, api.VIR_FROM_DOMAIN, 'virDomainMigratePerform3Params');
  }

  private handleFor(d: DomainObject): api.Domain {
    return this.ctx.domain(this.host.domainRef(d));
  }
}

// ── helpers shared by the lifecycle calls ──

function requireActive(d: DomainObject): void {
  if (!d.active) throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_DOMAIN, 'domain is not running');
}

/** libvirt's virDomainObjGetOneDefState: the one definition a call with `flags` affects. */
export function oneDef(d: DomainObject, flags: number): { def: XmlElement; live: boolean } {
  const both = api.VIR_DOMAIN_AFFECT_LIVE | api.VIR_DOMAIN_AFFECT_CONFIG;
  if ((flags & both) === both) {
    throw new api.VirError(
      api.VIR_ERR_INVALID_ARG,
      api.VIR_FROM_DOMAIN,
      "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive",
    );
  }
  const { live, config } = bothDefs(d, flags);
  if (live) return { def: live, live: true };
  if (config) return { def: config, live: false };
  throw new Error('unreachable: no definition');
}

/** libvirt's virDomainObjGetDefs: the live and/or persistent definitions a call with `flags` affects. */
export function bothDefs(d: DomainObject, flags: number): { live: XmlElement | null; config: XmlElement | null } {
  let wantLive = (flags & api.VIR_DOMAIN_AFFECT_LIVE) !== 0;
  let wantConfig = (flags & api.VIR_DOMAIN_AFFECT_CONFIG) !== 0;
  if (!wantLive && !wantConfig) {
    if (d.active) wantLive = true;
    else wantConfig = true;
  }
  if (wantLive && !d.active) throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_DOMAIN, 'domain is not running');
  if (wantConfig && !d.persistent) {
    throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_DOMAIN, 'transient domains do not have any persistent config');
  }
  return { live: wantLive ? d.live : null, config: wantConfig ? d.config : null };
}

function parseDevice(xml: string): XmlElement {
  try {
    return parseTree(xml);
  } catch (e) {
    if (e instanceof XmlError) {
      throw virError(api.VIR_ERR_XML_DETAIL, api.VIR_FROM_DOMAIN, `(device_definition):${e.line ?? 1}: ${e.message.replace(/^xml: (not well-formed XML: )?/, '')}`);
    }
    throw e;
  }
}

function devicesOf(def: XmlElement): XmlElement {
  let devices = def.child('devices');
  if (!devices) {
    devices = element('devices');
    def.children.push(devices);
  }
  return devices;
}

/** The device in `def` that `dev` designates: disks by target, interfaces by MAC, others by alias or equality. */
function findDevice(def: XmlElement, dev: XmlElement): XmlElement | undefined {
  const candidates = devicesOf(def).childrenNamed(dev.name);
  const alias = dev.path('alias')?.attr('name');
  if (alias) return candidates.find((c) => c.path('alias')?.attr('name') === alias);
  if (dev.name === 'disk') {
    const target = dev.path('target')?.attr('dev');
    return candidates.find((c) => c.path('target')?.attr('dev') === target);
  }
  if (dev.name === 'interface') {
    const mac = dev.path('mac')?.attr('address')?.toLowerCase();
    if (mac) return candidates.find((c) => c.path('mac')?.attr('address')?.toLowerCase() === mac);
    return candidates[0];
  }
  const text = formatXml(dev);
  return candidates.find((c) => formatXml(c) === text) ?? (candidates.length === 1 ? candidates[0] : undefined);
}

function describeDevice(dev: XmlElement): string {
  if (dev.name === 'disk') return `disk ${dev.path('target')?.attr('dev') ?? ''}`.trim();
  if (dev.name === 'interface') return `interface ${dev.path('mac')?.attr('address') ?? ''}`.trim();
  return `device ${dev.name}`;
}

/** The device alias a running domain reports, like qemu's: virtio-disk1, sata0-0-2, net0, … */
function aliasOf(def: XmlElement, dev: XmlElement): string {
  const explicit = dev.path('alias')?.attr('name');
  if (explicit) return explicit;
  const siblings = devicesOf(def).childrenNamed(dev.name);
  const index = Math.max(0, siblings.findIndex((s) => formatXml(s) === formatXml(dev)));
  if (dev.name === 'disk') {
    const target = dev.path('target');
    const bus = target?.attr('bus') ?? 'virtio';
    const letter = (target?.attr('dev') ?? 'vda').slice(-1).charCodeAt(0) - 97;
    return bus === 'virtio' ? `virtio-disk${letter}` : `${bus}0-0-${letter}`;
  }
  if (dev.name === 'interface') return `net${index}`;
  return `${dev.name}${index}`;
}
