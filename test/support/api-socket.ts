import { WebSocket } from 'ws';
import type { ByteChannel } from '../../main/api/contract/byte-channel.js';
import { ChannelMux } from '../../main/api/contract/channel-mux.js';
import type { ChannelCall, ChannelOpened } from '../../main/api/contract/channels.js';
import type { ApiError, ApiEvent, CallInput, CallName, CallResults, ServerFrame } from '../../main/api/contract/index.js';
import { muxChannels } from '../../renderer/state/channels/client-channels.js';

/** A failed call, with the API error's fields (message, code, domain, field) as plain properties. */
export class ApiCallError extends Error {
  readonly code: number | undefined;
  readonly domain: number | undefined;
  readonly field: string | undefined;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.domain = error.domain;
    this.field = error.field;
  }
}

/** A Node client of the browser-mode API, speaking the same frames as the renderer (JSON text, binary channel frames). */
export class ApiSocket {
  readonly events: { readonly at: number; readonly event: ApiEvent }[] = [];
  /** How the socket closed: the code and reason the service sent. */
  readonly closed: Promise<{ readonly code: number; readonly reason: string }>;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly mux: ChannelMux;

  private constructor(private readonly ws: WebSocket) {
    this.mux = new ChannelMux((bytes) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(bytes, { binary: true });
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        if (!this.mux.deliver(data)) throw new Error('the service sent a binary message that is not a channel frame');
        return;
      }
      const frame = JSON.parse(data.toString('utf8')) as ServerFrame;
      if (frame.kind === 'events') {
        const at = Date.now();
        for (const event of frame.events) this.events.push({ at, event });
        return;
      }
      const p = this.pending.get(frame.seq);
      this.pending.delete(frame.seq);
      if (frame.kind === 'result') p?.resolve(frame.result);
      else p?.reject(new ApiCallError(frame.error));
    });
    this.closed = new Promise((resolve) => {
      ws.once('close', (code: number, reason: Buffer) => {
        const text = reason.toString('utf8');
        for (const p of this.pending.values()) p.reject(new Error(`the API socket closed (${code}${text ? `: ${text}` : ''})`));
        this.pending.clear();
        this.mux.fail(`the API socket closed (${code})`);
        resolve({ code, reason: text });
      });
    });
    // A refused message ends in an error event as well as the close; the close is what tests look at.
    ws.on('error', () => undefined);
  }

  static open(pageUrl: string): Promise<ApiSocket> {
    const { origin, searchParams } = new URL(pageUrl);
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/api?token=${searchParams.get('token') ?? ''}`, { origin });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new ApiSocket(ws)));
      ws.once('error', reject);
    });
  }

  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResults[C]> {
    return this.send(call, input) as Promise<CallResults[C]>;
  }

  /** A call with any input, bypassing the contract's types (to send what a broken page would). */
  send(call: string, input: unknown): Promise<unknown> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.ws.send(JSON.stringify({ kind: 'call', seq, call, input }));
    });
  }

  /** Sends one message as it is (a text or binary message a broken page might send). */
  sendRaw(message: string | Uint8Array): void {
    this.ws.send(message, { binary: typeof message !== 'string' });
  }

  /** Makes a call that opens a byte channel and joins it, as the renderer does. */
  async openChannel<C extends ChannelCall>(call: C, input: CallInput<C>): Promise<ByteChannel> {
    const opened = await this.call(call, input) as ChannelOpened;
    return muxChannels(this.mux).join(opened.channel);
  }

  /** The first event after index `from` that matches, waiting up to timeoutMs. */
  async waitFor(match: (e: ApiEvent) => boolean, timeoutMs: number, from = 0): Promise<{ at: number; event: ApiEvent }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hit = this.events.slice(from).find((e) => match(e.event));
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`no matching event within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  close(): Promise<void> {
    if (this.ws.readyState !== WebSocket.CLOSED) this.ws.close();
    return this.closed.then(() => undefined);
  }
}
