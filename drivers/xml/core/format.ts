import type { XmlElement, XmlNode } from './nodes.js';

/**
 * Writes an element the way libvirt formats its XML: two-space indentation, single quotes, `<a/>` when empty,
 * an element holding text on one line, an empty element flagged expandEmpty as an open/close pair on two lines. Whitespace of the input between elements is ignored (libvirt reformats
 * what it stores), so trees from any source come out alike.
 */
export function formatXml(root: XmlElement): string {
  const out: string[] = [];
  writeIndented(root, '', out);
  return out.join('');
}

function attributes(el: XmlElement): string {
  let s = '';
  for (const a of el.attributes) s += ` ${a.name}='${a.raw.includes("'") ? a.raw.replaceAll("'", '&apos;') : a.raw}'`;
  return s;
}

function holdsText(el: XmlElement): boolean {
  for (const c of el.children) {
    if (c.kind === 'cdata' || (c.kind === 'text' && !c.isWhitespace)) return true;
  }
  return false;
}

function writeIndented(el: XmlElement, indent: string, out: string[]): void {
  const open = `${indent}<${el.name}${attributes(el)}`;
  if (holdsText(el)) {
    // Mixed or text content is written as it is: its whitespace is data.
    out.push(`${open}>`);
    for (const c of el.children) writeInline(c, out);
    out.push(`</${el.name}>`);
    return;
  }
  let first = true;
  const inner = `${indent}  `;
  for (const c of el.children) {
    if (c.kind === 'text') continue;
    out.push(first ? `${open}>\n` : '\n');
    first = false;
    if (c.kind === 'element') writeIndented(c, inner, out);
    else writeInline(c, out, inner);
  }
  // expandEmpty asks for libvirt's open/close pair of an empty container (<devices>, a network's <ip>).
  if (first) out.push(el.expandEmpty ? `${open}>\n${indent}</${el.name}>` : `${open}/>`);
  else out.push(`\n${indent}</${el.name}>`);
}

function writeInline(n: XmlNode, out: string[], indent = ''): void {
  switch (n.kind) {
    case 'text': out.push(n.raw); return;
    case 'comment': out.push(`${indent}<!--${n.raw}-->`); return;
    case 'cdata': out.push(`${indent}<![CDATA[${n.raw}]]>`); return;
    case 'pi': out.push(`${indent}<?${n.target}${n.data === '' ? '' : ` ${n.data}`}?>`); return;
    case 'element': {
      const open = `${indent}<${n.name}${attributes(n)}`;
      if (n.children.length === 0) {
        out.push(`${open}/>`);
        return;
      }
      out.push(`${open}>`);
      for (const c of n.children) writeInline(c, out);
      out.push(`</${n.name}>`);
    }
  }
}
