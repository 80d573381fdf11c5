import { describe, expect, it } from 'vitest';
import { XmlDocument, XmlElement, XmlError, parseElement } from '../../../drivers/xml/index.js';
import { allFixtures } from './fixtures.js';

describe('XmlDocument', () => {
  it('serializes every captured libvirt and virt-install document byte for byte', () => {
    const all = allFixtures();
    expect(all.length).toBeGreaterThanOrEqual(10);
    for (const f of all) expect(XmlDocument.parse(f.xml).toXml(), f.name).toBe(f.xml);
  });

  it('keeps declaration, comments, CDATA, processing instructions, entities, namespaces and quotes as written', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!-- WARNING: THIS IS AN AUTO-GENERATED FILE. -->
<domain type='kvm' xmlns:qemu="http://libvirt.org/schemas/domain/qemu/1.0">
  <name>a &amp; b &#x41;&#65;</name>
  <description><![CDATA[ raw <b>text</b> ]]></description>
  <?hangar keep this?>
  <empty></empty>
  <x a="it's" b='say "hi"' c='&apos;'/>
  <qemu:commandline>
    <qemu:arg value='-no-reboot'/>
  </qemu:commandline>
</domain>
`;
    const doc = XmlDocument.parse(xml);
    expect(doc.toXml()).toBe(xml);
    expect(doc.root.child('name')?.text).toBe('a & b AA');
    expect(doc.root.child('description')?.text).toBe(' raw <b>text</b> ');
    expect(doc.root.child('x')?.attr('b')).toBe('say "hi"');
    expect(doc.root.child('x')?.attr('c')).toBe("'");
  });

  it('changes only the touched node when editing', () => {
    const xml = "<domain type='kvm'>\n  <name>vm</name>\n  <vcpu placement='static'>2</vcpu>\n  <x-unknown a='&#39;1&#39;'/>\n</domain>\n";
    const doc = XmlDocument.parse(xml);
    doc.root.child('vcpu')?.setAttr('placement', 'auto');
    // An attribute set to its current value keeps its original spelling.
    doc.root.child('x-unknown')?.setAttr('a', "'1'");
    expect(doc.toXml()).toBe(xml.replace("'static'", "'auto'"));
  });

  it('indents inserted elements like their siblings and removes them with their indentation', () => {
    const xml = "<domain>\n  <devices>\n    <disk type='file'/>\n  </devices>\n</domain>\n";
    const doc = XmlDocument.parse(xml);
    const devices = doc.root.child('devices');
    if (devices === undefined) throw new Error('no devices');
    const nic = XmlElement.create('interface', { type: 'network' });
    nic.insertChild(XmlElement.create('source', { network: 'default' }));
    devices.insertChild(nic);
    expect(doc.toXml()).toBe("<domain>\n  <devices>\n    <disk type='file'/>\n    <interface type='network'>\n      <source network='default'/>\n    </interface>\n  </devices>\n</domain>\n");
    devices.removeChild(nic);
    expect(doc.toXml()).toBe(xml);
    const disk = devices.child('disk');
    if (disk !== undefined) devices.removeChild(disk);
    expect(doc.toXml()).toBe('<domain>\n  <devices/>\n</domain>\n');
    devices.insertChild(XmlElement.create('disk', { type: 'block' }));
    expect(doc.toXml()).toBe("<domain>\n  <devices>\n    <disk type='block'/>\n  </devices>\n</domain>\n");
  });

  it('keeps compact documents compact and inserts by schema order', () => {
    const doc = XmlDocument.parse('<os><type>hvm</type><kernel>/k</kernel></os>');
    doc.root.insertChild(XmlElement.create('boot', { dev: 'hd' }), ['type', 'boot', 'kernel']);
    expect(doc.toXml()).toBe("<os><type>hvm</type><boot dev='hd'/><kernel>/k</kernel></os>");
  });

  it('writes new attributes in the quote style of the document, escaping what needs it', () => {
    const doc = XmlDocument.parse('<a x="1"/>');
    doc.root.setAttr('y', `it's <"quoted"> & more`);
    expect(doc.toXml()).toBe('<a x="1" y="it&apos;s &lt;&quot;quoted&quot;&gt; &amp; more"/>');
    expect(XmlDocument.parse(doc.toXml()).root.attr('y')).toBe(`it's <"quoted"> & more`);
  });

  it('parses fragments, naming the field on error', () => {
    expect(parseElement("<disk type='file'/>").attr('type')).toBe('file');
    expect(() => parseElement('<disk', 'devices.disk')).toThrow(XmlError);
    try {
      parseElement('<disk', 'devices.disk');
    } catch (e) {
      expect(e).toBeInstanceOf(XmlError);
      expect((e as XmlError).field).toBe('devices.disk');
    }
  });
});
