// libvirt's constants of domain snapshots (virDomainSnapshot*).

/** virDomainSnapshotCreateFlags */
export const VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT = 1 << 1;
export const VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA = 1 << 2;
export const VIR_DOMAIN_SNAPSHOT_CREATE_HALT = 1 << 3;
export const VIR_DOMAIN_SNAPSHOT_CREATE_DISK_ONLY = 1 << 4;
export const VIR_DOMAIN_SNAPSHOT_CREATE_REUSE_EXT = 1 << 5;
export const VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE = 1 << 6;
export const VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC = 1 << 7;
export const VIR_DOMAIN_SNAPSHOT_CREATE_LIVE = 1 << 8;
export const VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE = 1 << 9;

/** virDomainSnapshotListFlags */
export const VIR_DOMAIN_SNAPSHOT_LIST_ROOTS = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_LIST_METADATA = 1 << 1;
export const VIR_DOMAIN_SNAPSHOT_LIST_LEAVES = 1 << 2;
export const VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES = 1 << 3;
export const VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA = 1 << 4;
export const VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE = 1 << 5;
export const VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE = 1 << 6;
export const VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY = 1 << 7;
export const VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL = 1 << 8;
export const VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL = 1 << 9;
export const VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL = 1 << 10;

/** virDomainSnapshotRevertFlags */
export const VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED = 1 << 1;
export const VIR_DOMAIN_SNAPSHOT_REVERT_FORCE = 1 << 2;

/** virDomainSnapshotDeleteFlags */
export const VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN = 1 << 0;
export const VIR_DOMAIN_SNAPSHOT_DELETE_METADATA_ONLY = 1 << 1;
export const VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY = 1 << 2;
