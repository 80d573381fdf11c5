// Domain snapshots in the Demo host: the snapshot handle, creating one (test driver semantics: internal
// snapshots, the current snapshot becomes the parent), listing with libvirt's filters, and deleting.
import * as api from '../api/index.js';
import type { DemoContext } from './demo-context.js';
import type { DemoHost } from './demo-host.js';
import type { DomainObject, SnapshotRecord } from './domain-object.js';
import { parseSnapshotDefinition } from './definitions.js';
import { checkFlags, testError, virError } from './errors.js';
import { formatXml, XmlElement } from '../xml/index.js';
import { childText, element, textElement } from './xml-access.js';

const STATE_NAMES = ['nostate', 'running', 'blocked', 'paused', 'shutdown', 'shutoff', 'crashed', 'pmsuspended'];

export class DemoSnapshot implements api.DomainSnapshot {
  constructor(
    private readonly ctx: DemoContext,
    readonly domain: api.Domain,
    readonly name: string,
  ) {}

  private lookup(fn: string): { dom: DomainObject; snap: SnapshotRecord } {
    this.ctx.check(fn);
    const dom = this.ctx.host.domains.get(this.domain.uuid);
    if (!dom) throw testError(api.VIR_ERR_NO_DOMAIN, `no domain with matching uuid '${this.domain.uuid}' (${this.domain.name})`);
    const snap = dom.snapshots.get(this.name);
    if (!snap) throw testError(api.VIR_ERR_NO_DOMAIN_SNAPSHOT, `no domain snapshot with matching name '${this.name}'`);
    return { dom, snap };
  }

  async getXMLDesc(flags = 0): Promise<string> {
    const { snap } = this.lookup('virDomainSnapshotGetXMLDesc');
    checkFlags(flags, 1, 'testDomainSnapshotGetXMLDesc');
    return `${formatXml(snap.def)}\n`;
  }

  async getParent(flags = 0): Promise<api.DomainSnapshot> {
    const { snap } = this.lookup('virDomainSnapshotGetParent');
    checkFlags(flags, 0, 'testDomainSnapshotGetParent');
    if (snap.parent === null) throw testError(api.VIR_ERR_NO_DOMAIN_SNAPSHOT, `snapshot '${snap.name}' does not have a parent`);
    return new DemoSnapshot(this.ctx, this.domain, snap.parent);
  }

  async isCurrent(flags = 0): Promise<boolean> {
    const { dom } = this.lookup('virDomainSnapshotIsCurrent');
    checkFlags(flags, 0, 'testDomainSnapshotIsCurrent');
    return dom.currentSnapshot === this.name;
  }

  async hasMetadata(flags = 0): Promise<boolean> {
    this.lookup('virDomainSnapshotHasMetadata');
    checkFlags(flags, 0, 'testDomainSnapshotHasMetadata');
    return true;
  }

  async listAllChildren(flags = 0): Promise<api.DomainSnapshot[]> {
    const { dom } = this.lookup('virDomainSnapshotListAllChildren');
    return listSnapshots(dom, this.name, flags).map((n) => new DemoSnapshot(this.ctx, this.domain, n));
  }

  async delete(flags = 0): Promise<void> {
    const { dom, snap } = this.lookup('virDomainSnapshotDelete');
    checkFlags(
      flags,
      api.VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN | api.VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY | api.VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY,
      'testDomainSnapshotDelete',
    );
    const withChildren = (flags & (api.VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN | api.VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)) !== 0;
    if (withChildren) {
      for (const name of descendants(dom, snap.name)) {
        dom.snapshots.delete(name);
        if (dom.currentSnapshot === name) dom.currentSnapshot = snap.name;
      }
    } else {
      for (const c of dom.snapshots.values()) if (c.parent === snap.name) reparent(c, snap.parent);
    }
    if (!(flags & api.VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY)) {
      if (dom.currentSnapshot === snap.name) dom.currentSnapshot = snap.parent;
      dom.snapshots.delete(snap.name);
    }
    this.ctx.host.changed();
  }
}

function reparent(rec: SnapshotRecord, parent: string | null): void {
  rec.parent = parent;
  rec.def.children = rec.def.children.filter((c) => !(c.kind === 'element' && c.name === 'parent'));
  if (parent !== null) {
    const idx = rec.def.children.findIndex((c) => c.kind === 'element' && c.name === 'state');
    rec.def.children.splice(idx + 1, 0, element('parent', {}, [textElement('name', parent)]));
  }
}

/** All descendants of `name`, parents before children. */
function descendants(dom: DomainObject, name: string): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    for (const s of dom.snapshots.values()) {
      if (s.parent === p) {
        out.push(s.name);
        walk(s.name);
      }
    }
  };
  walk(name);
  return out;
}

/**
 * Snapshot names matching libvirt's list flags: of the whole domain (`from` null; ROOTS for parentless ones)
 * or below snapshot `from` (DESCENDANTS for all levels, else direct children).
 */
