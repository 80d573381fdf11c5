/** A problem in the XML to show at its line (libvirt's schema message, a parse error). */
export interface XmlError {
  /** 1-based line; without it the message is shown below the editor only. */
  readonly line?: number;
  readonly message: string;
}

export interface XmlEditorProps {
  readonly value: string;
  readonly onChange?: (value: string) => void;
  readonly readOnly?: boolean;
  /** The accessible name of the editor. */
  readonly label: string;
  readonly error?: XmlError;
}

export interface XmlDiffProps {
  readonly before: string;
  readonly after: string;
  /** The accessible name of the diff. */
  readonly label: string;
}
