/** A real, pristine libvirt host for tests, in private mount, network and PID namespaces. */
export interface Lab {
  /** This run's temporary folder; everything the lab makes lives under it. */
  readonly dir: string;
  /** Host-side PID of the lab's PID 1; its /proc/<pid>/ns/* name the lab's namespaces. */
  readonly pid: number;
  /** libvirtd's read-write unix socket, reachable from the test process. */
  readonly socketPath: string;
  /** Domain type of lab guests: 'kvm', or 'qemu' (emulation) where KVM is absent or too slow; and why. */
  readonly accel: 'kvm' | 'qemu';
  readonly accelReason: string;
  /** `qemu+unix:///system?socket=…` for this lab's qemu driver. */
  readonly uri: string;
  /** The lab's sshd as seen from the test process (a loopback relay into the namespace). */
  readonly ssh: {
    readonly host: '127.0.0.1';
    readonly port: number;
    readonly user: 'root';
    /** Per-run client private key (OpenSSH format, no passphrase). */
    readonly keyPath: string;
    /** sshd's host public key, `ssh-ed25519 AAAA…`. */
    readonly hostKey: string;
    /** A known_hosts file that trusts exactly this host key for `[127.0.0.1]:port`. */
    readonly knownHostsPath: string;
    /** A non-root lab user (allowed on libvirtd's socket) whose password, made per run, sshd accepts. */
    readonly passwordUser: string;
    readonly password: string;
  };
  /** Runs `virsh -c <uri> …` against this lab (for test set-up and as an oracle, never in product code). */
  virsh(args: readonly string[], input?: string): Promise<string>;
  /** Runs a command inside the lab's namespaces. */
  exec(command: string, args: readonly string[], input?: string): Promise<ExecResult>;
  /** Makes a TCP port inside the lab's network namespace reachable on 127.0.0.1:<returned port>. */
  forwardTcp(port: number): Promise<number>;
  /** Domain XML of the tiny test guest (KVM, or QEMU emulation without /dev/kvm). */
  tinyGuestXml(options: TinyGuestOptions): string;
  /** Defines the tiny guest (persistent, not started). */
  defineGuest(options: TinyGuestOptions): Promise<void>;
  /** Defines and starts the tiny guest; resolves once it runs (not once it has booted). */
  bootGuest(options: TinyGuestOptions): Promise<void>;
  /**
   * Resolves with the milliseconds waited once a started tiny guest's kernel has printed its first line on the
   * serial port; rejects after `GUEST_LIFE_MS[accel]`, naming the accelerator, when it has not, so a guest that
   * never boots fails its test in seconds instead of every later wait running out.
   */
  waitForGuestLife(options: Pick<TinyGuestOptions, 'name' | 'serialLogPath' | 'accel'>): Promise<number>;
  /** Stops libvirtd (SIGTERM, as a service restart does) and starts it again; resolves once its socket is back. */
  restartLibvirtd(): Promise<void>;
  /** Stops every process, removes the namespaces and the temporary folder. Idempotent. */
  stop(): Promise<void>;
}

/** How startLab() picks the guests' accelerator (see accel.ts); by default from the environment and probes. */
export interface LabOptions {
  /** Use this accelerator, no fallback (default: `HANGAR_LAB_ACCEL`). */
  readonly accel?: 'kvm' | 'qemu';
  /** Take this as the KVM firmware probe's verdict (default: `HANGAR_LAB_ACCEL_PROBE`, else run it). */
  readonly accelProbe?: 'kvm' | 'qemu';
  /** Empty folders at the root of the lab's file system (e.g. a fixture's `/contract`), made only inside the lab. */
  readonly rootDirs?: readonly string[];
  /**
   * qemu.conf's `vnc_password`: every VNC server of the lab asks for it unless the domain's XML sets its own
   * `passwd` (so the XML read with the SECURE flag shows no password, and a client must ask the user).
   */
  readonly vncPassword?: string;
}

export interface TinyGuestOptions {
  readonly name: string;
  /** Domain type; default: the lab's `accel`. */
  readonly accel?: 'kvm' | 'qemu';
  /** Guest memory in MiB (default 160). */
  readonly memoryMiB?: number;
  /** Where the serial port's output is logged as well (default `<dir>/<name>-serial.log`). */
  readonly serialLogPath?: string;
}

export interface ExecResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}
