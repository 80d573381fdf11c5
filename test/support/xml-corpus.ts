// The round-trip corpus: domain XML that no one here wrote, made by Debian's virt-install
// (`--print-xml --dry-run`) over osinfo-db's OS variants and many device options. Generated at
// test time, cached under .cache/xml-corpus/ (git-ignored), never committed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface CorpusDocument {
  /** Where it came from: the virt-install arguments (or an oracle command) that printed it. */
  readonly source: string;
  readonly xml: string;
}

export interface CorpusResult {
  readonly documents: CorpusDocument[];
  /** Runs virt-install refused (an option the connection does not support); reported, not hidden. */
  readonly failures: { readonly args: readonly string[]; readonly error: string }[];
  readonly runs: number;
  readonly fromCache: number;
}

export const corpusCacheDir = resolve(import.meta.dirname, '../../.cache/xml-corpus');

/** Every OS short-id in Debian's osinfo-db, sorted. */
export function osinfoShortIds(): string[] {
  const root = '/usr/share/osinfo/os';
  const ids = new Set<string>();
  for (const vendor of readdirSync(root)) {
    for (const f of readdirSync(join(root, vendor))) {
      if (!f.endsWith('.xml')) continue;
      const text = readFileSync(join(root, vendor, f), 'utf8');
      for (const m of text.matchAll(/<short-id>([^<]+)<\/short-id>/g)) if (m[1] !== undefined) ids.add(m[1]);
    }
  }
  return [...ids].sort();
}

/** Host files virt-install checks for existence (media, kernels, shared dirs), made once in the cache. */
function ensureFiles(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const files = { iso: join(dir, 'install.iso'), kernel: join(dir, 'vmlinuz'), initrd: join(dir, 'initrd.img'), raw: join(dir, 'data.img'), share: join(dir, 'share') };
  for (const f of [files.iso, files.kernel, files.initrd, files.raw]) if (!existsSync(f)) writeFileSync(f, Buffer.alloc(4096));
  mkdirSync(files.share, { recursive: true });
  return files;
}

/**
 * Device and platform option sets, each a different slice of what virt-install can print:
 * disks of several kinds, cdrom/floppy, NIC types, graphics, char devices, hostdev, filesystem,
 * TPM, RNG, watchdog, sound, video, boot and firmware, CPU, memory, clock, metadata.
 */
