// Options for opening a connection that every driver understands.

/** Options for opening any connection; each driver extends them with its own (DemoOpenOptions, RemoteOpenOptions). */
export interface OpenOptions {
  /** Read-only connection (VIR_CONNECT_RO). */
  readonly readOnly?: boolean;
}
