// libvirt's errors (include/libvirt/virterror.h): levels, where an error came from, what went wrong, and the
// error type every driver throws, so a message survives end to end.

/** virErrorLevel */
export const VIR_ERR_NONE = 0;
export const VIR_ERR_WARNING = 1;
export const VIR_ERR_ERROR = 2;

/** virErrorDomain: where an error came from. */
export const VIR_FROM_NONE = 0;
export const VIR_FROM_XML = 5;
export const VIR_FROM_DOM = 6;
export const VIR_FROM_RPC = 7;
export const VIR_FROM_CONF = 9;
export const VIR_FROM_QEMU = 10;
export const VIR_FROM_NET = 11;
export const VIR_FROM_TEST = 12;
export const VIR_FROM_REMOTE = 13;
export const VIR_FROM_STORAGE = 18;
export const VIR_FROM_NETWORK = 19;
export const VIR_FROM_DOMAIN = 20;
export const VIR_FROM_NODEDEV = 22;
export const VIR_FROM_SECURITY = 24;
export const VIR_FROM_CPU = 31;
export const VIR_FROM_DOMAIN_SNAPSHOT = 35;
export const VIR_FROM_STREAMS = 38;
export const VIR_FROM_EVENT = 40;
export const VIR_FROM_CAPABILITIES = 44;
export const VIR_FROM_URI = 45;
export const VIR_FROM_AUTH = 46;
export const VIR_FROM_DEVICE = 49;
export const VIR_FROM_SSH = 50;
export const VIR_FROM_LIBSSH = 66;

/** virErrorNumber: what went wrong. */
export const VIR_ERR_OK = 0;
export const VIR_ERR_INTERNAL_ERROR = 1;
export const VIR_ERR_NO_MEMORY = 2;
export const VIR_ERR_NO_SUPPORT = 3;
export const VIR_ERR_UNKNOWN_HOST = 4;
export const VIR_ERR_NO_CONNECT = 5;
export const VIR_ERR_INVALID_CONN = 6;
export const VIR_ERR_INVALID_DOMAIN = 7;
export const VIR_ERR_INVALID_ARG = 8;
export const VIR_ERR_OPERATION_FAILED = 9;
export const VIR_ERR_OS_TYPE = 16;
export const VIR_ERR_NO_SOURCE = 19;
export const VIR_ERR_NO_TARGET = 20;
export const VIR_ERR_NO_NAME = 21;
export const VIR_ERR_NO_OS = 22;
export const VIR_ERR_NO_DEVICE = 23;
export const VIR_ERR_XML_ERROR = 27;
export const VIR_ERR_DOM_EXIST = 28;
export const VIR_ERR_OPERATION_DENIED = 29;
export const VIR_ERR_OPEN_FAILED = 30;
export const VIR_ERR_READ_FAILED = 31;
export const VIR_ERR_PARSE_FAILED = 32;
export const VIR_ERR_CONF_SYNTAX = 33;
export const VIR_ERR_WRITE_FAILED = 34;
export const VIR_ERR_XML_DETAIL = 35;
export const VIR_ERR_INVALID_NETWORK = 36;
export const VIR_ERR_NETWORK_EXIST = 37;
export const VIR_ERR_SYSTEM_ERROR = 38;
export const VIR_ERR_RPC = 39;
export const VIR_WAR_NO_NETWORK = 41;
export const VIR_ERR_NO_DOMAIN = 42;
export const VIR_ERR_NO_NETWORK = 43;
export const VIR_ERR_INVALID_MAC = 44;
export const VIR_ERR_AUTH_FAILED = 45;
export const VIR_ERR_INVALID_STORAGE_POOL = 46;
export const VIR_ERR_INVALID_STORAGE_VOL = 47;
export const VIR_WAR_NO_STORAGE = 48;
export const VIR_ERR_NO_STORAGE_POOL = 49;
export const VIR_ERR_NO_STORAGE_VOL = 50;
export const VIR_WAR_NO_NODE = 51;
export const VIR_ERR_INVALID_NODE_DEVICE = 52;
export const VIR_ERR_NO_NODE_DEVICE = 53;
export const VIR_ERR_NO_SECURITY_MODEL = 54;
export const VIR_ERR_OPERATION_INVALID = 55;
export const VIR_ERR_CONFIG_UNSUPPORTED = 67;
export const VIR_ERR_OPERATION_TIMEOUT = 68;
export const VIR_ERR_INVALID_DOMAIN_SNAPSHOT = 71;
export const VIR_ERR_NO_DOMAIN_SNAPSHOT = 72;
export const VIR_ERR_INVALID_STREAM = 73;
export const VIR_ERR_ARGUMENT_UNSUPPORTED = 74;
export const VIR_ERR_STORAGE_PROBE_FAILED = 75;
export const VIR_ERR_STORAGE_POOL_BUILT = 76;
export const VIR_ERR_SNAPSHOT_REVERT_RISKY = 77;
export const VIR_ERR_OPERATION_ABORTED = 78;
export const VIR_ERR_AUTH_CANCELLED = 79;
export const VIR_ERR_NO_DOMAIN_METADATA = 80;
export const VIR_ERR_OVERFLOW = 82;
export const VIR_ERR_OPERATION_UNSUPPORTED = 84;
export const VIR_ERR_SSH = 85;
export const VIR_ERR_AGENT_UNRESPONSIVE = 86;
export const VIR_ERR_RESOURCE_BUSY = 87;
export const VIR_ERR_ACCESS_DENIED = 88;
export const VIR_ERR_STORAGE_VOL_EXIST = 90;
export const VIR_ERR_CPU_INCOMPATIBLE = 91;
export const VIR_ERR_XML_INVALID_SCHEMA = 92;
export const VIR_ERR_AUTH_UNAVAILABLE = 94;
export const VIR_ERR_DEVICE_MISSING = 99;
export const VIR_ERR_NO_HOSTNAME = 108;
export const VIR_ERR_MULTIPLE_DOMAINS = 110;
export const VIR_ERR_NO_NETWORK_METADATA = 111;

/** Extra fields libvirt's virError carries (and remote_error transports). */
export interface VirErrorExtras {
  readonly level?: number;
  readonly str1?: string | null;
  readonly str2?: string | null;
  readonly str3?: string | null;
  readonly int1?: number;
  readonly int2?: number;
}

/**
 * A libvirt error: `code` is a virErrorNumber, `domain` a virErrorDomain, and `message` the full text as
 * libvirt formats it (e.g. "Requested operation is not valid: domain is already running").
 */
export class VirError extends Error {
  readonly code: number;
  readonly domain: number;
  readonly level: number;
  readonly str1: string | null;
  readonly str2: string | null;
  readonly str3: string | null;
  readonly int1: number;
  readonly int2: number;

  constructor(code: number, domain: number, message: string, extras: VirErrorExtras = {}) {
    super(message);
    this.name = 'VirError';
    this.code = code;
    this.domain = domain;
    this.level = extras.level ?? VIR_ERR_ERROR;
    this.str1 = extras.str1 ?? null;
    this.str2 = extras.str2 ?? null;
    this.str3 = extras.str3 ?? null;
    this.int1 = extras.int1 ?? -1;
    this.int2 = extras.int2 ?? -1;
  }
}

/** True if `e` is a VirError, optionally with the given error code. */
export function isVirError(e: unknown, code?: number): e is VirError {
  return e instanceof VirError && (code === undefined || e.code === code);
}
