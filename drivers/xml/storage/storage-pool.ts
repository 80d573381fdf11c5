import { XmlDocument } from '../core/document.js';
import { XmlElement } from '../core/nodes.js';
import { readScaled } from '../core/scaled.js';
import { NamedXmlModel } from '../core/named-model.js';
import { XmlError } from '../core/xml-error.js';
import { readPermissions, writePermissions, type Permissions } from './permissions.js';

export const poolTypes = [
  'dir', 'fs', 'netfs', 'logical', 'disk', 'iscsi', 'iscsi-direct', 'scsi', 'mpath', 'rbd', 'sheepdog', 'gluster', 'zfs', 'vstorage',
] as const;
export type PoolType = (typeof poolTypes)[number];

const poolOrder = ['name', 'uuid', 'capacity', 'allocation', 'available', 'features', 'source', 'target'];
const sourceOrder = ['host', 'device', 'dir', 'adapter', 'name', 'format', 'initiator', 'auth', 'vendor', 'product', 'protocol'];

/** Every source field any pool type uses; each type reads the ones it needs. */
export interface PoolSource {
  /** Block devices (fs, logical, disk): `<device path=…>`. */
  readonly devices?: readonly string[];
  /** Remote directory (netfs, gluster): `<dir path=…>`. */
  readonly dir?: string;
  /** Remote hosts (netfs, iscsi, rbd, gluster, sheepdog). */
  readonly hosts?: readonly { readonly name: string; readonly port?: number }[];
  /** SCSI host adapter (scsi): `<adapter name=… type=…>`. */
  readonly adapter?: { readonly type?: string; readonly name?: string; readonly wwnn?: string; readonly wwpn?: string; readonly parent?: string };
  /** Volume group (logical), RBD pool, gluster volume, zfs pool name. */
  readonly name?: string;
  /** Format of the source (fs: ext4/auto…, netfs: nfs/cifs, disk: dos/gpt, logical: lvm2). */
  readonly format?: string;
  /** iSCSI initiator IQN. */
  readonly initiatorIqn?: string;
  /** netfs protocol version (`<protocol ver=…>`). */
  readonly protocolVersion?: string;
  /** CHAP (iSCSI) or Ceph (rbd) credentials: a libvirt secret by UUID or usage. */
  readonly auth?: { readonly type: string; readonly username: string; readonly secretUuid?: string; readonly secretUsage?: string };
  /** SCSI/FC vendor and product filters (`<vendor name=…>`, `<product name=…>`). */
  readonly vendor?: string;
  readonly product?: string;
}

/** Typed, lossless model of libvirt storage pool XML. */
export class StoragePoolXml extends NamedXmlModel {
  protected readonly objectKind = 'pool';
  protected readonly childOrder = poolOrder;

  get type(): string {
    return this.element.attr('type') ?? '';
  }

  /** Bytes (libvirt reports these for defined pools). */
  get capacity(): number | undefined {
    return readScaled(this.element.child('capacity'), 'capacity', 'bytes');
  }

  get allocation(): number | undefined {
    return readScaled(this.element.child('allocation'), 'allocation', 'bytes');
  }

  get available(): number | undefined {
    return readScaled(this.element.child('available'), 'available', 'bytes');
  }

  get source(): PoolSource {
    return readPoolSource(this.element.child('source'));
  }

  /** Replaces the fields given (others, and anything unknown in <source>, stay). */
  setSource(src: PoolSource): void {
    const s = this.element.ensureChild('source', poolOrder);
    if (src.devices !== undefined) {
      for (const d of s.childrenNamed('device')) s.removeChild(d);
      for (const d of src.devices) s.insertChild(XmlElement.create('device', { path: d }), sourceOrder);
    }
    if (src.dir !== undefined) s.ensureChild('dir', sourceOrder).setAttr('path', src.dir);
    if (src.hosts !== undefined) {
      for (const h of s.childrenNamed('host')) s.removeChild(h);
      for (const h of src.hosts) {
        if (h.port !== undefined && (!Number.isInteger(h.port) || h.port < 1 || h.port > 65535)) {
          throw new XmlError('source.host.port', `port must be 1–65535, got ${h.port}`);
        }
        s.insertChild(XmlElement.create('host', { name: h.name, port: h.port }), sourceOrder);
      }
    }
    if (src.adapter !== undefined) {
      const a = s.ensureChild('adapter', sourceOrder);
      for (const [k, v] of Object.entries(src.adapter)) a.setAttr(k, v as string | undefined);
    }
    if (src.name !== undefined) s.ensureChild('name', sourceOrder).text = src.name;
    if (src.format !== undefined) s.ensureChild('format', sourceOrder).setAttr('type', src.format);
    if (src.initiatorIqn !== undefined) s.ensureChild('initiator', sourceOrder).ensureChild('iqn').setAttr('name', src.initiatorIqn);
    if (src.protocolVersion !== undefined) s.ensureChild('protocol', sourceOrder).setAttr('ver', src.protocolVersion);
    if (src.auth !== undefined) {
      if ((src.auth.secretUuid === undefined) === (src.auth.secretUsage === undefined)) {
        throw new XmlError('source.auth.secret', 'name the secret by either its UUID or its usage');
      }
      const auth = s.ensureChild('auth', sourceOrder).setAttr('type', src.auth.type).setAttr('username', src.auth.username);
      auth.ensureChild('secret').setAttr('uuid', src.auth.secretUuid).setAttr('usage', src.auth.secretUsage);
    }
    if (src.vendor !== undefined) s.ensureChild('vendor', sourceOrder).setAttr('name', src.vendor);
    if (src.product !== undefined) s.ensureChild('product', sourceOrder).setAttr('name', src.product);
  }

