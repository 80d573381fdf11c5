/** What went wrong with a piece of XML, so callers can react without parsing messages. */
export type XmlErrorKind =
  /** Not well-formed XML at all. */
  | 'malformed'
  /** Well-formed, but the document element is not the one expected (e.g. <network> given to parseDomain). */
  | 'wrong-root'
  /** A field holds a value libvirt would never accept (negative memory, bad MAC, unknown unit...). */
  | 'invalid-value'
  /** A field that must be present is absent. */
  | 'missing';

/**
 * The one error type of drivers/xml. `field` names what is wrong in the terms of the model
 * (e.g. 'memory', 'devices.interface[0].mac', 'xml' for malformed input), so a form can point at it.
 */
export class XmlError extends Error {
  override readonly name = 'XmlError';
  readonly field: string;
  readonly kind: XmlErrorKind;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(field: string, message: string, kind: XmlErrorKind = 'invalid-value', position?: { line?: number; column?: number }) {
    super(`${field}: ${message}`);
    this.field = field;
    this.kind = kind;
    this.line = position?.line;
    this.column = position?.column;
  }
}
