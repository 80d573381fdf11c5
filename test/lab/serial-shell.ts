import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lab } from './types.js';

/** The tiny guest's shell on its serial port, typed into through the pty libvirt gives it, read from its serial log. */
export interface SerialShell {
  /** Types a line (and Enter). */
  type(line: string): Promise<void>;
  /** Types a line and resolves with the serial output after it once `expected` is in it; rejects after `timeoutMs`. */
  run(line: string, expected: RegExp, timeoutMs: number): Promise<string>;
}

/**
 * QEMU reads its end of a pty only while the other end is open, so a reader (cat, inside the lab) holds it, and is
 * started again whenever none holds the current pty: a revert or a restore starts a new QEMU with a new pty (maybe
 * with the same name), which ends the old reader. A log that got shorter was started again: all of it is new.
 */
export function serialShell(lab: Lab, vm: string, serialLog: string): SerialShell {
  const pidFile = join(lab.dir, `${vm}-serial-reader.pid`);
  const log = (): string => (existsSync(serialLog) ? readFileSync(serialLog, 'latin1') : '');
  const type = async (line: string): Promise<void> => {
    const pty = (await lab.virsh(['ttyconsole', vm])).trim();
    const held = await lab.exec('sh', ['-c', 'p=$(cat "$2" 2>/dev/null) && [ "$(readlink /proc/$p/fd/0)" = "$1" ]', 'sh', pty, pidFile]);
    if (held.code !== 0) {
      await lab.exec('sh', ['-c', 'setsid sh -c \'echo $$ > "$2"; exec cat <"$1" >/dev/null 2>&1\' sh "$1" "$2" </dev/null >/dev/null 2>&1 &', 'sh', pty, pidFile]);
      await new Promise((r) => setTimeout(r, 1500));
    }
    const r = await lab.exec('sh', ['-c', 'printf "%s\\r" "$1" > "$2"', 'sh', line, pty]);
    if (r.code !== 0) throw new Error(`writing to ${pty}: ${r.stderr}`);
  };
  const run = async (line: string, expected: RegExp, timeoutMs: number): Promise<string> => {
    const from = log().length;
    const since = (): string => { const all = log(); return all.length < from ? all : all.slice(from); };
    await type(line);
    const deadline = Date.now() + timeoutMs;
    while (!expected.test(since())) {
      if (Date.now() > deadline) throw new Error(`no ${String(expected)} on ${vm}'s serial port after ${JSON.stringify(line)}; it said ${JSON.stringify(since().slice(-2000))}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    return since();
  };
  return { type, run };
}
