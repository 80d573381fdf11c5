import type { ManagerEvent } from '../services/connection-manager.js';
import type { PromptRequest } from '../services/prompt-broker.js';
import type { StatsTick } from '../services/stats-service.js';
import { toApiError } from './api-error.js';
import { ChannelHub, type ChannelTransport } from './channels/channel-hub.js';
import {
  callSchemas, type ApiEvent, type CallName, type ClientFrame, type JobView, type ServerFrame, type SnapshotScope,
  type SnapshotSummary,
} from './contract/index.js';
import { recordEdits } from '../services/edit-history-recorder.js';
import { EventBatcher } from './event-batcher.js';
import { appHandlers } from './handlers/app.js';
import { connectionsHandlers } from './handlers/connections.js';
import { consolesHandlers } from './handlers/consoles.js';
import type { ApiServices, HandlerContext, SessionState } from './handlers/context.js';
import { domainsHandlers } from './handlers/domains.js';
import { historyHandlers } from './handlers/history.js';
import { jobsHandlers } from './handlers/jobs.js';
import { networksHandlers } from './handlers/networks.js';
import { nodedevsHandlers } from './handlers/nodedevs.js';
import { osinfoHandlers } from './handlers/osinfo.js';
import { promptsHandlers } from './handlers/prompts.js';
import { settingsHandlers } from './handlers/settings.js';
import { snapshotsHandlers } from './handlers/snapshots.js';
import { statsHandlers } from './handlers/stats.js';
import { storageHandlers } from './handlers/storage.js';
import { Revisions } from './revisions.js';

export type { ApiServices };

/** One client of the API (a window, a browser tab): its own frames out and its own stats watches. */
export interface ApiSession {
  handle(frame: unknown): void;
  dispose(): void;
}


type AnyHandler = (input: unknown, session: SessionState) => Promise<unknown>;

/**
 * Dispatches validated calls to the handlers of each namespace, and turns the services' changes into the
 * contract's collection events (each stamped with a revision), fanned out to every session in batches.
 */
export class ApiService {
  private readonly sessions = new Set<(frame: ServerFrame) => void>();
  private readonly hubs = new Set<ChannelHub>();
  private readonly batcher = new EventBatcher<ApiEvent>((events) => {
    for (const send of this.sessions) send({ kind: 'events', events });
  });
  readonly revisions = new Revisions();
  private readonly handlers: Readonly<Record<CallName, AnyHandler>>;

  constructor(private readonly services: ApiServices) {
    const ctx: HandlerContext = { ...services, revisions: this.revisions };
    const all = {
      ...appHandlers(ctx),
      ...connectionsHandlers(ctx),
      ...domainsHandlers(ctx),
      ...statsHandlers(ctx),
      ...networksHandlers(ctx),
      ...storageHandlers(ctx),
      ...nodedevsHandlers(ctx),
      ...snapshotsHandlers(ctx),
      ...jobsHandlers(ctx),
      ...promptsHandlers(ctx),
      ...consolesHandlers(ctx),
      ...historyHandlers(ctx),
      ...osinfoHandlers(ctx),
      ...settingsHandlers(ctx, (settings) => this.batcher.push({ type: 'settings.changed', settings })),
    };
    // Every change of a VM's definition made through these calls lands in its edit history.
    this.handlers = recordEdits(all as Readonly<Record<CallName, AnyHandler>>, services.history);
  }

