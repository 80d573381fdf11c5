import { XmlDocument } from '../core/document.js';
import { XmlElement } from '../core/nodes.js';
import { newDocument } from '../core/new-document.js';
import { XmlModel } from '../core/xml-model.js';
import { XmlError } from '../core/xml-error.js';
import { DomainXml } from '../domain/domain.js';
import { validateName } from '../validate/name.js';

const snapshotOrder = ['name', 'description', 'state', 'parent', 'creationTime', 'memory', 'disks', 'active', 'inactiveDomain', 'domain', 'cookie'];

export interface SnapshotDisk {
  readonly name: string;
  /** no, internal, external, manual. */
  readonly snapshot?: string;
  readonly sourceFile?: string;
  readonly driverType?: string;
}

/** Typed, lossless model of `<domainsnapshot>`. */
export class SnapshotXml extends XmlModel {
  get name(): string | undefined {
    return this.getText('name');
  }

  set name(name: string | undefined) {
    if (name !== undefined) {
      const err = validateName(name, 'snapshot');
      if (err !== undefined) throw err;
    }
    this.setText('name', name, snapshotOrder);
  }

  get description(): string | undefined {
    return this.getText('description');
  }

  set description(text: string | undefined) {
    this.setText('description', text === '' ? undefined : text, snapshotOrder);
  }

  /** The domain's state when the snapshot was taken (running, shutoff, paused, disk-snapshot…). */
  get state(): string | undefined {
    return this.getText('state')?.trim();
  }

  get parent(): string | undefined {
    return this.getText('parent/name')?.trim();
  }

  /** Seconds since the epoch. */
  get creationTime(): number | undefined {
    return this.intOf(this.getText('creationTime'), 'creationTime');
  }

  get memorySnapshot(): string | undefined {
    return this.getAttr('memory@snapshot');
  }

  set memorySnapshot(mode: string | undefined) {
    if (mode !== undefined) this.checkOneOf(mode, ['no', 'internal', 'external'], 'memory.snapshot');
    if (mode === undefined) this.removePath('memory');
    else this.setAttrAt('memory@snapshot', mode, snapshotOrder);
  }

  get disks(): SnapshotDisk[] {
    return (this.element.child('disks')?.childrenNamed('disk') ?? []).map((d) => {
      const out: { name: string; snapshot?: string; sourceFile?: string; driverType?: string } = { name: d.attr('name') ?? '' };
      const snapshot = d.attr('snapshot');
      if (snapshot !== undefined) out.snapshot = snapshot;
      const file = d.child('source')?.attr('file');
      if (file !== undefined) out.sourceFile = file;
      const driverType = d.child('driver')?.attr('type');
      if (driverType !== undefined) out.driverType = driverType;
      return out;
    });
  }

  setDisks(disks: readonly SnapshotDisk[]): void {
    const existing = this.element.child('disks');
    if (existing !== undefined) this.element.removeChild(existing);
    const el = new XmlElement('disks');
    for (const d of disks) {
      const disk = XmlElement.create('disk', { name: d.name, snapshot: d.snapshot });
      if (d.driverType !== undefined) disk.insertChild(XmlElement.create('driver', { type: d.driverType }));
      if (d.sourceFile !== undefined) disk.insertChild(XmlElement.create('source', { file: d.sourceFile }));
      el.insertChild(disk);
    }
    this.element.insertChild(el, snapshotOrder);
  }

  /** The domain definition saved with the snapshot, as a full (lossless) domain model. */
  get domain(): DomainXml | undefined {
    const d = this.element.child('domain');
    return d === undefined ? undefined : new DomainXml(new XmlDocument([d], d, this.document.quote));
  }
}

export function parseSnapshot(xml: string): SnapshotXml {
  const model = new SnapshotXml(XmlDocument.parse(xml, 'domainsnapshot'));
  void model.creationTime;
  return model;
}

export interface SnapshotSpec {
  readonly name?: string;
  readonly description?: string;
  readonly memory?: 'no' | 'internal' | 'external';
  readonly disks?: readonly SnapshotDisk[];
}

/** XML for `virDomainSnapshotCreateXML`. */
export function buildSnapshot(spec: SnapshotSpec): SnapshotXml {
  const snap = new SnapshotXml(newDocument(new XmlElement('domainsnapshot')));
  if (spec.name !== undefined) snap.name = spec.name;
  if (spec.description !== undefined) snap.description = spec.description;
  if (spec.memory !== undefined) snap.memorySnapshot = spec.memory;
  if (spec.disks !== undefined) {
    if (spec.disks.some((d) => d.name === '')) throw new XmlError('disks.name', 'each disk needs its target name (vda, sdb…)');
    snap.setDisks(spec.disks);
  }
  return snap;
}
