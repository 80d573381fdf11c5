// The Demo host's bulk domain stats (virConnectGetAllDomainStats): libvirt's field names and types, with
// synthetic values from the guest's activity: CPU time grows while it runs, disk and network counters with it.
import * as api from '../api/index.js';
import { sizing, type DomainObject } from './domain-object.js';
import { virError } from './errors.js';

/** The stats groups the Demo host produces. */
export const SUPPORTED_STATS =
  api.VIR_DOMAIN_STATS_STATE |
  api.VIR_DOMAIN_STATS_CPU_TOTAL |
  api.VIR_DOMAIN_STATS_BALLOON |
  api.VIR_DOMAIN_STATS_VCPU |
  api.VIR_DOMAIN_STATS_INTERFACE |
  api.VIR_DOMAIN_STATS_BLOCK;

const U = api.VIR_TYPED_PARAM_ULLONG;
const I = api.VIR_TYPED_PARAM_INT;
const UI = api.VIR_TYPED_PARAM_UINT;
const S = api.VIR_TYPED_PARAM_STRING;

/** Which stats groups a request gets: 0 means all supported; ENFORCE fails on unsupported ones. */
export function resolveStats(stats: number, flags: number): number {
  if (stats === 0) return SUPPORTED_STATS;
  const unsupported = (stats >>> 0) & ~SUPPORTED_STATS;
  if (unsupported && (flags >>> 0) & api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ENFORCE_STATS) {
    throw virError(api.VIR_ERR_OPERATION_INVALID, api.VIR_FROM_TEST, `Stats types bits 0x${unsupported.toString(16)} are not supported by this daemon`);
  }
  return stats & SUPPORTED_STATS;
}

/** Whether a domain passes getAllDomainStats's state filters. */
export function statsFilterMatches(d: DomainObject, flags: number): boolean {
  const F = flags >>> 0;
  const activeBits = F & (api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE | api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE);
  if (activeBits && !((F & api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_ACTIVE && d.active) || (F & api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_INACTIVE && !d.active))) return false;
  const persistBits = F & (api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT | api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT);
  if (persistBits && !((F & api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_PERSISTENT && d.persistent) || (F & api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_TRANSIENT && !d.persistent))) return false;
  const stateBits = F & (api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING | api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED | api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF | api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER);
  if (stateBits) {
    const s = d.state;
    const ok =
      (F & api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_RUNNING && s === api.VIR_DOMAIN_RUNNING) ||
      (F & api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_PAUSED && s === api.VIR_DOMAIN_PAUSED) ||
      (F & api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_SHUTOFF && s === api.VIR_DOMAIN_SHUTOFF) ||
      (F & api.VIR_CONNECT_GET_ALL_DOMAINS_STATS_OTHER && ![api.VIR_DOMAIN_RUNNING, api.VIR_DOMAIN_PAUSED, api.VIR_DOMAIN_SHUTOFF].includes(s));
    if (!ok) return false;
  }
  return true;
}

/**
 * Field names per device index (`vcpu.3.time`, `block.1.rd.bytes`), made once: a tick of a thousand guests
 * would otherwise build tens of thousands of the same strings.
 */
class FieldNames {
  private readonly byIndex: string[][] = [];
  constructor(private readonly prefix: string, private readonly suffixes: readonly string[]) {}
  /** The names for device `i`, in the order of the suffixes. */
  at(i: number): readonly string[] {
    for (let n = this.byIndex.length; n <= i; n++) this.byIndex.push(this.suffixes.map((s) => `${this.prefix}.${n}.${s}`));
    return this.byIndex[i]!;
  }
}
const VCPU_FIELDS = new FieldNames('vcpu', ['state', 'time', 'wait']);
const NET_FIELDS = new FieldNames('net', ['name', 'rx.bytes', 'rx.pkts', 'rx.errs', 'rx.drop', 'tx.bytes', 'tx.pkts', 'tx.errs', 'tx.drop']);
const BLOCK_FIELDS = new FieldNames('block', [
  'name', 'path', 'rd.reqs', 'rd.bytes', 'rd.times', 'wr.reqs', 'wr.bytes', 'wr.times', 'fl.reqs', 'fl.times', 'capacity', 'physical',
]);

