// Releasing resources and registrations.

/** Something that holds a resource or a registration; dispose() releases it and is idempotent. */
export interface Disposable {
  dispose(): void;
}

/** A registration whose release needs a round trip to the host (e.g. an event callback on libvirtd). */
export interface AsyncDisposable {
  dispose(): Promise<void>;
}
