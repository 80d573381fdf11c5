// `npm run bench -- console`: the consoles' speed and resources on the lab's tiny guest, side by side in one run.
// - Serial: keystroke → echo round trip through Hangar (browser-mode API channel → consoles service → libvirt
//   console stream → the guest's shell), median and p95 over 200 keys, locally and over qemu+ssh://, beside
//   `virsh console` on the same guest driven through a pty (python3's pty module).
// - Graphical: time from opening the VNC channel to the first full frame (a minimal RFB client reads it), locally
//   and over SSH; frames per second and the main process's CPU per MiB relayed while the guest scrolls text.
// - Connections: TCP connections to the lab's sshd while RPC, a serial console and a VNC console are open over SSH.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ByteChannel } from '../../main/api/contract/byte-channel.js';
import { startLab, type Lab } from '../lab/lab.js';
import { ApiSocket } from '../support/api-socket.js';
import { runApp } from '../support/app-process.js';
import { seededDataDir } from '../support/data-dir.js';

const KEYS = 200;

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}
const fmt = (xs: readonly number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${pct(s, 0.5).toFixed(2)} ms   p95 ${pct(s, 0.95).toFixed(2)} ms   (n=${s.length})`;
};

/** Reads a channel into a growing text, with a way to wait for something in it. */
function reader(ch: ByteChannel): { text: () => string; until: (pred: (t: string) => boolean, ms?: number) => Promise<void> } {
  let text = '';
  let wake: (() => void) | undefined;
  void (async () => {
    try {
      for await (const chunk of ch) {
        text += Buffer.from(chunk).toString('latin1');
        wake?.();
      }
    } catch {
      // closed
    }
    wake?.();
  })();
  return {
    text: () => text,
    until: async (pred, ms = 30_000) => {
      const deadline = Date.now() + ms;
      while (!pred(text)) {
        if (Date.now() > deadline) throw new Error(`console: timed out; last output ${JSON.stringify(text.slice(-200))}`);
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 50);
        });
      }
    },
  };
}

/** 200 keystrokes, each timed until its echo arrives; the line is cleared after (Ctrl+U). */
async function serialRoundTrips(api: ApiSocket, connection: string, key: string): Promise<number[]> {
  const ch = await api.openChannel('consoles.openSerial', { connection, key, alias: null, force: true });
  const r = reader(ch);
  await ch.send(Buffer.from('\x15echo warm\r'));
  await r.until((t) => t.includes('warm'));
  const times: number[] = [];
  for (let i = 0; i < KEYS; i++) {
    const before = r.text().length;
    const t0 = performance.now();
    await ch.send(Buffer.from('x'));
    await r.until((t) => t.length > before && t.slice(before).includes('x'), 10_000);
    times.push(performance.now() - t0);
    if (i % 50 === 49) await ch.send(Buffer.from('\x15'));
  }
  await ch.send(Buffer.from('\x15'));
  ch.close('bench done');
  return times;
}

const PY_PTY = String.raw`
import os, pty, sys, time, select, json
uri, name, keys = sys.argv[1], sys.argv[2], int(sys.argv[3])
pid, fd = pty.fork()
if pid == 0:
    # Raw from the start: the pty's own echo must never answer for the guest's.
    import tty
    tty.setraw(0)
    os.execvp('virsh', ['virsh', '-c', uri, 'console', name, '--force'])
buf = b''
def read_until(pred, timeout=30):
    global buf
    end = time.time() + timeout
    while not pred(buf):
        r, _, _ = select.select([fd], [], [], max(0, end - time.time()))
        if not r:
            raise SystemExit('timeout: ' + repr(buf[-200:]))
        buf += os.read(fd, 65536)
read_until(lambda b: b'Escape character' in b)
# The console may take a moment to be handed over from the previous client: ask until the shell answers.
for attempt in range(10):
    os.write(fd, b'\x15echo warm\r')
    try:
        read_until(lambda b: b'warm' in b.split(b'Escape character')[-1], 3)
        break
    except SystemExit:
        if attempt == 9:
            raise
times = []
for i in range(keys):
    n = len(buf)
    t0 = time.perf_counter()
    os.write(fd, b'x')
    read_until(lambda b: b'x' in b[n:], 10)
    times.append((time.perf_counter() - t0) * 1000)
    if i % 50 == 49:
        os.write(fd, b'\x15')
os.write(fd, b'\x15')
os.write(fd, b'\x1d')
print(json.dumps(times))
`;

function virshRoundTrips(uri: string, name: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/python3', ['-c', PY_PTY, uri, name, String(KEYS)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '[]') as number[]) : reject(new Error(`virsh console via pty: ${code} ${err}${out.slice(-300)}`))));
  });
}

/** A minimal RFB client: resolves with ms from opening the channel to the first whole framebuffer (raw encoding). */
interface VncSession {
  readonly ms: number;
  readonly width: number;
  readonly height: number;
  readonly channel: ByteChannel;
  /** Asks for an incremental update and reads it whole; resolves with its pixel bytes. */
  nextUpdate(): Promise<number>;
}

async function firstFrame(api: ApiSocket, connection: string, key: string): Promise<VncSession> {
  const t0 = performance.now();
  const ch = await api.openChannel('consoles.openVnc', { connection, key, index: 0 });
  let buf = Buffer.alloc(0);
  const it = ch[Symbol.asyncIterator]();
  const need = async (n: number): Promise<Buffer> => {
    while (buf.length < n) {
      const next = await it.next();
      if (next.done) throw new Error('the VNC channel ended');
      buf = Buffer.concat([buf, Buffer.from(next.value)]);
    }
    const out = buf.subarray(0, n);
    buf = buf.subarray(n);
    return out;
  };
  await need(12);
  await ch.send(Buffer.from('RFB 003.008\n'));
  const count = (await need(1))[0] ?? 0;
  const types = await need(count);
  if (!types.includes(1)) throw new Error(`the bench's guest must have no VNC password (types ${[...types].join(',')})`);
  await ch.send(Buffer.from([1]));
  if ((await need(4)).readUInt32BE(0) !== 0) throw new Error('VNC security failed');
  await ch.send(Buffer.from([1]));
  const init = await need(24);
  const width = init.readUInt16BE(0);
  const height = init.readUInt16BE(2);
  const bpp = (init[4] ?? 32) / 8;
  await need(init.readUInt32BE(20));
  const enc = Buffer.alloc(8);
  enc.writeUInt8(2, 0);
  enc.writeUInt16BE(1, 2);
  enc.writeInt32BE(0, 4);
  const req = Buffer.alloc(10);
  req.writeUInt8(3, 0);
  req.writeUInt8(0, 1);
  req.writeUInt16BE(width, 6);
  req.writeUInt16BE(height, 8);
  await ch.send(Buffer.concat([enc, req]));
  /** Reads one FramebufferUpdate; resolves with the pixels it covered. */
  const update = async (): Promise<number> => {
    const head = await need(4);
    if (head[0] !== 0) throw new Error(`unexpected VNC message ${head[0]}`);
    const rects = head.readUInt16BE(2);
    let covered = 0;
    for (let i = 0; i < rects; i++) {
      const r = await need(12);
      const w = r.readUInt16BE(4);
      const h = r.readUInt16BE(6);
      const encoding = r.readInt32BE(8);
      if (encoding !== 0) throw new Error(`unexpected encoding ${encoding}`);
      await need(w * h * bpp);
      covered += w * h;
    }
    return covered;
  };
  let covered = 0;
  while (covered < width * height) covered += await update();
  const ms = performance.now() - t0;
  const incremental = Buffer.from(req);
  incremental.writeUInt8(1, 1);
  return {
    ms, width, height, channel: ch,
    nextUpdate: async () => {
      await ch.send(incremental);
      return (await update()) * bpp;
    },
  };
}

