import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTinyKernel, projectRoot } from './image.js';

export type Accel = 'kvm' | 'qemu';
export interface AccelChoice {
  readonly accel: Accel;
  readonly reason: string;
}

export interface AccelOptions {
  /** Use this accelerator, no fallback (default: `HANGAR_LAB_ACCEL`). KVM is still checked, and fails fast. */
  readonly accel?: Accel;
  /** Take this as the firmware probe's verdict instead of running it (default: `HANGAR_LAB_ACCEL_PROBE`). */
  readonly probe?: Accel;
}

/** The firmware probe's limit: past it KVM is not worth a kernel boot. */
const PROBE_LIMIT_MS = 3_000;
/** What the tests need of KVM: the tiny guest's kernel prints its first line within this... */
export const KERNEL_LINE_MS = 5_000;
/** ...and its init reaches the shell within this (emulation takes ~8 s here). */
const SHELL_MS = 15_000;
/** Bumped when the decision changes meaning, so a cached verdict of an older rule is not reused. */
const RULE = 'boot-v2';

const decisions = new Map<string, Promise<AccelChoice>>();

const asAccel = (v: string | undefined, name: string): Accel | undefined => {
  if (v === undefined || v === '') return undefined;
  if (v === 'kvm' || v === 'qemu') return v;
  throw new Error(`${name} must be kvm or qemu, not ${JSON.stringify(v)}`);
};

/**
 * The accelerator for lab guests. Asked for (`accel`, `HANGAR_LAB_ACCEL`): that one, KVM only if the tiny guest
 * boots under it, else an error at once. Otherwise KVM when /dev/kvm is usable and the guests would actually run:
 * a firmware probe (SeaBIOS to "No bootable device") rules out KVM that is slow everywhere (nested virtualization
 * on this project's machines: 7 s of firmware), and then the tiny guest itself must boot under KVM — a machine
 * where the firmware passed in 2.8 s booted a kernel that printed nothing for ten minutes. Anything less falls back
 * to emulation. The unforced verdict is cached per boot of the machine.
 */
export function chooseAccel(options: AccelOptions = {}): Promise<AccelChoice> {
  const accel = options.accel ?? asAccel(process.env.HANGAR_LAB_ACCEL, 'HANGAR_LAB_ACCEL');
  const probe = options.probe ?? asAccel(process.env.HANGAR_LAB_ACCEL_PROBE, 'HANGAR_LAB_ACCEL_PROBE');
  const key = `${accel ?? ''}|${probe ?? ''}`;
  let decision = decisions.get(key);
  if (decision === undefined) {
    decision = accel !== undefined ? forced(accel) : decide(probe);
    decisions.set(key, decision);
  }
  return decision;
}

async function forced(accel: Accel): Promise<AccelChoice> {
  if (accel === 'qemu') return { accel, reason: 'asked for (HANGAR_LAB_ACCEL=qemu)' };
  if (!kvmUsable()) throw new Error('KVM was asked for (HANGAR_LAB_ACCEL=kvm), but /dev/kvm is absent or not usable');
  const boot = await bootUnderKvm();
  if (boot.shellMs === undefined) {
    throw new Error(`KVM was asked for (HANGAR_LAB_ACCEL=kvm), but under KVM (-accel kvm) ${describe(boot)}: `
      + 'guests would not reach their shell in time. Unset HANGAR_LAB_ACCEL to let the lab fall back to emulation (qemu).');
  }
  return { accel, reason: `asked for (HANGAR_LAB_ACCEL=kvm); ${describe(boot)}` };
}

