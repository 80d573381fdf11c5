import type { Connection, StoragePool, StorageVolume } from '../../drivers/api/index.js';
import { buildStorageVolume } from '../../drivers/xml/build/build-storage.js';
import { parseStorageVolume } from '../../drivers/xml/storage/storage-volume.js';
import type { JobResult, ParsedInput } from '../api/contract/index.js';
import { whilePolling } from './job-polling.js';
import type { JobControl, JobSpec } from './job-service.js';

const POLL_MS = 200;

// libvirt has no way to stop virStorageVolCreateXML(From) once it runs: the host finishes the copy whatever we
// do. Rather than pretend (or delete the volume behind the user's back when it is done), these jobs say so.
const NOT_CANCELLABLE = 'libvirt cannot stop a volume being created or cloned once it has begun; delete the volume when the job is done if it is not wanted.';

async function volumeResult(pool: StoragePool, volume: StorageVolume): Promise<JobResult> {
  const [info, path] = await Promise.all([volume.getInfo(), volume.getPath()]);
  return { kind: 'volume', pool: pool.name, name: volume.name, key: volume.key, path, capacity: info.capacity, allocation: info.allocation };
}

/** A polling tick that reports the new volume's allocation as a share of `total`; below 1 until libvirt says it is done. */
function allocationProgress(pool: StoragePool, name: string, total: number, control: JobControl): () => Promise<void> {
  return async () => {
    if (total <= 0) return;
    const info = await (await pool.storageVolLookupByName(name)).getInfo();
    control.progress(Math.min(0.99, info.allocation / total));
  };
}

/**
 * Creates a volume (virStorageVolCreateXML) from a spec or the user's XML. Progress is the allocation written so
 * far when the volume is preallocated; a sparse volume is made at once, so its progress stays unknown.
 */
export async function createVolumeJob(connection: Connection, connectionId: string, input: ParsedInput<'jobs.createVolume'>): Promise<JobSpec> {
  const pool = await connection.storagePoolLookupByUUID(input.pool);
  const model = 'xml' in input.volume ? parseStorageVolume(input.volume.xml) : buildStorageVolume(input.volume);
  const xml = model.toXml();
  const name = model.name;
  const allocation = model.allocation ?? 0;
  return {
    connectionId,
    kind: 'volume.create',
    target: name,
    notCancellable: NOT_CANCELLABLE,
    run: async (control) => {
      control.progress(allocation > 0 ? 0 : null);
      const volume = await whilePolling(pool.storageVolCreateXML(xml), POLL_MS, allocationProgress(pool, name, allocation, control));
      return volumeResult(pool, volume);
    },
  };
}

/**
 * Clones a volume (virStorageVolCreateXMLFrom) into the same or another pool of the host, with the source's
 * capacity and format. Progress is the copy's allocation against the source's: libvirt fills the new file as it
 * copies and lists it (as "building") meanwhile.
 */
export async function cloneVolumeJob(connection: Connection, connectionId: string, input: ParsedInput<'jobs.cloneVolume'>): Promise<JobSpec> {
  const sourcePool = await connection.storagePoolLookupByUUID(input.pool);
  const source = await sourcePool.storageVolLookupByName(input.volume);
  const pool = input.targetPool ? await connection.storagePoolLookupByUUID(input.targetPool) : sourcePool;
  const [sourceInfo, sourceXml] = await Promise.all([source.getInfo(), source.getXMLDesc()]);
  const format = parseStorageVolume(sourceXml).format;
  const xml = buildStorageVolume({ name: input.name, capacity: sourceInfo.capacity, ...(format !== undefined ? { format } : {}) }).toXml();
  return {
    connectionId,
    kind: 'volume.clone',
    target: input.name,
    notCancellable: NOT_CANCELLABLE,
    run: async (control) => {
      control.progress(0);
      const volume = await whilePolling(pool.storageVolCreateXMLFrom(xml, source), POLL_MS, allocationProgress(pool, input.name, sourceInfo.allocation, control));
      return volumeResult(pool, volume);
    },
  };
}
