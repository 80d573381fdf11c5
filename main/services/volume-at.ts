import { VIR_ERR_NO_STORAGE_VOL, isVirError, type Connection, type StorageVolume } from '../../drivers/api/index.js';

/** The host's volume at a path, or undefined when no pool holds one there. */
export async function volumeAt(connection: Connection, path: string): Promise<StorageVolume | undefined> {
  try {
    return await connection.storageVolLookupByPath(path);
  } catch (e) {
    if (isVirError(e, VIR_ERR_NO_STORAGE_VOL)) return undefined;
    throw e;
  }
}