  /** Feed for the connection manager's changes. */
  managerEvent = (event: ManagerEvent): void => {
    const rev = this.revisions.next();
    switch (event.type) {
      case 'connection':
        this.batcher.push({ type: 'connections.delta', scope: null, rev, upserted: [{ key: event.connection.id, saved: event.connection, state: event.state }], removed: [] });
        break;
      case 'connection-removed':
        this.services.snapshots.forget(event.id);
        this.batcher.push({ type: 'connections.delta', scope: null, rev, upserted: [], removed: [event.id] });
        break;
      case 'domains-reset':
        this.services.snapshots.forget(event.id);
        this.batcher.push({ type: 'domains.reset', scope: { connection: event.id }, rev, items: event.domains });
        break;
      case 'domains': {
        this.batcher.push({ type: 'domains.delta', scope: { connection: event.id }, rev, upserted: event.upserted, removed: event.removed });
        // libvirt has no snapshot events; a domain's change (a revert, a snapshot made by another tool) re-reads them.
        for (const d of event.upserted) {
          const scope = { connection: event.id, domain: d.uuid };
          if (this.services.snapshots.isKnown(scope)) void this.services.snapshots.refresh(scope).catch(() => undefined);
        }
        break;
      }
      case 'objects-reset': {
        const scope = { connection: event.id };
        this.batcher.push({ type: 'networks.reset', scope, rev, items: event.objects.networks });
        this.batcher.push({ type: 'pools.reset', scope, rev, items: event.objects.pools });
        this.batcher.push({ type: 'nodedevs.reset', scope, rev, items: event.objects.nodeDevices });
        break;
      }
      case 'objects': {
        const scope = { connection: event.id };
        const { removed } = event;
        if (event.kind === 'network') this.batcher.push({ type: 'networks.delta', scope, rev, upserted: event.upserted, removed });
        else if (event.kind === 'pool') this.batcher.push({ type: 'pools.delta', scope, rev, upserted: event.upserted, removed });
        else this.batcher.push({ type: 'nodedevs.delta', scope, rev, upserted: event.upserted, removed });
        break;
      }
    }
  };

  /** Prompts go out at once, not batched: a person is waiting for them. */
  promptEvent = (event: { type: 'prompt'; id: string; request: PromptRequest } | { type: 'prompt-closed'; id: string }): void => {
    const rev = this.revisions.next();
    this.batcher.push(event.type === 'prompt'
      ? { type: 'prompts.delta', scope: null, rev, upserted: [{ key: event.id, request: event.request }], removed: [] }
      : { type: 'prompts.delta', scope: null, rev, upserted: [], removed: [event.id] });
    this.batcher.drain();
  };

  /** Whether any window or tab could answer a prompt. */
  hasSessions(): boolean {
    return this.sessions.size > 0;
  }

  jobEvent = (job: JobView): void => {
    this.batcher.push({ type: 'jobs.delta', scope: null, rev: this.revisions.next(), upserted: [job], removed: [] });
  };

  jobForgotten = (id: string): void => {
    this.batcher.push({ type: 'jobs.delta', scope: null, rev: this.revisions.next(), upserted: [], removed: [id] });
  };

  snapshotsChanged = (scope: SnapshotScope, upserted: readonly SnapshotSummary[], removed: readonly string[]): void => {
    this.batcher.push({ type: 'snapshots.delta', scope, rev: this.revisions.next(), upserted, removed });
  };

  statsTick = (tick: StatsTick): void => {
    this.batcher.push({ type: 'stats', connection: tick.id, at: tick.at, uuids: tick.uuids, values: tick.values, host: tick.host });
  };

  /** Runs one call: validates its input, then dispatches it. Failures become ApiErrors via toApiError. */
  async call(name: string, input: unknown, state: SessionState = { watches: new Map(), channels: new ChannelHub(null) }): Promise<unknown> {
    if (!Object.hasOwn(callSchemas, name)) throw new Error(`Unknown call ${name}.`);
    const call = name as CallName;
    const parsed: unknown = callSchemas[call].parse(input ?? {});
    return this.handlers[call](parsed, state);
  }

  /** Byte channels still open over all sessions. */
  get openChannels(): number {
    let n = 0;
    for (const hub of this.hubs) n += hub.size;
    return n;
  }

  /** A client's session; `channels` is how it carries byte channels (none: calls that open one fail). */
  open(send: (frame: ServerFrame) => void, channels: ChannelTransport | null = null): ApiSession {
    const state: SessionState = { watches: new Map(), channels: new ChannelHub(channels) };
    this.sessions.add(send);
    this.hubs.add(state.channels);
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
        state.channels.closeAll('the session closed');
        this.hubs.delete(state.channels);
      },
    };
  }

  dispose(): void {
    this.batcher.dispose();
    this.sessions.clear();
  }
}
