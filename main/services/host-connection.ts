import type { Connection, Disposable, OpenOptions } from '../../drivers/api/index.js';
import { isVirError, VIR_CONNECT_CLOSE_REASON_CLIENT, VIR_CONNECT_CLOSE_REASON_EOF, VIR_CONNECT_CLOSE_REASON_KEEPALIVE } from '../../drivers/api/index.js';

import type { ConnectionHint, ConnectionState } from '../api/contract/index.js';
import { connectionHint } from './connection-hints.js';

export type { ConnectionState };

export type Opener = (uri: string, options: OpenOptions) => Promise<Connection>;

/** Backoff after a drop: quick at first (a restarted daemon is back within seconds), then up to 30 s. */
export const RECONNECT_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15000, 30000] as const;

const closeReason = (reason: number): string =>
  reason === VIR_CONNECT_CLOSE_REASON_EOF ? 'the host closed the connection'
    : reason === VIR_CONNECT_CLOSE_REASON_KEEPALIVE ? 'the host stopped answering (keepalive timeout)'
      : 'the connection failed';

/**
 * One saved connection's link to its host: opens it, notices when it drops and reopens it with backoff until
 * the user disconnects. Owns the driver connection and its timers.
 */
export class HostConnection {
  private current: Connection | undefined;
  private closeWatch: Disposable | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private wanted = false;
  private status: ConnectionState = { state: 'disconnected' };
  private generation = 0;

  constructor(
    readonly uri: string,
    private readonly open: Opener,
    private readonly onState: (state: ConnectionState) => void,
    private readonly onConnected: (connection: Connection) => Promise<void> | void,
    private readonly options: OpenOptions = {},
  ) {}

  get state(): ConnectionState {
    return this.status;
  }

  get connection(): Connection | undefined {
    return this.status.state === 'connected' ? this.current : undefined;
  }

  /** Connects (or keeps connecting after drops) until disconnect(). Resolves after the first attempt. */
  async connect(): Promise<void> {
    if (this.wanted && this.status.state !== 'error') return;
    this.wanted = true;
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    await this.tryOpen(false);
  }

  async disconnect(): Promise<void> {
    this.wanted = false;
    this.generation++;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    await this.drop();
    this.set({ state: 'disconnected' });
  }

  private set(state: ConnectionState): void {
    this.status = state;
    this.onState(state);
  }

  private async drop(): Promise<void> {
    this.closeWatch?.dispose();
    this.closeWatch = undefined;
    const old = this.current;
    this.current = undefined;
    if (old) await old.close().catch(() => undefined);
  }

  private async tryOpen(retrying: boolean): Promise<void> {
    const generation = ++this.generation;
    this.attempt++;
    this.set({ state: 'connecting', attempt: this.attempt });
    try {
      const connection = await this.open(this.uri, this.options);
      if (generation !== this.generation || !this.wanted) {
        await connection.close();
        return;
      }
      this.current = connection;
      this.closeWatch = connection.onClose((reason) => {
        if (reason !== VIR_CONNECT_CLOSE_REASON_CLIENT && generation === this.generation) this.lost(closeReason(reason));
      });
      await this.onConnected(connection);
      if (generation !== this.generation) return;
      this.attempt = 0;
      this.set({ state: 'connected' });
    } catch (e) {
      if (generation !== this.generation) return;
      await this.drop();
      const message = e instanceof Error ? e.message : String(e);
      const hint = connectionHint(this.uri, e);
      const detail = { ...(isVirError(e) ? { code: e.code } : {}), ...(hint ? { hint } : {}) };
      // A first attempt that fails is reported and left to the user; after a drop, keep trying.
      if (retrying) this.scheduleRetry(message, detail);
      else {
        this.wanted = false;
        this.set({ state: 'error', message, ...detail });
      }
    }
  }

  private lost(why: string): void {
    void this.drop().then(() => {
      if (this.wanted) this.scheduleRetry(`Lost the connection to ${this.uri}: ${why}.`);
    });
  }

  private scheduleRetry(message: string, detail: { code?: number; hint?: ConnectionHint } = {}): void {
    const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)] ?? 30000;
    this.set({ state: 'error', message, retryInMs: delay, ...detail });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.wanted) void this.tryOpen(true);
    }, delay);
  }
}
