// UI benchmark: browser mode with a host of 1,000 VMs (half running). Prints the time to the first full list
// in Chromium and the main process's CPU time and memory per stats tick (1 s ticks), with the same figures for
// an idle window where nobody watches stats, for the Demo host and for libvirtd's test driver over RPC; and the
// bytes the first list costs on the wire: the domains.list answer, and the event batch carrying the reset.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { ApiEvent, ServerFrame } from '../../main/api/contract/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { projectRoot, runApp } from '../support/app-process.js';
import { launchChromium } from '../support/chromium.js';
import { seededDataDir } from '../support/data-dir.js';

const VMS = 1000;
const TICK_SECONDS = 1;
const MEASURE_SECONDS = 15;
const CLK_TCK = 100;

function nodeXml(): string {
  const parts = ["<node xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>"];
  for (let i = 0; i < VMS; i++) {
    const uuid = `7a1d0a8e-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
    parts.push(`<domain type='test'><name>ui-vm-${String(i).padStart(4, '0')}</name><uuid>${uuid}</uuid>
  <memory unit='MiB'>512</memory><vcpu>2</vcpu><os><type arch='x86_64'>hvm</type></os>
  <test:runstate>${i % 2 === 0 ? 1 : 5}</test:runstate></domain>`);
  }
  parts.push('</node>');
  return parts.join('\n');
}

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) / 1024;
}

/** Frames as they travel on the browser-mode WebSocket, with their size in bytes. */
class RawApi {
  private seq = 0;
  readonly frames: { readonly bytes: number; readonly frame: ServerFrame }[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.frames.push({ bytes: data.length, frame: JSON.parse(data.toString('utf8')) as ServerFrame }));
  }

  static open(pageUrl: string): Promise<RawApi> {
    const { origin, searchParams } = new URL(pageUrl);
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api?token=${searchParams.get('token') ?? ''}`, { origin });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new RawApi(ws)));
      ws.once('error', reject);
    });
  }

  /** Sends a call; resolves with its answer frame's size and result. */
  async call(call: string, input: unknown): Promise<{ bytes: number; result: unknown }> {
    const seq = ++this.seq;
    this.ws.send(JSON.stringify({ kind: 'call', seq, call, input }));
    const hit = await this.until((f) => (f.kind === 'result' || f.kind === 'error') && f.seq === seq);
    if (hit.frame.kind === 'error') throw new Error(`${call}: ${hit.frame.error.message}`);
    return { bytes: hit.bytes, result: hit.frame.kind === 'result' ? hit.frame.result : null };
  }

  async until(match: (f: ServerFrame) => boolean, from = 0, timeoutMs = 60_000): Promise<{ bytes: number; frame: ServerFrame }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.frames.slice(from).find((f) => match(f.frame));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching frame within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  close(): void {
    this.ws.close();
  }
}

/** Bytes of the domains.list answer, and of the event batch that brings the domain list when the host connects. */
async function firstListBytes(url: string): Promise<{ listBytes: number; batchBytes: number }> {
  const ws = await RawApi.open(url);
  try {
    const connections = (await ws.call('connections.list', {})).result as { items: { key: string }[] };
    const connection = connections.items[0]?.key ?? '';
    const list = await ws.call('domains.list', { connection });
    // A reconnect sends what a first connect does: the reset batch (state, domains, networks, pools, devices).
    await ws.call('connections.disconnect', { connection });
    const from = ws.frames.length;
    await ws.call('connections.connect', { connection });
    const isReset = (e: ApiEvent): boolean => e.type === 'domains.reset' && e.scope.connection === connection && e.items.length === VMS;
    const batch = await ws.until((f) => f.kind === 'events' && f.events.some(isReset), from);
    return { listBytes: list.bytes, batchBytes: batch.bytes };
  } finally {
    ws.close();
  }
}

interface Row {
  readonly host: string;
  readonly firstListMs: number;
  readonly listBytes: number;
  readonly batchBytes: number;
  readonly cpuMsPerTick: number;
  readonly idleCpuMsPerSecond: number;
  readonly rssMiB: number;
}

async function measure(label: string, uri: string): Promise<Row> {
  const data = seededDataDir([{ uri, name: label }]);
  writeFileSync(join(data.dir, 'settings.json'), JSON.stringify({ statsIntervalSeconds: TICK_SECONDS }));
  const app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: data.dir });
  const { browser, close } = await launchChromium();
  try {
    const pid = app.pid;
    // Idle: connected, nobody looking, so no stats ticks.
    await new Promise((r) => setTimeout(r, 3000));
    const idle0 = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, 5000));
    const idleCpuMsPerSecond = ((cpuSeconds(pid) - idle0) * 1000) / 5;

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const started = Date.now();
    await page.goto(app.url);
    const host = page.getByRole('rowgroup', { name: label });
    await host.locator('.vm-count').filter({ hasText: `${VMS} VMs` }).waitFor({ timeout: 60_000 });
    await page.locator('.vm-list-table').getByRole('row', { name: 'ui-vm-0000', exact: true }).waitFor({ timeout: 60_000 });
    const firstListMs = Date.now() - started;

    await new Promise((r) => setTimeout(r, 2000 * TICK_SECONDS)); // history warms up
    const cpu0 = cpuSeconds(pid);
    await new Promise((r) => setTimeout(r, MEASURE_SECONDS * 1000));
    const cpuMsPerTick = ((cpuSeconds(pid) - cpu0) * 1000) / (MEASURE_SECONDS / TICK_SECONDS);
    const rss = rssMiB(pid);
    await page.close();
    return { host: label, firstListMs, cpuMsPerTick, idleCpuMsPerSecond, rssMiB: rss, ...(await firstListBytes(app.url)) };
  } finally {
    await close();
    await app.stop();
    data.remove();
  }
}

export default async function run(): Promise<void> {
  const dir = join(projectRoot, '.cache', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'ui-1000-vms.xml');
  writeFileSync(file, nodeXml());
  let lab: Lab | undefined;
  try {
    const rows = [await measure('Demo host', `test://${file}`)];
    lab = await startLab();
    rows.push(await measure('libvirtd test driver', `test+unix://${file}?socket=${lab.socketPath}`));
    console.log(`ui: ${VMS} VMs (${VMS / 2} running), stats every ${TICK_SECONDS} s, ${MEASURE_SECONDS} s measured`);
    console.log('host                   first full list   main CPU per tick   main CPU idle (no viewer)   main RSS   domains.list answer   first event batch');
    const kB = (n: number): string => `${n} B (${(n / 1024).toFixed(0)} KiB)`;
    for (const r of rows) {
      console.log(`${r.host.padEnd(22)} ${`${r.firstListMs} ms`.padStart(15)}   ${`${r.cpuMsPerTick.toFixed(1)} ms`.padStart(17)}   ${`${r.idleCpuMsPerSecond.toFixed(1)} ms/s`.padStart(25)}   ${`${r.rssMiB.toFixed(0)} MiB`.padStart(8)}   ${kB(r.listBytes).padStart(19)}   ${kB(r.batchBytes).padStart(17)}`);
    }
  } finally {
    await lab?.stop();
  }
}
