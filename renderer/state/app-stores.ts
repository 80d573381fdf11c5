import type {
  ApiEvent, AppNoticeView, ConnectionState, ConnectionView, DomainSummary, HostLists, JobView, NetworkSummary,
  NodeDeviceSummary, PoolSummary, PromptView, Settings, SnapshotSummary,
} from '../../main/api/contract/index.js';
import type { LinkStatus } from './api-client.js';
import type { ApiPort } from './api-port.js';
import { CollectionStore } from './collection-store.js';
import { NotificationsStore } from './notifications-store.js';
import { Signal } from './signal.js';
import { StatsStore } from './stats-store.js';

/** The scope of app-wide collections (connections, jobs, prompts). */
export const APP = '';
/** The scope of one domain's snapshots. */
export const snapshotScope = (connection: string, domain: string): string => `${connection}\n${domain}`;

/** What the stores say to the user; the shell translates these (they are i18n keys with values). */
export interface StoreMessages {
  connectionFailed(name: string, state: Extract<ConnectionState, { state: 'error' }>): { title: string; detail?: string };
  jobDone(job: JobView): { title: string; detail?: string };
  jobFailed(job: JobView): { title: string; detail?: string };
  notice(notice: AppNoticeView): { title: string; detail?: string };
}

const plainMessages: StoreMessages = {
  connectionFailed: (name, state) => ({ title: `${name}: ${state.message}` }),
  jobDone: (job) => ({ title: `${job.kind} ${job.target}` }),
  jobFailed: (job) => ({ title: `${job.kind} ${job.target}`, ...(job.error ? { detail: job.error.message } : {}) }),
  notice: (n) => ({ title: n.reason, detail: n.movedTo }),
};

const displayName = (c: ConnectionView): string => c.saved.name || c.saved.uri;

/**
 * Every store the renderer has, made once for the app and fed by the API's events: connections, each host's
 * domains, networks, pools and node devices, each listed domain's snapshots, jobs, prompts, stats, the
 * notifications and the link's status. Views read them through the hooks; none subscribes to the API itself.
 */
export class AppStores {
  readonly connections = new CollectionStore<ConnectionView>();
  readonly domains = new CollectionStore<DomainSummary>();
  readonly networks = new CollectionStore<NetworkSummary>();
  readonly pools = new CollectionStore<PoolSummary>();
  readonly nodedevs = new CollectionStore<NodeDeviceSummary>();
  readonly snapshots = new CollectionStore<SnapshotSummary>();
  readonly jobs = new CollectionStore<JobView>();
  readonly prompts = new CollectionStore<PromptView>();
  readonly stats: StatsStore;
  readonly notifications = new NotificationsStore();
  readonly link: Signal<LinkStatus>;
  readonly settings = new Signal<Settings | undefined>(undefined);
  private readonly offs: (() => void)[] = [];
  private readonly loadingSnapshots = new Map<string, Promise<void>>();
  private messages: StoreMessages = plainMessages;
  private started = false;

  constructor(readonly api: ApiPort) {
    this.link = new Signal<LinkStatus>(api.status);
    this.stats = new StatsStore(api, (message) => this.notifications.push({ variant: 'danger', title: message }));
  }

  /** How the stores word their notifications (the shell passes translated texts). */
  setMessages(messages: StoreMessages): void {
    this.messages = messages;
  }

  /** Subscribes to the API and loads the first lists. Idempotent. */
  start(): Promise<void> {
    if (this.started) return Promise.resolve();
    this.started = true;
    this.offs.push(this.api.onEvents((events) => this.apply(events)));
    this.offs.push(this.api.onStatus((s) => this.link.set(s)));
    return this.loadAll().catch((e: unknown) => {
      this.notifications.push({ variant: 'danger', title: e instanceof Error ? e.message : String(e) });
    });
  }

  // One round trip at start: the service answers with every list the window shows first.
  private async loadAll(): Promise<void> {
    const start = await this.api.call('app.start', {});
    this.connections.reset(APP, start.connections.rev, start.connections.items);
    this.jobs.reset(APP, start.jobs.rev, start.jobs.items);
    this.prompts.reset(APP, start.prompts.rev, start.prompts.items);
    this.settings.set(start.settings);
    for (const n of start.info.notices) this.notifications.push({ variant: 'warning', ...this.messages.notice(n) });
    for (const host of start.hosts) this.resetHost(host);
  }

  /** Loads one host's lists (after start; later changes arrive as events). */
  async loadHost(connection: string): Promise<void> {
    const [domains, networks, pools, nodedevs] = await Promise.all([
      this.api.call('domains.list', { connection }), this.api.call('networks.list', { connection }),
      this.api.call('storage.list', { connection }), this.api.call('nodedevs.list', { connection }),
    ]);
    this.resetHost({ connection, domains, networks, pools, nodedevs });
  }