async function decide(probe: Accel | undefined): Promise<AccelChoice> {
  if (!kvmUsable()) return { accel: 'qemu', reason: '/dev/kvm is absent' };
  const bootId = probe === undefined && existsSync('/proc/sys/kernel/random/boot_id')
    ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : '';
  const cacheFile = join(projectRoot, '.cache', 'lab', `accel-${RULE}-${bootId}.json`);
  if (bootId && existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as AccelChoice;
  const choice = await probeAndBoot(probe);
  if (bootId) {
    mkdirSync(join(projectRoot, '.cache', 'lab'), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(choice));
  }
  return choice;
}

async function probeAndBoot(probe: Accel | undefined): Promise<AccelChoice> {
  let firmware: string;
  if (probe !== undefined) {
    firmware = `the firmware probe taken as ${probe} (HANGAR_LAB_ACCEL_PROBE)`;
    if (probe === 'qemu') return { accel: 'qemu', reason: `${firmware}: using QEMU emulation` };
  } else {
    const ms = await timeFirmware();
    if (ms === undefined) {
      return { accel: 'qemu', reason: `KVM is present but too slow here (firmware probe > ${PROBE_LIMIT_MS} ms): using QEMU emulation` };
    }
    firmware = `KVM firmware probe ${ms} ms`;
  }
  const boot = await bootUnderKvm();
  if (boot.shellMs === undefined) {
    return { accel: 'qemu', reason: `${firmware}, but under KVM ${describe(boot)}: using QEMU emulation` };
  }
  return { accel: 'kvm', reason: `${firmware}; ${describe(boot)}` };
}

function kvmUsable(): boolean {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

interface BootTimes {
  /** When the kernel's first line reached the serial port, if it did within KERNEL_LINE_MS. */
  readonly kernelMs?: number;
  /** When the init printed its boot line (the shell follows), if it did within SHELL_MS. */
  readonly shellMs?: number;
}

function describe(b: BootTimes): string {
  if (b.kernelMs === undefined) return `the tiny guest's kernel printed nothing on its serial port within ${KERNEL_LINE_MS} ms`;
  if (b.shellMs === undefined) return `the tiny guest's kernel printed its first line after ${b.kernelMs} ms but its init did not reach the shell within ${SHELL_MS} ms`;
  return `the tiny guest booted under KVM (kernel's first line ${b.kernelMs} ms, shell ${b.shellMs} ms)`;
}

/** Boots the tiny guest's kernel under KVM, outside any lab (no NIC, no disk), and times its serial output. */
async function bootUnderKvm(): Promise<BootTimes> {
  const { kernel, initrd } = await ensureTinyKernel();
  let kernelMs: number | undefined;
  return watchQemu<BootTimes>([
    '-accel', 'kvm', '-machine', 'pc', '-display', 'none', '-nodefaults', '-nic', 'none', '-m', '160', '-no-reboot',
    '-kernel', kernel, '-initrd', initrd, '-append', 'console=ttyS0,115200 panic=-1 hangar.tiny=1',
  ], 'serial', (text, ms) => {
    if (kernelMs === undefined && text.includes('Linux version')) kernelMs = ms;
    if (kernelMs === undefined) return ms > KERNEL_LINE_MS ? { value: {} } : undefined;
    if (text.includes('hangar-tiny: booted')) return { value: { kernelMs, shellMs: ms } };
    return ms > SHELL_MS ? { value: { kernelMs } } : undefined;
  });
}

/** Milliseconds for SeaBIOS under KVM to give up booting an empty machine, or undefined past the limit. */
function timeFirmware(): Promise<number | undefined> {
  return watchQemu(['-accel', 'kvm', '-display', 'none', '-nodefaults', '-m', '64', '-no-reboot'], 'debugcon', (text, ms) => {
    if (text.includes('No bootable device')) return { value: ms };
    return ms > PROBE_LIMIT_MS ? { value: undefined } : undefined;
  });
}

/**
 * Runs a throwaway QEMU with its serial port or debug console in a file, calls `verdict` with the text so far and
 * the elapsed time (infinite once QEMU has exited) every 50 ms until it gives a value, then kills QEMU.
 */
async function watchQemu<T>(
  args: readonly string[],
  output: 'serial' | 'debugcon',
  verdict: (text: string, ms: number) => { readonly value: T } | undefined,
): Promise<T> {
  const dir = mkdtempSync('/tmp/hangar-kvm-probe-');
  const log = join(dir, 'out.log');
  const sink = output === 'serial'
    ? ['-chardev', `file,id=out,path=${log}`, '-serial', 'chardev:out']
    : ['-chardev', `file,id=out,path=${log}`, '-device', 'isa-debugcon,iobase=0x402,chardev=out'];
  const started = Date.now();
  const qemu = spawn('qemu-system-x86_64', [...args, ...sink], { stdio: 'ignore' });
  let exited = false;
  qemu.once('exit', () => { exited = true; });
  try {
    for (;;) {
      await new Promise((r) => setTimeout(r, 50));
      const ms = Date.now() - started;
      const v = verdict(existsSync(log) ? readFileSync(log, 'latin1') : '', exited ? Number.POSITIVE_INFINITY : ms);
      if (v !== undefined) return v.value;
    }
  } finally {
    qemu.kill('SIGKILL');
    if (!exited) await new Promise((r) => qemu.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
