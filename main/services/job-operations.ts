import { open } from 'node:fs/promises';
import type { Connection } from '../../drivers/api/index.js';
import { jobInfoProgress, whilePolling } from './job-polling.js';
import type { JobSpec } from './job-service.js';

const CHUNK = 256 * 1024;

/** Managed save of a running VM; progress from libvirt's job info, cancel with virDomainAbortJob. */
export async function managedSaveJob(connection: Connection, connectionId: string, uuid: string): Promise<JobSpec> {
  const domain = await connection.domainLookupByUUID(uuid);
  return {
    connectionId,
    kind: 'domain.managedSave',
    target: domain.name,
    cancel: () => domain.abortJob(),
    run: async (control) => {
      await whilePolling(domain.managedSave(), 250, jobInfoProgress(domain, control));
    },
  };
}

/** Uploads a local file into a volume over a libvirt stream; progress by bytes sent, cancel aborts the stream. */
export async function uploadVolumeJob(connection: Connection, connectionId: string, poolUuid: string, volumeName: string, path: string): Promise<JobSpec> {
  const pool = await connection.storagePoolLookupByUUID(poolUuid);
  const volume = await pool.storageVolLookupByName(volumeName);
  const file = await open(path, 'r');
  const size = (await file.stat()).size;
  let stream: Awaited<ReturnType<typeof volume.upload>> | undefined;
  return {
    connectionId,
    kind: 'volume.upload',
    target: volume.name,
    cancel: async () => {
      await stream?.abort();
    },
    run: async (control) => {
      try {
        stream = await volume.upload(0, size);
        const buffer = Buffer.alloc(CHUNK);
        let sent = 0;
        while (sent < size) {
          if (control.signal.aborted) throw new Error('cancelled');
          const { bytesRead } = await file.read(buffer, 0, CHUNK, sent);
          if (bytesRead === 0) break;
          await stream.send(buffer.subarray(0, bytesRead));
          sent += bytesRead;
          control.progress(sent / size);
        }
        await stream.finish();
        await pool.refresh().catch(() => undefined);
      } finally {
        await file.close();
        stream?.dispose();
      }
    },
  };
}
