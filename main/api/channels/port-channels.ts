// Byte channels over Electron IPC: a MessagePort pair per channel, one end kept here, the other handed to the
// page (through the preload). Written against what both Electron's MessagePortMain and, in tests, an adapted
// worker_threads port provide.
import type { ChannelLink } from '../contract/byte-channel.js';
import { decodeChannelFrame, encodeChannelFrame, type ChannelFrame, type ChannelId } from '../contract/channels.js';
import type { ChannelTransport } from './channel-hub.js';

/** This side's end of a port pair (Electron's MessagePortMain has this shape). */
export interface ServicePort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { readonly data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

export class PortChannels<Remote> implements ChannelTransport {
  /**
   * @param pair makes a new port pair
   * @param handOver gives the remote end to the page, with the id its call's result will name
   */
  constructor(
    private readonly pair: () => { readonly local: ServicePort; readonly remote: Remote },
    private readonly handOver: (id: ChannelId, remote: Remote) => void,
  ) {}

  connect(id: ChannelId, receive: (frame: ChannelFrame) => void): ChannelLink {
    const { local, remote } = this.pair();
    let released = false;
    local.on('message', (event) => {
      const data = event.data;
      const decoded = data instanceof Uint8Array || data instanceof ArrayBuffer ? decodeChannelFrame(data) : null;
      // A port carries one channel: a frame naming another, or no frame at all, is a broken page.
      if (!decoded || decoded.id !== id) receive({ type: 'close', reason: 'the page sent something that is not a frame of this channel', error: true });
      else receive(decoded.frame);
    });
    local.on('close', () => {
      if (!released) receive({ type: 'close', reason: 'the page let go of the channel', error: true });
    });
    local.start();
    this.handOver(id, remote);
    return {
      send: (frame) => {
        if (!released) local.postMessage(encodeChannelFrame(id, frame));
      },
      release: () => {
        released = true;
        local.close();
      },
    };
  }
}
