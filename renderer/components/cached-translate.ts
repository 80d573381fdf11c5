import type { TFunction } from 'i18next';

/** A translator for one language; texts without values are looked up once. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * Wraps i18next's t for views that render the same labels many times a second (the VM list's rows while it
 * scrolls): i18next resolves, interpolates and post-processes on every call.
 */
export function cachedTranslate(t: TFunction): Translate {
  const plain = new Map<string, string>();
  return (key, values) => {
    if (values) return t(key, values);
    let text = plain.get(key);
    if (text === undefined) {
      text = t(key);
      plain.set(key, text);
    }
    return text;
  };
}
