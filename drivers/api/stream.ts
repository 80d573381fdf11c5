// The Stream contract (virStreamPtr).
import type { Disposable } from './disposable.js';
import type { VirError } from './errors.js';

/**
 * A duplex byte stream (virStreamPtr): a console, a volume upload or download.
 *
 * Sending: `send` resolves once the bytes are accepted by the transport; awaiting it before the next send is
 * the back-pressure. `finish` says we sent everything (virStreamFinish) and resolves when the peer
 * acknowledges; `abort` cancels (virStreamAbort).
 *
 * Receiving: while at least one `onData` listener is attached, incoming chunks go to the listeners;
 * otherwise they queue for async iteration, which pulls at the consumer's pace (the producer is paused while
 * the queue is full). Iteration ends when the peer finishes and throws a VirError when the stream fails.
 * `dispose` aborts the stream if it is still open.
 */
export interface Stream extends AsyncIterable<Uint8Array>, Disposable {
  send(data: Uint8Array): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): Disposable;
  /** Called once when the stream ends: `error` null for a clean end of stream from the peer. */
  onEnd(listener: (error: VirError | null) => void): Disposable;
  finish(): Promise<void>;
  abort(): Promise<void>;
  /** True until the stream ends (peer finished, aborted, failed, or disposed). */
  readonly open: boolean;
}
