// libvirt's constants of bulk domain stats and typed parameters.

/** virDomainStatsTypes */
export const VIR_DOMAIN_STATS_STATE = 1 << 0;
export const VIR_DOMAIN_STATS_CPU_TOTAL = 1 << 1;
export const VIR_DOMAIN_STATS_BALLOON = 1 << 2;
export const VIR_DOMAIN_STATS_VCPU = 1 << 3;
export const VIR_DOMAIN_STATS_INTERFACE = 1 << 4;
export const VIR_DOMAIN_STATS_BLOCK = 1 << 5;
export const VIR_DOMAIN_STATS_PERF = 1 << 6;
export const VIR_DOMAIN_STATS_IOTHREAD = 1 << 7;
export const VIR_DOMAIN_STATS_MEMORY = 1 << 8;
export const VIR_DOMAIN_STATS_DIRTYRATE = 1 << 9;
export const VIR_DOMAIN_STATS_VM = 1 << 10;

/** virConnectGetAllDomainStatsFlags */
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE = 1 << 0;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE = 1 << 1;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT = 1 << 2;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT = 1 << 3;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING = 1 << 4;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED = 1 << 5;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF = 1 << 6;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER = 1 << 7;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT = 1 << 29;
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_BACKING = 1 << 30;
/** 1 << 31 as an unsigned 32-bit value. */
export const VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS = 0x80000000;

/** virTypedParameterType */
export const VIR_TYPED_PARAM_INT = 1;
export const VIR_TYPED_PARAM_UINT = 2;
export const VIR_TYPED_PARAM_LLONG = 3;
export const VIR_TYPED_PARAM_ULLONG = 4;
export const VIR_TYPED_PARAM_DOUBLE = 5;
export const VIR_TYPED_PARAM_BOOLEAN = 6;
export const VIR_TYPED_PARAM_STRING = 7;
