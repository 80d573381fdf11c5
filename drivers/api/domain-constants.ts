// libvirt's constants of domains (virDomain*): states and reasons, call flags, jobs, and domain events.

/** virDomainState */
export const VIR_DOMAIN_NOSTATE = 0;
export const VIR_DOMAIN_RUNNING = 1;
export const VIR_DOMAIN_BLOCKED = 2;
export const VIR_DOMAIN_PAUSED = 3;
export const VIR_DOMAIN_SHUTDOWN = 4;
export const VIR_DOMAIN_SHUTOFF = 5;
export const VIR_DOMAIN_CRASHED = 6;
export const VIR_DOMAIN_PMSUSPENDED = 7;

/** virDomainRunningReason */
export const VIR_DOMAIN_RUNNING_UNKNOWN = 0;
export const VIR_DOMAIN_RUNNING_BOOTED = 1;
export const VIR_DOMAIN_RUNNING_MIGRATED = 2;
export const VIR_DOMAIN_RUNNING_RESTORED = 3;
export const VIR_DOMAIN_RUNNING_FROM_SNAPSHOT = 4;
export const VIR_DOMAIN_RUNNING_UNPAUSED = 5;
export const VIR_DOMAIN_RUNNING_WAKEUP = 8;
export const VIR_DOMAIN_RUNNING_CRASHED = 9;

/** virDomainPausedReason */
export const VIR_DOMAIN_PAUSED_UNKNOWN = 0;
export const VIR_DOMAIN_PAUSED_USER = 1;
export const VIR_DOMAIN_PAUSED_MIGRATION = 2;
export const VIR_DOMAIN_PAUSED_SAVE = 3;
export const VIR_DOMAIN_PAUSED_DUMP = 4;
export const VIR_DOMAIN_PAUSED_IOERROR = 5;
export const VIR_DOMAIN_PAUSED_WATCHDOG = 6;
export const VIR_DOMAIN_PAUSED_FROM_SNAPSHOT = 7;
export const VIR_DOMAIN_PAUSED_SHUTTING_DOWN = 8;
export const VIR_DOMAIN_PAUSED_SNAPSHOT = 9;
export const VIR_DOMAIN_PAUSED_CRASHED = 10;
export const VIR_DOMAIN_PAUSED_STARTING_UP = 11;

/** virDomainShutdownReason */
export const VIR_DOMAIN_SHUTDOWN_UNKNOWN = 0;
export const VIR_DOMAIN_SHUTDOWN_USER = 1;

/** virDomainShutoffReason */
export const VIR_DOMAIN_SHUTOFF_UNKNOWN = 0;
export const VIR_DOMAIN_SHUTOFF_SHUTDOWN = 1;
export const VIR_DOMAIN_SHUTOFF_DESTROYED = 2;
export const VIR_DOMAIN_SHUTOFF_CRASHED = 3;
export const VIR_DOMAIN_SHUTOFF_MIGRATED = 4;
export const VIR_DOMAIN_SHUTOFF_SAVED = 5;
export const VIR_DOMAIN_SHUTOFF_FAILED = 6;
export const VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT = 7;
export const VIR_DOMAIN_SHUTOFF_DAEMON = 8;

/** virDomainCrashedReason */
export const VIR_DOMAIN_CRASHED_UNKNOWN = 0;
export const VIR_DOMAIN_CRASHED_PANICKED = 1;

/** virDomainPMSuspendedReason */
export const VIR_DOMAIN_PMSUSPENDED_UNKNOWN = 0;

/** virDomainXMLFlags (getXMLDesc) */
export const VIR_DOMAIN_XML_SECURE = 1 << 0;
export const VIR_DOMAIN_XML_INACTIVE = 1 << 1;
export const VIR_DOMAIN_XML_UPDATE_CPU = 1 << 2;
export const VIR_DOMAIN_XML_MIGRATABLE = 1 << 3;

/** virDomainDefineFlags */
export const VIR_DOMAIN_DEFINE_VALIDATE = 1 << 0;

/** virDomainCreateFlags (create, createXML) */
export const VIR_DOMAIN_NONE = 0;
export const VIR_DOMAIN_START_PAUSED = 1 << 0;
export const VIR_DOMAIN_START_AUTODESTROY = 1 << 1;
export const VIR_DOMAIN_START_BYPASS_CACHE = 1 << 2;
export const VIR_DOMAIN_START_FORCE_BOOT = 1 << 3;
export const VIR_DOMAIN_START_VALIDATE = 1 << 4;
export const VIR_DOMAIN_START_RESET_NVRAM = 1 << 5;

