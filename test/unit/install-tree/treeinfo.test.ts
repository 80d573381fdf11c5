import { describe, expect, it } from 'vitest';
import { InstallTreeError, locateTree, treeRoot, type Fetch } from '../../../main/services/install-tree/install-tree-fetch.js';
import { parseTreeInfo } from '../../../main/services/install-tree/treeinfo.js';
import { treeLayouts } from '../../../main/services/install-tree/tree-layouts.js';

// A productmd 1.x .treeinfo as Fedora's composes write it (abridged).
const FEDORA = `[header]
type = productmd.treeinfo
version = 1.2

[release]
name = Fedora
short = Fedora
version = 36

[tree]
arch = x86_64
platforms = x86_64,xen

[images-x86_64]
boot.iso = images/boot.iso
initrd = images/pxeboot/initrd.img
kernel = images/pxeboot/vmlinuz

[images-xen]
initrd = images/pxeboot/initrd.img
kernel = images/pxeboot/vmlinuz
`;

// The older format (CentOS 7): [general] family/version, `key: value` accepted too.
const CENTOS7 = `[general]
family = CentOS
version: 7
arch = x86_64
; a comment
[images-x86_64]
kernel = ./images/pxeboot/vmlinuz
initrd = images/pxeboot/initrd.img
`;

describe('.treeinfo', () => {
  it('reads the kernel, initrd and release of the arch asked for (productmd)', () => {
    expect(parseTreeInfo(FEDORA, 'x86_64')).toEqual({ family: 'Fedora', version: '36', arch: 'x86_64', kernel: 'images/pxeboot/vmlinuz', initrd: 'images/pxeboot/initrd.img' });
  });
  it('reads the older [general] format, with "key: value" lines and comments', () => {
    expect(parseTreeInfo(CENTOS7, 'x86_64')).toEqual({ family: 'CentOS', version: '7', arch: 'x86_64', kernel: 'images/pxeboot/vmlinuz', initrd: 'images/pxeboot/initrd.img' });
  });
  it('has no kernel for an arch the tree lacks', () => {
    const info = parseTreeInfo(FEDORA, 'aarch64');
    expect(info.kernel).toBeUndefined();
    expect(info.family).toBe('Fedora');
  });
  it('refuses paths that leave the tree or name another URL', () => {
    for (const bad of ['../../etc/passwd', 'images/../../x', 'http://evil.example/vmlinuz', 'file:///etc/shadow']) {
      expect(parseTreeInfo(`[images-x86_64]\nkernel = ${bad}\ninitrd = initrd.img\n`, 'x86_64').kernel).toBeUndefined();
    }
  });
  it('reads an empty or garbled file as nothing', () => {
    expect(parseTreeInfo('', 'x86_64')).toEqual({});
    expect(parseTreeInfo('kernel = orphan\n[unterminated\n', 'x86_64')).toEqual({});
  });
});

describe('well-known layouts', () => {
  it('names Debian netboot, Red Hat pxeboot, SUSE and isolinux paths with the arch spelled as each distribution does', () => {
    const kernels = treeLayouts('x86_64').map((l) => l.kernel);
    expect(kernels).toContain('images/pxeboot/vmlinuz');
    expect(kernels).toContain('main/installer-amd64/current/images/netboot/debian-installer/amd64/linux');
    expect(kernels).toContain('install.amd/vmlinuz');
    expect(kernels).toContain('boot/x86_64/loader/linux');
    expect(kernels).toContain('isolinux/vmlinuz');
    expect(treeLayouts('aarch64').map((l) => l.kernel)).toContain('current/images/netboot/debian-installer/arm64/linux');
  });
});

/** A fake server: path → body; anything else 404. */
const serve = (files: Record<string, string>, seen: string[] = []): Fetch => async (url) => {
  seen.push(url);
  const path = new URL(url).pathname;
  return path in files ? new Response(files[path]) : new Response('no', { status: 404, statusText: 'Not Found' });
};

describe('locating the tree', () => {
  const signal = new AbortController().signal;
  it('takes .treeinfo first, resolving its paths under the tree root (with or without a trailing slash)', async () => {
    const t = await locateTree('http://mirror.example/f36/os', 'x86_64', signal, serve({ '/f36/os/.treeinfo': FEDORA }));
    expect(t.kernelUrl).toBe('http://mirror.example/f36/os/images/pxeboot/vmlinuz');
    expect(t.initrdUrl).toBe('http://mirror.example/f36/os/images/pxeboot/initrd.img');
    expect(t.info?.family).toBe('Fedora');
  });
  it('falls back to the layouts when there is no .treeinfo', async () => {
    const t = await locateTree('http://deb.example/debian/dists/bookworm/', 'x86_64', signal,
      serve({ '/debian/dists/bookworm/main/installer-amd64/current/images/netboot/debian-installer/amd64/linux': 'k' }));
    expect(t.kernelUrl).toMatch(/installer-amd64\/current\/images\/netboot\/debian-installer\/amd64\/linux$/);
    expect(t.initrdUrl).toMatch(/debian-installer\/amd64\/initrd\.gz$/);
    expect(t.info).toBeUndefined();
  });
  it('says what it tried when nothing is there', async () => {
    const seen: string[] = [];
    const e = await locateTree('http://x.example/tree/', 'x86_64', signal, serve({}, seen)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InstallTreeError);
    const m = (e as Error).message;
    expect(m).toContain('http://x.example/tree/');
    expect(m).toContain('Tried: .treeinfo (404 Not Found); images/pxeboot/vmlinuz (404 Not Found);');
    expect(seen.length).toBe(1 + treeLayouts('x86_64').length);
  });
  it('stops at the first request when nothing answers', async () => {
    const refused: Fetch = async () => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    };
    await expect(locateTree('http://127.0.0.1:9/', 'x86_64', signal, refused)).rejects.toThrow(/reach the install tree at http:\/\/127\.0\.0\.1:9\/.*ECONNREFUSED/);
  });
  it('fetches http and https only, and says so', () => {
    expect(() => treeRoot('ftp://mirror.example/tree/')).toThrow(/only http and https.*not ftp/);
    expect(treeRoot('https://m.example/a?x=1').href).toBe('https://m.example/a/');
  });
});
