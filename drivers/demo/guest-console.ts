// The serial console of a Demo host guest: it prints a boot log while the guest "boots", then logs in on its
// own and answers a small shell, so a console view can be exercised with no real guest. Its timers belong to it
// and die with it (dispose), which happens when the guest stops.
import type * as api from '../api/index.js';

export interface GuestInfo {
  readonly hostname: string;
  readonly memoryKiB: number;
  readonly vcpus: number;
  readonly disks: readonly { readonly target: string; readonly bytes: number }[];
  readonly nics: readonly { readonly mac: string }[];
}

export interface GuestHooks {
  /** The guest asked to power off (poweroff, halt, shutdown). */
  powerOff(): void;
  reboot(): void;
}

const OS_NAME = 'Hangar Demo Linux 1.0';
const KERNEL = '6.1.0-hangar';
/** Keep the tail of the console output so a late viewer sees recent history, like a console log. */
const BACKLOG_LIMIT = 64 * 1024;

export class GuestConsole {
  private backlog = '';
  private readonly listeners = new Set<(text: string) => void>();
  private readonly closeListeners = new Set<() => void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private line = '';
  private ready = false;
  private disposed = false;
  private bootedAt = Date.now();

  constructor(
    private readonly info: GuestInfo,
    private readonly hooks: GuestHooks,
    private readonly lineDelayMs = 30,
  ) {}

  /** True once the boot log is done and the shell answers. */
  get isReady(): boolean {
    return this.ready;
  }

  /** Starts (or restarts) the boot sequence. */
  boot(): void {
    this.clearTimers();
    this.ready = false;
    this.line = '';
    this.bootedAt = Date.now();
    const lines = this.bootLines();
    lines.forEach((text, i) => {
      this.later((i + 1) * this.lineDelayMs, () => this.write(`${text}\r\n`));
    });
    this.later((lines.length + 2) * this.lineDelayMs, () => {
      this.write(`\r\n${OS_NAME} ${this.info.hostname} ttyS0\r\n\r\n${this.info.hostname} login: root (automatic login)\r\n\r\n`);
      this.ready = true;
      this.write(this.prompt());
    });
  }

  /** Subscribes to output; returns what the console printed so far. */
  attach(listener: (text: string) => void): { backlog: string; subscription: api.Disposable } {
    this.listeners.add(listener);
    return { backlog: this.backlog, subscription: { dispose: () => void this.listeners.delete(listener) } };
  }

