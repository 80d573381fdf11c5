import { validateName, type NamedObject } from '../validate/name.js';
import { normalizeUuid, validateUuid } from '../validate/uuid.js';
import { XmlModel } from './xml-model.js';

/** A document of a libvirt object named by `<name>` and `<uuid>` (domain, network, storage pool). */
export abstract class NamedXmlModel extends XmlModel {
  /** What the name names, for libvirt's naming rules and the error message. */
  protected abstract readonly objectKind: NamedObject;
  /** The schema's order of the root's children, so that a new `<name>` or `<uuid>` lands where libvirt puts it. */
  protected abstract readonly childOrder: readonly string[];

  get name(): string {
    return this.requiredText('name');
  }

  set name(name: string) {
    const err = validateName(name, this.objectKind);
    if (err !== undefined) throw err;
    this.setText('name', name, this.childOrder);
  }

  get uuid(): string | undefined {
    return this.getText('uuid')?.trim();
  }

  set uuid(uuid: string | undefined) {
    if (uuid !== undefined) {
      const err = validateUuid(uuid);
      if (err !== undefined) throw err;
    }
    this.setText('uuid', uuid === undefined ? undefined : normalizeUuid(uuid), this.childOrder);
  }
}
