// Acceptance: loading one rich test-driver node file gives the same inventory through the Demo host as
// through libvirtd's test driver. The oracle is virsh against the lab's libvirtd (test+unix:///<file>);
// only the node device list comes through drivers/remote, because virsh 9.0 cannot list node devices of the
// test driver (it always passes the ACTIVE filter, which that driver rejects).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';
import { openRemoteConnection } from '../../../drivers/remote/index.js';
import { attrsOf, childText, parseTree } from '../../../drivers/demo/xml-access.js';
import { startLab } from '../../lab/lab.js';
import type { Lab } from '../../lab/types.js';

const RICH = fileURLToPath(new URL('../../fixtures/node/rich-node.xml', import.meta.url));
const SEP = '@@SEP@@';

/** virsh's words for virDomainState. */
const STATE_WORDS = ['no state', 'idle', 'paused', 'in shutdown', 'shut off', 'crashed', 'pmsuspended'];
const stateWord = (s: number): string => (s === 1 ? 'running' : (STATE_WORDS[s === 0 ? 0 : s - 1] ?? String(s)));

interface DomainRow {
  name: string;
  uuid: string;
  id: number;
  state: string;
  persistent: boolean;
  managedSave: boolean;
  vcpus: number;
  maxMemKiB: number;
  memKiB: number;
  snapshots: string[];
  current: string | null;
  devices: string[];
  layout: string[];
}
interface NetworkRow {
  name: string;
  uuid: string;
  active: boolean;
  persistent: boolean;
  bridge: string | null;
  /** Top-level elements of the network XML with their attributes. */
  outline: string[];
}
interface VolumeRow {
  name: string;
  path: string;
  key: string;
  type: string;
  capacity: number;
  allocation: number;
}
interface PoolRow {
  name: string;
  uuid: string;
  state: string;
  persistent: boolean;
  capacity: number;
  allocation: number;
  available: number;
  volumes: VolumeRow[];
  /** Top-level elements of the pool XML and each volume XML's root attributes. */
  outline: string[];
}
interface DeviceRow {
  name: string;
  parent: string | null;
  caps: string[];
}
interface Inventory {
  node: { model: string; cpus: number; mhz: number; sockets: number; cores: number; threads: number; nodes: number; memory: number };
  domains: DomainRow[];
  networks: NetworkRow[];
  pools: PoolRow[];
  devices: DeviceRow[];
}

/**
 * The devices of a domain XML that tell guests apart: disks by target and source, NICs by type and MAC, and the
 * other devices by kind (controllers, implicit or not, are compared with the whole XML in rich-node-xml.test.ts).
 */
function deviceSummary(xml: string): string[] {
  const devices = parseTree(xml).child('devices');
  if (!devices) return [];
  const out: string[] = [];
  for (const d of devices.childrenNamed('disk')) {
    const src = d.child('source');
    out.push(`disk:${d.attr('device') ?? 'disk'}:${d.child('target')?.attr('dev')}:${d.child('target')?.attr('bus')}:${src?.attr('file') ?? src?.attr('dev') ?? ''}`);
  }
  for (const n of devices.childrenNamed('interface')) out.push(`interface:${n.attr('type')}:${n.child('mac')?.attr('address')}`);
  // A serial port and a serial console are one device to libvirt (it adds whichever half is missing).
  if (devices.childrenNamed('serial').length + devices.childrenNamed('console').length > 0) out.push('serial-console');
  for (const tag of ['graphics', 'video', 'sound', 'input', 'memballoon']) {
    for (const el of devices.childrenNamed(tag)) out.push(`${tag}:${el.attr('type') ?? el.attr('model') ?? ''}`);
  }
  return out.sort();
}

/** The outline of a domain XML: its top-level elements in order, with the <os>, <vcpu> and memory details. */
function layout(xml: string): string[] {
  const root = parseTree(xml);
  const out = root.elements.map((c) => c.name);
  const os = root.child('os');
  if (os) out.push(`os: ${os.elements.map((c) => `${c.name}${JSON.stringify(attrsOf(c))}`).join(' ')}`);
  for (const tag of ['vcpu', 'memory', 'currentMemory']) {
    const el = root.child(tag);
    if (el) out.push(`${tag}: ${JSON.stringify(attrsOf(el))} ${childText(root, tag) ?? ''}`);
  }
  return out;
}

