import type { DomainCapabilitiesXml, DomainDevice, DomainXml } from '../../../../drivers/xml/index.js';
import { XmlError } from '../../../../drivers/xml/index.js';
import type { DevicePageProps, LiveApply } from '../device-page.js';

/**
 * What a device's fields need, whether they edit a device of the VM (its page) or a new one (Add Hardware):
 * the same form parts serve both, so a kind's fields are written once.
 */
export interface FieldContext {
  readonly connection: string;
  /** The definition the device belongs to (or will): controllers list what they hold, virtiofs checks shared memory. */
  readonly domain: DomainXml;
  /** The host's domain capabilities for this VM's emulator/arch/machine, once read. */
  readonly caps: DomainCapabilitiesXml | undefined;
  readonly running: boolean;
  /** A device being added: fields fixed once a device exists (MAC, disk type, bus) are editable. */
  readonly isNew: boolean;
  /**
   * Edits the device: runs `edit`; an XmlError it throws becomes `field`'s message (returned) and nothing is
   * reported as changed; otherwise the field's error is cleared and the change reported with how it applies.
   */
  apply(field: string, how: LiveApply, edit: () => void): string | undefined;
}

export interface DeviceFieldsProps<D extends DomainDevice> {
  readonly device: D;
  readonly ctx: FieldContext;
}

/** The message of an XmlError without the field path it starts with (the form shows it at the field). */
export function fieldMessage(e: unknown): string {
  if (e instanceof XmlError) return e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Runs an edit, catching the model's refusal; shared by pages and Add Hardware. */
export function runEdit(edit: () => void): string | undefined {
  try {
    edit();
    return undefined;
  } catch (e) {
    if (e instanceof XmlError) return fieldMessage(e);
    throw e;
  }
}

/** The field context of a device page, from the Details frame's props. */
export function pageContext(props: DevicePageProps, caps: DomainCapabilitiesXml | undefined): FieldContext {
  return {
    connection: props.connection,
    domain: props.draft,
    caps,
    running: props.running,
    isNew: false,
    apply(field, how, edit) {
      const error = runEdit(edit);
      props.onInvalid(field, error);
      if (error === undefined) props.onChange(how);
      return error;
    },
  };
}

/** Values of a domain-capabilities enum when libvirt reports it, else the model's list. */
export function capsChoices(caps: DomainCapabilitiesXml | undefined, device: string, name: string, fallback: readonly string[]): readonly string[] {
  const values = caps?.deviceEnum(device, name) ?? [];
  return values.length > 0 ? values : fallback;
}