/** The app process's CPU time so far (utime + stime), in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Frames per second and main-process CPU per MiB relayed while the guest scrolls text on its VGA console. */
async function scrolling(api: ApiSocket, serialConnection: string, key: string, vnc: VncSession, pid: number, seconds: number): Promise<string> {
  const serial = await api.openChannel('consoles.openSerial', { connection: serialConnection, key, alias: null, force: true });
  void (async () => {
    try {
      for await (const _ of serial) { /* the shell's echo is not needed */ }
    } catch {
      // closed
    }
  })();
  await serial.send(Buffer.from('\x15while :; do echo scrolling the tiny guest console at full speed $RANDOM; done > /dev/tty1 &\r'));
  await new Promise((r) => setTimeout(r, 1000));
  let frames = 0;
  let bytes = 0;
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    bytes += await vnc.nextUpdate();
    frames++;
  }
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(pid) - cpu0;
  await serial.send(Buffer.from('kill %1\r'));
  await new Promise((r) => setTimeout(r, 300));
  serial.close('bench done');
  const mib = bytes / 1024 / 1024;
  return `${(frames / elapsed).toFixed(1)} frames/s, ${(mib / elapsed).toFixed(1)} MiB/s relayed, main process CPU ${(cpu / mib * 1000).toFixed(1)} ms per MiB`;
}

