import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './image.js';

export type Accel = 'kvm' | 'qemu';
export interface AccelChoice {
  readonly accel: Accel;
  readonly reason: string;
}

const PROBE_LIMIT_MS = 3_000;
let cached: Promise<AccelChoice> | undefined;

/**
 * The accelerator for lab guests. `HANGAR_LAB_ACCEL=kvm|qemu` decides when set. Otherwise KVM is used when
 * /dev/kvm is usable *and fast*: under some nested virtualization KVM works but every VM exit is so slow that the
 * firmware alone takes many seconds (seen on this project's machines: 7 s of SeaBIOS, a minute to reach GRUB,
 * against half a second under emulation). The probe times SeaBIOS to "No bootable device" on its debug port;
 * its answer is cached per boot of the machine.
 */
export function chooseAccel(): Promise<AccelChoice> {
  cached ??= decide();
  return cached;
}

async function decide(): Promise<AccelChoice> {
  const forced = process.env.HANGAR_LAB_ACCEL;
  if (forced === 'kvm' || forced === 'qemu') return { accel: forced, reason: 'HANGAR_LAB_ACCEL' };
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
  } catch {
    return { accel: 'qemu', reason: '/dev/kvm is absent' };
  }
  const bootId = existsSync('/proc/sys/kernel/random/boot_id') ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : '';
  const cacheFile = join(projectRoot, '.cache', 'lab', `accel-${bootId}.json`);
  if (bootId && existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as AccelChoice;
  const ms = await timeFirmware();
  const choice: AccelChoice = ms !== undefined && ms <= PROBE_LIMIT_MS
    ? { accel: 'kvm', reason: `KVM firmware probe ${ms} ms` }
    : { accel: 'qemu', reason: `KVM is present but too slow here (firmware probe ${ms ?? `> ${PROBE_LIMIT_MS}`} ms): using QEMU emulation` };
  if (bootId) {
    mkdirSync(join(projectRoot, '.cache', 'lab'), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(choice));
  }
  return choice;
}

/** Milliseconds for SeaBIOS under KVM to give up booting an empty machine, or undefined past the limit. */
async function timeFirmware(): Promise<number | undefined> {
  const dir = mkdtempSync('/tmp/hangar-kvm-probe-');
  const log = join(dir, 'debugcon.log');
  const started = Date.now();
  const qemu = spawn('qemu-system-x86_64', [
    '-accel', 'kvm', '-display', 'none', '-nodefaults', '-m', '64', '-no-reboot',
    '-chardev', `file,id=dbg,path=${log}`, '-device', 'isa-debugcon,iobase=0x402,chardev=dbg',
  ], { stdio: 'ignore' });
  let exited = false;
  qemu.once('exit', () => { exited = true; });
  try {
    while (Date.now() - started <= PROBE_LIMIT_MS && !exited) {
      await new Promise((r) => setTimeout(r, 50));
      if (existsSync(log) && readFileSync(log, 'latin1').includes('No bootable device')) return Date.now() - started;
    }
    return undefined;
  } finally {
    qemu.kill('SIGKILL');
    if (!exited) await new Promise((r) => qemu.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}
