import type { TFunction } from 'i18next';

/** A translator for one language; texts without values are looked up once. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Values i18next reads as options (plurals, context, fallbacks) rather than only interpolating: never templated. */
const OPTION_NAMES = new Set(['count', 'context', 'defaultValue', 'lng', 'lngs', 'ns', 'ordinal', 'returnObjects', 'joinArrays', 'postProcess', 'interpolation', 'replace']);
const MARK = '\u0000';

/**
 * A text with values, as i18next resolved it once with a marker in place of each value (`parts` alternates text and
 * value names), or undefined when the text cannot be templated.
 */
type Template = { readonly parts: readonly string[] } | undefined;

function compile(t: TFunction, key: string, names: readonly string[]): Template {
  const marked = Object.fromEntries(names.map((n) => [n, `${MARK}${n}${MARK}`]));
  const parts = t(key, marked).split(MARK);
  // Text, name, text, …, text: every marker must have come back whole, and each name where it belongs.
  if (parts.length % 2 === 0) return undefined;
  for (let i = 1; i < parts.length; i += 2) if (!names.includes(parts[i] ?? '')) return undefined;
  return { parts };
}

/**
 * Wraps i18next's t for views that render the same labels many times a second (the VM list's rows while it
 * scrolls, their graphs' labels every stats tick): i18next resolves, interpolates and post-processes on every call.
 * Texts without values are looked up once; texts with plain values (strings and numbers, no plural count or other
 * option) are resolved once per key and set of names, then filled in.
 */
export function cachedTranslate(t: TFunction): Translate {
  const plain = new Map<string, string>();
  const templates = new Map<string, Template>();
  return (key, values) => {
    if (values) {
      const names = Object.keys(values);
      if (names.some((n) => OPTION_NAMES.has(n) || n.includes(MARK))) return t(key, values);
      if (names.some((n) => typeof values[n] !== 'string' && typeof values[n] !== 'number')) return t(key, values);
      const id = `${key}\n${names.join('\n')}`;
      let template = templates.get(id);
      if (!templates.has(id)) {
        template = compile(t, key, names);
        templates.set(id, template);
      }
      if (!template) return t(key, values);
      let text = '';
      template.parts.forEach((p, i) => {
        text += i % 2 === 0 ? p : String(values[p]);
      });
      return text;
    }
    let text = plain.get(key);
    if (text === undefined) {
      text = t(key);
      plain.set(key, text);
    }
    return text;
  };
}
