// The tree keeps text and attribute values exactly as written (entities unexpanded), so that a
// round trip reproduces the input; the models decode on read and encode on write.

const named: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Expands the five predefined entities and character references. Unknown entities stay as written. */
export function decodeXml(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x')) return safeCodePoint(parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10)) ?? whole;
    return named[body] ?? whole;
  });
}

function safeCodePoint(cp: number): string | undefined {
  return Number.isInteger(cp) && cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : undefined;
}

/** Escapes character data the way libvirt (and libxml2) writes it. */
export function encodeText(value: string): string {
  return value.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes an attribute value; safe inside either quote character. */
export function encodeAttribute(value: string): string {
  return value.replace(/[&<>"'\n\r\t]/g, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case "'": return '&apos;';
      case '\n': return '&#10;';
      case '\r': return '&#13;';
      default: return '&#9;';
    }
  });
}
