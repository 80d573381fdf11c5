import { XMLParser } from 'fast-xml-parser';
import { XmlCData, XmlComment, XmlElement, XmlProcessingInstruction, XmlText, type XmlNode } from './nodes.js';
import { positionOf, scanWellFormed, type SyntaxFacts } from './well-formed.js';
import { XmlError } from './xml-error.js';

// fast-xml-parser in its order-preserving mode, told to change nothing: no trimming, no number
// parsing, entities left as written (the tree decodes on demand), comments and CDATA kept.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
  ignoreDeclaration: false,
  ignorePiTags: false,
  // Only so that a processing instruction's free-form words come through; scanWellFormed
  // rejects valueless attributes on elements first.
  allowBooleanAttributes: true,
  removeNSPrefix: false,
  // No callbacks use the path; skip building its string per tag.
  jPath: false,
});

/** fast-xml-parser's order-preserving node: `{ tag: children, ':@'?: attributes }`. */
type OrderedNode = Record<string, unknown>;

/** A whole XML document: the nodes around the root (declaration, comments) and the root itself. */
export class XmlDocument {
  constructor(
    /** Top-level nodes in order; exactly one is `root`. */
    public nodes: XmlNode[],
    public root: XmlElement,
    /** The quote character the input used for attributes (libvirt writes '), reused for new ones. */
    public quote: "'" | '"' = "'",
  ) {}

  /**
   * Parses XML text. Malformed input throws XmlError (field 'xml', kind 'malformed'); with
   * `expectRoot`, another document element throws XmlError (field 'root', kind 'wrong-root').
   */
  static parse(text: string, expectRoot?: string): XmlDocument {
    if (typeof text !== 'string') throw new XmlError('xml', 'expected XML text', 'malformed');
    // Characters and entities XML forbids (the scan below checks the structure).
    // eslint-disable-next-line no-control-regex
    const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.exec(text);
    if (bad !== null) throw new XmlError('xml', `not well-formed XML: character U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} is not allowed in XML`, 'malformed', positionOf(text, bad.index));
    if (!text.includes('<!DOCTYPE')) {
      const entity = /&(?!(?:lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)[^;\s<]*;?/.exec(text);
      if (entity !== null) throw new XmlError('xml', `not well-formed XML: undefined entity '${entity[0]}'`, 'malformed', positionOf(text, entity.index));
    }
    // One pass checks well-formedness (fast-xml-parser's own parser does not) and learns what
    // the parser does not report: how empty elements and attribute quotes were written.
    const facts = scanWellFormed(text);
    // The prolog (declaration, comments, whitespace before the root) is read here, exactly as
    // written: fast-xml-parser keeps only some of its whitespace and none of a PI's free text.
    let ordered: OrderedNode[];
    try {
      ordered = parser.parse(text.slice(facts.rootStart)) as OrderedNode[];
    } catch (e) {
      throw new XmlError('xml', `not well-formed XML: ${e instanceof Error ? e.message : String(e)}`, 'malformed');
    }
    const nodes = [...readProlog(text.slice(0, facts.rootStart)), ...convertList(ordered, '')];
    // fast-xml-parser drops what follows the document element (libvirt ends with a newline).
    let end = text.length;
    while (end > 0 && ' \t\r\n'.includes(text[end - 1] ?? '')) end--;
    const tail = end < text.length ? text.slice(end) : undefined;
    const lastNode = nodes[nodes.length - 1];
    if (tail !== undefined && !(lastNode?.kind === 'text' && lastNode.raw.endsWith(tail))) nodes.push(new XmlText(tail));
    if (facts.anyExpanded || facts.mixedQuotes) applySyntaxFacts(nodes, facts);
    const roots = nodes.filter((n): n is XmlElement => n.kind === 'element');
    if (roots.length !== 1 || roots[0] === undefined) {
      throw new XmlError('xml', `expected exactly one document element, found ${roots.length}`, 'malformed');
    }
    const root = roots[0];
    if (expectRoot !== undefined && root.name !== expectRoot) {
      throw new XmlError('root', `expected <${expectRoot}>, found <${root.name}>`, 'wrong-root');
    }
    return new XmlDocument(nodes, root, detectQuote(text));
  }

  toXml(): string {
    const out: string[] = [];
    for (const n of this.nodes) writeNode(n, out, this.quote);
    return out.join('');
  }
}

/** The nodes before the root, verbatim. A DOCTYPE (libvirt never writes one) is kept as raw text. */
function readProlog(prolog: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const m of prolog.matchAll(/<\?([^\s?]+)\s*([\s\S]*?)\?>|<!--([\s\S]*?)-->|<![^>]*>|[^<]+/g)) {
    if (m[1] !== undefined) out.push(new XmlProcessingInstruction(m[1], m[2] ?? ''));
    else if (m[3] !== undefined) out.push(new XmlComment(m[3]));
    else out.push(new XmlText(m[0]));
  }
  return out;
}

