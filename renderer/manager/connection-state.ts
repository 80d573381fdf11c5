import type { ConnectionState, ConnectionView } from '../../main/api/contract/index.js';

/** The name a connection goes by: the user's, or its URI. */
export function connectionName(c: ConnectionView | undefined, fallback = ''): string {
  return c ? c.saved.name || c.saved.uri : fallback;
}

/** PatternFly's status colour for a connection's state. */
export function connectionStatus(state: ConnectionState): 'success' | 'info' | 'danger' | undefined {
  switch (state.state) {
    case 'connected': return 'success';
    case 'connecting': return 'info';
    case 'error': return 'danger';
    default: return undefined;
  }
}
