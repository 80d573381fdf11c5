import { randomUUID } from 'node:crypto';
import type { JobKind, JobResult, JobTransfer, JobView } from '../api/contract/index.js';
import { toApiError } from '../api/api-error.js';

/** What a running job may do: report progress (with what it moved, for a migration) and learn that it was cancelled. */
export interface JobControl {
  progress(fraction: number | null, transfer?: JobTransfer): void;
  readonly signal: AbortSignal;
}

export interface JobSpec {
  readonly connectionId: string;
  readonly kind: JobKind;
  readonly target: string;
  /** Resolves with what the job made, if anything worth showing. */
  readonly run: (control: JobControl) => Promise<JobResult | void>;
  /** How to stop it on the host (e.g. virDomainAbortJob); absent when the host cannot. */
  readonly cancel?: () => Promise<void>;
  /** Why it cannot be cancelled, said to a user who tries anyway. */
  readonly notCancellable?: string;
}

const KEEP_FINISHED = 50;

/**
 * Long operations with progress, cancel and a result. Progress reports are passed on at most every 200 ms; the
 * last 50 finished jobs stay listed.
 */
export class JobService {
  private readonly jobs = new Map<string, { view: JobView; abort: AbortController; spec: JobSpec; lastReport: number }>();

  constructor(
    private readonly emit: (job: JobView) => void,
    /** Told when a finished job drops off the list. */
    private readonly forget: (id: string) => void = () => {},
  ) {}

  list(): JobView[] {
    return [...this.jobs.values()].map((j) => j.view);
  }

  start(spec: JobSpec): JobView {
    const id = randomUUID();
    const abort = new AbortController();
    const view: JobView = {
      key: id, id, connectionId: spec.connectionId, kind: spec.kind, target: spec.target, state: 'running', progress: null,
      cancellable: spec.cancel !== undefined, startedAt: Date.now(),
    };
    const entry = { view, abort, spec, lastReport: 0 };
    this.jobs.set(id, entry);
    this.emit(view);
    const control: JobControl = {
      signal: abort.signal,
      progress: (fraction, transfer) => {
        if (entry.view.state !== 'running') return;
        entry.view = { ...entry.view, progress: fraction === null ? null : Math.min(1, Math.max(0, fraction)), ...(transfer ? { transfer } : {}) };
        const now = Date.now();
        if (now - entry.lastReport >= 200) {
          entry.lastReport = now;
          this.emit(entry.view);
        }
      },
    };
    // An operation that completes although a cancel was asked for (it came too late) is done, not cancelled.
    void spec.run(control).then(
      (result) => this.finish(entry, 'done', undefined, result ?? undefined),
      (e: unknown) => this.finish(entry, abort.signal.aborted ? 'cancelled' : 'failed', e),
    );
    return view;
  }

  async cancel(id: string): Promise<JobView> {
    const entry = this.jobs.get(id);
    if (!entry) throw new Error(`No job ${id}.`);
    if (entry.view.state !== 'running') return entry.view;
    if (!entry.spec.cancel) throw new Error(entry.spec.notCancellable ?? `This ${entry.view.kind} job cannot be cancelled.`);
    entry.abort.abort();
    await entry.spec.cancel();
    return entry.view;
  }

  private finish(entry: { view: JobView }, state: JobView['state'], error?: unknown, result?: JobResult): void {
    entry.view = {
      ...entry.view,
      state,
      endedAt: Date.now(),
      ...(state === 'done' ? { progress: 1, ...(result ? { result } : {}) } : {}),
      ...(state === 'failed' ? { error: toApiError(error) } : {}),
    };
    this.emit(entry.view);
    const finished = [...this.jobs.values()].filter((j) => j.view.state !== 'running');
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.jobs.delete(old.view.id);
      this.forget(old.view.id);
    }
  }

  dispose(): void {
    for (const j of this.jobs.values()) j.abort.abort();
  }
}
