import { describe, expect, it } from 'vitest';
import { XmlDocument, formatXml, generateUuid, validateUuid } from '../../../drivers/xml/index.js';

describe('formatXml: libvirt-style output of any tree', () => {
  it('indents by two, single-quotes, writes empty elements short and text inline, ignoring the input whitespace', () => {
    const doc = XmlDocument.parse('<domain type="test"><name>a</name>\n\n   <devices>  <disk device="disk"><target dev="vda"/></disk><!-- x --></devices><on_crash>destroy</on_crash></domain>');
    expect(formatXml(doc.root)).toBe([
      "<domain type='test'>",
      '  <name>a</name>',
      '  <devices>',
      "    <disk device='disk'>",
      "      <target dev='vda'/>",
      '    </disk>',
      '    <!-- x -->',
      '  </devices>',
      '  <on_crash>destroy</on_crash>',
      '</domain>',
    ].join('\n'));
  });

  it("escapes a single quote inside an attribute that was written with double quotes", () => {
    expect(formatXml(XmlDocument.parse(`<a t="it's"/>`).root)).toBe("<a t='it&apos;s'/>");
  });
});

describe('generateUuid', () => {
  it('gives canonical, distinct UUIDs', () => {
    const a = generateUuid();
    expect(validateUuid(a)).toBeUndefined();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(generateUuid()).not.toBe(a);
  });
});
