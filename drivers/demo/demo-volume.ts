// A storage volume handle of the Demo host: info, XML, delete, and what libvirt's test driver lacks but the app
// needs to be tried out (wipe, resize with capacity accounting, upload and download streams).
import * as api from '../api/index.js';
import type { DemoContext } from './demo-context.js';
import { checkFlags, testError, virError } from './errors.js';
import { MemoryStream } from './memory-stream.js';
import type { PoolObject, VolumeObject } from './pool-object.js';
import { formatXml } from '../xml/index.js';

/** Uploads are kept in memory; the Demo host refuses to hold more than this per volume. */
const MAX_DATA = 64 * 1024 * 1024;
const CHUNK = 64 * 1024;

export class DemoVolume implements api.StorageVolume {
  constructor(
    private readonly ctx: DemoContext,
    readonly pool: string,
    readonly name: string,
    readonly key: string,
  ) {}

  private lookup(fn: string): { p: PoolObject; v: VolumeObject } {
    this.ctx.check(fn);
    const p = this.ctx.host.poolByName(this.pool);
    if (!p) throw testError(api.VIR_ERR_NO_STORAGE_POOL, `no storage pool with matching name '${this.pool}'`);
    if (!p.active) throw testError(api.VIR_ERR_OPERATION_INVALID, `storage pool '${p.name}' is not active`);
    const v = p.volumes.get(this.name);
    if (!v) throw testError(api.VIR_ERR_NO_STORAGE_VOL, `no storage vol with matching name '${this.name}'`);
    return { p, v };
  }

  async getInfo(): Promise<api.StorageVolumeInfo> {
    const { p, v } = this.lookup('virStorageVolGetInfo');
    return { type: p.volumeType, capacity: v.capacity, allocation: v.allocation };
  }
  async getXMLDesc(flags = 0): Promise<string> {
    const { v } = this.lookup('virStorageVolGetXMLDesc');
    checkFlags(flags, 0, 'testStorageVolGetXMLDesc');
    return `${formatXml(v.def)}\n`;
  }
  async getPath(): Promise<string> {
    return this.lookup('virStorageVolGetPath').v.path;
  }
  async delete(flags = 0): Promise<void> {
    checkFlags(flags, api.VIR_STORAGE_VOL_DELETE_ZEROED | api.VIR_STORAGE_VOL_DELETE_WITH_SNAPSHOTS, 'testStorageVolDelete');
    const { p, v } = this.lookup('virStorageVolDelete');
    p.volumes.delete(v.name);
    this.ctx.host.changed();
  }
  async wipe(flags = 0): Promise<void> {
    checkFlags(flags, 0, 'testStorageVolWipe');
    const { v } = this.lookup('virStorageVolWipe');
    v.data = new Uint8Array(0);
  }
  async resize(capacity: number, flags = 0): Promise<void> {
    checkFlags(flags, api.VIR_STORAGE_VOL_RESIZE_ALLOCATE | api.VIR_STORAGE_VOL_RESIZE_DELTA | api.VIR_STORAGE_VOL_RESIZE_SHRINK, 'testStorageVolResize');
    const { p, v } = this.lookup('virStorageVolResize');
    const wanted = flags & api.VIR_STORAGE_VOL_RESIZE_DELTA ? v.capacity + capacity : capacity;
    // libvirtd never shrinks a volume below what it already allocates, shrink flag or not (checked first).
    if (wanted < v.allocation) throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_STORAGE, "can't shrink capacity below existing allocation");
    if (wanted < v.capacity && !(flags & api.VIR_STORAGE_VOL_RESIZE_SHRINK)) {
      throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_STORAGE, "Can't shrink capacity below current capacity unless shrink flag explicitly specified");
    }
    // ALLOCATE preallocates the new size.
    const newAllocation = flags & api.VIR_STORAGE_VOL_RESIZE_ALLOCATE ? wanted : v.allocation;
    if (newAllocation - v.allocation > p.available) {
      throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_STORAGE, 'Not enough space left in storage pool');
    }
    v.capacity = wanted;
    v.allocation = newAllocation;
    if (v.data.byteLength > wanted) v.data = v.data.slice(0, wanted);
    this.ctx.host.changed();
  }

  async upload(offset: number, length: number, flags = 0): Promise<api.Stream> {
    checkFlags(flags, api.VIR_STORAGE_VOL_UPLOAD_SPARSE_STREAM, 'testStorageVolUpload');
    const { v } = this.lookup('virStorageVolUpload');
    const limit = length > 0 ? offset + length : v.capacity;
    if (offset > v.capacity) throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_STORAGE, 'offset beyond the end of the volume');
    const chunks: Uint8Array[] = [];
    let pos = offset;
    const stream = new MemoryStream({
      write: (chunk) => {
        if (pos + chunk.byteLength > limit || pos + chunk.byteLength > MAX_DATA) {
          throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_STREAMS, 'data beyond the requested length');
        }
        chunks.push(chunk.slice());
        pos += chunk.byteLength;
      },
      finish: () => {
        const end = Math.max(v.data.byteLength, pos);
        const data = new Uint8Array(end);
        data.set(v.data);
        let at = offset;
        for (const c of chunks) {
          data.set(c, at);
          at += c.byteLength;
        }
        v.data = data;
        if (v.allocation < end) v.allocation = Math.min(v.capacity, end);
        this.ctx.host.changed();
      },
      abort: () => void chunks.splice(0),
    });
    return this.ctx.adopt(stream);
  }

  async download(offset: number, length: number, flags = 0): Promise<api.Stream> {
    checkFlags(flags, api.VIR_STORAGE_VOL_DOWNLOAD_SPARSE_STREAM, 'testStorageVolDownload');
    const { v } = this.lookup('virStorageVolDownload');
    const end = Math.min(v.capacity, length > 0 ? offset + length : v.capacity);
    const data = v.data;
    let aborted = false;
    const stream = new MemoryStream({
      write: () => {
        throw virError(api.VIR_ERR_INVALID_ARG, api.VIR_FROM_STREAMS, 'cannot send data into a download stream');
      },
      finish: () => undefined,
      abort: () => {
        aborted = true;
      },
    });
    // Produce chunks at the consumer's pace: push() resolves when the queue has room.
    void (async () => {
      for (let pos = offset; pos < end && !aborted; pos += CHUNK) {
        const n = Math.min(CHUNK, end - pos);
        const chunk = new Uint8Array(n);
        if (pos < data.byteLength) chunk.set(data.subarray(pos, Math.min(data.byteLength, pos + n)));
        await stream.push(chunk);
      }
      stream.end(null);
    })();
    return this.ctx.adopt(stream);
  }
}