/** virDomainShutdownFlagValues / virDomainRebootFlagValues (same bits) */
export const VIR_DOMAIN_SHUTDOWN_DEFAULT = 0;
export const VIR_DOMAIN_SHUTDOWN_ACPI_POWER_BTN = 1 << 0;
export const VIR_DOMAIN_SHUTDOWN_GUEST_AGENT = 1 << 1;
export const VIR_DOMAIN_SHUTDOWN_INITCTL = 1 << 2;
export const VIR_DOMAIN_SHUTDOWN_SIGNAL = 1 << 3;
export const VIR_DOMAIN_SHUTDOWN_PARAVIRT = 1 << 4;
export const VIR_DOMAIN_REBOOT_DEFAULT = 0;
export const VIR_DOMAIN_REBOOT_ACPI_POWER_BTN = 1 << 0;
export const VIR_DOMAIN_REBOOT_GUEST_AGENT = 1 << 1;

/** virDomainDestroyFlagsValues */
export const VIR_DOMAIN_DESTROY_DEFAULT = 0;
export const VIR_DOMAIN_DESTROY_GRACEFUL = 1 << 0;

/** virDomainSaveRestoreFlags (managedSave) */
export const VIR_DOMAIN_SAVE_BYPASS_CACHE = 1 << 0;
export const VIR_DOMAIN_SAVE_RUNNING = 1 << 1;
export const VIR_DOMAIN_SAVE_PAUSED = 1 << 2;

/** virDomainUndefineFlagsValues */
export const VIR_DOMAIN_UNDEFINE_MANAGED_SAVE = 1 << 0;
export const VIR_DOMAIN_UNDEFINE_SNAPSHOTS_METADATA = 1 << 1;
export const VIR_DOMAIN_UNDEFINE_NVRAM = 1 << 2;
export const VIR_DOMAIN_UNDEFINE_KEEP_NVRAM = 1 << 3;
export const VIR_DOMAIN_UNDEFINE_CHECKPOINTS_METADATA = 1 << 4;

/** virDomainModificationImpact (setVcpus, setMemory, metadata, …) */
export const VIR_DOMAIN_AFFECT_CURRENT = 0;
export const VIR_DOMAIN_AFFECT_LIVE = 1 << 0;
export const VIR_DOMAIN_AFFECT_CONFIG = 1 << 1;

/** virDomainVcpuFlags */
export const VIR_DOMAIN_VCPU_CURRENT = 0;
export const VIR_DOMAIN_VCPU_LIVE = 1 << 0;
export const VIR_DOMAIN_VCPU_CONFIG = 1 << 1;
export const VIR_DOMAIN_VCPU_MAXIMUM = 1 << 2;
export const VIR_DOMAIN_VCPU_GUEST = 1 << 3;
export const VIR_DOMAIN_VCPU_HOTPLUGGABLE = 1 << 4;

/** virDomainMemoryModFlags */
export const VIR_DOMAIN_MEM_CURRENT = 0;
export const VIR_DOMAIN_MEM_LIVE = 1 << 0;
export const VIR_DOMAIN_MEM_CONFIG = 1 << 1;
export const VIR_DOMAIN_MEM_MAXIMUM = 1 << 2;

/** virDomainDeviceModifyFlags (attach/detach/update device) */
export const VIR_DOMAIN_DEVICE_MODIFY_CURRENT = 0;
export const VIR_DOMAIN_DEVICE_MODIFY_LIVE = 1 << 0;
export const VIR_DOMAIN_DEVICE_MODIFY_CONFIG = 1 << 1;
export const VIR_DOMAIN_DEVICE_MODIFY_FORCE = 1 << 2;

/** virDomainMetadataType */
export const VIR_DOMAIN_METADATA_DESCRIPTION = 0;
export const VIR_DOMAIN_METADATA_TITLE = 1;
export const VIR_DOMAIN_METADATA_ELEMENT = 2;

/** virDomainConsoleFlags */
export const VIR_DOMAIN_CONSOLE_FORCE = 1 << 0;
export const VIR_DOMAIN_CONSOLE_SAFE = 1 << 1;

/** virDomainMigrateFlags */
export const VIR_MIGRATE_LIVE = 1 << 0;
export const VIR_MIGRATE_PEER2PEER = 1 << 1;
export const VIR_MIGRATE_TUNNELLED = 1 << 2;
export const VIR_MIGRATE_PERSIST_DEST = 1 << 3;
export const VIR_MIGRATE_UNDEFINE_SOURCE = 1 << 4;
export const VIR_MIGRATE_PAUSED = 1 << 5;
/** Copy the disks too (the destination has no shared storage): whole, or only what the source's backing files lack. */
export const VIR_MIGRATE_NON_SHARED_DISK = 1 << 6;
export const VIR_MIGRATE_NON_SHARED_INC = 1 << 7;
export const VIR_MIGRATE_UNSAFE = 1 << 9;
/** Only the definition moves (the VM is shut off). */
export const VIR_MIGRATE_OFFLINE = 1 << 10;

