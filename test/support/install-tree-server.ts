// An install tree served over HTTP on 127.0.0.1 for network-install tests: the tiny lab guest's kernel and
// initramfs under /tree/ with a .treeinfo naming them; every request logged; close() stops it.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureTinyKernel } from '../lab/image.js';

export interface TreeServer {
  /** http://127.0.0.1:PORT (no trailing slash); the tree is at `${url}/tree/`. */
  readonly url: string;
  /** "METHOD /path" of every request, in order. */
  readonly log: string[];
  close(): Promise<void>;
}

export async function serveTinyTree(): Promise<TreeServer> {
  const tiny = await ensureTinyKernel();
  const treeinfo = '[general]\nfamily = Hangar Tiny\nversion = 1\narch = x86_64\n\n[images-x86_64]\nkernel = images/pxeboot/vmlinuz\ninitrd = images/pxeboot/initrd.img\n';
  const files: Record<string, Buffer> = {
    '/tree/.treeinfo': Buffer.from(treeinfo),
    '/tree/images/pxeboot/vmlinuz': readFileSync(tiny.kernel),
    '/tree/images/pxeboot/initrd.img': readFileSync(tiny.initrd),
  };
  const log: string[] = [];
  const server = createServer((req, res) => {
    log.push(`${req.method} ${req.url}`);
    const body = files[req.url ?? ''];
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
