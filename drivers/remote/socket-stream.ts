// A Node byte duplex (a socket, an SSH channel) seen as a driver Stream, so a tunnel to a VNC server is carried
// and closed exactly like a libvirt console stream. Reading pauses the duplex while its queue is full.
import type { Duplex } from 'node:stream';
import { VirError, VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS, type Disposable, type Stream } from '../api/index.js';
import { systemErrorText } from './system-error.js';

const HIGH_WATER_MARK = 256 * 1024;

export class SocketStream implements Stream {
  private readonly dataListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly endListeners = new Set<(error: VirError | null) => void>();
  private readonly queue: Uint8Array[] = [];
  private queued = 0;
  private waiter: (() => void) | undefined;
  private ended: { error: VirError | null } | undefined;
  private closed = false;

  /** `what` names the far end in errors; `release` runs once the duplex is gone (e.g. a shared SSH connection's reference). */
  constructor(private readonly io: Duplex, private readonly what: string, private readonly release: () => void = () => undefined) {
    io.on('data', (b: Buffer) => this.deliver(new Uint8Array(b.buffer, b.byteOffset, b.byteLength)));
    io.on('end', () => this.end(null));
    io.on('error', (e: Error) => this.end(new VirError(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS, `${what}: ${systemErrorText(e)}`)));
    io.on('close', () => this.end(null));
  }

  get open(): boolean {
    return !this.closed;
  }

  send(data: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(new VirError(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS, `${this.what}: the connection is closed`));
    return new Promise((resolve, reject) => {
      this.io.write(data, (e) => (e ? reject(new VirError(VIR_ERR_SYSTEM_ERROR, VIR_FROM_STREAMS, `${this.what}: ${systemErrorText(e)}`)) : resolve()));
    });
  }

  onData(listener: (chunk: Uint8Array) => void): Disposable {
    this.dataListeners.add(listener);
    for (const chunk of this.queue.splice(0)) listener(chunk);
    this.queued = 0;
    this.io.resume();
    return { dispose: () => void this.dataListeners.delete(listener) };
  }

  onEnd(listener: (error: VirError | null) => void): Disposable {
    if (this.ended && this.closed) {
      listener(this.ended.error);
      return { dispose: () => undefined };
    }
    this.endListeners.add(listener);
    return { dispose: () => void this.endListeners.delete(listener) };
  }

  async finish(): Promise<void> {
    this.io.end();
  }

  async abort(): Promise<void> {
    this.dispose();
  }

  dispose(): void {
    if (this.closed) return;
    this.io.destroy();
    this.end(null);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const chunk = this.queue.shift();
      if (chunk) {
        this.queued -= chunk.byteLength;
        if (this.queued < HIGH_WATER_MARK / 2) this.io.resume();
        yield chunk;
        continue;
      }
      if (this.ended) {
        if (this.ended.error) throw this.ended.error;
        return;
      }
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  private deliver(chunk: Uint8Array): void {
    if (this.dataListeners.size > 0) {
      for (const l of [...this.dataListeners]) l(chunk);
      return;
    }
    this.queue.push(chunk);
    this.queued += chunk.byteLength;
    if (this.queued >= HIGH_WATER_MARK) this.io.pause();
    this.wake();
  }

  private end(error: VirError | null): void {
    if (this.ended) return;
    this.ended = { error };
    this.closed = true;
    if (!this.io.destroyed) this.io.destroy();
    this.release();
    for (const l of [...this.endListeners]) l(error);
    this.endListeners.clear();
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}
