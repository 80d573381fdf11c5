import type { DomainXml } from '../../../drivers/xml/index.js';
import type { DomainSummary } from '../../../main/api/contract/index.js';
import { runEdit } from '../devices/parts/field-context.js';

/** What the Details frame gives the pages that are not a device's (Overview, OS information, CPUs, Memory, Boot). */
export interface SectionPageProps {
  readonly connection: string;
  readonly uuid: string;
  readonly domain: DomainSummary;
  /** The working copy of the persistent definition, edited in place. */
  readonly draft: DomainXml;
  /** The running VM's definition (undefined when shut off). */
  readonly live?: DomainXml;
  readonly running: boolean;
  /** The page edited `draft` in place: the frame re-renders and enables Apply (which tells what can change live). */
  readonly onChange: () => void;
  /** A field's error (undefined clears it); any error blocks Apply. */
  readonly onInvalid: (field: string, message: string | undefined) => void;
  /** Autostart as it will be after Apply (not part of the XML), and its setter: for the Boot options page. */
  readonly autostart: boolean;
  readonly onAutostart: (on: boolean) => void;
}

/**
 * An edit of a section page's field: runs it on the draft; the model's refusal becomes the field's error (and is
 * returned, for the field to show), success clears it and reports the change.
 */
export function editField(props: Pick<SectionPageProps, 'onChange' | 'onInvalid'>, field: string, edit: () => void): string | undefined {
  const error = runEdit(edit);
  props.onInvalid(field, error);
  if (error === undefined) props.onChange();
  return error;
}
