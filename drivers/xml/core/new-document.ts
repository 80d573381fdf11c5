import { XmlDocument } from './document.js';
import { formatNew, XmlText, type XmlElement } from './nodes.js';

/** Wraps a freshly built root as a document, indented the way libvirt writes (two spaces, single quotes). */
export function newDocument(root: XmlElement): XmlDocument {
  formatNew(root, '');
  return new XmlDocument([root, new XmlText('\n')], root, "'");
}