/** virDomainInterfaceAddressesSource */
export const VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LEASE = 0;
export const VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT = 1;
export const VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_ARP = 2;

/** virIPAddrType */
export const VIR_IP_ADDR_TYPE_IPV4 = 0;
export const VIR_IP_ADDR_TYPE_IPV6 = 1;

/** virKeycodeSet */
export const VIR_KEYCODE_SET_LINUX = 0;
export const VIR_KEYCODE_SET_XT = 1;
export const VIR_KEYCODE_SET_ATSET1 = 2;
export const VIR_KEYCODE_SET_ATSET2 = 3;
export const VIR_KEYCODE_SET_ATSET3 = 4;
export const VIR_KEYCODE_SET_OSX = 5;
export const VIR_KEYCODE_SET_XT_KBD = 6;
export const VIR_KEYCODE_SET_USB = 7;
export const VIR_KEYCODE_SET_WIN32 = 8;
export const VIR_KEYCODE_SET_QNUM = 9;

/** virDomainJobType */
export const VIR_DOMAIN_JOB_NONE = 0;
export const VIR_DOMAIN_JOB_BOUNDED = 1;
export const VIR_DOMAIN_JOB_UNBOUNDED = 2;
export const VIR_DOMAIN_JOB_COMPLETED = 3;
export const VIR_DOMAIN_JOB_FAILED = 4;
export const VIR_DOMAIN_JOB_CANCELLED = 5;

/** virDomainJobOperation (the "operation" field of job stats) */
export const VIR_DOMAIN_JOB_OPERATION_UNKNOWN = 0;
export const VIR_DOMAIN_JOB_OPERATION_START = 1;
export const VIR_DOMAIN_JOB_OPERATION_SAVE = 2;
export const VIR_DOMAIN_JOB_OPERATION_RESTORE = 3;
export const VIR_DOMAIN_JOB_OPERATION_MIGRATION_IN = 4;
export const VIR_DOMAIN_JOB_OPERATION_MIGRATION_OUT = 5;
export const VIR_DOMAIN_JOB_OPERATION_SNAPSHOT = 6;
export const VIR_DOMAIN_JOB_OPERATION_SNAPSHOT_REVERT = 7;
export const VIR_DOMAIN_JOB_OPERATION_DUMP = 8;

/** virDomainGetJobStatsFlags */
export const VIR_DOMAIN_JOB_STATS_COMPLETED = 1 << 0;
export const VIR_DOMAIN_JOB_STATS_KEEP_COMPLETED = 1 << 1;

// events

/** virDomainEventID */
export const VIR_DOMAIN_EVENT_ID_LIFECYCLE = 0;
export const VIR_DOMAIN_EVENT_ID_REBOOT = 1;
export const VIR_DOMAIN_EVENT_ID_RTC_CHANGE = 2;
export const VIR_DOMAIN_EVENT_ID_WATCHDOG = 3;
export const VIR_DOMAIN_EVENT_ID_IO_ERROR = 4;
export const VIR_DOMAIN_EVENT_ID_GRAPHICS = 5;
export const VIR_DOMAIN_EVENT_ID_IO_ERROR_REASON = 6;
export const VIR_DOMAIN_EVENT_ID_CONTROL_ERROR = 7;
export const VIR_DOMAIN_EVENT_ID_BLOCK_JOB = 8;
export const VIR_DOMAIN_EVENT_ID_DISK_CHANGE = 9;
export const VIR_DOMAIN_EVENT_ID_TRAY_CHANGE = 10;
export const VIR_DOMAIN_EVENT_ID_PMWAKEUP = 11;
export const VIR_DOMAIN_EVENT_ID_PMSUSPEND = 12;
export const VIR_DOMAIN_EVENT_ID_BALLOON_CHANGE = 13;
export const VIR_DOMAIN_EVENT_ID_PMSUSPEND_DISK = 14;
export const VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED = 15;
export const VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2 = 16;
export const VIR_DOMAIN_EVENT_ID_TUNABLE = 17;
export const VIR_DOMAIN_EVENT_ID_AGENT_LIFECYCLE = 18;
export const VIR_DOMAIN_EVENT_ID_DEVICE_ADDED = 19;
export const VIR_DOMAIN_EVENT_ID_MIGRATION_ITERATION = 20;
export const VIR_DOMAIN_EVENT_ID_JOB_COMPLETED = 21;
export const VIR_DOMAIN_EVENT_ID_DEVICE_REMOVAL_FAILED = 22;
export const VIR_DOMAIN_EVENT_ID_METADATA_CHANGE = 23;
export const VIR_DOMAIN_EVENT_ID_BLOCK_THRESHOLD = 24;

