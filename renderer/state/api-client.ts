import type { ByteChannel } from '../../main/api/contract/byte-channel.js';
import { ChannelMux } from '../../main/api/contract/channel-mux.js';
import { MAX_TEXT_FRAME, type ChannelCall, type ChannelOpened } from '../../main/api/contract/channels.js';
import type { ApiError, ApiEvent, CallInput, CallName, CallResults, ClientFrame, ServerFrame } from '../../main/api/contract/index.js';
import { muxChannels, type ClientChannels } from './channels/client-channels.js';
import { PortChannels } from './channels/port-channels.js';

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

/** How frames travel: the preload's IPC bridge in Electron, a WebSocket in browser mode; and byte channels with them. */
interface Transport {
  send(text: ClientFrame): void;
  readonly channels: ClientChannels;
  close(): void;
}

/** Why the service closed the socket, in words, where it gave only a code. */
function closeReason(event: CloseEvent): string {
  if (event.reason) return event.reason;
  if (event.code === 1006) return 'the service is not reachable';
  if (event.code === 1009) return `a message was larger than the service takes (${MAX_TEXT_FRAME / 1024 / 1024} MiB)`;
  return `code ${event.code}`;
}

export interface PreloadBridge {
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
/**
 * User Timing marks of the page's start-up (the socket open, the first answer in), for DevTools' performance panel
 * and the ui bench's breakdown of the first list; each only the first time.
 */
const marked = new Set<string>();
function markOnce(name: string): void {
  if (marked.has(name)) return;
  marked.add(name);
  performance.mark(name);
}

export class ApiClient {
  private readonly transport: Transport;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly eventListeners = new Set<(events: readonly ApiEvent[]) => void>();
  private readonly statusListeners = new Set<(s: LinkStatus) => void>();
  status: LinkStatus = { state: 'connecting' };

  /** In Electron, `bridge` is the preload's and `ports` take the channel ports it posts to the window. */
  constructor(bridge: PreloadBridge | undefined = window.hangar, ports?: PortChannels) {
    this.transport = bridge ? this.viaPreload(bridge, ports) : this.viaWebSocket();
  }

  private viaPreload(bridge: PreloadBridge, given: PortChannels | undefined): Transport {
    const off = bridge.onFrame((frame) => this.receive(frame as ServerFrame));
    const ports = given ?? new PortChannels();
    const unlisten = given ? () => undefined : ports.listen(window);
    this.status = { state: 'open' };
    return {
      send: (frame) => bridge.send(frame),
      channels: ports,
      close: () => {
        off();
        unlisten();
        ports.closeAll('the page closed its API client');
      },
    };
  }

  private viaWebSocket(): Transport {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}/api?token=${encodeURIComponent(browserToken())}`);
    socket.binaryType = 'arraybuffer';
    let queued: string[] = [];
    // Channel frames go only on an open socket: a channel exists only once a call's result named it.
    const mux = new ChannelMux((bytes) => {
      if (socket.readyState === WebSocket.OPEN) socket.send(bytes);
    });
    socket.addEventListener('open', () => {
      markOnce('hangar:api-open');
      for (const frame of queued) socket.send(frame);
      queued = [];
      this.setStatus({ state: 'open' });
    });
    socket.addEventListener('message', (event: MessageEvent<string | ArrayBuffer>) => {
      if (typeof event.data === 'string') this.receive(JSON.parse(event.data) as ServerFrame);
      else if (!mux.deliver(event.data)) socket.close(1002, 'binary messages are channel frames');
    });
    socket.addEventListener('close', (event) => {
      const reason = closeReason(event);
      mux.fail(`The connection to the Hangar service closed: ${reason}`);
      for (const p of this.pending.values()) p.reject(new CallError({ message: `The connection to the Hangar service closed: ${reason}` }));
      this.pending.clear();
      this.setStatus({ state: 'closed', reason });
    });
    return {
      send: (frame) => {
        const text = JSON.stringify(frame);
        // The service would close the whole socket over a message this big (1009): refuse just this call.
        if (text.length > MAX_TEXT_FRAME / 3 && new TextEncoder().encode(text).byteLength > MAX_TEXT_FRAME) {
          throw new CallError({ message: `The call ${frame.call} carries more than the ${MAX_TEXT_FRAME / 1024 / 1024} MiB a call may.` });
        }
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
        else queued.push(text);
      },
      channels: muxChannels(mux),
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
      try {
        this.transport.send(frame);
      } catch (e) {
        this.pending.delete(seq);
        reject(e instanceof Error ? e : new CallError({ message: String(e) }));
      }
    });
  }

  /**
   * Makes a call that opens a byte channel (a volume upload or download, a console) and joins the channel it
   * names. Whoever holds the channel closes it; it also closes when this client does.
   */
  async openChannel<C extends ChannelCall>(call: C, input: CallInput<C>): Promise<ByteChannel> {
    const opened = await this.call(call, input) as ChannelOpened;
    return this.transport.channels.join(opened.channel);
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
    // The first answer is app.start's, which carries the first lists.
    markOnce('hangar:first-answer');
    const p = this.pending.get(frame.seq);
    if (!p) return;
    this.pending.delete(frame.seq);
    if (frame.kind === 'result') p.resolve(frame.result);
    else p.reject(new CallError(frame.error));
  }
}
