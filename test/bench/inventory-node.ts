// The inventory benchmarks' host: 1,000 domains, 10 networks and 5 pools × 100 volumes, as a test-driver node
// file (https://libvirt.org/drvtest.html) and as the names and UUIDs to define the same objects elsewhere.
export const DOMAINS = 1000;
export const NETWORKS = 10;
export const POOLS = 5;
export const VOLUMES = 100;

export function uuid(kind: number, i: number): string {
  const h = (kind * 0x1000000 + i).toString(16).padStart(12, '0');
  return `6b1d0a8e-0000-4000-8000-${h}`;
}

/** A test-driver node file (https://libvirt.org/drvtest.html) with the benchmark's objects. */
export function nodeXml(): string {
  const parts: string[] = ['<node>'];
  for (let i = 0; i < DOMAINS; i++) {
    parts.push(`<domain type='test'><name>bench-dom-${i}</name><uuid>${uuid(1, i)}</uuid>
  <memory unit='MiB'>256</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>
  <devices><disk type='file' device='disk'><source file='/bench/pool-0/vol-${i % VOLUMES}'/><target dev='vda' bus='virtio'/></disk>
  <interface type='network'><source network='bench-net-${i % NETWORKS}'/><mac address='52:54:00:${hex(i >> 8)}:${hex(i & 255)}:01'/></interface></devices></domain>`);
  }
  for (let i = 0; i < NETWORKS; i++) {
    parts.push(`<network><name>bench-net-${i}</name><uuid>${uuid(2, i)}</uuid><bridge name='bvirbr${i}'/>
  <forward mode='nat'/><ip address='10.${i}.0.1' netmask='255.255.0.0'><dhcp><range start='10.${i}.0.2' end='10.${i}.255.254'/></dhcp></ip></network>`);
  }
  for (let p = 0; p < POOLS; p++) {
    parts.push(`<pool type='dir'><name>bench-pool-${p}</name><uuid>${uuid(3, p)}</uuid>
  <capacity unit='GiB'>1000</capacity><allocation unit='GiB'>100</allocation><available unit='GiB'>900</available>
  <target><path>/bench/pool-${p}</path></target>`);
    for (let v = 0; v < VOLUMES; v++) {
      parts.push(`<volume type='file'><name>vol-${v}</name><key>/bench/pool-${p}/vol-${v}</key>
  <capacity unit='GiB'>10</capacity><allocation unit='GiB'>1</allocation><target><path>/bench/pool-${p}/vol-${v}</path></target></volume>`);
    }
    parts.push('</pool>');
  }
  parts.push('</node>');
  return parts.join('\n');
}

export function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}
