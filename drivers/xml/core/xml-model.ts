import type { XmlDocument } from './document.js';
import { ElementView } from './element-view.js';
import { XmlError } from './xml-error.js';

/** A typed model of a whole document (domain, network, …): a view of its root that can write itself back. */
export abstract class XmlModel extends ElementView {
  constructor(readonly document: XmlDocument) {
    super(document.root, '');
  }

  /** The document as XML text: the input unchanged except where edits touched it. */
  toXml(): string {
    return this.document.toXml();
  }

  /** Common to every libvirt object: `<name>`. */
  protected requiredText(path: string): string {
    const v = this.getText(path);
    if (v === undefined || v.trim() === '') throw new XmlError(path, `<${path}> is required`, 'missing');
    return v;
  }
}
