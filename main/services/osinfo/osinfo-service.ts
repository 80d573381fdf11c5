// The OS database and media detection, for the API and the command line.
import { open } from 'node:fs/promises';
import type { Connection } from '../../../drivers/api/index.js';
import type { OsDetection, TreeDetection } from '../../api/contract/osinfo.js';
import { readTreeInfo } from '../install-tree/install-tree-fetch.js';
import { DESCRIPTORS_LENGTH, DESCRIPTORS_OFFSET, parseIsoDescriptors } from './iso-descriptor.js';
import { identify } from './media-match.js';
import { OsinfoDb } from './osinfo-db.js';
import { identifyTree } from './tree-match.js';

/** A .treeinfo is a few hundred bytes: a tree that takes longer than this is not worth waiting for in the wizard. */
const TREEINFO_TIMEOUT_MS = 10_000;

/** Reads the descriptor sectors of a volume through its download stream: 32 KiB, not the whole image. */
export async function readVolumeDescriptors(connection: Connection, poolUuid: string, volume: string): Promise<Uint8Array> {
  const vol = await (await connection.storagePoolLookupByUUID(poolUuid)).storageVolLookupByName(volume);
  const stream = await vol.download(DESCRIPTORS_OFFSET, DESCRIPTORS_LENGTH);
  const out = new Uint8Array(DESCRIPTORS_LENGTH);
  let filled = 0;
  try {
    for await (const chunk of stream) {
      const n = Math.min(chunk.length, out.length - filled);
      out.set(chunk.subarray(0, n), filled);
      filled += n;
      if (filled >= out.length) break;
    }
  } finally {
    if (stream.open) await stream.abort().catch(() => undefined);
    stream.dispose();
  }
  return out.subarray(0, filled);
}

/** Reads the descriptor sectors of a local file (an image shorter than that has none). */
export async function readFileDescriptors(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const out = new Uint8Array(DESCRIPTORS_LENGTH);
    const { bytesRead } = await fh.read(out, 0, DESCRIPTORS_LENGTH, DESCRIPTORS_OFFSET);
    return out.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

export class OsinfoService {
  /** Read on first use (some 800 files, about a second or two), then kept. */
  readonly db: OsinfoDb;

  constructor(db?: OsinfoDb) {
    this.db = db ?? new OsinfoDb();
  }

  detectBytes(descriptorBytes: Uint8Array): OsDetection {
    const descriptor = parseIsoDescriptors(descriptorBytes);
    if (!descriptor) return { descriptor: null, match: null, newer: null };
    return identify(this.db, descriptor);
  }

  async detectFile(path: string): Promise<OsDetection> {
    return this.detectBytes(await readFileDescriptors(path));
  }

  async detectTree(url: string, arch: string): Promise<TreeDetection> {
    const info = await readTreeInfo(url, arch, AbortSignal.timeout(TREEINFO_TIMEOUT_MS));
    if (!info) return { treeinfo: null, match: null };
    return {
      treeinfo: { ...(info.family ? { family: info.family } : {}), ...(info.version ? { version: info.version } : {}) },
      match: identifyTree(this.db, info, arch),
    };
  }

  async detectVolume(connection: Connection, poolUuid: string, volume: string): Promise<OsDetection> {
    return this.detectBytes(await readVolumeDescriptors(connection, poolUuid, volume));
  }
}
