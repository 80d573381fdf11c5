// prompts.*: questions a connection asks the user while it opens (app-wide, not owned by a view).
import { z } from 'zod';
import type { CollectionList, DeltaEvent, Keyed, ResetEvent } from './collections.js';

export type PromptRequest =
  | { readonly kind: 'password'; readonly uri: string; readonly user: string; readonly host: string; readonly canRemember: boolean }
  | { readonly kind: 'passphrase'; readonly uri: string; readonly keyPath: string; readonly canRemember: boolean }
  | { readonly kind: 'hostkey'; readonly uri: string; readonly host: string; readonly keyType: string; readonly fingerprint: string };

/** An open question; `key` is its id. */
export interface PromptView extends Keyed {
  readonly request: PromptRequest;
}

export const promptsCalls = {
  'prompts.list': z.object({}),
  /** `remember` keeps a password or passphrase for the next connect, where secrets can be saved (canRemember). */
  'prompts.answer': z.object({ id: z.string().min(1).max(200), answer: z.union([z.string().max(4096), z.boolean(), z.null()]), remember: z.boolean().default(false) }),
} as const;

export interface PromptsResults {
  'prompts.list': CollectionList<PromptView>;
  'prompts.answer': { readonly open: boolean };
}

export type PromptsEvent =
  | ResetEvent<'prompts.reset', PromptView, null>
  | DeltaEvent<'prompts.delta', PromptView, null>;
