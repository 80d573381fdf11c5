// Joins a byte channel to a duplex stream (a libvirt console stream, or a tunnel to a VNC server) both ways.
// Either end going away ends the other: the page closing the channel aborts the stream, and the stream ending
// (guest powered off, console taken by another client, VNC server gone) closes the channel with why.
import type { Stream } from '../../../drivers/api/index.js';
import type { ByteChannel } from '../../api/contract/byte-channel.js';

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Runs until both ends are done; then `release` (the stream's own libvirt connection, say) runs once. Bytes move
 * at the slower side's pace in each direction: the channel's window holds the page back, and a full channel stops
 * this from pulling the stream.
 */
export async function joinStream(channel: ByteChannel, stream: Stream, release: () => Promise<void> | void = () => undefined): Promise<void> {
  const aborted = channel.closed.then(() => {
    if (stream.open) void stream.abort().catch(() => undefined);
  });
  const out = (async () => {
    try {
      for await (const chunk of stream) await channel.send(chunk);
      channel.close('the console closed');
    } catch (e) {
      channel.close(messageOf(e), true);
    }
  })();
  const into = (async () => {
    try {
      for await (const chunk of channel) await stream.send(chunk);
    } catch {
      // The channel closed (handled above) or the stream refused the bytes (its end closes the channel).
    }
    if (stream.open) void stream.abort().catch(() => undefined);
  })();
  try {
    await Promise.all([out, into, aborted]);
  } finally {
    await release();
  }
}
