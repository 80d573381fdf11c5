import type { ByteChannel } from '../../main/api/contract/byte-channel.js';
import type { ChannelCall } from '../../main/api/contract/channels.js';
import type { ApiEvent, CallInput, CallName, CallResults } from '../../main/api/contract/index.js';
import type { LinkStatus } from './api-client.js';

/** What the stores need of the API client: calls, events and the link's status. ApiClient is one. */
export interface ApiPort {
  readonly status: LinkStatus;
  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResults[C]>;
  onEvents(listener: (events: readonly ApiEvent[]) => void): () => void;
  onStatus(listener: (s: LinkStatus) => void): () => void;
  /** Opens a byte channel (volume upload/download); optional so that test ports need not have one. */
  openChannel?<C extends ChannelCall>(call: C, input: CallInput<C>): Promise<ByteChannel>;
}
