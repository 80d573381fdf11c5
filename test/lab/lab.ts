import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { libvirtdConf, PASSWORD_USER, qemuConf, sshdConfig } from './config.js';
import { chooseAccel, type Accel } from './accel.js';
import { tinyGuestDomainXml } from './guest.js';
import { ensureTinyImage, projectRoot } from './image.js';
import { run, runChecked } from './run.js';
import { TcpForward } from './tcp-forward.js';
import type { ExecResult, Lab, LabOptions, TinyGuestOptions } from './types.js';

export type { Lab, LabOptions, TinyGuestOptions, ExecResult } from './types.js';

/**
 * How long a started tiny guest may stay silent on its serial port, by accelerator. Its kernel's first line comes
 * ~1 s after start under KVM, 5–16 s under emulation (idle or busy 2-core machine); both leave room, well under a
 * minute and any case's own timeout.
 */
export const GUEST_LIFE_MS: Readonly<Record<Accel, number>> = { kvm: 20_000, qemu: 45_000 };

const REQUIRED = [
  ['unshare', 'util-linux'], ['nsenter', 'util-linux'], ['ip', 'iproute2'], ['libvirtd', 'libvirt-daemon'],
  ['virtlogd', 'libvirt-daemon'], ['virsh', 'libvirt-clients'], ['qemu-system-x86_64', 'qemu-system-x86'],
  ['/usr/sbin/sshd', 'openssh-server'], ['ssh-keygen', 'openssh-client'], ['nc', 'netcat-openbsd'],
] as const;

const SSH_PORT_INSIDE = 22;

async function checkPrerequisites(): Promise<void> {
  if (process.getuid?.() !== 0) {
    throw new Error('The libvirt lab needs root (it makes namespaces and runs libvirtd): run the tests as root, as .ci/run does.');
  }
  const missing: string[] = [];
  for (const [tool, pkg] of REQUIRED) {
    const r = await run('sh', ['-c', `command -v ${tool}`]);
    if (r.code !== 0) missing.push(`${tool} (package ${pkg})`);
  }
  if (missing.length > 0) {
    throw new Error(`The libvirt lab is missing ${missing.join(', ')}: run .ci/run once, or apt-get install them.`);
  }
}

