// Joins a byte channel to a libvirt stream (volume upload or download; later consoles). Each side's end reaches
// the other: the channel closing (its client closed it, or the session ended) aborts the stream, and the stream
// failing closes the channel with libvirt's message.
import type { Stream } from '../../../drivers/api/index.js';
import type { ByteChannel } from '../contract/byte-channel.js';

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function bindLifetimes(channel: ByteChannel, stream: Stream): void {
  void channel.closed.then(() => {
    if (stream.open) void stream.abort().catch(() => undefined);
  });
  stream.onEnd((error) => {
    if (error) channel.close(error.message, true);
  });
}

/**
 * An upload: the client's bytes go into the stream at the pace libvirt takes them (the channel's window holds the
 * client back meanwhile). The client's end finishes the stream; once libvirt confirms, this end ends too, which
 * completes the channel. Resolves true when the upload completed.
 */
export async function channelIntoStream(channel: ByteChannel, stream: Stream): Promise<boolean> {
  bindLifetimes(channel, stream);
  try {
    for await (const chunk of channel) await stream.send(chunk);
    // A client that closed instead of ending gave up: the stream was aborted, not to be finished.
    if (!channel.open) return false;
    await stream.finish();
    await channel.end();
    return true;
  } catch (e) {
    channel.close(messageOf(e), true);
    return false;
  }
}

/**
 * A download: the stream's bytes go to the client no faster than it reads them (while the window is full this
 * stops pulling from the stream, which holds back libvirt). Closes the channel without an error at the end of
 * the data. Resolves true when everything was sent.
 * libvirt has no flow control per stream: a stream nobody pulls from pauses the whole RPC connection it runs on
 * (drivers/remote's back-pressure), so streams run on a connection of their own (ConnectionManager.transferConnection).
 */
export async function streamIntoChannel(stream: Stream, channel: ByteChannel): Promise<boolean> {
  bindLifetimes(channel, stream);
  try {
    for await (const chunk of stream) await channel.send(chunk);
    channel.close('end of data');
    return true;
  } catch (e) {
    channel.close(messageOf(e), true);
    return false;
  }
}