  get targetPath(): string | undefined {
    return this.getText('target/path')?.trim();
  }

  set targetPath(path: string | undefined) {
    if (path !== undefined && !path.startsWith('/')) throw new XmlError('target.path', 'the target path must be absolute');
    if (path === undefined) this.removePath('target/path');
    else this.ensurePath('target', poolOrder).ensureChild('path', ['path', 'permissions']).text = path;
  }

  get targetPermissions(): Permissions | undefined {
    return readPermissions(this.element.path('target/permissions'));
  }

  set targetPermissions(perms: Permissions) {
    writePermissions(this.ensurePath('target', poolOrder).ensureChild('permissions', ['path', 'permissions']), perms);
  }
}

/** A `<source>` element's fields (a pool's, or one of the `<sources>` libvirt finds); none for no element. */
export function readPoolSource(s: XmlElement | undefined): PoolSource {
  if (s === undefined) return {};
  const out: {
    devices?: string[]; dir?: string; hosts?: { name: string; port?: number }[]; adapter?: Record<string, string>;
    name?: string; format?: string; initiatorIqn?: string; protocolVersion?: string;
    auth?: { type: string; username: string; secretUuid?: string; secretUsage?: string }; vendor?: string; product?: string;
  } = {};
  const devices = s.childrenNamed('device').map((d) => d.attr('path') ?? '');
  if (devices.length > 0) out.devices = devices;
  const dir = s.child('dir')?.attr('path');
  if (dir !== undefined) out.dir = dir;
  const hosts = s.childrenNamed('host').map((h) => {
    const port = portOf(h.attr('port'));
    return { name: h.attr('name') ?? '', ...(port === undefined ? {} : { port }) };
  });
  if (hosts.length > 0) out.hosts = hosts;
  const adapter = s.child('adapter');
  if (adapter !== undefined) {
    const a: Record<string, string> = {};
    for (const k of ['type', 'name', 'wwnn', 'wwpn', 'parent']) {
      const v = adapter.attr(k);
      if (v !== undefined) a[k] = v;
    }
    out.adapter = a;
  }
  const name = s.child('name')?.text.trim();
  if (name !== undefined && name !== '') out.name = name;
  const format = s.child('format')?.attr('type');
  if (format !== undefined) out.format = format;
  const iqn = s.path('initiator/iqn')?.attr('name');
  if (iqn !== undefined) out.initiatorIqn = iqn;
  const ver = s.child('protocol')?.attr('ver');
  if (ver !== undefined) out.protocolVersion = ver;
  const auth = s.child('auth');
  if (auth !== undefined) {
    const secret = auth.child('secret');
    const uuid = secret?.attr('uuid');
    const usage = secret?.attr('usage');
    out.auth = { type: auth.attr('type') ?? '', username: auth.attr('username') ?? '', ...(uuid === undefined ? {} : { secretUuid: uuid }), ...(usage === undefined ? {} : { secretUsage: usage }) };
  }
  const vendor = s.child('vendor')?.attr('name');
  if (vendor !== undefined) out.vendor = vendor;
  const product = s.child('product')?.attr('name');
  if (product !== undefined) out.product = product;
  return out;
}

function portOf(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  if (!/^-?(0x[0-9a-fA-F]+|[0-9]+)$/.test(t)) throw new XmlError('source.host.port', `'${raw}' is not an integer`);
  return Number(t);
}

/** The sources libvirt's findStoragePoolSources answers (`<sources><source>…</source>…</sources>`), in its order. */
export function parsePoolSources(xml: string): PoolSource[] {
  return XmlDocument.parse(xml, 'sources').root.childrenNamed('source').map((s) => readPoolSource(s));
}

export function parseStoragePool(xml: string): StoragePoolXml {
  const model = new StoragePoolXml(XmlDocument.parse(xml, 'pool'));
  void model.name;
  if (model.type === '') throw new XmlError('type', 'a pool needs a type', 'missing');
  return model;
}
