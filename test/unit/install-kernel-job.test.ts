// The network install job on the demo driver: kernel and initrd uploaded as two volumes with free names, their
// bytes intact; a failure after the first volume was made leaves none behind.
import { describe, expect, it } from 'vitest';
import type { Connection, StoragePool } from '../../drivers/api/index.js';
import { openTestConnection } from '../../drivers/demo/index.js';
import type { Fetch } from '../../main/services/install-tree/install-tree-fetch.js';
import { installKernelJob } from '../../main/services/install-kernel-job.js';
import type { JobControl } from '../../main/services/job-service.js';

const KERNEL = new Uint8Array(300_000).map((_, i) => i % 251);
const INITRD = new Uint8Array(70_000).map((_, i) => (i * 7) % 253);
const serve: Fetch = async (url) => {
  const files: Record<string, BodyInit> = {
    '/os/.treeinfo': '[images-x86_64]\nkernel = images/pxeboot/vmlinuz\ninitrd = images/pxeboot/initrd.img\n[release]\nname = Fedora\nversion = 36\n',
    '/os/images/pxeboot/vmlinuz': KERNEL, '/os/images/pxeboot/initrd.img': INITRD,
  };
  const body = files[new URL(url).pathname];
  return body === undefined ? new Response('', { status: 404 }) : new Response(body);
};
const control = (): JobControl & { seen: (number | null)[] } => {
  const seen: (number | null)[] = [];
  return { seen, signal: new AbortController().signal, progress: (f) => { seen.push(f); } };
};

async function defaultPool(c: Connection): Promise<StoragePool> {
  const pools = await c.listAllStoragePools();
  return pools[0]!;
}

async function volumeBytes(pool: StoragePool, name: string): Promise<Uint8Array> {
  const v = await pool.storageVolLookupByName(name);
  const chunks: Uint8Array[] = [];
  for await (const c of await v.download(0, 0)) chunks.push(c);
  return Buffer.concat(chunks);
}

describe('the install kernel job', () => {
  it('uploads the kernel and initrd under free names, bytes intact, with the tree it read', async () => {
    const c = await openTestConnection('test:///default');
    const pool = await defaultPool(c);
    await pool.storageVolCreateXML('<volume><name>vm-kernel</name><capacity>1</capacity></volume>');
    const spec = await installKernelJob(c, 'conn', { connection: 'conn', pool: pool.uuid, url: 'http://m.example/os', arch: 'x86_64', name: 'vm' }, serve);
    const ctl = control();
    const result = await spec.run(ctl);
    expect(result).toMatchObject({
      kind: 'installKernel', pool: pool.name, kernel: { name: 'vm-kernel-2' }, initrd: { name: 'vm-initrd' },
      kernelUrl: 'http://m.example/os/images/pxeboot/vmlinuz', treeFamily: 'Fedora', treeVersion: '36',
    });
    expect(await volumeBytes(pool, 'vm-kernel-2')).toEqual(Buffer.from(KERNEL));
    expect(await volumeBytes(pool, 'vm-initrd')).toEqual(Buffer.from(INITRD));
    expect(ctl.seen.some((f) => f !== null && f > 0 && f < 1)).toBe(true);
    expect(spec.cancel).toBeDefined();
  });

  it('removes the kernel volume it made when the initrd cannot be stored', async () => {
    const c = await openTestConnection('test:///default');
    const pool = await defaultPool(c);
    let made = 0;
    /** `t` with one method replaced; the others still called on `t` itself. */
    const replacing = <T extends object>(t: T, name: string, f: unknown): T => new Proxy(t, {
      get: (target, k) => (k === name ? f : ((v: unknown) => (typeof v === 'function' ? v.bind(target) : v))(Reflect.get(target, k))),
    });
    // The host refuses the second volume (e.g. the pool is full).
    const failing = replacing(pool, 'storageVolCreateXML', async (xml: string) => {
      if (++made === 2) throw new Error('no space left in the pool');
      return pool.storageVolCreateXML(xml);
    });
    const conn = replacing(c, 'storagePoolLookupByUUID', async () => failing);
    const before = (await pool.listAllVolumes()).map((v) => v.name).sort();
    const spec = await installKernelJob(conn, 'conn', { connection: 'conn', pool: pool.uuid, url: 'http://m.example/os/', arch: 'x86_64', name: 'vm' }, serve);
    await expect(spec.run(control())).rejects.toThrow('no space left in the pool');
    expect((await pool.listAllVolumes()).map((v) => v.name).sort()).toEqual(before);
  });
});
