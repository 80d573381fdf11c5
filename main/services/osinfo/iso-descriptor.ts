import type { IsoDescriptor } from '../../api/contract/osinfo.js';

/** ISO 9660 logical sectors are 2048 bytes; the volume descriptor set starts at sector 16. */
export const ISO_SECTOR = 2048;
export const DESCRIPTORS_OFFSET = 16 * ISO_SECTOR;
/** How many bytes from the descriptor set's start are read: room for a few descriptors before the primary one. */
export const DESCRIPTORS_LENGTH = 16 * ISO_SECTOR;

function field(sector: Uint8Array, start: number, length: number): string {
  // Fields are padded with spaces (some writers pad with NULs): both are cut from the end.
  let end = start + length;
  while (end > start && (sector[end - 1] === 0x20 || sector[end - 1] === 0 || sector[end - 1] === 0x09)) end--;
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(sector[i]!);
  return text;
}

function le32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
}

/**
 * The primary volume descriptor among the descriptors in `bytes` (which start at sector 16, see
 * DESCRIPTORS_OFFSET), or null when there is none: not an ISO 9660 image.
 */
export function parseIsoDescriptors(bytes: Uint8Array): IsoDescriptor | null {
  for (let at = 0; at + ISO_SECTOR <= bytes.length; at += ISO_SECTOR) {
    const sector = bytes.subarray(at, at + ISO_SECTOR);
    if (field(sector, 1, 5) !== 'CD001') return null;
    const type = sector[0];
    if (type === 255) return null; // the set's terminator
    if (type !== 1) continue; // boot record, supplementary (Joliet) descriptor…
    const blocks = le32(sector, 80);
    const blockSize = sector[128]! | (sector[129]! << 8);
    return {
      systemId: field(sector, 8, 32),
      volumeId: field(sector, 40, 32),
      volumeSize: blocks * blockSize,
      publisherId: field(sector, 318, 128),
      preparerId: field(sector, 446, 128),
      applicationId: field(sector, 574, 128),
    };
  }
  return null;
}