  private resetHost(host: HostLists): void {
    this.domains.reset(host.connection, host.domains.rev, host.domains.items);
    this.networks.reset(host.connection, host.networks.rev, host.networks.items);
    this.pools.reset(host.connection, host.pools.rev, host.pools.items);
    this.nodedevs.reset(host.connection, host.nodedevs.rev, host.nodedevs.items);
  }

  /** Lists a domain's snapshots once; later changes arrive as deltas. */
  loadSnapshots(connection: string, domain: string): Promise<void> {
    const scope = snapshotScope(connection, domain);
    if (this.snapshots.isLoaded(scope)) return Promise.resolve();
    let running = this.loadingSnapshots.get(scope);
    if (!running) {
      running = this.api.call('snapshots.list', { connection, domain })
        .then((list) => {
          this.snapshots.reset(scope, list.rev, list.items);
        })
        .finally(() => this.loadingSnapshots.delete(scope));
      this.loadingSnapshots.set(scope, running);
    }
    return running;
  }

  apply(events: readonly ApiEvent[]): void {
    for (const e of events) {
      switch (e.type) {
        case 'connections.reset':
          this.connections.reset(APP, e.rev, e.items);
          break;
        case 'connections.delta': {
          const before = new Map(e.upserted.map((c) => [c.key, this.connections.get(APP, c.key)?.state]));
          this.connections.delta(APP, e.rev, e.upserted, e.removed);
          for (const c of e.upserted) this.noticeState(c, before.get(c.key));
          for (const id of e.removed) this.forgetHost(id);
          break;
        }
        case 'domains.reset': this.domains.reset(e.scope.connection, e.rev, e.items); break;
        case 'domains.delta': this.domains.delta(e.scope.connection, e.rev, e.upserted, e.removed); break;
        case 'networks.reset': this.networks.reset(e.scope.connection, e.rev, e.items); break;
        case 'networks.delta': this.networks.delta(e.scope.connection, e.rev, e.upserted, e.removed); break;
        case 'pools.reset': this.pools.reset(e.scope.connection, e.rev, e.items); break;
        case 'pools.delta': this.pools.delta(e.scope.connection, e.rev, e.upserted, e.removed); break;
        case 'nodedevs.reset': this.nodedevs.reset(e.scope.connection, e.rev, e.items); break;
        case 'nodedevs.delta': this.nodedevs.delta(e.scope.connection, e.rev, e.upserted, e.removed); break;
        case 'snapshots.reset': this.snapshots.reset(snapshotScope(e.scope.connection, e.scope.domain), e.rev, e.items); break;
        case 'snapshots.delta': this.snapshots.delta(snapshotScope(e.scope.connection, e.scope.domain), e.rev, e.upserted, e.removed); break;
        case 'jobs.reset': this.jobs.reset(APP, e.rev, e.items); break;
        case 'jobs.delta': {
          const before = new Map(e.upserted.map((j) => [j.key, this.jobs.get(APP, j.key)?.state]));
          if (this.jobs.delta(APP, e.rev, e.upserted, e.removed)) {
            for (const j of e.upserted) this.noticeJob(j, before.get(j.key));
          }
          break;
        }
        case 'prompts.reset': this.prompts.reset(APP, e.rev, e.items); break;
        case 'prompts.delta': this.prompts.delta(APP, e.rev, e.upserted, e.removed); break;
        case 'stats': this.stats.apply(e); break;
        case 'settings.changed': this.settings.set(e.settings); break;
      }
    }
  }

  /** A connection that falls into an error says so once per message in the drawer. */
  private noticeState(c: ConnectionView, before: ConnectionState | undefined): void {
    if (c.state.state !== 'error') return;
    if (before?.state === 'error' && before.message === c.state.message) return;
    this.notifications.push({ variant: 'danger', ...this.messages.connectionFailed(displayName(c), c.state) });
  }

  private noticeJob(job: JobView, before: JobView['state'] | undefined): void {
    if (before === job.state) return;
    if (job.state === 'done') this.notifications.push({ variant: 'success', ...this.messages.jobDone(job) });
    if (job.state === 'failed') this.notifications.push({ variant: 'danger', ...this.messages.jobFailed(job) });
  }

  private forgetHost(connection: string): void {
    for (const store of [this.domains, this.networks, this.pools, this.nodedevs]) store.drop(connection);
    this.snapshots.dropWhere((scope) => scope.startsWith(`${connection}\n`));
    this.stats.forget(connection);
  }

  /** Listeners still attached anywhere, for tests that check disposal. */
  listenerCount(): number {
    return [this.connections, this.domains, this.networks, this.pools, this.nodedevs, this.snapshots, this.jobs, this.prompts]
      .reduce((n, s) => n + s.listenerCount(), 0) + this.stats.listenerCount() + this.notifications.listenerCount()
      + this.link.listenerCount() + this.settings.listenerCount() + this.offs.length;
  }

  dispose(): void {
    for (const off of this.offs.splice(0)) off();
    this.started = false;
  }
}