/** Starts a fresh, pristine libvirt host in private namespaces. Call stop() when done. */
export async function startLab(options: LabOptions = {}): Promise<Lab> {
  await checkPrerequisites();
  const iso = await ensureTinyImage();
  const { accel, reason } = await chooseAccel({ accel: options.accel, probe: options.accelProbe });
  const dir = mkdtempSync('/tmp/hangar-lab-');
  try {
    mkdirSync(join(dir, 'ssh'), { mode: 0o700 });
    mkdirSync(join(dir, 'config'));
    await runChecked('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'hangar-lab-host', '-f', join(dir, 'ssh', 'host_ed25519')]);
    await runChecked('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'hangar-lab-client', '-f', join(dir, 'ssh', 'client_ed25519')]);
    writeFileSync(join(dir, 'ssh', 'authorized_keys'), readFileSync(join(dir, 'ssh', 'client_ed25519.pub')));
    writeFileSync(join(dir, 'config', 'libvirtd.conf'), libvirtdConf());
    writeFileSync(join(dir, 'config', 'qemu.conf'), qemuConf(options.vncPassword !== undefined ? { vncPassword: options.vncPassword } : {}));
    writeFileSync(join(dir, 'config', 'sshd_config'), sshdConfig(dir));
    const rootDirs = options.rootDirs ?? [];
    const bad = rootDirs.find((d) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(d));
    if (bad !== undefined) throw new Error(`a lab root folder must be one plain name, not ${JSON.stringify(bad)}`);
    writeFileSync(join(dir, 'config', 'root-dirs'), rootDirs.map((d) => `${d}\n`).join(''));
    // chpasswd input for namespace.sh; the password is set in the lab's /etc overlay, never on the host.
    writeFileSync(join(dir, 'ssh', 'password'), `${PASSWORD_USER}:${randomBytes(12).toString('base64url')}\n`, { mode: 0o600 });
    // A small wrapper removes the lab folder once the namespaces are gone, even if this process is killed
    // (then the namespace sees its stdin close and shuts down by itself).
    const holder = spawn(
      'bash',
      ['-c', 'unshare "$@"; status=$?; rm -rf "$LAB_DIR"; exit $status', 'lab-holder',
        '--mount', '--net', '--pid', '--fork', '--mount-proc', '--propagation', 'private',
        'bash', join(projectRoot, 'test', 'lab', 'namespace.sh'), dir],
      { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, LAB_DIR: dir } },
    );
    const lab = new RunningLab(dir, iso, accel, reason, holder);
    await lab.waitReady();
    return lab;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

class RunningLab implements Lab {
  readonly socketPath: string;
  readonly uri: string;
  ssh!: Lab['ssh'];
  private namespacePid = 0;
  get pid(): number {
    return this.namespacePid;
  }
  private readonly forwards: TcpForward[] = [];
  private readonly exited: Promise<void>;
  private stopping: Promise<void> | undefined;
  private holderStderr = '';

  constructor(readonly dir: string, private readonly iso: string, readonly accel: Accel, readonly accelReason: string, private readonly holder: ChildProcessWithoutNullStreams | ReturnType<typeof spawn>) {
    this.socketPath = join(dir, 'run', 'libvirt', 'libvirt-sock');
    this.uri = `qemu+unix:///system?socket=${this.socketPath}`;
    holder.stderr?.on('data', (b: Buffer) => { this.holderStderr += b.toString('utf8'); });
    this.exited = new Promise((resolve) => holder.once('exit', () => resolve()));
  }

  private log(): string {
    const file = join(this.dir, 'namespace.log');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return `${text}${this.holderStderr}`.trim().split('\n').slice(-20).join('\n');
  }

  async waitReady(): Promise<void> {
    const deadline = Date.now() + 60_000;
    let exited = false;
    void this.exited.then(() => { exited = true; });
    while (!existsSync(join(this.dir, 'ready'))) {
      if (exited) throw new Error(`The lab failed to start:\n${this.log()}`);
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`The lab did not become ready within 60 s:\n${this.log()}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const holderPid = this.holder.pid;
    if (holderPid === undefined) throw new Error('the lab holder has no pid');
    const childOf = (pid: number): number => Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0]);
    this.namespacePid = childOf(childOf(holderPid)); // holder → unshare → the namespace's PID 1
    if (!Number.isInteger(this.namespacePid) || this.namespacePid <= 0) throw new Error('cannot find the lab namespace');
    const hostKey = readFileSync(join(this.dir, 'ssh', 'host_ed25519.pub'), 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
    const sshForward = await this.openForward(SSH_PORT_INSIDE);
    const knownHostsPath = join(this.dir, 'ssh', 'known_hosts');
    writeFileSync(knownHostsPath, `[127.0.0.1]:${sshForward.port} ${hostKey}\n`);
    this.ssh = {
      host: '127.0.0.1',
      port: sshForward.port,
      user: 'root',
      keyPath: join(this.dir, 'ssh', 'client_ed25519'),
      hostKey,
      knownHostsPath,
      passwordUser: PASSWORD_USER,
      password: readFileSync(join(this.dir, 'ssh', 'password'), 'utf8').trim().slice(PASSWORD_USER.length + 1),
    };
  }

  private async openForward(port: number): Promise<TcpForward> {
    const forward = await TcpForward.open(this.namespacePid, port);
    this.forwards.push(forward);
    return forward;
  }

  async forwardTcp(port: number): Promise<number> {
    return (await this.openForward(port)).port;
  }

  async virsh(args: readonly string[], input?: string): Promise<string> {
    return runChecked('virsh', ['-q', '-c', this.uri, ...args], input);
  }

  exec(command: string, args: readonly string[], input?: string): Promise<ExecResult> {
    return run('nsenter', ['-t', String(this.namespacePid), '-m', '-n', '-p', '--', command, ...args], input);
  }

  private serialLog(options: Pick<TinyGuestOptions, 'name' | 'serialLogPath'>): string {
    return options.serialLogPath ?? join(this.dir, `${options.name}-serial.log`);
  }

  tinyGuestXml(options: TinyGuestOptions): string {
    return tinyGuestDomainXml({
      name: options.name,
      iso: this.iso,
      serialLogPath: this.serialLog(options),
      memoryMiB: options.memoryMiB ?? 160,
      accel: options.accel ?? this.accel,
    });
  }

  async defineGuest(options: TinyGuestOptions): Promise<void> {
    const file = join(this.dir, `${options.name}.xml`);
    writeFileSync(file, this.tinyGuestXml(options));
    await this.virsh(['define', file]);
  }

  async bootGuest(options: TinyGuestOptions): Promise<void> {
    await this.defineGuest(options);
    await this.virsh(['start', options.name]);
  }

  async waitForGuestLife(options: Pick<TinyGuestOptions, 'name' | 'serialLogPath' | 'accel'>): Promise<number> {
    const log = this.serialLog(options);
    const accel = options.accel ?? this.accel;
    const started = Date.now();
    while (!(existsSync(log) && readFileSync(log, 'latin1').includes('Linux version'))) {
      const waited = Date.now() - started;
      if (waited > GUEST_LIFE_MS[accel]) {
        const how = accel === 'kvm' ? 'KVM (-accel kvm)' : 'QEMU emulation (-accel tcg)';
        const why = accel === this.accel ? ` the lab chose it: ${this.accelReason};` : '';
        throw new Error(`guest ${options.name} shows no sign of life under ${how}: its kernel printed nothing on the serial port `
          + `in ${Math.round(waited / 1000)} s (${log});${why} set HANGAR_LAB_ACCEL=${accel === 'kvm' ? 'qemu' : 'kvm'} to try the other accelerator`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    return Date.now() - started;
  }

  async restartLibvirtd(): Promise<void> {
    const script = [
      'pid=$(cat /run/libvirtd.pid)',
      'kill "$pid"',
      'for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done',
      'kill -0 "$pid" 2>/dev/null && { echo "libvirtd did not stop" >&2; exit 1; }',
      'rm -f /run/libvirt/libvirt-sock',
      'libvirtd -d --listen',
      'for _ in $(seq 1 200); do [ -S /run/libvirt/libvirt-sock ] && exit 0; sleep 0.05; done',
      'echo "libvirtd did not come back" >&2; exit 1',
    ].join('\n');
    const r = await this.exec('bash', ['-c', script]);
    if (r.code !== 0) throw new Error(`restarting libvirtd failed: ${r.stderr.trim()}`);
  }

  stop(): Promise<void> {
    this.stopping ??= this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    for (const f of this.forwards.splice(0)) await f.close();
    this.holder.stdin?.end();
    const graceful = await Promise.race([
      this.exited.then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), 20_000)),
    ]);
    if (!graceful) {
      // PID 1 of the namespace takes the rest of it down with it.
      if (this.namespacePid > 0) {
        try { process.kill(this.namespacePid, 'SIGKILL'); } catch { /* already gone */ }
      }
      this.holder.kill('SIGKILL');
      await this.exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
