import { describe, expect, it } from 'vitest';
import { XmlSyntaxError, child, childText, cloneXml, parseXml, serializeXml, setChildText, sizeIn } from '../../../drivers/demo/xml-tree.js';

describe('Demo host XML tree', () => {
  it('keeps unknown elements, attributes, namespaces and comments through parse and serialize', () => {
    const text = `<domain type='kvm' xmlns:my='urn:x'>
  <name>a &amp; b</name>
  <!-- keep me -->
  <my:thing my:attr='1'>x &lt; y</my:thing>
  <devices>
    <disk type='file' device='disk'>
      <target dev='vda' bus='virtio'/>
    </disk>
  </devices>
</domain>`;
    const out = serializeXml(parseXml(text));
    expect(out).toBe(text);
    expect(serializeXml(parseXml(out))).toBe(out);
  });

  it('reports syntax errors with their line', () => {
    let caught: unknown;
    try {
      parseXml('<a>\n<b></a>');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(XmlSyntaxError);
    expect((caught as XmlSyntaxError).line).toBe(2);
  });

  it('reads and edits child text', () => {
    const el = parseXml('<domain><name>x</name></domain>');
    expect(childText(el, 'name')).toBe('x');
    setChildText(el, 'memory', '1024', { unit: 'KiB' });
    expect(serializeXml(el)).toContain("<memory unit='KiB'>1024</memory>");
    const copy = cloneXml(el);
    setChildText(copy, 'name', 'y');
    expect(childText(el, 'name')).toBe('x');
  });

  it('converts libvirt size units', () => {
    const el = parseXml("<v><a unit='GiB'>2</a><b unit='MB'>3</b><c>4096</c><d unit='KiB'>8</d></v>");
    expect(sizeIn(child(el, 'a'), 'bytes', 'bytes')).toBe(2 * 1024 ** 3);
    expect(sizeIn(child(el, 'b'), 'bytes', 'bytes')).toBe(3_000_000);
    expect(sizeIn(child(el, 'c'), 'KiB', 'KiB')).toBe(4096);
    expect(sizeIn(child(el, 'd'), 'bytes', 'bytes')).toBe(8192);
  });
});
