import { describe, expect, it } from 'vitest';
import { buildPoolSourceSpec, parsePoolSources, parseStoragePool } from '../../../drivers/xml/index.js';

describe('pool sources: what findStoragePoolSources is asked and answers', () => {
  it('reads each <source> of the answer with the fields a pool source has', () => {
    // libvirt 9.0's answer for a volume group on a loop device, and for an NFS server's exports.
    expect(parsePoolSources(`<sources>
  <source>
    <device path='/dev/loop0'/>
    <device path='/dev/loop1'/>
    <name>hangarvg</name>
    <format type='lvm2'/>
  </source>
</sources>
`)).toEqual([{ devices: ['/dev/loop0', '/dev/loop1'], name: 'hangarvg', format: 'lvm2' }]);
    expect(parsePoolSources(`<sources><source><host name='nas'/><dir path='/export/a'/><format type='nfs'/></source>
<source><host name='nas' port='2049'/><dir path='/export/b'/><format type='nfs'/></source></sources>`)).toEqual([
      { hosts: [{ name: 'nas' }], dir: '/export/a', format: 'nfs' },
      { hosts: [{ name: 'nas', port: 2049 }], dir: '/export/b', format: 'nfs' },
    ]);
    expect(parsePoolSources('<sources/>')).toEqual([]);
    expect(() => parsePoolSources('<pool/>')).toThrow(/sources/);
  });

  it('a pool reads its own <source> the same way', () => {
    const pool = parseStoragePool(`<pool type='netfs'><name>n</name><source><host name='nas' port='2049'/><dir path='/x'/></source><target><path>/mnt</path></target></pool>`);
    expect(pool.source).toEqual({ hosts: [{ name: 'nas', port: 2049 }], dir: '/x' });
    expect(() => parseStoragePool(`<pool type='netfs'><name>n</name><source><host name='nas' port='nfs'/></source></pool>`).source).toThrow(/not an integer/);
  });

  it('builds the source spec naming the host to ask, escaped', () => {
    const spec = buildPoolSourceSpec({ hosts: [{ name: 'nas.example' }] });
    expect(spec).toMatch(/^<source>\s*<host name='nas.example'\/>\s*<\/source>\s*$/);
    expect(parsePoolSources(`<sources>${buildPoolSourceSpec({ hosts: [{ name: "a'b<c" }] })}</sources>`)).toEqual([{ hosts: [{ name: "a'b<c" }] }]);
    expect(buildPoolSourceSpec({ hosts: [{ name: "a'b<c" }] })).toContain("name='a&apos;b&lt;c'");
    expect(() => buildPoolSourceSpec({ hosts: [{ name: 'nas', port: 70000 }] })).toThrow(/port/);
  });
});