export function optionSets(f: Record<string, string>, host: CorpusHost = {}): string[][] {
  const [pool, vol] = host.volume?.split('/') ?? [];
  const xml = (...edits: string[]): string[] => edits.flatMap((e) => ['--xml', e]);
  return [
    ['--disk', 'size=5,bus=virtio,cache=none,discard=unmap,io=native', '--network', 'network=default,model=virtio', '--graphics', 'spice', '--video', 'qxl', '--channel', 'spicevmc', '--sound', 'ich9', '--rng', '/dev/urandom'],
    ['--disk', `path=${f.raw},format=raw,bus=sata,cache=writeback,serial=SER123`, '--cdrom', f.iso ?? '', '--network', 'bridge=br0,model=e1000e,mac=52:54:00:11:22:33', '--graphics', 'vnc,listen=0.0.0.0,password=secret,port=5910', '--serial', 'pty', '--console', 'pty,target_type=virtio'],
    ['--disk', 'none', '--network', 'none', '--graphics', 'none', '--serial', 'file,path=/tmp/serial.log', '--watchdog', 'i6300esb,action=poweroff', '--memballoon', 'virtio', '--panic', 'default', '--tpm', 'emulator,model=tpm-crb'],
    ['--disk', 'size=2,bus=scsi,discard=ignore', '--controller', 'scsi,model=virtio-scsi', '--network', 'type=direct,source=eth0,source.mode=bridge,model=virtio', '--graphics', 'vnc,listen=none', '--parallel', 'pty', '--channel', 'unix,target_type=virtio,name=org.qemu.guest_agent.0', '--import'],
    ['--disk', 'none', '--filesystem', `${f.share},share_tag`, '--network', 'user,model=rtl8139', '--redirdev', 'usb,type=spicevmc', '--smartcard', 'mode=passthrough,type=spicevmc', '--input', 'keyboard,bus=virtio', '--vsock', 'cid.auto=yes', '--graphics', 'spice,listen=socket', '--import'],
    ['--boot', `kernel=${f.kernel},initrd=${f.initrd},kernel_args=console=ttyS0 quiet`, '--disk', 'size=1,format=qcow2,bus=virtio', '--cpu', 'host-passthrough,cache.mode=passthrough', '--vcpus', '4,maxvcpus=8,sockets=2,cores=2,threads=2', '--network', 'network=default,link.state=down', '--graphics', 'none'],
    ['--boot', 'menu=on,useserial=on,hd,cdrom,network', '--disk', 'size=3,cache=directsync,io=threads', '--cpu', 'Skylake-Client,+vmx,-hle', '--memory', '2048,maxmemory=8192', '--clock', 'offset=localtime', '--events', 'on_poweroff=destroy,on_crash=restart', '--metadata', 'title=A title,description=Made by virt-install', '--import'],
    ['--disk', 'type=network,device=disk,source.protocol=nbd,source.host0.name=nbd.example.org,source.host0.port=10809,source.name=export1', '--disk', `device=floppy,path=${f.raw}`, '--sound', 'ac97', '--video', 'cirrus', '--input', 'mouse,bus=ps2', '--controller', 'usb,model=qemu-xhci', '--network', 'network=default,boot.order=1', '--import'],
    ['--disk', pool === undefined || vol === undefined ? 'pool=default-pool,size=1' : `source.pool=${pool},source.volume=${vol}`, '--disk', `device=cdrom,path=${f.iso},bus=scsi`, ...(host.hostdev === undefined
      ? xml('./devices/hostdev/@mode=subsystem', './devices/hostdev/@type=usb', './devices/hostdev/source/vendor/@id=0x1234', './devices/hostdev/source/product/@id=0x5678')
      : ['--hostdev', host.hostdev]), '--network', 'network=default,model=virtio,driver.queues=4', '--graphics', 'vnc,keymap=de', '--memballoon', 'none', '--import'],
    ['--disk', 'size=1,bus=usb,readonly=on', '--disk', 'size=1,shareable=on,cache=none', '--network', 'bridge=virbr0,mtu.size=9000', '--serial', 'tcp,host=127.0.0.1:4555,mode=bind', '--watchdog', 'ib700,action=reset', '--video', 'virtio,accel3d=no', '--rng', 'egd,backend.source.host=127.0.0.1,backend.source.service=7000,backend.type=tcp', '--import'],
    ['--disk', 'size=4', '--xml', './devices/hostdev/@type=pci', '--xml', './devices/hostdev/@mode=subsystem', '--xml', './devices/hostdev/@managed=yes', '--xml', './devices/hostdev/source/address/@domain=0x0000', '--xml', './devices/hostdev/source/address/@bus=0x03', '--xml', './devices/hostdev/source/address/@slot=0x00', '--xml', './devices/hostdev/source/address/@function=0x0', '--network', 'default', '--import'],
    ['--disk', 'size=1,boot.order=2', '--network', 'network=default,boot.order=1', '--iothreads', '2', '--memorybacking', 'hugepages=on', '--features', 'kvm_hidden=on,smm.state=on', '--sysinfo', 'host', '--pm', 'suspend_to_mem.enabled=off', '--tpm', '/dev/tpm0', '--import'],
    ['--boot', 'loader=/usr/share/OVMF/OVMF_CODE_4M.fd,loader.readonly=yes,loader.type=pflash,nvram.template=/usr/share/OVMF/OVMF_VARS_4M.fd,loader_secure=no', '--disk', 'size=8,bus=virtio', '--network', 'network=default', '--graphics', 'spice,gl.enable=no', '--video', 'virtio', '--sound', 'ich6', '--channel', 'spicevmc', '--import',
      ...xml('./devices/hostdev/@mode=subsystem', './devices/hostdev/@type=mdev', './devices/hostdev/@model=vfio-pci', './devices/hostdev/source/address/@uuid=c2177883-f1bb-47f0-914d-32a22e3a8804')],
    ['--disk', 'size=2', '--disk', 'size=2,bus=sata', '--disk', 'size=2,bus=ide', '--network', 'network=default', '--network', 'network=default,model=e1000', '--console', 'pty,target_type=serial', '--graphics', 'vnc', '--xml', "./devices/disk[2]/@type=block", '--import'],
  ];
}

/** What the target connection offers for options that name host objects. */
export interface CorpusHost {
  /** An existing `pool/volume`, for volume-backed disks (else a new volume in the test driver's default-pool). */
  readonly volume?: string;
  /** A node device name to pass through (else a USB hostdev written with --xml). */
  readonly hostdev?: string;
}

