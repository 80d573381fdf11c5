// app.*: the service itself, and what it has to tell the user at start (a damaged file set aside).
import { z } from 'zod';

export interface AppNoticeView {
  readonly kind: 'connections-file-damaged';
  /** The file that could not be read, and where it was kept. */
  readonly file: string;
  readonly movedTo: string;
  readonly reason: string;
}

export const appCalls = {
  'app.info': z.object({}),
} as const;

export interface AppResults {
  'app.info': { readonly version: string; readonly mode: 'web' | 'electron'; readonly notices: readonly AppNoticeView[] };
}
