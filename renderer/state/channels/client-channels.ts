// How the renderer joins the byte channels its calls open; one implementation per transport.
import { ByteChannel } from '../../../main/api/contract/byte-channel.js';
import type { ChannelMux } from '../../../main/api/contract/channel-mux.js';
import type { ChannelId } from '../../../main/api/contract/channels.js';

export interface ClientChannels {
  /** The channel a call's result named, once this end holds it (its grant of the window already sent). */
  join(id: ChannelId): Promise<ByteChannel>;
}

/** Channels multiplexed on the API WebSocket. */
export function muxChannels(mux: ChannelMux): ClientChannels {
  return { join: async (id) => new ByteChannel(id, (deliver) => mux.connect(id, deliver), { side: 'client' }) };
}
