// Frames on the wire: WebSocket JSON text frames in browser mode, the same shapes over Electron IPC.
import type { ApiError } from './common.js';
import type { ApiEvent } from './index.js';

export type ClientFrame = { readonly kind: 'call'; readonly seq: number; readonly call: string; readonly input: unknown };
export type ServerFrame =
  | { readonly kind: 'result'; readonly seq: number; readonly result: unknown }
  | { readonly kind: 'error'; readonly seq: number; readonly error: ApiError }
  /** Events, delivered in batches (at most one batch per 100 ms). */
  | { readonly kind: 'events'; readonly events: readonly ApiEvent[] };