function networkOutline(xml: string): string[] {
  // libvirt also names the first <interface> of a forward list in a dev attribute: leave attributes of <forward> out.
  return parseTree(xml)
    .elements.map((el) => (el.name === 'forward' ? `forward ${el.attr('mode') ?? ''}` : `${el.name} ${JSON.stringify(attrsOf(el))}`));
}

function poolOutline(poolXml: string, volumeXmls: readonly string[]): string[] {
  const root = parseTree(poolXml);
  const top = root.elements.map((c) => c.name);
  const vols = volumeXmls.map((x) => {
    const v = parseTree(x);
    return `${childText(v, 'name')}: ${JSON.stringify(attrsOf(v))} ${v.elements.map((c) => c.name).join(',')}`;
  });
  return [...top, ...vols.sort()];
}

function field(block: string, label: string): string {
  const m = new RegExp(`^${label}:\\s*(.*)$`, 'm').exec(block);
  if (!m) throw new Error(`no '${label}' in:\n${block}`);
  return (m[1] ?? '').trim();
}
function optField(block: string, label: string): string | null {
  const m = new RegExp(`^${label}:\\s*(.*)$`, 'm').exec(block);
  return m ? (m[1] ?? '').trim() : null;
}
const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
const quote = (s: string): string => `'${s.replace(/'/g, "\\'")}'`;

async function demoInventory(c: Connection): Promise<Inventory> {
  const info = await c.nodeGetInfo();
  const domains: DomainRow[] = [];
  for (const d of await c.listAllDomains()) {
    const st = await d.getState();
    const i = await d.getInfo();
    const current = (await d.hasCurrentSnapshot()) ? (await d.snapshotCurrent()).name : null;
    domains.push({
      name: d.name,
      uuid: d.uuid,
      id: d.id,
      state: stateWord(st.state),
      persistent: await d.isPersistent(),
      managedSave: await d.hasManagedSaveImage(),
      vcpus: i.nrVirtCpu,
      maxMemKiB: i.maxMem,
      memKiB: i.memory,
      snapshots: (await d.listAllSnapshots()).map((s) => s.name).sort(),
      current,
      devices: deviceSummary(await d.getXMLDesc()),
      layout: layout(await d.getXMLDesc()),
    });
  }
  const networks: NetworkRow[] = [];
  for (const n of await c.listAllNetworks()) {
    let bridge: string | null = null;
    try {
      bridge = await n.getBridgeName();
    } catch {
      bridge = null;
    }
    networks.push({ name: n.name, uuid: n.uuid, active: await n.isActive(), persistent: await n.isPersistent(), bridge, outline: networkOutline(await n.getXMLDesc()) });
  }
  const pools: PoolRow[] = [];
  const volTypes = ['file', 'block', 'dir', 'network', 'netdir', 'ploop'];
  for (const p of await c.listAllStoragePools()) {
    const pi = await p.getInfo();
    const volumes: VolumeRow[] = [];
    for (const v of await p.listAllVolumes()) {
      const vi = await v.getInfo();
      volumes.push({ name: v.name, path: await v.getPath(), key: v.key, type: volTypes[vi.type] ?? String(vi.type), capacity: vi.capacity, allocation: vi.allocation });
    }
    pools.push({
      name: p.name,
      uuid: p.uuid,
      state: pi.state === 2 ? 'running' : 'inactive',
      persistent: await p.isPersistent(),
      capacity: pi.capacity,
      allocation: pi.allocation,
      available: pi.available,
      volumes: volumes.sort((a, b) => a.name.localeCompare(b.name)),
      outline: poolOutline(await p.getXMLDesc(), await Promise.all((await p.listAllVolumes()).map((v) => v.getXMLDesc()))),
    });
  }
  const devices: DeviceRow[] = [];
  for (const d of await c.listAllNodeDevices()) devices.push({ name: d.name, parent: await d.getParent(), caps: await d.listCaps() });
  const byName = <T extends { name: string }>(a: T[]): T[] => a.sort((x, y) => x.name.localeCompare(y.name));
  return {
    node: { model: info.model, cpus: info.cpus, mhz: info.mhz, sockets: info.sockets, cores: info.cores, threads: info.threads, nodes: info.nodes, memory: info.memory },
    domains: byName(domains),
    networks: byName(networks),
    pools: byName(pools),
    devices: byName(devices),
  };
}