/** One domain's stats parameters for the given groups. */
export function domainStats(d: DomainObject, stats: number, now: number = Date.now()): api.TypedParameter[] {
  const out: api.TypedParameter[] = [];
  const add = (field: string, type: number, value: number | string): void => void out.push({ field, type, value });
  const def = d.def;
  const s = sizing(def);
  const sample = d.active ? d.activity?.sample(now) : undefined;
  const devices = def.path('devices');

  if (stats & api.VIR_DOMAIN_STATS_STATE) {
    add('state.state', I, d.state);
    add('state.reason', I, d.reason);
  }
  if (stats & api.VIR_DOMAIN_STATS_CPU_TOTAL && sample) {
    add('cpu.time', U, sample.cpuNs);
    add('cpu.user', U, sample.userNs);
    add('cpu.system', U, sample.systemNs);
  }
  if (stats & api.VIR_DOMAIN_STATS_BALLOON) {
    add('balloon.current', U, s.curMemKiB);
    add('balloon.maximum', U, s.maxMemKiB);
    if (sample) {
      const used = Math.floor(s.curMemKiB * (0.25 + 0.1 * Math.sin(sample.upSeconds / 30)));
      add('balloon.available', U, s.curMemKiB);
      add('balloon.usable', U, s.curMemKiB - used);
      add('balloon.unused', U, s.curMemKiB - used);
      add('balloon.rss', U, Math.floor(used * 1.1));
      add('balloon.last-update', U, Math.floor(now / 1000));
    }
  }
  if (stats & api.VIR_DOMAIN_STATS_VCPU) {
    add('vcpu.current', UI, s.vcpus);
    add('vcpu.maximum', UI, s.maxVcpus);
    if (sample) {
      const state = d.state === api.VIR_DOMAIN_RUNNING ? 1 : 0;
      sample.vcpuNs.forEach((ns, i) => {
        const f = VCPU_FIELDS.at(i);
        add(f[0]!, I, state);
        add(f[1]!, U, ns);
        add(f[2]!, U, 0);
      });
    }
  }
  const activity = d.activity;
  if (stats & api.VIR_DOMAIN_STATS_INTERFACE && sample && activity) {
    const nics = devices ? devices.childrenNamed('interface') : [];
    add('net.count', UI, nics.length);
    nics.forEach((nic, i) => {
      const f = NET_FIELDS.at(i);
      add(f[0]!, S, nic.path('target')?.attr('dev') ?? `vnet${i}`);
      const rx = activity.counter(sample, 1_500, 400_000, i * 4);
      const tx = activity.counter(sample, 800, 150_000, i * 4 + 1);
      add(f[1]!, U, rx);
      add(f[2]!, U, Math.floor(rx / 900));
      add(f[3]!, U, 0);
      add(f[4]!, U, Math.floor(rx / 5_000_000));
      add(f[5]!, U, tx);
      add(f[6]!, U, Math.floor(tx / 700));
      add(f[7]!, U, 0);
      add(f[8]!, U, 0);
    });
  }
  if (stats & api.VIR_DOMAIN_STATS_BLOCK) {
    const disks = devices ? devices.childrenNamed('disk') : [];
    add('block.count', UI, disks.length);
    disks.forEach((disk, i) => {
      const f = BLOCK_FIELDS.at(i);
      add(f[0]!, S, disk.path('target')?.attr('dev') ?? `disk${i}`);
      const src = disk.path('source');
      const file = src?.attr('file') ?? src?.attr('dev') ?? src?.attr('name');
      if (file) add(f[1]!, S, file);
      if (sample && activity) {
        const rd = activity.counter(sample, 20_000, 2_000_000, 100 + i * 4);
        const wr = activity.counter(sample, 12_000, 900_000, 101 + i * 4);
        add(f[2]!, U, Math.floor(rd / 16_384));
        add(f[3]!, U, rd);
        add(f[4]!, U, Math.floor(rd * 2));
        add(f[5]!, U, Math.floor(wr / 8_192));
        add(f[6]!, U, wr);
        add(f[7]!, U, Math.floor(wr * 5));
        add(f[8]!, U, Math.floor(wr / 1_000_000));
        add(f[9]!, U, Math.floor(wr / 100));
      }
      if (disk.attr('device') !== 'cdrom') {
        add(f[10]!, U, 20 * 1024 ** 3);
        add(f[11]!, U, 20 * 1024 ** 3);
      }
    });
  }
  return out;
}
