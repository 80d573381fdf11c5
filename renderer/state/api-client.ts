import type { ApiError, ApiEvent, CallInput, CallName, CallResults, ClientFrame, ServerFrame } from '../../main/api/contract/index.js';

export type LinkStatus =
  | { readonly state: 'connecting' }
  | { readonly state: 'open' }
  | { readonly state: 'closed'; readonly reason: string };

/** A failed call: libvirt's (or the service's) message, code and field, ready to show. */
export class CallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** The browser-mode token arrives in the page URL once; keep it for this tab and take it out of the address bar. */
function browserToken(): string {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('hangar.token', fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem('hangar.token') ?? '';
}

/** How frames travel: the preload's IPC bridge in Electron, a WebSocket in browser mode. */
interface Transport {
  send(text: ClientFrame): void;
  close(): void;
}

interface PreloadBridge {
  readonly version: string;
  send(frame: unknown): void;
  onFrame(listener: (frame: unknown) => void): () => void;
}

declare global {
  interface Window {
    readonly hangar?: PreloadBridge;
  }
}

/** The renderer's one link to the Hangar service: typed calls and batched events, over IPC or a WebSocket. */
export class ApiClient {
  private readonly transport: Transport;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly eventListeners = new Set<(events: readonly ApiEvent[]) => void>();
  private readonly statusListeners = new Set<(s: LinkStatus) => void>();
  status: LinkStatus = { state: 'connecting' };

  constructor() {
    this.transport = window.hangar ? this.viaPreload(window.hangar) : this.viaWebSocket();
  }

  private viaPreload(bridge: PreloadBridge): Transport {
    const off = bridge.onFrame((frame) => this.receive(frame as ServerFrame));
    this.status = { state: 'open' };
    return { send: (frame) => bridge.send(frame), close: off };
  }

  private viaWebSocket(): Transport {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api?token=${encodeURIComponent(browserToken())}`);
    let queued: string[] = [];
    socket.addEventListener('open', () => {
      for (const frame of queued) socket.send(frame);
      queued = [];
      this.setStatus({ state: 'open' });
    });
    socket.addEventListener('message', (event: MessageEvent<string>) => this.receive(JSON.parse(event.data) as ServerFrame));
    socket.addEventListener('close', (event) => {
      const reason = event.reason || (event.code === 1006 ? 'the service is not reachable' : `code ${event.code}`);
      for (const p of this.pending.values()) p.reject(new CallError({ message: `The connection to the Hangar service closed: ${reason}` }));
      this.pending.clear();
      this.setStatus({ state: 'closed', reason });
    });
    return {
      send: (frame) => {
        const text = JSON.stringify(frame);
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
        else queued.push(text);
      },
      close: () => socket.close(),
    };
  }

  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResults[C]> {
    const seq = ++this.seq;
    const frame: ClientFrame = { kind: 'call', seq, call, input };
    return new Promise<CallResults[C]>((resolve, reject) => {
      if (this.status.state === 'closed') {
        reject(new CallError({ message: 'The connection to the Hangar service is closed.' }));
        return;
      }
      this.pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      this.transport.send(frame);
    });
  }

  onEvents(listener: (events: readonly ApiEvent[]) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onStatus(listener: (s: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  close(): void {
    this.transport.close();
  }

  private setStatus(s: LinkStatus): void {
    this.status = s;
    for (const l of this.statusListeners) l(s);
  }

  private receive(frame: ServerFrame): void {
    if (frame.kind === 'events') {
      for (const l of this.eventListeners) l(frame.events);
      return;
    }
    const p = this.pending.get(frame.seq);
    if (!p) return;
    this.pending.delete(frame.seq);
    if (frame.kind === 'result') p.resolve(frame.result);
    else p.reject(new CallError(frame.error));
  }
}
