// The Demo host's speed: load a 1,000-domain node file and answer a full inventory (every domain, network, pool
// and volume listed, every object's XML, every domain's state) in-process, beside libvirtd's test driver loading
// the same file over its socket (Hangar's remote driver making the same calls), same run. libvirtd parses the
// file when the connection opens, so "open" is its load; "calls" is what follows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '../../drivers/api/index.js';
import { openConnection } from '../../drivers/index.js';
import { startLab } from '../lab/lab.js';
import { nodeXml } from './inventory-node.js';

const RUNS = 7;

interface Timed {
  /** Seconds for open + inventory, and for the open (the node file's load) alone. */
  seconds: number;
  openSeconds: number;
  objects: number;
  xmlBytes: number;
}

async function inventory(uri: string): Promise<Timed> {
  const t0 = performance.now();
  const conn: Connection = await openConnection(uri);
  const tOpen = performance.now();
  try {
    let xmlBytes = 0;
    const add = (x: string): void => { xmlBytes += x.length; };
    const counts = await Promise.all([
      conn.listAllDomains().then(async (ds) => {
        await Promise.all([...ds.map((d) => d.getXMLDesc().then(add)), ...ds.map((d) => d.getState())]);
        return ds.length;
      }),
      conn.listAllNetworks().then(async (ns) => {
        await Promise.all(ns.map((n) => n.getXMLDesc().then(add)));
        return ns.length;
      }),
      conn.listAllStoragePools().then(async (ps) => {
        const vols = await Promise.all(ps.map(async (p) => {
          const [, vs] = await Promise.all([p.getXMLDesc().then(add), p.listAllVolumes()]);
          await Promise.all(vs.map((v) => v.getXMLDesc().then(add)));
          return vs.length;
        }));
        return ps.length + vols.reduce((a, b) => a + b, 0);
      }),
    ]);
    return { seconds: (performance.now() - t0) / 1000, openSeconds: (tOpen - t0) / 1000, objects: counts.reduce((a, b) => a + b, 0), xmlBytes };
  } finally {
    await conn.close();
  }
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

export default async function run(): Promise<void> {
  const dir = join(process.cwd(), '.cache', 'bench-demo');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'inventory-node.xml');
  writeFileSync(file, nodeXml());
  const lab = await startLab();
  try {
    const hosts = [['Demo host (in-process)', `test://${file}`], ["libvirtd's test driver (unix socket)", `test+unix://${file}?socket=${lab.socketPath}`]] as const;
    const results = new Map<string, Timed[]>();
    for (const [, uri] of hosts) await inventory(uri); // warm-up (JIT, daemon caches)
    // Interleaved, so both see the same machine load.
    for (let i = 0; i < RUNS; i++) {
      for (const [label, uri] of hosts) results.set(label, [...(results.get(label) ?? []), await inventory(uri)]);
    }
    const [demo, daemon] = hosts.map(([label]) => results.get(label) ?? []);
    const first = (xs: Timed[] | undefined): Timed | undefined => xs?.[0];
    console.log(`load + full inventory of ${file} (${first(demo)?.objects} objects; median of ${RUNS})`);
    for (const [label] of hosts) {
      const xs = results.get(label) ?? [];
      const total = median(xs.map((x) => x.seconds));
      const open = median(xs.map((x) => x.openSeconds));
      console.log(`  ${label.padEnd(38)} total ${total.toFixed(3)} s   open/load ${open.toFixed(3)} s   calls ${(total - open).toFixed(3)} s   ${(first(xs)?.xmlBytes ?? 0) / 1e6} MB of XML`);
    }
    const d = median((demo ?? []).map((x) => x.seconds));
    const l = median((daemon ?? []).map((x) => x.seconds));
    const lCalls = median((daemon ?? []).map((x) => x.seconds - x.openSeconds));
    console.log(`  Demo host load + inventory vs libvirtd load + inventory: ${(l / d).toFixed(1)}× ${d < l ? 'faster' : 'SLOWER'}`);
    console.log(`  Demo host load + inventory vs libvirtd's calls alone (file already parsed): ${(lCalls / d).toFixed(2)}× ${d < lCalls ? 'faster' : 'slower'}`);
  } finally {
    await lab.stop();
  }
}
