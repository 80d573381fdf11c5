// The ui bench's peer: virt-manager under Xvfb, from its launch (with --connect, so the connection opens at
// start-up) to the manager window's model holding every VM: virt-manager logs "domain=… added" (--debug) right
// before its vm-added handler appends the row, so the last such line is when the list is complete (painting follows).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface Xvfb {
  readonly display: string;
  stop(): Promise<void>;
}

/** Whether virt-manager and Xvfb are installed (`apt-get install virt-manager xvfb`). */
export function peerAvailable(): boolean {
  return ['virt-manager', 'Xvfb'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  return exited;
}

export async function startXvfb(): Promise<Xvfb> {
  let n = 90;
  while (existsSync(`/tmp/.X${n}-lock`) || existsSync(`/tmp/.X11-unix/X${n}`)) n++;
  const child = spawn('Xvfb', [`:${n}`, '-nolisten', 'tcp', '-screen', '0', '1280x900x24'], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!existsSync(`/tmp/.X11-unix/X${n}`)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('Xvfb did not start');
    await new Promise((r) => setTimeout(r, 20));
  }
  return { display: `:${n}`, stop: () => stopChild(child) };
}

/** ms from spawning virt-manager to its list holding `vms` domains of `uri`. */
export async function virtManagerLaunchMs(xvfb: Xvfb, uri: string, vms: number, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  const child = spawn('virt-manager', ['--no-fork', '--debug', '--connect', uri], {
    env: { ...process.env, DISPLAY: xvfb.display, GSETTINGS_BACKEND: 'memory', NO_AT_BRIDGE: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`virt-manager listed fewer than ${vms} VMs in ${timeoutMs} ms`)), timeoutMs);
      let added = 0;
      let buffered = '';
      child.stderr?.on('data', (b: Buffer) => {
        buffered += b.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (/\(connection:\d+\) domain=\S+ status=.* added$/.test(line) && ++added === vms) {
            clearTimeout(timer);
            resolve(Date.now() - started);
          }
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`virt-manager exited with ${code} after ${added} VMs`));
      });
    });
  } finally {
    await stopChild(child);
  }
}
