import { WebSocket } from 'ws';
import type { ApiError, ApiEvent, CallInput, CallName, CallResults, ServerFrame } from '../../main/api/contract.js';

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

/** A Node client of the browser-mode API, speaking the same frames as the renderer. */
export class ApiSocket {
  readonly events: { readonly at: number; readonly event: ApiEvent }[] = [];
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
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
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      this.ws.send(JSON.stringify({ kind: 'call', seq, call, input }));
    });
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
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) resolve();
      else {
        this.ws.once('close', () => resolve());
        this.ws.close();
      }
    });
  }
}
