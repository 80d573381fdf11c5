import type { ConnectionManager, ManagerEvent } from '../services/connection-manager.js';
import { managedSaveJob, uploadVolumeJob } from '../services/job-operations.js';
import type { JobService } from '../services/job-service.js';
import { migrateJob } from '../services/migrate-job.js';
import { cloneVolumeJob, createVolumeJob } from '../services/volume-jobs.js';
import type { PromptBroker } from '../services/prompt-broker.js';
import type { SettingsStore } from '../services/settings-store.js';
import type { StatsService, StatsTick } from '../services/stats-service.js';
import { toApiError } from './api-error.js';
import { callSchemas, type JobView, type ApiEvent, type CallName, type CallResults, type ClientFrame, type ParsedInput, type ServerFrame } from './contract.js';
import { EventBatcher } from './event-batcher.js';

/** One client of the API (a window, a browser tab): its own frames out and its own stats watches. */
export interface ApiSession {
  handle(frame: unknown): void;
  dispose(): void;
}

type Handlers = { [C in CallName]: (input: ParsedInput<C>, session: SessionState) => Promise<CallResults[C]> };

interface SessionState {
  readonly watches: Map<string, () => void>;
}

/** Dispatches validated calls to the services and fans events out to every session, batched. */
export class ApiService {
  private readonly sessions = new Set<(frame: ServerFrame) => void>();
  private readonly batcher = new EventBatcher<ApiEvent>((events) => {
    for (const send of this.sessions) send({ kind: 'events', events });
  });
  private readonly handlers: Handlers;

  constructor(
    private readonly manager: ConnectionManager,
    private readonly stats: StatsService,
    private readonly settings: SettingsStore,
    private readonly prompts: PromptBroker,
    private readonly jobs: JobService,
    info: CallResults['app.info'],
  ) {
    this.handlers = {
      'app.info': async () => info,
      'connections.list': async () => this.manager.list(),
      'connections.add': async (input) => {
        const saved = this.manager.add(input);
        if (input.autoconnect) void this.manager.connect(saved.id);
        return saved;
      },
      'connections.remove': async ({ id }) => {
        await this.manager.remove(id);
        return null;
      },
      'connections.connect': async ({ id }) => {
        await this.manager.connect(id);
        return null;
      },
      'connections.disconnect': async ({ id }) => {
        await this.manager.disconnect(id);
        return null;
      },
      'domains.action': async ({ id, uuid, action }) => {
        const domain = await this.manager.domain(id, uuid);
        switch (action) {
          case 'start': await domain.create(); break;
          case 'shutdown': await domain.shutdown(); break;
          case 'reboot': await domain.reboot(); break;
          case 'reset': await domain.reset(); break;
          case 'forceoff': await domain.destroy(); break;
          case 'pause': await domain.suspend(); break;
          case 'resume': await domain.resume(); break;
        }
        return null;
      },
      'stats.watch': async ({ id, watch }, session) => {
        const existing = session.watches.get(id);
        if (watch && !existing) session.watches.set(id, this.stats.watch(id));
        if (!watch && existing) {
          existing();
          session.watches.delete(id);
        }
        return null;
      },
      'stats.history': async ({ id, uuid }) => this.stats.history(id, uuid),
      'inventory.objects': async ({ id }) => this.manager.objects(id),
      'jobs.managedSave': async ({ id, uuid }) => this.jobs.start(await managedSaveJob(this.manager.connection(id), id, uuid)),
      'jobs.uploadVolume': async ({ id, pool, volume, path }) =>
        this.jobs.start(await uploadVolumeJob(this.manager.connection(id), id, pool, volume, path)),
      'jobs.createVolume': async (input) => this.jobs.start(await createVolumeJob(this.manager.connection(input.id), input.id, input)),
      'jobs.cloneVolume': async (input) => this.jobs.start(await cloneVolumeJob(this.manager.connection(input.id), input.id, input)),
      'jobs.migrate': async (input) => {
        const destination = this.manager.saved(input.to);
        const target = { connectionId: destination.id, uri: input.destinationUri ?? destination.uri, connection: this.manager.liveConnection(input.to) };
        return this.jobs.start(await migrateJob(this.manager.connection(input.id), input.id, input, target));
      },
      'jobs.cancel': async ({ job }) => this.jobs.cancel(job),
      'jobs.list': async () => this.jobs.list(),
      'prompts.answer': async ({ id, answer, remember }) => ({ open: this.prompts.answer(id, answer, remember) }),
      'settings.get': async () => this.settings.get(),
      'settings.set': async (change) => {
        const next = this.settings.set(change);
        this.stats.setInterval(next.statsIntervalSeconds);
        return next;
      },
    };
  }

  /** Feed for the services' events. */
  managerEvent = (event: ManagerEvent): void => {
    this.batcher.push(event);
  };

  /** Prompts go out at once, not batched: a person is waiting for them. */
  promptEvent = (event: ApiEvent): void => {
    this.batcher.push(event);
    this.batcher.drain();
  };

  /** Whether any window or tab could answer a prompt. */
  hasSessions(): boolean {
    return this.sessions.size > 0;
  }

  jobEvent = (job: JobView): void => {
    this.batcher.push({ type: 'job', job });
  };

  statsTick = (tick: StatsTick): void => {
    this.batcher.push({ type: 'stats', id: tick.id, at: tick.at, domains: Object.fromEntries(tick.domains) });
  };

  /** Runs one call: validates its input, then dispatches it. Throws ApiError-shaped failures via toApiError. */
  async call(name: string, input: unknown, state: SessionState = { watches: new Map() }): Promise<unknown> {
    if (!Object.hasOwn(callSchemas, name)) throw new Error(`Unknown call ${name}.`);
    const call = name as CallName;
    const parsed = callSchemas[call].parse(input ?? {});
    const handler = this.handlers[call] as (input: unknown, session: SessionState) => Promise<unknown>;
    return handler(parsed, state);
  }

  open(send: (frame: ServerFrame) => void): ApiSession {
    const state: SessionState = { watches: new Map() };
    this.sessions.add(send);
    return {
      handle: (frame: unknown) => {
        const f = frame as Partial<ClientFrame>;
        if (f.kind !== 'call' || typeof f.seq !== 'number' || typeof f.call !== 'string') return;
        const seq = f.seq;
        this.call(f.call, f.input, state).then(
          (result) => send({ kind: 'result', seq, result: result ?? null }),
          (e: unknown) => send({ kind: 'error', seq, error: toApiError(e) }),
        );
      },
      dispose: () => {
        this.sessions.delete(send);
        for (const stop of state.watches.values()) stop();
        state.watches.clear();
      },
    };
  }

  dispose(): void {
    this.batcher.dispose();
    this.sessions.clear();
  }
}
