import { settingsSchema, type ApiEvent, type CallInput, type CallName, type CallResults } from '../../main/api/contract/index.js';
import type { LinkStatus } from '../../renderer/state/api-client.js';
import type { ApiPort } from '../../renderer/state/api-port.js';

type Answers = { [C in CallName]?: (input: CallInput<C>) => CallResults[C] | Promise<CallResults[C]> };

/**
 * Stands in for the service in store tests: answers the calls a test scripts, records every call, and lets the
 * test deliver event batches in whatever order it wants (which the real service never lets a test choose).
 */
export class FakePort implements ApiPort {
  status: LinkStatus = { state: 'open' };
  readonly calls: { call: CallName; input: unknown }[] = [];
  private readonly eventListeners = new Set<(events: readonly ApiEvent[]) => void>();
  private readonly statusListeners = new Set<(s: LinkStatus) => void>();

  constructor(private readonly answers: Answers = {}) {}

  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResults[C]> {
    this.calls.push({ call, input });
    const answer = this.answers[call] as ((input: CallInput<C>) => CallResults[C] | Promise<CallResults[C]>) | undefined;
    if (answer) return Promise.resolve(answer(input));
    if (call === 'app.start') return this.start() as Promise<CallResults[C]>;
    return Promise.resolve(defaults(call) as CallResults[C]);
  }

  /** app.start as the service answers it: from the same lists its parts give (each part recorded as a call). */
  private async start(): Promise<CallResults['app.start']> {
    const [info, settings, connections, jobs, prompts] = await Promise.all([
      this.call('app.info', {}), this.call('settings.get', {}), this.call('connections.list', {}),
      this.call('jobs.list', {}), this.call('prompts.list', {}),
    ]);
    const hosts = await Promise.all(connections.items.filter((c) => c.state.state === 'connected').map(async (c) => {
      const connection = c.key;
      const [domains, networks, pools, nodedevs] = await Promise.all([
        this.call('domains.list', { connection }), this.call('networks.list', { connection }),
        this.call('storage.list', { connection }), this.call('nodedevs.list', { connection }),
      ]);
      return { connection, domains, networks, pools, nodedevs };
    }));
    return { info, settings, connections, jobs, prompts, hosts };
  }

  onEvents(listener: (events: readonly ApiEvent[]) => void): () => void {
    this.eventListeners.add(listener);
    return () => {
      this.eventListeners.delete(listener);
    };
  }

  onStatus(listener: (s: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => {
      this.statusListeners.delete(listener);
    };
  }

  emit(...events: ApiEvent[]): void {
    for (const l of [...this.eventListeners]) l(events);
  }

  setStatus(s: LinkStatus): void {
    this.status = s;
    for (const l of [...this.statusListeners]) l(s);
  }

  listenerCount(): number {
    return this.eventListeners.size + this.statusListeners.size;
  }

  callsOf(call: CallName): unknown[] {
    return this.calls.filter((c) => c.call === call).map((c) => c.input);
  }
}

function defaults(call: CallName): unknown {
  if (call.endsWith('.list')) return { rev: 0, items: [] };
  if (call === 'app.info') return { version: 'test', mode: 'web', notices: [] };
  if (call === 'settings.get') return settingsSchema.parse({});
  return null;
}

/** Lets pending promise callbacks run. */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));