  /** Keystrokes from the viewer. */
  input(bytes: Uint8Array): void {
    if (this.disposed || !this.ready) return;
    for (const ch of Buffer.from(bytes).toString('utf8')) {
      if (ch === '\r' || ch === '\n') {
        const cmd = this.line;
        this.line = '';
        this.write('\r\n');
        this.run(cmd.trim());
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line.length > 0) {
          this.line = this.line.slice(0, -1);
          this.write('\b \b');
        }
      } else if (ch === '\x03') {
        this.line = '';
        this.write(`^C\r\n${this.prompt()}`);
      } else if (ch >= ' ') {
        this.line += ch;
        this.write(ch);
      }
    }
  }

  /** Called once when the console goes away (the guest stopped). */
  onClosed(listener: () => void): api.Disposable {
    this.closeListeners.add(listener);
    return { dispose: () => void this.closeListeners.delete(listener) };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearTimers();
    this.listeners.clear();
    for (const l of [...this.closeListeners]) l();
    this.closeListeners.clear();
  }

  private prompt(): string {
    return `root@${this.info.hostname}:~# `;
  }

  private write(text: string): void {
    if (this.disposed) return;
    this.backlog = (this.backlog + text).slice(-BACKLOG_LIMIT);
    for (const l of [...this.listeners]) l(text);
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private bootLines(): string[] {
    const { info } = this;
    const stamp = (s: number): string => `[${s.toFixed(6).padStart(12)}]`;
    const out = [
      `${stamp(0)} Linux version ${KERNEL} (builder@hangar) #1 SMP PREEMPT_DYNAMIC x86_64`,
      `${stamp(0)} Command line: BOOT_IMAGE=/vmlinuz-${KERNEL} root=/dev/vda1 ro console=ttyS0,115200n8`,
      `${stamp(0)} Hypervisor detected: KVM`,
      `${stamp(0.01)} Memory: ${Math.floor(info.memoryKiB * 0.96)}K/${info.memoryKiB}K available`,
      `${stamp(0.08)} smp: Bringing up secondary CPUs ...`,
      `${stamp(0.11)} smp: Brought up 1 node, ${info.vcpus} CPU${info.vcpus === 1 ? '' : 's'}`,
      `${stamp(0.42)} Serial: 8250/16550 driver, 4 ports, IRQ sharing enabled`,
      `${stamp(0.43)} 00:04: ttyS0 at I/O 0x3f8 (irq = 4, base_baud = 115200) is a 16550A`,
    ];
    info.disks.forEach((d, i) => {
      out.push(`${stamp(0.61 + i * 0.01)} virtio_blk virtio${i + 2}: [${d.target}] ${Math.floor(d.bytes / 512)} 512-byte logical blocks`);
    });
    info.nics.forEach((n, i) => {
      out.push(`${stamp(0.7 + i * 0.01)} virtio_net virtio${i}: enp${i + 1}s0: renamed from eth${i} (${n.mac})`);
    });
    out.push(
      `${stamp(1.02)} EXT4-fs (vda1): mounted filesystem with ordered data mode`,
      `${stamp(1.2)} Run /sbin/init as init process`,
      `${stamp(1.5)} systemd[1]: Hostname set to <${info.hostname}>.`,
      `${stamp(2.1)} systemd[1]: Reached target Multi-User System.`,
    );
    return out;
  }

  private run(cmd: string): void {
    const [name = '', ...args] = cmd.split(/\s+/).filter((s) => s.length > 0);
    const { info } = this;
    const say = (text: string): void => this.write(`${text.replace(/\n/g, '\r\n')}\r\n`);
    switch (name) {
      case '':
        break;
      case 'help':
        say('commands: help uname hostname whoami uptime free nproc df lsblk ip date echo ls cat clear exit poweroff reboot');
        break;
      case 'uname':
        say(args.includes('-a') ? `Linux ${info.hostname} ${KERNEL} #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux` : 'Linux');
        break;
      case 'hostname':
        say(info.hostname);
        break;
      case 'whoami':
        say('root');
        break;
      case 'nproc':
        say(String(info.vcpus));
        break;
      case 'uptime': {
        const mins = Math.floor((Date.now() - this.bootedAt) / 60_000);
        say(` ${new Date().toISOString().slice(11, 19)} up ${mins} min,  1 user,  load average: 0.08, 0.03, 0.01`);
        break;
      }
      case 'free': {
        const mib = Math.floor(info.memoryKiB / 1024);
        say(`               total        used        free\nMem:    ${String(mib).padStart(12)}${String(Math.floor(mib * 0.18)).padStart(12)}${String(Math.floor(mib * 0.82)).padStart(12)}`);
        break;
      }
      case 'df':
      case 'lsblk':
        say(['NAME    SIZE', ...info.disks.map((d) => `${d.target.padEnd(7)} ${(d.bytes / 1024 ** 3).toFixed(1)}G`)].join('\n'));
        break;
      case 'ip':
        say(
          ['1: lo: <LOOPBACK,UP> mtu 65536', ...info.nics.map((n, i) => `${i + 2}: enp${i + 1}s0: <BROADCAST,UP> mtu 1500\n    link/ether ${n.mac}`)].join('\n'),
        );
        break;
      case 'date':
        say(new Date().toUTCString());
        break;
      case 'echo':
        say(args.join(' '));
        break;
      case 'ls':
        say('bin  boot  dev  etc  home  lib  proc  root  run  sbin  sys  tmp  usr  var');
        break;
      case 'cat':
        if (args[0] === '/etc/os-release') say(`NAME="${OS_NAME}"\nID=hangar-demo\nVERSION_ID=1.0`);
        else if (args[0] === '/etc/hostname') say(info.hostname);
        else say(`cat: ${args[0] ?? ''}: No such file or directory`);
        break;
      case 'clear':
        this.write('\x1b[H\x1b[2J');
        break;
      case 'exit':
      case 'logout':
        this.write(`logout\r\n\r\n${OS_NAME} ${info.hostname} ttyS0\r\n\r\n${info.hostname} login: root (automatic login)\r\n\r\n`);
        break;
      case 'poweroff':
      case 'halt':
      case 'shutdown':
        say('Powering off.');
        this.ready = false;
        this.later(this.lineDelayMs, () => this.hooks.powerOff());
        return;
      case 'reboot':
        say('Rebooting.');
        this.ready = false;
        this.later(this.lineDelayMs, () => this.hooks.reboot());
        return;
      default:
        say(`-sh: ${name}: command not found`);
    }
    this.write(this.prompt());
  }
}