async function libvirtdInventory(lab: Lab): Promise<Inventory> {
  const uri = `test+unix://${RICH}?socket=${lab.socketPath}`;
  const batch = async (cmds: readonly string[]): Promise<string[]> => {
    const out = await lab.virsh(['-c', uri, cmds.join(` ; echo ${SEP} ; `)]);
    return out.split(SEP).map((s) => s.trim());
  };
  const [nodeinfo = '', domList = '', netList = '', poolList = ''] = await batch(['nodeinfo', 'list --all --name', 'net-list --all --name', 'pool-list --all --name']);
  const node = {
    model: field(nodeinfo, 'CPU model'),
    cpus: Number(field(nodeinfo, 'CPU\\(s\\)')),
    mhz: Number(field(nodeinfo, 'CPU frequency').replace(/ MHz$/, '')),
    sockets: Number(field(nodeinfo, 'CPU socket\\(s\\)')),
    cores: Number(field(nodeinfo, 'Core\\(s\\) per socket')),
    threads: Number(field(nodeinfo, 'Thread\\(s\\) per core')),
    nodes: Number(field(nodeinfo, 'NUMA cell\\(s\\)')),
    memory: Number(field(nodeinfo, 'Memory size').replace(/ KiB$/, '')),
  };

  const domains: DomainRow[] = [];
  for (const name of lines(domList)) {
    const [info = '', snaps = '', xml = ''] = await batch([`dominfo ${quote(name)}`, `snapshot-list ${quote(name)} --name`, `dumpxml ${quote(name)}`]);
    let current: string | null = null;
    if (lines(snaps).length > 0) current = (await batch([`snapshot-current ${quote(name)} --name`]))[0] ?? null;
    const id = field(info, 'Id');
    domains.push({
      name,
      uuid: field(info, 'UUID'),
      id: id === '-' ? -1 : Number(id),
      state: field(info, 'State'),
      persistent: field(info, 'Persistent') === 'yes',
      managedSave: field(info, 'Managed save') === 'yes',
      vcpus: Number(field(info, 'CPU\\(s\\)')),
      maxMemKiB: Number(field(info, 'Max memory').replace(/ KiB$/, '')),
      memKiB: Number(field(info, 'Used memory').replace(/ KiB$/, '')),
      snapshots: lines(snaps).sort(),
      current,
      devices: deviceSummary(xml),
      layout: layout(xml),
    });
  }

  const networks: NetworkRow[] = [];
  const netNames = lines(netList);
  const netInfos = await batch(netNames.map((n) => `net-info ${quote(n)}`));
  const netXmls = await batch(netNames.map((n) => `net-dumpxml ${quote(n)}`));
  netNames.forEach((name, i) => {
    const info = netInfos[i] ?? '';
    networks.push({
      name,
      uuid: field(info, 'UUID'),
      active: field(info, 'Active') === 'yes',
      persistent: field(info, 'Persistent') === 'yes',
      bridge: optField(info, 'Bridge'),
      outline: networkOutline(netXmls[i] ?? ''),
    });
  });

  const pools: PoolRow[] = [];
  for (const name of lines(poolList)) {
    const [info = '', vols = ''] = await batch([`pool-info --bytes ${quote(name)}`, `vol-list --pool ${quote(name)}`]);
    const volRows = lines(vols).map((l) => {
      const m = /^(\S+)\s+(.*)$/.exec(l);
      return { name: m?.[1] ?? l, path: (m?.[2] ?? '').trim() };
    });
    const details = volRows.length ? await batch(volRows.flatMap((v) => [`vol-info --bytes --pool ${quote(name)} ${quote(v.name)}`, `vol-key --pool ${quote(name)} ${quote(v.name)}`])) : [];
    const volumes: VolumeRow[] = volRows.map((v, i) => {
      const vi = details[i * 2] ?? '';
      return {
        name: v.name,
        path: v.path,
        key: (details[i * 2 + 1] ?? '').trim(),
        type: field(vi, 'Type'),
        capacity: Number(field(vi, 'Capacity').replace(/ bytes$/, '')),
        allocation: Number(field(vi, 'Allocation').replace(/ bytes$/, '')),
      };
    });
    pools.push({
      name,
      uuid: field(info, 'UUID'),
      state: field(info, 'State'),
      persistent: field(info, 'Persistent') === 'yes',
      capacity: Number(field(info, 'Capacity')),
      allocation: Number(field(info, 'Allocation')),
      available: Number(field(info, 'Available')),
      volumes: volumes.sort((a, b) => a.name.localeCompare(b.name)),
      outline: poolOutline(
        (await batch([`pool-dumpxml ${quote(name)}`]))[0] ?? '',
        volRows.length ? await batch(volRows.map((v) => `vol-dumpxml --pool ${quote(name)} ${quote(v.name)}`)) : [],
      ),
    });
  }

  // virsh cannot list the test driver's node devices (see above): list them through drivers/remote, then
  // read each one with virsh.
  const remote = await openRemoteConnection(uri);
  let devNames: string[];
  try {
    devNames = (await remote.listAllNodeDevices()).map((d) => d.name);
  } finally {
    await remote.close();
  }
  const devXml = await batch(devNames.map((n) => `nodedev-dumpxml ${quote(n)}`));
  const devices: DeviceRow[] = devNames.map((name, i) => {
    const el = parseTree(devXml[i] ?? '');
    return { name: childText(el, 'name') ?? '', parent: childText(el, 'parent') ?? null, caps: el.childrenNamed('capability').map((c) => c.attr('type') ?? '') };
  });
  const byName = <T extends { name: string }>(a: T[]): T[] => a.sort((x, y) => x.name.localeCompare(y.name));
  return { node, domains: byName(domains), networks: byName(networks), pools: byName(pools), devices: byName(devices) };
}

