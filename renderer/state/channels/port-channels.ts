// Byte channels over Electron IPC, the page's side: main makes a MessagePort pair per channel and the preload
// posts the page's end to this window as { hangarChannel: id }. The port and the call's result can come in either
// order; joining waits for the port.
import { ByteChannel, type ChannelLink } from '../../../main/api/contract/byte-channel.js';
import { decodeChannelFrame, encodeChannelFrame, isChannelId, type ChannelFrame, type ChannelId } from '../../../main/api/contract/channels.js';
import type { ClientChannels } from './client-channels.js';

/** What the page needs of a port (a DOM MessagePort; a worker_threads port in tests). */
export interface PagePort {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  start(): void;
  close(): void;
}

/** How long a call's result may wait for its port: both are sent together, so only a broken main is slower. */
const PORT_WAIT_MS = 10_000;

export class PortChannels implements ClientChannels {
  private readonly ports = new Map<ChannelId, PagePort>();
  private readonly waiting = new Map<ChannelId, (port: PagePort) => void>();
  private readonly joined = new Set<ByteChannel>();

  /** A port main handed over for channel `id`. */
  accept(id: ChannelId, port: PagePort): void {
    const waiter = this.waiting.get(id);
    this.waiting.delete(id);
    if (waiter) waiter(port);
    else this.ports.set(id, port);
  }

  async join(id: ChannelId): Promise<ByteChannel> {
    const port = this.ports.get(id) ?? await new Promise<PagePort>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`The port of byte channel ${id} never came.`));
      }, PORT_WAIT_MS);
      this.waiting.set(id, (p) => {
        clearTimeout(timer);
        resolve(p);
      });
    });
    this.ports.delete(id);
    const channel = new ByteChannel(id, (deliver) => portLink(id, port, deliver), { side: 'client' });
    this.joined.add(channel);
    void channel.closed.then(() => this.joined.delete(channel));
    return channel;
  }

  /** The client is going away: its channels close, and ports not joined yet are let go. */
  closeAll(reason: string): void {
    for (const channel of [...this.joined]) channel.close(reason, true);
    for (const port of this.ports.values()) port.close();
    this.ports.clear();
  }

  /** Takes the ports the preload posts to `target` (the page's window) and nothing else. */
  listen(target: Window): () => void {
    const onMessage = (event: MessageEvent): void => {
      if (event.source !== target) return;
      const id: unknown = typeof event.data === 'object' && event.data !== null ? (event.data as { hangarChannel?: unknown }).hangarChannel : undefined;
      const [port] = event.ports;
      if (isChannelId(id) && port) this.accept(id, port);
    };
    target.addEventListener('message', onMessage);
    return () => target.removeEventListener('message', onMessage);
  }
}

function portLink(id: ChannelId, port: PagePort, deliver: (frame: ChannelFrame) => void): ChannelLink {
  port.addEventListener('message', (event) => {
    const data = event.data;
    const decoded = data instanceof Uint8Array || data instanceof ArrayBuffer ? decodeChannelFrame(data) : null;
    if (decoded && decoded.id === id) deliver(decoded.frame);
    else deliver({ type: 'close', reason: 'main sent something that is not a frame of this channel', error: true });
  });
  port.start();
  return {
    send: (frame) => {
      const bytes = encodeChannelFrame(id, frame);
      // The frame is a fresh buffer: moved to main, not copied.
      port.postMessage(bytes, [bytes.buffer]);
    },
    release: () => port.close(),
  };
}
