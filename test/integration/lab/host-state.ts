import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { run } from '../../lab/run.js';

/** What a lab could leave behind on the machine, read from outside the lab. */
export interface HostState {
  readonly mounts: readonly string[];
  readonly links: readonly string[];
  readonly iptables: string;
}

/** The namespaces a process lives in, e.g. `pid:[4026532301] net:[4026532303] mnt:[…]`. */
export function namespacesOf(pid: number): string[] {
  return ['pid', 'net', 'mnt'].map((kind) => readlinkSync(`/proc/${pid}/ns/${kind}`));
}

/**
 * Every process on the machine (from outside any lab) with what ties it to a lab: its command line, parent and
 * namespaces. Other tests may run labs at the same time, so a check must look for what ties a process to *its* lab.
 */
export function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number)) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      found.push({ pid, ppid, cmdline, namespaces: namespacesOf(pid) });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly cmdline: string;
  readonly namespaces: readonly string[];
}

export async function readHostState(): Promise<HostState> {
  const links = (await run('ip', ['-o', 'link', 'show'])).stdout
    .split('\n').filter(Boolean).map((l) => l.split(':')[1]?.trim() ?? l).sort();
  const v4 = await run('iptables-save', []);
  const v6 = await run('ip6tables-save', []);
  // Counters change on their own; rules and chains are what a lab could leave.
  const strip = (s: string): string => s.split('\n').filter((l) => !l.startsWith('#')).map((l) => l.replace(/\[\d+:\d+\]/g, '')).join('\n');
  return {
    mounts: readFileSync('/proc/self/mountinfo', 'utf8').split('\n').map((l) => l.split(' ').slice(3, 5).join(' ')).sort(),
    links,
    iptables: `${strip(v4.stdout)}\n${strip(v6.stdout)}`,
  };
}
