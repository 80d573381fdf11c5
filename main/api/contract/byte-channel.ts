// One end of a byte channel, the same code in the service and in the renderer so both ends keep the same
// accounts. Flow control is a window per direction: a sender has at most `window` bytes unacknowledged, and a
// receiver acknowledges only what its reader consumed, so its buffer stays within the window and a stalled
// reader holds back only its own channel's writer.
import { CHANNEL_CHUNK, CHANNEL_WINDOW, type ChannelFrame, type ChannelId } from './channels.js';

/** How a channel's frames reach the other end (a WebSocket multiplexer, a MessagePort). */
export interface ChannelLink {
  send(frame: ChannelFrame): void;
  /** The channel is over: the transport forgets it (a port is closed). */
  release(): void;
}

export interface ChannelEnd {
  readonly reason: string;
  /** False when the channel ended as meant (both ends done, or closed with a plain reason). */
  readonly error: boolean;
  readonly by: 'local' | 'peer';
}

export class ChannelClosedError extends Error {
  constructor(readonly end: ChannelEnd) {
    super(end.reason);
    this.name = 'ChannelClosedError';
  }
}

export interface ChannelStats {
  bytesIn: number;
  bytesOut: number;
  /** Most bytes this end ever held received and unread. */
  maxBuffered: number;
  /** Most bytes this end ever had sent and unacknowledged. */
  maxInFlight: number;
}

export interface ByteChannelOptions {
  /**
   * 'service': the end that opened the channel for a call. It sends nothing, not even a close, until the
   * client's first frame (its grant of the window), so the client never sees a channel id before the call's
   * result. 'client': grants the window as soon as it joins.
   */
  readonly side: 'service' | 'client';
  readonly window?: number;
  readonly chunk?: number;
}

export class ByteChannel implements AsyncIterable<Uint8Array> {
  readonly closed: Promise<ChannelEnd>;
  readonly stats: ChannelStats = { bytesIn: 0, bytesOut: 0, maxBuffered: 0, maxInFlight: 0 };
  private readonly link: ChannelLink;
  private readonly window: number;
  private readonly chunk: number;
  private settle: (end: ChannelEnd) => void = () => undefined;
  private ending: ChannelEnd | undefined;
  private released = false;
  /** This end closed it: unread data is dropped and reading throws. */
  private closedHere = false;
  /** Until the peer's first frame (service side only), frames wait here. */
  private ready: boolean;
  private readonly held: ChannelFrame[] = [];

  // Sending.
  private credit: number;
  private creditWaiter: (() => void) | undefined;
  private sendChain: Promise<void> = Promise.resolve();
  private localEnded = false;

  // Receiving.
  private readonly queue: Uint8Array[] = [];
  private queued = 0;
  /** Bytes the peer may still send before it breaks the window. */
  private allowance: number;
  /** Consumed and not yet acknowledged. */
  private unacked = 0;
  /** The chunk the reader has now: consumed once it asks for the next one. */
  private reading = 0;
  private readWaiter: (() => void) | undefined;
  private peerEnded = false;

  constructor(readonly id: ChannelId, connect: (deliver: (frame: ChannelFrame) => void) => ChannelLink, options: ByteChannelOptions) {
    this.window = options.window ?? CHANNEL_WINDOW;
    this.chunk = Math.min(options.chunk ?? CHANNEL_CHUNK, CHANNEL_CHUNK);
    this.closed = new Promise((resolve) => (this.settle = resolve));
    this.allowance = this.window;
    this.ready = options.side === 'client';
    this.credit = options.side === 'client' ? this.window : 0;
    this.link = connect((frame) => this.receive(frame));
    if (options.side === 'client') this.link.send({ type: 'ack', bytes: this.window });
  }

  get open(): boolean {
    return this.ending === undefined;
  }

  /** Why the channel ended, once it has. */
  get outcome(): ChannelEnd | undefined {
    return this.ending;
  }

  /** Bytes received that the reader has not taken yet. */
  get buffered(): number {
    return this.queued;
  }

  /** Bytes sent that the peer has not acknowledged yet. */
  get inFlight(): number {
    return this.ready ? this.window - this.credit : 0;
  }

  /**
   * Sends bytes in frames of at most one chunk, waiting while the window is full. Sends run in call order;
   * it rejects with ChannelClosedError if the channel closes first.
   */
  send(bytes: Uint8Array): Promise<void> {
    const run = this.sendChain.then(() => this.write(bytes));
    this.sendChain = run.catch(() => undefined);
    return run;
  }

  /** No more data from this end (after what was sent before). The channel is done once the peer ends too. */
  end(): Promise<void> {
    const run = this.sendChain.then(() => {
      this.checkWritable();
      this.localEnded = true;
      this.out({ type: 'end' });
      if (this.peerEnded) this.finish({ reason: 'done', error: false, by: 'local' });
    });
    this.sendChain = run.catch(() => undefined);
    return run;
  }