/** The quote character of the first attribute in the text, default libvirt's. */
function detectQuote(text: string): "'" | '"' {
  const m = /<[A-Za-z_][^\s/>]*\s+[^\s=/>]+\s*=\s*(['"])/.exec(text);
  return m?.[1] === '"' ? '"' : "'";
}

function convertList(list: OrderedNode[], indent: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const item of list) {
    const node = convertNode(item, out, indent);
    if (node !== undefined) out.push(node);
  }
  return out;
}

function convertNode(item: OrderedNode, siblings: XmlNode[], parentIndent: string): XmlNode | undefined {
  const attrs = item[':@'] as Record<string, string | boolean> | undefined;
  for (const key of Object.keys(item)) {
    if (key === ':@') continue;
    const value = item[key];
    if (key === '#text') return new XmlText(String(value));
    const kids = Array.isArray(value) ? (value as OrderedNode[]) : [];
    if (key === '#comment') return new XmlComment(kids.map((k) => String(k['#text'] ?? '')).join(''));
    if (key === '#cdata') return new XmlCData(kids.map((k) => String(k['#text'] ?? '')).join(''));
    if (key.startsWith('?')) {
      const data = Object.entries(attrs ?? {})
        .map(([k, v]) => (v === true ? k : `${k}="${v}"`))
        .join(' ');
      return new XmlProcessingInstruction(key.slice(1), data);
    }
    const el = new XmlElement(
      key,
      Object.entries(attrs ?? {}).map(([name, raw]) => ({ name, raw: String(raw) })),
    );
    const prev = siblings[siblings.length - 1];
    el.indentHint = prev?.kind === 'text' && prev.isWhitespace && prev.raw.includes('\n')
      ? prev.raw.slice(prev.raw.lastIndexOf('\n') + 1)
      : parentIndent;
    el.children = convertList(kids, el.indentHint);
    return el;
  }
  return undefined;
}

/** Flags `<a></a>` elements and per-attribute quotes, matching start tags to elements in document order. */
function applySyntaxFacts(nodes: XmlNode[], facts: SyntaxFacts): void {
  let n = 0;
  const visit = (list: XmlNode[]): void => {
    for (const node of list) {
      if (node.kind !== 'element') continue;
      if (facts.anyExpanded && facts.expanded[n] === true && node.children.length === 0) node.expandEmpty = true;
      const q = facts.quotes[n];
      if (facts.mixedQuotes && q !== undefined && q.length === node.attributes.length) {
        for (const [k, a] of node.attributes.entries()) a.quote = q[k] === '"' ? '"' : "'";
      }
      n++;
      visit(node.children);
    }
  };
  visit(nodes);
}

function writeNode(n: XmlNode, out: string[], q: "'" | '"'): void {
  switch (n.kind) {
    case 'text':
      out.push(n.raw);
      return;
    case 'comment':
      out.push(`<!--${n.raw}-->`);
      return;
    case 'cdata':
      out.push(`<![CDATA[${n.raw}]]>`);
      return;
    case 'pi':
      out.push(n.data === '' ? `<?${n.target}?>` : `<?${n.target} ${n.data}?>`);
      return;
    case 'element':
      writeElement(n, out, q);
  }
}

function writeElement(el: XmlElement, out: string[], q: "'" | '"'): void {
  let open = `<${el.name}`;
  for (const a of el.attributes) {
    const aq = a.quote ?? q;
    // Raw values come from either quote style; escape ours if the value holds it.
    const raw = a.raw.includes(aq) ? a.raw.replaceAll(aq, aq === "'" ? '&apos;' : '&quot;') : a.raw;
    open += ` ${a.name}=${aq}${raw}${aq}`;
  }
  if (el.children.length === 0) {
    out.push(el.expandEmpty ? `${open}></${el.name}>` : `${open}/>`);
    return;
  }
  out.push(`${open}>`);
  for (const c of el.children) writeNode(c, out, q);
  out.push(`</${el.name}>`);
}

/** Parses a fragment holding one element (a device, say) into a detached element. */
export function parseElement(text: string, field = 'xml'): XmlElement {
  try {
    return XmlDocument.parse(text).root;
  } catch (e) {
    if (e instanceof XmlError) throw new XmlError(field, e.message.replace(/^xml: /, ''), e.kind);
    throw e;
  }
}