/** virDomainEventType (lifecycle events) */
export const VIR_DOMAIN_EVENT_DEFINED = 0;
export const VIR_DOMAIN_EVENT_UNDEFINED = 1;
export const VIR_DOMAIN_EVENT_STARTED = 2;
export const VIR_DOMAIN_EVENT_SUSPENDED = 3;
export const VIR_DOMAIN_EVENT_RESUMED = 4;
export const VIR_DOMAIN_EVENT_STOPPED = 5;
export const VIR_DOMAIN_EVENT_SHUTDOWN = 6;
export const VIR_DOMAIN_EVENT_PMSUSPENDED = 7;
export const VIR_DOMAIN_EVENT_CRASHED = 8;

/** Lifecycle event details, per event type. */
export const VIR_DOMAIN_EVENT_DEFINED_ADDED = 0;
export const VIR_DOMAIN_EVENT_DEFINED_UPDATED = 1;
export const VIR_DOMAIN_EVENT_DEFINED_RENAMED = 2;
export const VIR_DOMAIN_EVENT_DEFINED_FROM_SNAPSHOT = 3;
export const VIR_DOMAIN_EVENT_UNDEFINED_REMOVED = 0;
export const VIR_DOMAIN_EVENT_UNDEFINED_RENAMED = 1;
export const VIR_DOMAIN_EVENT_STARTED_BOOTED = 0;
export const VIR_DOMAIN_EVENT_STARTED_MIGRATED = 1;
export const VIR_DOMAIN_EVENT_STARTED_RESTORED = 2;
export const VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT = 3;
export const VIR_DOMAIN_EVENT_STARTED_WAKEUP = 4;
export const VIR_DOMAIN_EVENT_SUSPENDED_PAUSED = 0;
export const VIR_DOMAIN_EVENT_SUSPENDED_MIGRATED = 1;
export const VIR_DOMAIN_EVENT_SUSPENDED_IOERROR = 2;
export const VIR_DOMAIN_EVENT_SUSPENDED_WATCHDOG = 3;
export const VIR_DOMAIN_EVENT_SUSPENDED_RESTORED = 4;
export const VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT = 5;
export const VIR_DOMAIN_EVENT_SUSPENDED_API_ERROR = 6;
export const VIR_DOMAIN_EVENT_RESUMED_UNPAUSED = 0;
export const VIR_DOMAIN_EVENT_RESUMED_MIGRATED = 1;
export const VIR_DOMAIN_EVENT_RESUMED_FROM_SNAPSHOT = 2;
export const VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN = 0;
export const VIR_DOMAIN_EVENT_STOPPED_DESTROYED = 1;
export const VIR_DOMAIN_EVENT_STOPPED_CRASHED = 2;
export const VIR_DOMAIN_EVENT_STOPPED_MIGRATED = 3;
export const VIR_DOMAIN_EVENT_STOPPED_SAVED = 4;
export const VIR_DOMAIN_EVENT_STOPPED_FAILED = 5;
export const VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT = 6;
export const VIR_DOMAIN_EVENT_SHUTDOWN_FINISHED = 0;
export const VIR_DOMAIN_EVENT_SHUTDOWN_GUEST = 1;
export const VIR_DOMAIN_EVENT_SHUTDOWN_HOST = 2;
export const VIR_DOMAIN_EVENT_PMSUSPENDED_MEMORY = 0;
export const VIR_DOMAIN_EVENT_PMSUSPENDED_DISK = 1;
export const VIR_DOMAIN_EVENT_CRASHED_PANICKED = 0;

/** virDomainEventTrayChangeReason */
export const VIR_DOMAIN_EVENT_TRAY_CHANGE_OPEN = 0;
export const VIR_DOMAIN_EVENT_TRAY_CHANGE_CLOSE = 1;

/** virDomainEventWatchdogAction */
export const VIR_DOMAIN_EVENT_WATCHDOG_NONE = 0;
export const VIR_DOMAIN_EVENT_WATCHDOG_PAUSE = 1;
export const VIR_DOMAIN_EVENT_WATCHDOG_RESET = 2;
export const VIR_DOMAIN_EVENT_WATCHDOG_POWEROFF = 3;
export const VIR_DOMAIN_EVENT_WATCHDOG_SHUTDOWN = 4;
export const VIR_DOMAIN_EVENT_WATCHDOG_DEBUG = 5;
export const VIR_DOMAIN_EVENT_WATCHDOG_INJECTNMI = 6;

/** virConnectDomainEventAgentLifecycleState / Reason */
export const VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_CONNECTED = 1;
export const VIR_CONNECT_DOMAIN_EVENT_AGENT_LIFECYCLE_STATE_DISCONNECTED = 2;
