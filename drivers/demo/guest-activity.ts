// Synthetic but plausible guest activity for stats: CPU time that grows while the guest runs (a slowly varying
// load per domain), and disk and network counters that grow with it. Everything is a pure function of time
// spent running, so counters are monotonic and two reads a second apart give sensible rates.

/** A small deterministic number in [0, 1) from a string, so each domain gets its own character. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

export interface ActivitySample {
  /** Nanoseconds of CPU time, total and per vCPU. */
  readonly cpuNs: number;
  readonly userNs: number;
  readonly systemNs: number;
  readonly vcpuNs: readonly number[];
  /** Seconds spent running. */
  readonly upSeconds: number;
  /** Per-unit multiplier for counters (0 for an idle guest). */
  readonly busySeconds: number;
}

export class GuestActivity {
  private readonly seed: number;
  private cpuNs = 0;
  private upMs = 0;
  private last: number;
  private running: boolean;

  constructor(
    uuid: string,
    private vcpus: number,
    running: boolean,
    now: number = Date.now(),
  ) {
    this.seed = seedOf(uuid);
    this.running = running;
    this.last = now;
    // A guest found running (e.g. loaded from a node file) has already used some CPU.
    this.cpuNs = Math.floor((1 + this.seed * 30) * 1e9);
  }

  private load(t: number): number {
    const phase = this.seed * 2 * Math.PI;
    return 0.04 + 0.36 * (0.5 + 0.5 * Math.sin(t / 13_000 + phase)) * (0.6 + 0.4 * Math.sin(t / 3_100 + phase * 3));
  }

  private advance(now: number): void {
    const dt = now - this.last;
    if (dt > 0 && this.running) {
      const avg = (this.load(this.last) + this.load(now)) / 2;
      this.cpuNs += Math.floor(dt * 1e6 * this.vcpus * avg);
      this.upMs += dt;
    }
    this.last = Math.max(this.last, now);
  }

  /** The guest stops or resumes consuming CPU (pause/resume). */
  setRunning(running: boolean, now: number = Date.now()): void {
    this.advance(now);
    this.running = running;
  }

  setVcpus(count: number, now: number = Date.now()): void {
    this.advance(now);
    this.vcpus = count;
  }

  sample(now: number = Date.now()): ActivitySample {
    this.advance(now);
    const cpu = this.cpuNs;
    const per: number[] = [];
    let rest = cpu;
    for (let i = 0; i < this.vcpus; i++) {
      const share = i === this.vcpus - 1 ? rest : Math.floor((cpu / this.vcpus) * (1 + (i % 2 ? -0.1 : 0.1)));
      per.push(Math.max(0, share));
      rest -= share;
    }
    return {
      cpuNs: cpu,
      userNs: Math.floor(cpu * 0.7),
      systemNs: Math.floor(cpu * 0.2),
      vcpuNs: per,
      upSeconds: this.upMs / 1000,
      busySeconds: cpu / 1e9,
    };
  }

  /** A counter growing with activity: `idlePerSec` while up, plus `busyPerSec` per busy CPU second. */
  counter(sample: ActivitySample, idlePerSec: number, busyPerSec: number, salt = 0): number {
    const k = 0.5 + seedOf(`${this.seed}:${salt}`);
    return Math.floor(sample.upSeconds * idlePerSec * k + sample.busySeconds * busyPerSec * k);
  }
}
