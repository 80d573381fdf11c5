// A WebSocket-shaped object over a byte channel, which is what noVNC's RFB takes instead of a URL: the guest's VNC
// bytes reach it through the API's channel (a local socket or an SSH-forwarded channel on the main side).
import type { RfbChannel } from '@novnc/novnc';
import type { ByteChannel } from '../../main/api/contract/byte-channel.js';

export class ChannelSocket implements RfbChannel {
  binaryType = 'arraybuffer';
  readonly protocol = '';
  onopen: RfbChannel['onopen'] = null;
  onmessage: RfbChannel['onmessage'] = null;
  onclose: RfbChannel['onclose'] = null;
  onerror: RfbChannel['onerror'] = null;
  private state: 'open' | 'closed' = 'open';

  constructor(private readonly channel: ByteChannel) {
    void this.pump();
    void channel.closed.then((end) => this.finish(end.reason, !end.error));
  }

  get readyState(): string {
    return this.state;
  }

  send(data: Uint8Array): void {
    if (this.state !== 'open') return;
    // noVNC reuses its send buffer: the bytes are copied before the channel takes its time with them.
    this.channel.send(data.slice()).catch(() => undefined);
  }

  close(): void {
    this.channel.close('the console was closed');
  }

  private async pump(): Promise<void> {
    try {
      for await (const chunk of this.channel) this.onmessage?.({ data: chunk.slice().buffer });
      this.finish('the VNC server closed the connection', true);
    } catch (e) {
      this.finish(e instanceof Error ? e.message : String(e), false);
    }
  }

  private finish(reason: string, clean: boolean): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.onclose?.({ code: clean ? 1000 : 1006, reason, wasClean: clean });
  }
}
