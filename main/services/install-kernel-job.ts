// A network install's first step: the tree's boot kernel and initrd fetched in main and uploaded into a pool of the
// host through libvirt's volume upload stream (so remote hosts work alike and no bytes reach the renderer).
import type { Connection, StoragePool } from '../../drivers/api/index.js';
import { buildStorageVolume } from '../../drivers/xml/build/build-storage.js';
import type { JobResult, ParsedInput } from '../api/contract/index.js';
import { fetchTreeFile, locateTree, type Fetch } from './install-tree/install-tree-fetch.js';
import type { JobControl, JobSpec } from './job-service.js';

const CHUNK = 256 * 1024;

/** `base`, or `base-2`, `base-3`… — the first name not in `taken`. */
function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

async function upload(pool: StoragePool, name: string, bytes: Uint8Array, signal: AbortSignal): Promise<string> {
  const volume = await pool.storageVolCreateXML(buildStorageVolume({ name, capacity: bytes.length, format: 'raw' }).toXml());
  const stream = await volume.upload(0, bytes.length);
  try {
    for (let at = 0; at < bytes.length; at += CHUNK) {
      if (signal.aborted) throw new Error('cancelled');
      await stream.send(bytes.subarray(at, at + CHUNK));
    }
    await stream.finish();
  } finally {
    stream.dispose();
  }
  return volume.getPath();
}

export async function installKernelJob(connection: Connection, connectionId: string, input: ParsedInput<'jobs.fetchInstallKernel'>, get: Fetch = fetch): Promise<JobSpec> {
  const pool = await connection.storagePoolLookupByUUID(input.pool);
  const abort = new AbortController();
  return {
    connectionId,
    kind: 'volume.fetchKernel',
    target: input.name,
    cancel: async () => abort.abort(),
    run: async (control: JobControl) => {
      const signal = AbortSignal.any([abort.signal, control.signal]);
      control.progress(null);
      const tree = await locateTree(input.url, input.arch, signal, get);
      // Progress: the kernel is the first third or so; the initrd's length is known only once asked for.
      const kernel = await fetchTreeFile(tree.kernelUrl, signal, (read, total) => control.progress(total ? 0.3 * (read / total) : null), get);
      const initrd = await fetchTreeFile(tree.initrdUrl, signal, (read, total) => control.progress(total ? 0.3 + 0.6 * (read / total) : null), get);
      const taken = new Set((await pool.listAllVolumes()).map((v) => v.name));
      const names = { kernel: freeName(`${input.name}-kernel`, taken), initrd: freeName(`${input.name}-initrd`, taken) };
      const made: string[] = [];
      try {
        made.push(names.kernel);
        const kernelPath = await upload(pool, names.kernel, kernel, signal);
        control.progress(0.95);
        made.push(names.initrd);
        const initrdPath = await upload(pool, names.initrd, initrd, signal);
        await pool.refresh().catch(() => undefined);
        const result: JobResult = {
          kind: 'installKernel', pool: pool.name,
          kernel: { name: names.kernel, path: kernelPath }, initrd: { name: names.initrd, path: initrdPath },
          kernelUrl: tree.kernelUrl, initrdUrl: tree.initrdUrl,
          ...(tree.info?.family ? { treeFamily: tree.info.family } : {}), ...(tree.info?.version ? { treeVersion: tree.info.version } : {}),
        };
        return result;
      } catch (e) {
        // Nothing half-made stays on the host: the caller has no names to remove.
        for (const name of made.reverse()) {
          await pool.storageVolLookupByName(name).then((v) => v.delete()).catch(() => undefined);
        }
        await pool.refresh().catch(() => undefined);
        throw e;
      }
    },
  };
}