function sshdConnections(port: number): number {
  const out = execFileSync('ss', ['-tnH', 'state', 'established', `( dport = :${port} )`], { encoding: 'utf8' });
  return out.trim().split('\n').filter(Boolean).length;
}

async function waitBoot(lab: Lab, log: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (!(existsSync(log) && readFileSync(log, 'latin1').includes('hangar-tiny: booted'))) {
    if (Date.now() > deadline) throw new Error('the tiny guest did not boot');
    await new Promise((r) => setTimeout(r, 200));
  }
  void lab;
}

export default async function run(): Promise<void> {
  const lab = await startLab();
  const data = { remove: () => undefined } as ReturnType<typeof seededDataDir>;
  let stopApp: (() => Promise<void>) | undefined;
  let removeData = data.remove;
  try {
    const socket = join(lab.dir, 'bench-vnc.sock');
    const xml = lab.tinyGuestXml({ name: 'tiny' }).replace(/<graphics type='vnc'[^>]*\/>/, `<graphics type='vnc'><listen type='socket' socket='${socket}'/></graphics>`);
    writeFileSync(join(lab.dir, 'bench.xml'), xml);
    await lab.virsh(['define', join(lab.dir, 'bench.xml')]);
    await lab.virsh(['start', 'tiny']);
    await waitBoot(lab, join(lab.dir, 'tiny-serial.log'));
    const uuid = (await lab.virsh(['domuuid', 'tiny'])).trim();
    const sshUri = `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${lab.ssh.keyPath}&known_hosts=${lab.ssh.knownHostsPath}`;
    const seeded = seededDataDir([{ uri: lab.uri, name: 'Lab' }, { uri: sshUri, name: 'Lab over SSH' }]);
    removeData = seeded.remove;
    const app = await runApp('out/main/web/cli.js', { HANGAR_DATA_DIR: seeded.dir, SSH_AUTH_SOCK: '' });
    stopApp = () => app.stop();
    const api = await ApiSocket.open(app.url);
    const deadline = Date.now() + 60_000;
    while ((await api.call('connections.list', {})).items.filter((c) => c.state.state === 'connected').length < 2) {
      if (Date.now() > deadline) throw new Error('the lab connections did not connect');
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`guest: tiny (${lab.accel}); ${KEYS} keys per run; one run each, in this order`);

    console.log('\nserial keystroke → echo round trip');
    console.log(`  hangar local         ${fmt(await serialRoundTrips(api, 'conn-1', uuid))}`);
    console.log(`  virsh console local  ${fmt(await virshRoundTrips(lab.uri, 'tiny'))}`);
    console.log(`  hangar ssh           ${fmt(await serialRoundTrips(api, 'conn-2', uuid))}`);
    const virshSsh = `qemu+ssh://root@127.0.0.1:${lab.ssh.port}/system?keyfile=${lab.ssh.keyPath}&no_verify=1`;
    console.log(`  virsh console ssh    ${fmt(await virshRoundTrips(virshSsh, 'tiny'))}`);
    // The first run comes right after the boot; a second one shows how much of its figure is order, not path.
    console.log(`  hangar local, again  ${fmt(await serialRoundTrips(api, 'conn-1', uuid))}`);

    console.log('\ngraphical: open → first full frame (raw encoding, minimal RFB client on the API channel)');
    const local = await firstFrame(api, 'conn-1', uuid);
    console.log(`  local  ${local.ms.toFixed(1)} ms  (${local.width}×${local.height})`);
    const overSsh = await firstFrame(api, 'conn-2', uuid);
    console.log(`  ssh    ${overSsh.ms.toFixed(1)} ms  (${overSsh.width}×${overSsh.height})`);
    console.log('\ngraphical: while the guest scrolls text at full speed (raw encoding, 5 s each)');
    console.log(`  local  ${await scrolling(api, 'conn-1', uuid, local, app.pid, 5)}`);
    console.log(`  ssh    ${await scrolling(api, 'conn-1', uuid, overSsh, app.pid, 5)}`);
    local.channel.close('bench done');

    const serial = await api.openChannel('consoles.openSerial', { connection: 'conn-2', key: uuid, alias: null, force: true });
    await new Promise((r) => setTimeout(r, 500));
    console.log(`\nTCP connections to the lab's sshd with RPC + serial console + VNC console open over SSH: ${sshdConnections(lab.ssh.port)} (must be 1)`);
    serial.close('bench done');
    overSsh.channel.close('bench done');
    api.close();
  } finally {
    await stopApp?.();
    removeData();
    await lab.stop();
  }
}
