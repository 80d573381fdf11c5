// A libvirt stream (console, volume upload/download, screenshot) on one RPC session: data packets
// share the serial of the call that opened the stream. Incoming data goes to listeners or, when
// there are none, into a bounded queue; a full queue pauses the whole transport (TCP back-pressure),
// so a slow consumer never grows memory without bound.
import { VirError, VIR_ERR_INVALID_STREAM, VIR_ERR_RPC, VIR_FROM_RPC, VIR_FROM_STREAMS, type Disposable, type Stream } from '../api/index.js';
import { MessageStatus, STREAM_CHUNK } from './packet.js';
import type { StreamDirection } from './procedures.js';

/** What a stream needs from its session (RpcClient implements it). */
export interface StreamOwner {
  sendStreamPacket(procedure: number, serial: number, status: MessageStatus, payload: Uint8Array | undefined): Promise<void>;
  endStream(procedure: number, serial: number, status: MessageStatus): Promise<void>;
  throttle(stream: RpcStream, on: boolean): void;
  releaseStream(serial: number): void;
}

/** Queue size above which the transport is paused until the consumer catches up. */
const HIGH_WATER = 4 * STREAM_CHUNK;

export class RpcStream implements Stream {
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly endListeners = new Set<(error: VirError | null) => void>();
  private readonly queue: Buffer[] = [];
  private queued = 0;
  private waiter: (() => void) | undefined;
  private ended: { error: VirError | null } | undefined;
  private localDone = false;
  /** Set by abort: data the daemon sent before it saw the abort is dropped, not queued. */
  private discarding = false;

  constructor(
    private readonly owner: StreamOwner,
    readonly procedure: number,
    readonly serial: number,
    readonly direction: StreamDirection,
  ) {}

  get open(): boolean {
    return this.ended === undefined;
  }

  /** Bytes queued for async iteration (bounded by the high-water mark plus one packet). */
  get bufferedBytes(): number {
    return this.queued;
  }

  async send(data: Uint8Array): Promise<void> {
    if (this.ended) throw this.ended.error ?? streamError('stream has ended');
    if (this.localDone) throw streamError('stream was finished');
    if (this.direction === 'read') throw streamError('this stream only receives');
    for (let off = 0; off < data.length; off += STREAM_CHUNK) {
      await this.owner.sendStreamPacket(this.procedure, this.serial, MessageStatus.CONTINUE, data.subarray(off, off + STREAM_CHUNK));
    }
  }

  onData(listener: (chunk: Uint8Array) => void): Disposable {
    this.dataListeners.add(listener);
    // Listeners take everything from now on; hand over what was queued first.
    while (this.queue.length > 0) {
      const c = this.queue.shift()!;
      this.queued -= c.length;
      listener(c);
    }
    this.owner.throttle(this, false);
    return { dispose: () => void this.dataListeners.delete(listener) };
  }

  onEnd(listener: (error: VirError | null) => void): Disposable {
    if (this.ended) {
      const { error } = this.ended;
      queueMicrotask(() => listener(error));
      return { dispose() {} };
    }
    this.endListeners.add(listener);
    return { dispose: () => void this.endListeners.delete(listener) };
  }

  /** Tells the daemon we are done sending and waits for its acknowledgement (virStreamFinish). */
  async finish(): Promise<void> {
    if (this.ended) {
      if (this.ended.error) throw this.ended.error;
      return;
    }
    if (this.localDone) return;
    this.localDone = true;
    // The acknowledgement must be readable even if our own queue had paused the transport.
    this.owner.throttle(this, false);
    try {
      await this.owner.endStream(this.procedure, this.serial, MessageStatus.OK);
      this.end(null);
    } catch (e) {
      const err = e instanceof VirError ? e : streamError(String(e));
      this.end(err);
      throw err;
    }
  }

  /** Cancels the stream (virStreamAbort); the daemon's "aborted" answer is expected, not an error. */
  async abort(): Promise<void> {
    if (this.ended || this.localDone) {
      this.end(this.ended?.error ?? null);
      return;
    }
    this.localDone = true;
    this.discarding = true;
    const abortError = new VirError(VIR_ERR_INVALID_STREAM, VIR_FROM_STREAMS, 'stream aborted');
    // Drop what is queued and let the transport flow again, or the daemon's answer could never be read.
    this.queue.length = 0;
    this.queued = 0;
    this.owner.throttle(this, false);
    try {
      await this.owner.endStream(this.procedure, this.serial, MessageStatus.ERROR);
    } catch {
      // The daemon answers an abort with an error reply; the connection may also be gone.
    }
    this.end(abortError);
  }

  dispose(): void {
    if (this.ended) return;
    void this.abort();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const c = this.queue.shift();
      if (c) {
        this.queued -= c.length;
        if (this.queued < HIGH_WATER / 2) this.owner.throttle(this, false);
        yield c;
        continue;
      }
      if (this.ended) {
        if (this.ended.error && this.ended.error.code !== VIR_ERR_INVALID_STREAM) throw this.ended.error;
        return;
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  // ── called by the session ──

  deliver(chunk: Buffer): void {
    // After an abort, frames already in flight (megabytes over ssh: channel window and relay buffers) must
    // not fill the queue nobody reads any more: that would pause the transport before the abort's answer.
    if (this.ended || this.discarding) return;
    if (this.dataListeners.size > 0) {
      for (const l of [...this.dataListeners]) l(chunk);
      return;
    }
    // The chunk is a view of its frame, which nothing else holds: queue it without copying.
    this.queue.push(chunk);
    this.queued += chunk.length;
    if (this.queued >= HIGH_WATER) this.owner.throttle(this, true);
    this.wake();
  }

  /** The daemon sent its last packet (end of data). */
  peerFinished(): void {
    if (this.ended) return;
    if (!this.localDone) {
      // libvirt expects the receiver to confirm with a finish of its own before it forgets the stream.
      this.localDone = true;
      this.owner.endStream(this.procedure, this.serial, MessageStatus.OK).catch(() => {});
    }
    this.end(null);
  }

  fail(error: VirError): void {
    this.end(error);
  }

  private end(error: VirError | null): void {
    if (this.ended) return;
    this.ended = { error };
    this.owner.releaseStream(this.serial);
    this.wake();
    for (const l of [...this.endListeners]) l(error);
    this.endListeners.clear();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}

function streamError(message: string): VirError {
  return new VirError(VIR_ERR_RPC, VIR_FROM_RPC, message);
}
