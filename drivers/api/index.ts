// The hypervisor-neutral driver contract. It mirrors libvirt's public API one to one so that what users read
// in libvirt's documentation applies: a method is named after its C function without the `vir` prefix (and
// without `Connect` for connection calls), e.g. virDomainLookupByName → Connection.domainLookupByName,
// virConnectListAllDomains → Connection.listAllDomains, virDomainShutdownFlags → Domain.shutdown(flags).
// Every numeric constant (flags, states, event and detail codes, error codes) is libvirt's own value, so the
// remote driver passes them through the wire unchanged.
//
// One file per subject: libvirt's constants per object, one file per object's interface, the error type.
export * from './errors.js';
export * from './disposable.js';
export * from './connection-constants.js';
export * from './connection.js';
export * from './open-options.js';
export * from './domain-constants.js';
export * from './domain.js';
export * from './domain-events.js';
export * from './domain-stats-constants.js';
export * from './domain-stats.js';
export * from './snapshot-constants.js';
export * from './snapshot.js';
export * from './network-constants.js';
export * from './network.js';
export * from './network-events.js';
export * from './storage-constants.js';
export * from './storage.js';
export * from './storage-pool-events.js';
export * from './node-device-constants.js';
export * from './node-device.js';
export * from './node-device-events.js';
export * from './stream.js';
export * from './tunnel.js';