  /** Closes the channel and tells the peer why; data not read yet is dropped. */
  close(reason: string, error = false): void {
    if (this.ending) return;
    this.closedHere = true;
    this.out({ type: 'close', reason, error });
    this.finish({ reason, error, by: 'local' });
  }

  /** Closes the channel now and lets go of its transport, even if the peer never joined (its session is over). */
  shutdown(reason: string): void {
    if (this.ready) this.close(reason, true);
    else if (!this.ending) {
      this.closedHere = true;
      this.finish({ reason, error: true, by: 'local' });
    }
    this.release();
  }

  /**
   * The next chunk, or null once the peer has ended (or closed without an error). Asking for the next chunk
   * is what acknowledges the previous one. Throws ChannelClosedError when the channel failed or this end closed it.
   */
  async read(): Promise<Uint8Array | null> {
    this.unacked += this.reading;
    this.reading = 0;
    for (;;) {
      if (this.closedHere && this.ending) throw new ChannelClosedError(this.ending);
      const chunk = this.queue.shift();
      if (chunk) {
        this.queued -= chunk.byteLength;
        this.reading = chunk.byteLength;
        // Acks go in batches, or at once when the reader has caught up (a slow trickle must not stall).
        if (this.queue.length === 0 || this.unacked >= this.window / 4) this.acknowledge();
        return chunk;
      }
      if (this.ending) {
        if (this.ending.error) throw new ChannelClosedError(this.ending);
        return null;
      }
      if (this.peerEnded) return null;
      this.acknowledge();
      await new Promise<void>((resolve) => (this.readWaiter = resolve));
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    for (;;) {
      const chunk = await this.read();
      if (chunk === null) return;
      yield chunk;
    }
  }

  private async write(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.byteLength) {
      this.checkWritable();
      if (this.credit === 0) {
        await new Promise<void>((resolve) => (this.creditWaiter = resolve));
        continue;
      }
      const n = Math.min(this.credit, this.chunk, bytes.byteLength - offset);
      this.credit -= n;
      this.link.send({ type: 'data', bytes: bytes.subarray(offset, offset + n) });
      offset += n;
      this.stats.bytesOut += n;
      this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.window - this.credit);
    }
  }

  private checkWritable(): void {
    if (this.ending) throw new ChannelClosedError(this.ending);
    if (this.localEnded) throw new Error('this end of the channel has ended');
  }

  private receive(frame: ChannelFrame): void {
    if (this.released) return;
    if (!this.ready) {
      this.ready = true;
      for (const f of this.held.splice(0)) this.link.send(f);
      if (this.ending) {
        this.release();
        return;
      }
    }
    if (this.closedHere) return;
    switch (frame.type) {
      case 'data': {
        const n = frame.bytes.byteLength;
        if (this.ending || this.peerEnded) return this.violation('data after the end');
        if (n > this.allowance) return this.violation('the peer sent more than the flow-control window');
        this.allowance -= n;
        this.queue.push(frame.bytes);
        this.queued += n;
        this.stats.bytesIn += n;
        this.stats.maxBuffered = Math.max(this.stats.maxBuffered, this.queued);
        this.wakeReader();
        return;
      }
      case 'ack':
        // Acknowledging more than is in flight would let this end buffer without bound on a page's behalf.
        if (frame.bytes > this.window - this.credit) return this.violation('the peer acknowledged bytes never sent');
        this.credit += frame.bytes;
        this.wakeWriter();
        return;
      case 'end':
        this.peerEnded = true;
        this.wakeReader();
        if (this.localEnded) this.finish({ reason: 'done', error: false, by: 'peer' });
        return;
      case 'close':
        this.finish({ reason: frame.reason, error: frame.error, by: 'peer' });
        return;
    }
  }

  private violation(reason: string): void {
    this.close(`channel protocol error: ${reason}`, true);
  }

  private acknowledge(): void {
    if (this.unacked === 0 || this.ending || this.peerEnded) return;
    this.allowance += this.unacked;
    this.out({ type: 'ack', bytes: this.unacked });
    this.unacked = 0;
  }

  private out(frame: ChannelFrame): void {
    if (this.released) return;
    if (this.ready) this.link.send(frame);
    else this.held.push(frame);
  }

  private finish(end: ChannelEnd): void {
    if (this.ending) return;
    this.ending = end;
    if (this.closedHere) {
      this.queue.length = 0;
      this.queued = 0;
    }
    this.settle(end);
    this.wakeWriter();
    this.wakeReader();
    // A service end closed before the client joined keeps its link until the client's grant, to say so then.
    if (this.ready) this.release();
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    this.link.release();
  }

  private wakeReader(): void {
    const w = this.readWaiter;
    this.readWaiter = undefined;
    w?.();
  }

  private wakeWriter(): void {
    const w = this.creditWaiter;
    this.creditWaiter = undefined;
    w?.();
  }
}
