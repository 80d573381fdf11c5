import { ZodError } from 'zod';
import { isVirError } from '../../drivers/api/index.js';
import type { ApiError } from './contract/index.js';

/** A refusal about one input field, said in words for the form that sent it. */
export class InputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Any failure as the renderer sees it; libvirt's code, domain and message are kept as they are. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ZodError) {
    const issue = e.issues[0];
    const field = issue?.path.join('.') ?? '';
    return { message: issue ? `${field ? `${field}: ` : ''}${issue.message}` : 'invalid input', ...(field ? { field } : {}) };
  }
  if (e instanceof InputError) return { message: e.message, field: e.field };
  if (isVirError(e)) return { message: e.message, code: e.code, domain: e.domain };
  if (e instanceof Error) return { message: e.message };
  return { message: String(e) };
}
