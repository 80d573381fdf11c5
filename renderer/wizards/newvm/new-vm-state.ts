// The New VM wizard's state and each step's checks (pure; the steps render them at their fields).
import type { OsDetails } from '../../../main/api/contract/osinfo.js';
import {
  checkCloudLogin, checkHostname, checkInstallUrl, checkKernelArgs, checkMemoryMiB, checkName, checkSshKeys, checkUserData,
  checkUserName, checkVcpus, isFieldError, parseSizeField, type FieldError,
} from '../common/validators.js';
import type { InstallMethod } from './new-vm-domain.js';

export const STEP_COUNT = 5;

export interface VolumeChoice {
  /** The pool's UUID. */
  readonly pool: string;
  readonly volume: string;
}

export interface NewVmState {
  readonly connection: string;
  readonly method: InstallMethod;
  readonly arch: string;
  readonly machine: string;
  readonly virtType: 'kvm' | 'qemu';
  readonly iso?: VolumeChoice;
  readonly importDisk?: VolumeChoice;
  readonly cloudImage?: VolumeChoice;
  readonly url: string;
  readonly kernelArgs: string;
  readonly cloudUser: string;
  readonly cloudPassword: string;
  readonly cloudKeys: string;
  readonly cloudHostname: string;
  readonly cloudUserData: string;
  readonly osId?: string;
  readonly memoryMiB: string;
  readonly vcpus: string;
  readonly storage: 'new' | 'existing' | 'none';
  readonly diskGiB: string;
  readonly existingDisk?: VolumeChoice;
  readonly name: string;
  /** `network:<name>`, `bridge:<device>` or `none`. */
  readonly network: string;
  readonly bridge: string;
  readonly customize: boolean;
}

export function initialState(connection: string): NewVmState {
  return {
    connection, method: 'iso', arch: 'x86_64', machine: '', virtType: 'kvm', url: '', kernelArgs: '',
    cloudUser: '', cloudPassword: '', cloudKeys: '', cloudHostname: '', cloudUserData: '',
    memoryMiB: '2048', vcpus: '2', storage: 'new', diskGiB: '20', name: '', network: 'none', bridge: '', customize: false,
  };
}

/** What the checks compare against: the host, the chosen OS, the names taken. */
export interface CheckContext {
  readonly hostMemory?: number;
  readonly hostCpus?: number;
  readonly maxVcpus?: number;
  readonly poolAvailable?: number;
  readonly domainNames: readonly string[];
  readonly os?: OsDetails;
  /** Methods the host cannot do (e.g. URL installs on a host with no way to fetch the tree). */
  readonly unavailable: readonly InstallMethod[];
}

export type StepErrors = Readonly<Record<string, FieldError>>;

const put = (out: Record<string, FieldError>, field: string, e: FieldError | undefined): void => {
  if (e) out[field] = e;
};
const need = (key: string): FieldError => ({ key: `wizards.error.${key}` });

export function methodErrors(s: NewVmState, c: CheckContext): StepErrors {
  const out: Record<string, FieldError> = {};
  if (!s.connection) out['connection'] = need('hostRequired');
  if (c.unavailable.includes(s.method)) out['method'] = need('methodUnavailable');
  if (!s.arch) out['arch'] = need('archRequired');
  return out;
}

export function mediaErrors(s: NewVmState, _c: CheckContext): StepErrors {
  const out: Record<string, FieldError> = {};
  if (s.method === 'iso' && !s.iso) out['iso'] = need('isoRequired');
  if (s.method === 'import' && !s.importDisk) out['importDisk'] = need('importRequired');
  if (s.method === 'url') {
    put(out, 'url', checkInstallUrl(s.url));
    put(out, 'kernelArgs', checkKernelArgs(s.kernelArgs));
  }
  if (s.method === 'cloud') {
    if (!s.cloudImage) out['cloudImage'] = need('cloudImageRequired');
    put(out, 'cloudUser', checkUserName(s.cloudUser));
    put(out, 'cloudPassword', checkCloudLogin(s.cloudPassword, s.cloudKeys));
    put(out, 'cloudKeys', checkSshKeys(s.cloudKeys));
    put(out, 'cloudHostname', checkHostname(s.cloudHostname));
    put(out, 'cloudUserData', checkUserData(s.cloudUserData));
  }
  if (!s.osId) out['os'] = need('osRequired');
  return out;
}

export function resourcesErrors(s: NewVmState, c: CheckContext): StepErrors {
  const out: Record<string, FieldError> = {};
  put(out, 'memory', checkMemoryMiB(s.memoryMiB, c.hostMemory));
  put(out, 'vcpus', checkVcpus(s.vcpus, c.hostCpus, c.maxVcpus));
  return out;
}

export function storageErrors(s: NewVmState, c: CheckContext): StepErrors {
  const out: Record<string, FieldError> = {};
  // Imports and cloud images bring their own disk.
  if (s.method === 'import' || s.method === 'cloud') return out;
  if (s.storage === 'new') {
    const size = parseSizeField(s.diskGiB, 'GiB', { min: 1024 * 1024 * 1024 * 0.1, ...(c.poolAvailable !== undefined ? { max: c.poolAvailable } : {}) });
    if (isFieldError(size)) out['diskSize'] = size.key === 'wizards.error.sizeMax' ? { key: 'wizards.error.diskFree', values: size.values ?? {} } : size;
  }
  if (s.storage === 'existing' && !s.existingDisk) out['existingDisk'] = need('existingRequired');
  return out;
}

export function finishErrors(s: NewVmState, c: CheckContext): StepErrors {
  const out: Record<string, FieldError> = {};
  put(out, 'name', checkName(s.name, 'domain', c.domainNames));
  if (s.network.startsWith('bridge:') && !/^[A-Za-z0-9_.:-]{1,15}$/.test(s.bridge)) out['bridge'] = need('bridgeName');
  if (s.method === 'pxe' && s.network === 'none') out['network'] = need('pxeNetwork');
  return out;
}

export const STEP_CHECKS = [methodErrors, mediaErrors, resourcesErrors, storageErrors, finishErrors] as const;

export function stepErrors(step: number, s: NewVmState, c: CheckContext): StepErrors {
  return STEP_CHECKS[step]?.(s, c) ?? {};
}