/** The virt-install runs: OS variants spread over osinfo-db, each with an option set. */
export function virtInstallRuns(count: number, files: Record<string, string>, host: CorpusHost = {}): string[][] {
  const ids = osinfoShortIds();
  const sets = optionSets(files, host);
  const runs: string[][] = [];
  for (let i = 0; i < count; i++) {
    const os = ids[Math.floor((i * ids.length) / count)] ?? 'generic';
    const set = sets[i % sets.length] ?? [];
    const hasMemory = set.includes('--memory');
    const hasBoot = set.includes('--cdrom') || set.includes('--import') || set.includes('--boot');
    runs.push([
      '--print-xml', '--dry-run', '--noautoconsole', '--name', `corpus-${i}`, '--osinfo', os,
      ...(hasMemory ? [] : ['--memory', String(256 * (1 + (i % 8)))]),
      ...(set.includes('--vcpus') ? [] : ['--vcpus', String(1 + (i % 4))]),
      ...(hasBoot ? [] : ['--install', 'no_install=yes']),
      ...set,
    ]);
  }
  return runs;
}

/** Runs a batch of virt-install command lines in one /usr/bin/python3 process (see xml-corpus-virtinst.py). */
function runBatch(batch: readonly (readonly string[])[]): Promise<({ ok: true; out: string } | { ok: false; error: string })[]> {
  return new Promise((done, fail) => {
    const child = execFile(
      '/usr/bin/python3',
      [join(import.meta.dirname, 'xml-corpus-virtinst.py')],
      { timeout: 600_000, maxBuffer: 256 << 20, env: { ...process.env, HOME: corpusCacheDir } },
      (err, stdout, stderr) => {
        if (err !== null) {
          fail(new Error(`virt-install batch failed: ${err.message}\n${stderr.slice(-2000)}`));
          return;
        }
        done(stdout.trim().split('\n').filter((l) => l !== '').map((l) => {
          const r = JSON.parse(l) as { ok: boolean; out: string; error: string };
          return r.ok ? { ok: true as const, out: r.out } : { ok: false as const, error: r.error };
        }));
      },
    );
    child.stdin?.end(JSON.stringify(batch));
  });
}

/** Splits virt-install's output (an install-phase and a final document when it installs from media). */
export function splitDomains(out: string): string[] {
  return [...out.matchAll(/<domain[\s>][\s\S]*?<\/domain>\n?/g)].map((m) => m[0]);
}

/**
 * Generates (or reads from the cache) `count` virt-install runs against `uri`, `concurrency` at a time.
 * The cache key includes the URI and arguments, so a different lab or option set regenerates.
 */
export async function virtInstallCorpus(options: {
  uri: string;
  count: number;
  concurrency?: number;
  cacheKey?: string;
  host?: CorpusHost;
}): Promise<CorpusResult> {
  const dir = join(corpusCacheDir, options.cacheKey ?? 'default');
  mkdirSync(dir, { recursive: true });
  const files = ensureFiles(join(corpusCacheDir, 'files'));
  const runs = virtInstallRuns(options.count, files, options.host).map((args) => ['--connect', options.uri, ...args]);
  const documents: CorpusDocument[] = [];
  const failures: { args: readonly string[]; error: string }[] = [];
  let fromCache = 0;
  // The connection URI is left out of the key: a lab's socket path changes per run, its answers do not.
  const keyOf = (args: readonly string[]): string => createHash('sha256').update(JSON.stringify(args.slice(2))).digest('hex').slice(0, 20);
  const results = new Map<string, { ok: true; out: string } | { ok: false; error: string }>();
  const missing: string[][] = [];
  for (const args of runs) {
    const key = keyOf(args);
    if (existsSync(join(dir, `${key}.xml`))) results.set(key, { ok: true, out: readFileSync(join(dir, `${key}.xml`), 'utf8') });
    else if (existsSync(join(dir, `${key}.fail`))) results.set(key, { ok: false, error: readFileSync(join(dir, `${key}.fail`), 'utf8') });
    else missing.push(args);
  }
  fromCache = results.size;
  // One interpreter per batch, `concurrency` batches in parallel (2 cores here).
  const n = Math.max(1, Math.min(options.concurrency ?? 2, missing.length));
  const batches = Array.from({ length: n }, (_, b) => missing.filter((_, i) => i % n === b));
  const done = await Promise.all(batches.map((batch) => runBatch(batch)));
  for (const [b, batch] of batches.entries()) {
    for (const [i, args] of batch.entries()) {
      const r = done[b]?.[i] ?? { ok: false as const, error: 'no result' };
      const key = keyOf(args);
      writeFileSync(join(dir, `${key}.${r.ok ? 'xml' : 'fail'}`), r.ok ? r.out : r.error);
      results.set(key, r);
    }
  }
  for (const args of runs) {
    const r = results.get(keyOf(args));
    if (r === undefined) continue;
    if (r.ok) for (const xml of splitDomains(r.out)) documents.push({ source: `virt-install ${args.join(' ')}`, xml });
    else failures.push({ args, error: r.error });
  }
  return { documents, failures, runs: runs.length, fromCache };
}
