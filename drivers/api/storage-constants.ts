// libvirt's constants of storage pools and volumes (virStoragePool*, virStorageVol*) and pool events.

/** virStoragePoolState */
export const VIR_STORAGE_POOL_INACTIVE = 0;
export const VIR_STORAGE_POOL_BUILDING = 1;
export const VIR_STORAGE_POOL_RUNNING = 2;
export const VIR_STORAGE_POOL_DEGRADED = 3;
export const VIR_STORAGE_POOL_INACCESSIBLE = 4;

/** virStoragePoolBuildFlags */
export const VIR_STORAGE_POOL_BUILD_NEW = 0;
export const VIR_STORAGE_POOL_BUILD_REPAIR = 1 << 0;
export const VIR_STORAGE_POOL_BUILD_RESIZE = 1 << 1;
export const VIR_STORAGE_POOL_BUILD_NO_OVERWRITE = 1 << 2;
export const VIR_STORAGE_POOL_BUILD_OVERWRITE = 1 << 3;

/** virStoragePoolCreateFlags */
export const VIR_STORAGE_POOL_CREATE_NORMAL = 0;
export const VIR_STORAGE_POOL_CREATE_WITH_BUILD = 1 << 0;
export const VIR_STORAGE_POOL_CREATE_WITH_BUILD_OVERWRITE = 1 << 1;
export const VIR_STORAGE_POOL_CREATE_WITH_BUILD_NO_OVERWRITE = 1 << 2;

/** virStoragePoolDefineFlags */
export const VIR_STORAGE_POOL_DEFINE_VALIDATE = 1 << 0;

/** virStoragePoolDeleteFlags */
export const VIR_STORAGE_POOL_DELETE_NORMAL = 0;
export const VIR_STORAGE_POOL_DELETE_ZEROED = 1 << 0;

/** virStorageXMLFlags */
export const VIR_STORAGE_XML_INACTIVE = 1 << 0;

/** virStorageVolType */
export const VIR_STORAGE_VOL_FILE = 0;
export const VIR_STORAGE_VOL_BLOCK = 1;
export const VIR_STORAGE_VOL_DIR = 2;
export const VIR_STORAGE_VOL_NETWORK = 3;
export const VIR_STORAGE_VOL_NETDIR = 4;
export const VIR_STORAGE_VOL_PLOOP = 5;

/** virStorageVolCreateFlags */
export const VIR_STORAGE_VOL_CREATE_PREALLOC_METADATA = 1 << 0;
export const VIR_STORAGE_VOL_CREATE_REFLINK = 1 << 1;
export const VIR_STORAGE_VOL_CREATE_VALIDATE = 1 << 2;

/** virStorageVolDeleteFlags */
export const VIR_STORAGE_VOL_DELETE_NORMAL = 0;
export const VIR_STORAGE_VOL_DELETE_ZEROED = 1 << 0;
export const VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS = 1 << 1;

/** virStorageVolResizeFlags */
export const VIR_STORAGE_VOL_RESIZE_ALLOCATE = 1 << 0;
export const VIR_STORAGE_VOL_RESIZE_DELTA = 1 << 1;
export const VIR_STORAGE_VOL_RESIZE_SHRINK = 1 << 2;

/** virStorageVolWipeAlgorithm */
export const VIR_STORAGE_VOL_WIPE_ALG_ZERO = 0;

/** virStorageVolUploadFlags / virStorageVolDownloadFlags */
export const VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM = 1 << 0;
export const VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM = 1 << 0;

// events

/** virStoragePoolEventID and virStoragePoolEventLifecycleType */
export const VIR_STORAGE_POOL_EVENT_ID_LIFECYCLE = 0;
export const VIR_STORAGE_POOL_EVENT_ID_REFRESH = 1;
export const VIR_STORAGE_POOL_EVENT_DEFINED = 0;
export const VIR_STORAGE_POOL_EVENT_UNDEFINED = 1;
export const VIR_STORAGE_POOL_EVENT_STARTED = 2;
export const VIR_STORAGE_POOL_EVENT_STOPPED = 3;
export const VIR_STORAGE_POOL_EVENT_CREATED = 4;
export const VIR_STORAGE_POOL_EVENT_DELETED = 5;
