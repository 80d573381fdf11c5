// Inventory benchmark: open, list all domains, networks, pools and volumes, fetch every object's XML and
// every domain's state, on a host of 1,000 domains, 10 networks and 5 pools × 100 volumes — by Hangar's remote
// driver and by libvirt-python (virt-manager's stack) doing the same calls, directly on libvirtd's socket and
// through a relay that adds 10 ms each way. Two such hosts: the lab's qemu driver with those objects defined
// (what a user's qemu:///system is), and libvirtd's test driver loading them from a node file — there the
// daemon parses the whole file on every open (~0.9 s), a cost both clients pay alike that bounds the ratio.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import type { Connection } from '../../drivers/api/index.js';
import { openRemoteConnection } from '../../drivers/remote/index.js';
import { startLab, type Lab } from '../lab/lab.js';
import { DOMAINS, hex, NETWORKS, nodeXml, POOLS, uuid, VOLUMES } from './inventory-node.js';

const RUNS = 3;

/** The same objects defined in the lab's qemu driver: domains and networks defined (inactive), dir pools active. */
async function populateQemuHost(lab: Lab): Promise<void> {
  const conn: Connection = await openRemoteConnection(lab.uri);
  try {
    await Promise.all(Array.from({ length: DOMAINS }, (_, i) => conn.domainDefineXML(`<domain type='qemu'><name>bench-dom-${i}</name><uuid>${uuid(1, i)}</uuid>
  <memory unit='MiB'>256</memory><vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type></os>
  <devices><disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/var/lib/libvirt/images/bench-pool-0/vol-${i % VOLUMES}'/><target dev='vda' bus='virtio'/></disk>
  <interface type='network'><source network='bench-net-${i % NETWORKS}'/><mac address='52:54:00:${hex(i >> 8)}:${hex(i & 255)}:01'/></interface></devices></domain>`)));
    await Promise.all(Array.from({ length: NETWORKS }, (_, i) => conn.networkDefineXML(`<network><name>bench-net-${i}</name><uuid>${uuid(2, i)}</uuid>
  <bridge name='bvirbr${i}'/><forward mode='nat'/><ip address='10.${i}.0.1' netmask='255.255.0.0'><dhcp><range start='10.${i}.0.2' end='10.${i}.255.254'/></dhcp></ip></network>`)));
    for (let p = 0; p < POOLS; p++) {
      const pool = await conn.storagePoolDefineXML(`<pool type='dir'><name>bench-pool-${p}</name><uuid>${uuid(3, p)}</uuid>
  <target><path>/var/lib/libvirt/images/bench-pool-${p}</path></target></pool>`);
      await pool.build();
      await pool.create();
      await Promise.all(Array.from({ length: VOLUMES }, (_, v) => pool.storageVolCreateXML(`<volume><name>vol-${v}</name>
  <capacity unit='GiB'>10</capacity><allocation>0</allocation><target><format type='raw'/></target></volume>`)));
    }
  } finally {
    await conn.close();
  }
}


interface Inventory {
  domains: number;
  networks: number;
  pools: number;
  volumes: number;
  xmlBytes: number;
}

interface Timed extends Inventory {
  /** Seconds for the whole inventory, and for opening alone (the daemon parses the node file then). */
  seconds: number;
  openSeconds: number;
}

/** The lab's libvirtd, as a host PID: the libvirtd process in the lab's PID namespace. */
function daemonPid(lab: Lab): number {
  const ns = readlinkSync(`/proc/${lab.pid}/ns/pid`);
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'libvirtd' && readlinkSync(`/proc/${p}/ns/pid`) === ns) return Number(p);
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error('the lab has no libvirtd');
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Runs `f`, adding the daemon's CPU seconds meanwhile: what bounds any client's speed on that host. */
async function withDaemonCpu(pid: number, f: () => Promise<Timed>): Promise<Timed & { daemonCpu: number }> {
  const before = cpuSeconds(pid);
  const t = await f();
  return { ...t, daemonCpu: cpuSeconds(pid) - before };
}

/** Hangar: the same calls, all in flight at once on one connection. */
async function hangarInventory(uri: string): Promise<Timed> {
  const t0 = performance.now();
  const conn = await openRemoteConnection(uri);
  const tOpen = performance.now();
  try {
    let xmlBytes = 0;
    const add = (x: string): void => { xmlBytes += x.length; };
    const [doms, nets, pools] = await Promise.all([
      conn.listAllDomains().then(async (ds) => {
        await Promise.all([...ds.map((d) => d.getXMLDesc().then(add)), ...ds.map((d) => d.getState())]);
        return ds;
      }),
      conn.listAllNetworks().then(async (ns) => {
        await Promise.all(ns.map((n) => n.getXMLDesc().then(add)));
        return ns;
      }),
      conn.listAllStoragePools().then((ps) => Promise.all(ps.map(async (p) => {
        const [, vols] = await Promise.all([p.getXMLDesc().then(add), p.listAllVolumes()]);
        await Promise.all(vols.map((v) => v.getXMLDesc().then(add)));
        return vols.length;
      }))),
    ]);
    await conn.close();
    const t1 = performance.now();
    return {
      seconds: (t1 - t0) / 1000, openSeconds: (tOpen - t0) / 1000,
      domains: doms.length, networks: nets.length, pools: pools.length, volumes: pools.reduce((a, b) => a + b, 0), xmlBytes,
    };
  } finally {
    await conn.close();
  }
}

