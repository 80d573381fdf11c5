// A session's byte channels: handlers open them for calls (the result names the id), and they all close with the
// session, so a window or tab that goes away leaves no libvirt stream behind.
import { ByteChannel, type ChannelLink } from '../contract/byte-channel.js';
import type { ChannelFrame, ChannelId } from '../contract/channels.js';

/** How a session carries channels: a WebSocket multiplexer, or a MessagePort per channel. */
export interface ChannelTransport {
  connect(id: ChannelId, receive: (frame: ChannelFrame) => void): ChannelLink;
}

export class ChannelHub {
  private nextId = 1;
  private readonly channels = new Map<ChannelId, ByteChannel>();
  private closedWith: string | undefined;

  /** `null`: a client that cannot take channels (calls made in-process). */
  constructor(private readonly transport: ChannelTransport | null) {}

  /** A new channel, waiting for the client to join it with the id the call's result gives. */
  open(): ByteChannel {
    const transport = this.transport;
    if (!transport) throw new Error('This client cannot take byte channels.');
    if (this.closedWith !== undefined) throw new Error(`The session is over: ${this.closedWith}`);
    const id = this.nextId++;
    const channel = new ByteChannel(id, (deliver) => {
      const link = transport.connect(id, deliver);
      return {
        send: (frame) => link.send(frame),
        release: () => {
          this.channels.delete(id);
          link.release();
        },
      };
    }, { side: 'service' });
    this.channels.set(id, channel);
    return channel;
  }

  /** Channels still holding their transport. */
  get size(): number {
    return this.channels.size;
  }

  /** The session ended: every channel closes now, whether or not its client ever joined. */
  closeAll(reason: string): void {
    this.closedWith = reason;
    for (const channel of [...this.channels.values()]) channel.shutdown(reason);
  }
}