describe('rich node file: Demo host vs libvirtd test driver', () => {
  let lab: Lab | undefined;
  let demo: Connection | undefined;
  let expected: Inventory;
  let actual: Inventory;

  beforeAll(async () => {
    lab = await startLab();
    demo = await openConnection(`test://${RICH}`);
    [expected, actual] = await Promise.all([libvirtdInventory(lab), demoInventory(demo)]);
  });
  afterAll(async () => {
    await demo?.close();
    await lab?.stop();
  });

  it('has the size the acceptance asks for', () => {
    expect(expected.domains.length).toBeGreaterThanOrEqual(10);
    expect(expected.networks.length).toBeGreaterThanOrEqual(10);
    expect(expected.pools.length).toBeGreaterThanOrEqual(10);
    expect(new Set(expected.pools.map((p) => p.name)).size).toBe(expected.pools.length);
    expect(expected.devices.length).toBeGreaterThanOrEqual(30);
    expect(new Set(expected.domains.map((d) => d.state)).size).toBeGreaterThanOrEqual(6);
  });

  it('reports the same node info', () => {
    expect(actual.node).toEqual(expected.node);
  });

  it('has the same domains with the same IDs, states, flags, sizes, snapshots, devices and XML outline', () => {
    expect(actual.domains).toEqual(expected.domains);
  });

  it('has the same networks', () => {
    expect(actual.networks).toEqual(expected.networks);
  });

  it('has the same pools with the same capacity accounting and volumes', () => {
    expect(actual.pools).toEqual(expected.pools);
  });

  it('has the same node devices with the same parents and capabilities', () => {
    expect(actual.devices).toEqual(expected.devices);
  });
});
