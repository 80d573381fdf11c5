import { randomUUID } from 'node:crypto';
import type { PromptRequest } from '../api/contract/index.js';

export type { PromptRequest };

/** The user's answer, and whether they asked for a password or passphrase to be remembered. */
export interface PromptAnswer {
  readonly answer: string | boolean | null;
  readonly remember: boolean;
}

const NO: PromptAnswer = { answer: null, remember: false };

interface Waiting {
  readonly request: PromptRequest;
  readonly resolve: (answer: PromptAnswer) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Questions a connection must ask the user (an SSH password, a key's passphrase, whether to trust a host key):
 * sent to the UI as events and answered there by a call. Nobody watching, or no answer in time, means "no".
 */
export class PromptBroker {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly emit: (event: { type: 'prompt'; id: string; request: PromptRequest } | { type: 'prompt-closed'; id: string }) => void,
    private readonly hasViewers: () => boolean,
    private readonly timeoutMs = 5 * 60_000,
  ) {}

  ask(request: PromptRequest): Promise<PromptAnswer> {
    if (!this.hasViewers()) return Promise.resolve(NO);
    const id = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.answer(id, null), this.timeoutMs);
      this.waiting.set(id, { request, resolve, timer });
      this.emit({ type: 'prompt', id, request });
    });
  }

  /** The questions still open, oldest first. */
  open(): { id: string; request: PromptRequest }[] {
    return [...this.waiting].map(([id, w]) => ({ id, request: w.request }));
  }

  /** Returns false when the prompt is no longer open (answered elsewhere, timed out). */
  answer(id: string, answer: string | boolean | null, remember = false): boolean {
    const w = this.waiting.get(id);
    if (!w) return false;
    this.waiting.delete(id);
    clearTimeout(w.timer);
    this.emit({ type: 'prompt-closed', id });
    w.resolve({ answer, remember: remember && typeof answer === 'string' });
    return true;
  }

  dispose(): void {
    for (const id of [...this.waiting.keys()]) this.answer(id, null);
  }
}
