import { XmlError } from './xml-error.js';

/** What a well-formedness scan learns that fast-xml-parser does not report. */
export interface SyntaxFacts {
  /** Offset of the document element's `<` (what precedes it is the prolog). */
  readonly rootStart: number;
  /** Per start tag, in document order: written `<a></a>` rather than `<a/>`. */
  readonly expanded: readonly boolean[];
  /** Per start tag, in document order: the quote character of each attribute. */
  readonly quotes: readonly string[];
  readonly anyExpanded: boolean;
  /** Both quote characters occur (libvirt writes ', but embeds metadata libxml2 wrote with "). */
  readonly mixedQuotes: boolean;
}

// XML names, approximated as XML 1.0 5th edition does for the BMP.
const nameAt = /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDBFF][\w.\-:\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]*/y;

export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/**
 * One pass over the text that checks it is well-formed XML (tags nest and match, attributes are
 * `name="value"` without duplicates or `<`, one document element, nothing but markup outside it,
 * comments/CDATA/PIs terminated) and records the facts above. Characters and entities are checked
 * by the caller. Throws XmlError { field: 'xml', kind: 'malformed' } with the position.
 */
export function scanWellFormed(text: string): SyntaxFacts {
  const fail = (message: string, at: number): never => {
    throw new XmlError('xml', `not well-formed XML: ${message}`, 'malformed', positionOf(text, at));
  };
  const n = text.length;
  const stack: string[] = [];
  const expanded: boolean[] = [];
  const quotes: string[] = [];
  let rootStart = -1;
  let rootClosed = false;
  let anyExpanded = false;
  let sawSingle = false;
  let sawDouble = false;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (stack.length === 0 && textEnd > i) {
      for (let k = i; k < textEnd; k++) {
        const c = text.charCodeAt(k);
        if (!isSpace(c) && !(k === 0 && c === 0xfeff)) fail(rootStart < 0 ? 'text before the document element' : 'text after the document element', k);
      }
    }
    if (lt < 0) break;
    const next = text.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) {
        const end = text.indexOf('-->', lt + 4);
        if (end < 0) fail('unterminated comment', lt);
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', lt)) {
        if (stack.length === 0) fail('CDATA outside the document element', lt);
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) fail('unterminated CDATA section', lt);
        i = end + 3;
      } else if (text.startsWith('<!DOCTYPE', lt) && rootStart < 0) {
        // Skip to the '>' that ends it, past an internal subset in brackets.
        const open = text.indexOf('[', lt);
        const gt = text.indexOf('>', lt);
        if (gt < 0) fail('unterminated DOCTYPE', lt);
        const end = open >= 0 && open < gt ? text.indexOf(']', open) : gt;
        const close = end < 0 ? -1 : text.indexOf('>', end);
        if (close < 0) fail('unterminated DOCTYPE', lt);
        i = close + 1;
      } else {
        return fail('unexpected "<!"', lt);
      }
    } else if (next === 0x3f /* ? */) {
      const end = text.indexOf('?>', lt + 2);
      if (end < 0) fail('unterminated processing instruction', lt);
      nameAt.lastIndex = lt + 2;
      const target = nameAt.exec(text)?.[0];
      if (target === undefined) fail('processing instruction without a target', lt);
      if (target?.toLowerCase() === 'xml' && text.slice(0, lt).replace(/^\uFEFF/, '') !== '') fail('the XML declaration must come first', lt);
      i = end + 2;
    } else if (next === 0x2f /* / */) {
      nameAt.lastIndex = lt + 2;
      const name = nameAt.exec(text)?.[0];
      if (name === undefined) return fail('closing tag without a name', lt);
      let k = lt + 2 + name.length;
      while (k < n && isSpace(text.charCodeAt(k))) k++;
      if (text.charCodeAt(k) !== 0x3e) fail(`closing tag '${name}' is not terminated`, lt);
      const open = stack.pop();
      if (open === undefined) fail(`closing tag '${name}' without an opening tag`, lt);
      if (open !== name) fail(`expected closing tag '${open}', found '${name}'`, lt);
      if (stack.length === 0) rootClosed = true;
      i = k + 1;
    } else {
      nameAt.lastIndex = lt + 1;
      const name = nameAt.exec(text)?.[0];
      if (name === undefined) return fail('invalid tag name', lt);
      if (rootClosed) fail('more than one document element', lt);
      if (rootStart < 0) rootStart = lt;
      let k = lt + 1 + name.length;
      let q = '';
      let names: string[] | undefined;
      let selfClosing = false;
      for (;;) {
        const wsStart = k;
        while (k < n && isSpace(text.charCodeAt(k))) k++;
        const c = text.charCodeAt(k);
        if (c === 0x3e /* > */) break;
        if (c === 0x2f /* / */) {
          if (text.charCodeAt(k + 1) !== 0x3e) fail(`tag '${name}' is not terminated`, k);
          selfClosing = true;
          k++;
          break;
        }
        if (k >= n) fail(`tag '${name}' is not terminated`, lt);
        if (k === wsStart) fail(`attributes of '${name}' must be separated by whitespace`, k);
        nameAt.lastIndex = k;
        const attr = nameAt.exec(text)?.[0];
        if (attr === undefined) return fail(`invalid attribute in '${name}'`, k);
        k += attr.length;
        while (k < n && isSpace(text.charCodeAt(k))) k++;
        if (text.charCodeAt(k) !== 0x3d /* = */) fail(`attribute '${attr}' has no value`, k);
        k++;
        while (k < n && isSpace(text.charCodeAt(k))) k++;
        const quote = text[k];
        if (quote !== '"' && quote !== "'") return fail(`value of attribute '${attr}' is not quoted`, k);
        const close = text.indexOf(quote, k + 1);
        if (close < 0) fail(`value of attribute '${attr}' is not terminated`, k);
        const lt2 = text.indexOf('<', k + 1);
        if (lt2 >= 0 && lt2 < close) fail(`'<' in the value of attribute '${attr}'`, lt2);
        if (quote === '"') sawDouble = true;
        else sawSingle = true;
        q += quote;
        (names ??= []).push(attr);
        k = close + 1;
      }
      if (names !== undefined && names.length > 1 && new Set(names).size !== names.length) fail(`an attribute of '${name}' is repeated`, lt);
      quotes.push(q);
      const isExpanded = !selfClosing && text.charCodeAt(k + 1) === 0x3c && text.charCodeAt(k + 2) === 0x2f;
      expanded.push(isExpanded);
      if (isExpanded) anyExpanded = true;
      if (selfClosing) {
        if (stack.length === 0) rootClosed = true;
      } else {
        stack.push(name);
      }
      i = k + 1;
    }
  }
  if (stack.length > 0) fail(`unclosed tag '${stack[stack.length - 1] ?? ''}'`, n);
  if (rootStart < 0) fail('no document element', 0);
  return { rootStart, expanded, quotes, anyExpanded, mixedQuotes: sawSingle && sawDouble };
}