const PYTHON = String.raw`
import json, sys, time, libvirt
uri = sys.argv[1]
t0 = time.perf_counter()
c = libvirt.open(uri)
t1 = time.perf_counter()
doms = c.listAllDomains(0)
nets = c.listAllNetworks(0)
pools = c.listAllStoragePools(0)
vols = [v for p in pools for v in p.listAllVolumes(0)]
xml = 0
for d in doms: xml += len(d.XMLDesc(0))
for n in nets: xml += len(n.XMLDesc(0))
for p in pools: xml += len(p.XMLDesc(0))
for v in vols: xml += len(v.XMLDesc(0))
states = [d.state() for d in doms]
c.close()
print(json.dumps({"seconds": time.perf_counter() - t0, "openSeconds": t1 - t0, "domains": len(doms), "networks": len(nets), "pools": len(pools), "volumes": len(vols), "xmlBytes": xml}))
`;

function pythonInventory(uri: string): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', ['-c', PYTHON, uri], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`python3 exited with ${code}: ${err}`));
      else resolve(JSON.parse(out) as Timed);
    });
  });
}

/** A unix-socket relay to `target` that delays every chunk by `delayMs`, each way, keeping order. */
function startRelay(path: string, target: string, delayMs: number): Promise<Server> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = createConnection({ path: target });
    sockets.add(client);
    sockets.add(upstream);
    const pipe = (from: Socket, to: Socket) => {
      from.on('data', (d: Buffer) => setTimeout(() => { if (!to.destroyed) to.write(d); }, delayMs));
      from.on('end', () => setTimeout(() => to.end(), delayMs));
      from.on('error', () => to.destroy());
      from.on('close', () => sockets.delete(from));
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });
  const close = server.close.bind(server);
  server.close = ((cb?: (err?: Error) => void) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  }) as typeof server.close;
  return new Promise((resolve) => server.listen(path, () => resolve(server)));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function same(a: Inventory, b: Inventory): boolean {
  return a.domains === b.domains && a.networks === b.networks && a.pools === b.pools && a.volumes === b.volumes && a.xmlBytes === b.xmlBytes;
}

export default async function run(): Promise<void> {
  const dir = join(process.cwd(), '.cache', 'bench-rpc');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'inventory-node.xml');
  writeFileSync(file, nodeXml());
  const lab = await startLab();
  const relayPath = join(dir, `relay-${process.pid}.sock`);
  const relay = await startRelay(relayPath, lab.socketPath, 10);
  try {
    await populateQemuHost(lab);
    const daemon = daemonPid(lab);
    console.log(`inventory: open, list all, XML of every object, every domain's state`);
    console.log('(open = connecting, and on the test driver the daemon parsing the node file, a cost both clients pay alike; calls = everything after open)');
    const hosts = [
      ['qemu driver', `qemu+unix:///system?socket=${lab.socketPath}`, `qemu+unix:///system?socket=${relayPath}`],
      ['test driver node file', `test+unix://${file}?socket=${lab.socketPath}`, `test+unix://${file}?socket=${relayPath}`],
    ] as const;
    for (const [host, direct, slow] of hosts) {
      for (const [label, uri, runs] of [['direct unix socket', direct, RUNS], ['relay +10 ms each way', slow, 1]] as const) {
        const h: (Timed & { daemonCpu: number })[] = [];
        const p: (Timed & { daemonCpu: number })[] = [];
        await hangarInventory(uri); // warm-up (JIT, daemon caches)
        for (let i = 0; i < runs; i++) {
          h.push(await withDaemonCpu(daemon, () => hangarInventory(uri)));
          p.push(await withDaemonCpu(daemon, () => pythonInventory(uri)));
        }
        if (!same(h[0]!, p[0]!)) throw new Error(`inventories differ: hangar ${JSON.stringify(h[0])} python ${JSON.stringify(p[0])}`);
        const total = (xs: Timed[]) => median(xs.map((x) => x.seconds));
        const open = (xs: Timed[]) => median(xs.map((x) => x.openSeconds));
        const calls = (xs: Timed[]) => median(xs.map((x) => x.seconds - x.openSeconds));
        const inv = h[0]!;
        console.log(`${host}, ${label} (${inv.domains} domains, ${inv.networks} networks, ${inv.pools} pools, ${inv.volumes} volumes, ${(inv.xmlBytes / 1e6).toFixed(2)} MB of XML, median of ${runs})`);
        console.log(`  total   hangar ${total(h).toFixed(3)} s   libvirt-python ${total(p).toFixed(3)} s   ratio ${(total(p) / total(h)).toFixed(1)}×`);
        console.log(`  open    hangar ${open(h).toFixed(3)} s   libvirt-python ${open(p).toFixed(3)} s`);
        console.log(`  calls   hangar ${calls(h).toFixed(3)} s   libvirt-python ${calls(p).toFixed(3)} s   ratio ${(calls(p) / calls(h)).toFixed(1)}×`);
        const cpu = (xs: { daemonCpu: number }[]) => median(xs.map((x) => x.daemonCpu));
        console.log(`  libvirtd CPU while serving   hangar ${cpu(h).toFixed(2)} s   libvirt-python ${cpu(p).toFixed(2)} s`);
      }
    }
  } finally {
    await new Promise<void>((r) => relay.close(() => r()));
    await lab.stop();
  }
}
