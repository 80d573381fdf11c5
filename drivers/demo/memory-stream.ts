// An in-process duplex Stream (the Demo host's virStreamPtr). The producer side (console, volume download)
// pushes chunks and awaits push() for back-pressure; the consumer side is the api.Stream contract.
import * as api from '../api/index.js';
import { virError } from './errors.js';

/** What the Demo host does with the consumer's side of the stream. */
export interface StreamSink {
  /** Bytes the consumer sent; the returned promise is the back-pressure. */
  write(chunk: Uint8Array): Promise<void> | void;
  /** The consumer finished sending (virStreamFinish). */
  finish(): Promise<void> | void;
  /** The consumer aborted or disposed of the stream. */
  abort(): void;
}

const HIGH_WATER_MARK = 256 * 1024;

export class MemoryStream implements api.Stream {
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly endListeners = new Set<(error: api.VirError | null) => void>();
  private readonly queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private readonly pullWaiters: (() => void)[] = [];
  private readonly drainWaiters: (() => void)[] = [];
  private ending: { error: api.VirError | null } | null = null;
  private closed = false;

  constructor(private readonly sink: StreamSink) {}

  get open(): boolean {
    return !this.closed;
  }

  // ── producer side ──

  /** Delivers a chunk to the consumer; resolves when the consumer can take more. */
  push(chunk: Uint8Array): Promise<void> {
    if (this.closed || this.ending) return Promise.resolve();
    if (this.dataListeners.size > 0) {
      for (const l of [...this.dataListeners]) l(chunk);
      return Promise.resolve();
    }
    this.queue.push(chunk);
    this.queuedBytes += chunk.byteLength;
    this.wakePullers();
    if (this.queuedBytes < HIGH_WATER_MARK) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** The producer ends the stream: cleanly (null) or with an error. */
  end(error: api.VirError | null): void {
    if (this.closed || this.ending) return;
    this.ending = { error };
    this.wakePullers();
    // With listeners attached (push mode) nothing is queued, so the end is delivered at once.
    if (this.queue.length === 0) this.close(error);
  }

  // ── consumer side ──

  async send(data: Uint8Array): Promise<void> {
    if (this.closed) throw virError(api.VIR_ERR_INVALID_STREAM, api.VIR_FROM_STREAMS, 'virStreamSend');
    await this.sink.write(data);
  }

  onData(listener: (chunk: Uint8Array) => void): api.Disposable {
    this.dataListeners.add(listener);
    // Anything queued before the listener came goes to it first, in order.
    while (this.queue.length > 0) {
      const chunk = this.queue.shift() as Uint8Array;
      this.queuedBytes -= chunk.byteLength;
      listener(chunk);
    }
    this.releaseDrain();
    if (this.ending && !this.closed) this.close(this.ending.error);
    return { dispose: () => void this.dataListeners.delete(listener) };
  }

  onEnd(listener: (error: api.VirError | null) => void): api.Disposable {
    this.endListeners.add(listener);
    return { dispose: () => void this.endListeners.delete(listener) };
  }

  async finish(): Promise<void> {
    if (this.closed) return;
    await this.sink.finish();
    this.close(null);
  }

  async abort(): Promise<void> {
    if (this.closed) return;
    this.sink.abort();
    this.close(null);
  }

  dispose(): void {
    void this.abort();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk) {
        this.queuedBytes -= chunk.byteLength;
        this.releaseDrain();
        yield chunk;
        continue;
      }
      if (this.ending) {
        if (!this.closed) this.close(this.ending.error);
        if (this.ending.error) throw this.ending.error;
        return;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => this.pullWaiters.push(resolve));
    }
  }

  private wakePullers(): void {
    for (const w of this.pullWaiters.splice(0)) w();
  }

  private releaseDrain(): void {
    if (this.queuedBytes < HIGH_WATER_MARK) for (const w of this.drainWaiters.splice(0)) w();
  }

  private close(error: api.VirError | null): void {
    if (this.closed) return;
    this.closed = true;
    this.wakePullers();
    for (const w of this.drainWaiters.splice(0)) w();
    for (const l of [...this.endListeners]) l(error);
    this.endListeners.clear();
    this.dataListeners.clear();
  }
}
