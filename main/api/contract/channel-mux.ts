// Many byte channels over one message pipe (the browser-mode WebSocket): each binary message is one frame, routed
// by its channel id. Both ends use it.
import type { ChannelLink } from './byte-channel.js';
import { decodeChannelFrame, encodeChannelFrame, type ChannelFrame, type ChannelId } from './channels.js';

export class ChannelMux {
  private readonly routes = new Map<ChannelId, (frame: ChannelFrame) => void>();

  constructor(private readonly sendBytes: (bytes: Uint8Array<ArrayBuffer>) => void) {}

  /** The link for channel `id`; frames for it go to `receive` until the link is released. */
  connect(id: ChannelId, receive: (frame: ChannelFrame) => void): ChannelLink {
    if (this.routes.has(id)) throw new Error(`channel ${id} is already open`);
    this.routes.set(id, receive);
    return {
      send: (frame) => this.sendBytes(encodeChannelFrame(id, frame)),
      release: () => {
        if (this.routes.get(id) === receive) this.routes.delete(id);
      },
    };
  }

  /**
   * One binary message from the pipe. False when it is not a frame at all (the peer is broken). Frames for a
   * channel no longer open are dropped: they were in flight when it closed.
   */
  deliver(message: Uint8Array | ArrayBuffer): boolean {
    const decoded = decodeChannelFrame(message);
    if (!decoded) return false;
    this.routes.get(decoded.id)?.(decoded.frame);
    return true;
  }

  /** The pipe is gone: every channel on it ends with `reason`. */
  fail(reason: string): void {
    const routes = [...this.routes.values()];
    this.routes.clear();
    for (const receive of routes) receive({ type: 'close', reason, error: true });
  }

  get size(): number {
    return this.routes.size;
  }
}
