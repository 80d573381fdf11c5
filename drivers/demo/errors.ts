// VirErrors as libvirt formats them: a fixed phrase per error code (virerror.c's virErrorMsg), then the detail.
// The Demo host reports from VIR_FROM_TEST, like libvirt's test driver, unless a check lives in shared code.
import * as api from '../api/index.js';

/** [phrase without detail, phrase before ': detail' (or a template with %s)] per error code. */
const PHRASES: Readonly<Record<number, readonly [string, string]>> = {
  [api.VIR_ERR_INTERNAL_ERROR]: ['internal error', 'internal error: %s'],
  [api.VIR_ERR_NO_SUPPORT]: [
    'this function is not supported by the connection driver',
    'this function is not supported by the connection driver: %s',
  ],
  [api.VIR_ERR_NO_CONNECT]: ['no connection driver available', 'no connection driver available for %s'],
  [api.VIR_ERR_INVALID_CONN]: ['invalid connection pointer in', 'invalid connection pointer in %s'],
  [api.VIR_ERR_INVALID_ARG]: ['invalid argument', 'invalid argument: %s'],
  [api.VIR_ERR_OPERATION_FAILED]: ['operation failed', 'operation failed: %s'],
  [api.VIR_ERR_XML_ERROR]: ['XML description is invalid or not well formed', 'XML error: %s'],
  [api.VIR_ERR_XML_DETAIL]: ['XML description is invalid or not well formed', '%s'],
  [api.VIR_ERR_NO_NAME]: ['missing name information', 'missing name information in %s'],
  [api.VIR_ERR_OPEN_FAILED]: ['failed to open configuration file', 'failed to open configuration file %s'],
  [api.VIR_ERR_OPERATION_INVALID]: ['Requested operation is not valid', 'Requested operation is not valid: %s'],
  [api.VIR_ERR_NO_DOMAIN]: ['Domain not found', 'Domain not found: %s'],
  [api.VIR_ERR_NO_NETWORK]: ['Network not found', 'Network not found: %s'],
  [api.VIR_ERR_NO_STORAGE_POOL]: ['Storage pool not found', 'Storage pool not found: %s'],
  [api.VIR_ERR_NO_STORAGE_VOL]: ['Storage volume not found', 'Storage volume not found: %s'],
  [api.VIR_ERR_NO_NODE_DEVICE]: ['Node device not found', 'Node device not found: %s'],
  [api.VIR_ERR_NO_DOMAIN_SNAPSHOT]: ['Domain snapshot not found', 'Domain snapshot not found: %s'],
  [api.VIR_ERR_NO_DOMAIN_METADATA]: ['metadata not found', 'metadata not found: %s'],
  [api.VIR_ERR_CONFIG_UNSUPPORTED]: ['unsupported configuration', 'unsupported configuration: %s'],
  [api.VIR_ERR_SNAPSHOT_REVERT_RISKY]: ['revert requires force', 'revert requires force: %s'],
  [api.VIR_ERR_OPERATION_UNSUPPORTED]: ['Operation not supported', 'Operation not supported: %s'],
  [api.VIR_ERR_ARGUMENT_UNSUPPORTED]: ['argument unsupported', 'argument unsupported: %s'],
  [api.VIR_ERR_INVALID_STREAM]: ['invalid stream pointer in', 'invalid stream pointer in %s'],
  [api.VIR_ERR_OPERATION_ABORTED]: ['operation aborted', 'operation aborted: %s'],
  [api.VIR_ERR_STORAGE_POOL_BUILT]: ['storage pool already built', 'storage pool already built: %s'],
  [api.VIR_ERR_DEVICE_MISSING]: ['device not found', 'device not found: %s'],
};

/** A VirError with libvirt's wording for `code`, plus `detail` if given. */
export function virError(code: number, domain: number, detail?: string): api.VirError {
  const phrase = PHRASES[code];
  let message: string;
  if (!phrase) message = detail ?? `error ${code}`;
  else if (detail === undefined) message = phrase[0];
  else message = phrase[1].replace('%s', detail);
  return new api.VirError(code, domain, message, { str1: phrase?.[0] ?? null, str2: detail ?? null });
}

/** Shorthand for the test driver's own errors. */
export function testError(code: number, detail?: string): api.VirError {
  return virError(code, api.VIR_FROM_TEST, detail);
}

/** libvirt's virCheckFlags failure. */
export function checkFlags(flags: number, allowed: number, fn: string): void {
  const bad = (flags >>> 0) & ~(allowed >>> 0);
  if (bad !== 0) throw testError(api.VIR_ERR_INVALID_ARG, `unsupported flags (0x${bad.toString(16)}) in function ${fn}`);
}