export function listSnapshots(dom: DomainObject, from: string | null, flags: number): string[] {
  checkFlags(flags, 0x7ff, from === null ? 'testDomainListAllSnapshots' : 'testDomainSnapshotListAllChildren');
  const recurse = (flags & api.VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS) !== 0;
  let names: string[];
  if (from === null) {
    names = topological(dom).filter((n) => !recurse || dom.snapshots.get(n)?.parent === null);
  } else {
    names = recurse ? descendants(dom, from) : topological(dom).filter((n) => dom.snapshots.get(n)?.parent === from);
  }
  const hasChildren = (n: string): boolean => [...dom.snapshots.values()].some((s) => s.parent === n);
  return names.filter((n) => {
    const s = dom.snapshots.get(n) as SnapshotRecord;
    if (flags & api.VIR_DOMAIN_SNAPSHOT_LIST_LEAVES && !(flags & api.VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES) && hasChildren(n)) return false;
    if (flags & api.VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES && !(flags & api.VIR_DOMAIN_SNAPSHOT_LIST_LEAVES) && !hasChildren(n)) return false;
    if (flags & api.VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA && !(flags & api.VIR_DOMAIN_SNAPSHOT_LIST_METADATA)) return false;
    const stateBits = flags & (api.VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE | api.VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE | api.VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY);
    if (stateBits) {
      const inactive = s.state === 'shutoff';
      const diskOnly = s.state === 'disk-snapshot';
      const ok =
        (flags & api.VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE && inactive) ||
        (flags & api.VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE && !inactive && !diskOnly) ||
        (flags & api.VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY && diskOnly);
      if (!ok) return false;
    }
    if (flags & api.VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL && !(flags & api.VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL)) return false;
    return true;
  });
}

/** Snapshot names with every parent before its children, in creation order otherwise. */
function topological(dom: DomainObject): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (s: SnapshotRecord): void => {
    if (seen.has(s.name)) return;
    seen.add(s.name);
    const parent = s.parent === null ? undefined : dom.snapshots.get(s.parent);
    if (parent) visit(parent);
    out.push(s.name);
  };
  for (const s of dom.snapshots.values()) visit(s);
  return out;
}

/** Creates a snapshot of `dom` from its XML and returns its name (testDomainSnapshotCreateXML). */
export function createSnapshot(host: DemoHost, dom: DomainObject, xml: string, flags: number): string {
  checkFlags(
    flags,
    api.VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
      api.VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT |
      api.VIR_DOMAIN_SNAPSHOT_CREATE_HALT |
      api.VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE |
      api.VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC |
      api.VIR_DOMAIN_SNAPSHOT_CREATE_LIVE |
      api.VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE,
    'testDomainSnapshotCreateXML',
  );
  const redefine = (flags & api.VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE) !== 0;
  if (!dom.persistent && flags & api.VIR_DOMAIN_SNAPSHOT_CREATE_HALT) {
    throw testError(api.VIR_ERR_OPERATION_INVALID, 'cannot halt after transient domain snapshot');
  }
  const input = parseSnapshotDefinition(xml);
  const now = Math.floor(Date.now() / 1000);
  const name = childText(input, 'name') ?? String(now);
  if (redefine && childText(input, 'name') === undefined) {
    throw virError(api.VIR_ERR_XML_ERROR, api.VIR_FROM_DOMAIN_SNAPSHOT, 'a redefined snapshot must have a name');
  }
  const existing = dom.snapshots.get(name);
  if (existing && !redefine) throw virError(api.VIR_ERR_OPERATION_FAILED, api.VIR_FROM_DOMAIN, `domain moment ${name} already exists`);

  let rec: SnapshotRecord;
  if (redefine) {
    const domEl = input.child('domain');
    rec = {
      name,
      parent: childText(input, 'parent', 'name') ?? null,
      def: input.clone(),
      domain: domEl ? domEl.clone() : dom.def.clone(),
      state: childText(input, 'state') ?? 'shutoff',
      creationTime: Number(childText(input, 'creationTime') ?? now) || now,
    };
    if (!rec.def.child('domain')) rec.def.children.push(rec.domain.clone());
  } else {
    const state = STATE_NAMES[dom.state] ?? 'nostate';
    const parent = dom.currentSnapshot;
    const def = element('domainsnapshot');
    def.children.push(textElement('name', name));
    const description = childText(input, 'description');
    if (description !== undefined) def.children.push(textElement('description', description));
    def.children.push(textElement('state', state));
    if (parent !== null) def.children.push(element('parent', {}, [textElement('name', parent)]));
    def.children.push(textElement('creationTime', String(now)));
    def.children.push(element('memory', { snapshot: state === 'shutoff' ? 'no' : 'internal' }));
    const disks = element('disks');
    const devices = dom.def.path('devices');
    for (const disk of devices ? devices.childrenNamed('disk') : []) {
      const target = disk.path('target')?.attr('dev');
      if (!target) continue;
      const readonly = disk.attr('device') === 'cdrom' || disk.attr('device') === 'floppy';
      disks.children.push(element('disk', { name: target, snapshot: readonly ? 'no' : 'internal' }));
    }
    def.children.push(disks);
    const domain = dom.def.clone();
    domain.attributes = XmlElement.create('domain', { type: domain.attr('type') ?? 'test' }).attributes;
    def.children.push(domain);
    rec = { name, parent, def, domain, state, creationTime: now };
  }
  dom.snapshots.set(name, rec);
  if (!redefine || flags & api.VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT) dom.currentSnapshot = name;
  if (!redefine && flags & api.VIR_DOMAIN_SNAPSHOT_CREATE_HALT && dom.active) {
    const ref = host.domainRef(dom);
    host.stopGuest(dom, api.VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
    host.emitDomain(ref, { eventId: api.VIR_DOMAIN_EVENT_ID_LIFECYCLE, event: api.VIR_DOMAIN_EVENT_STOPPED, detail: api.VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT });
  }
  return name;
}
