// Save images of the Demo host, in libvirt's test-driver layout ("TestGuestMagic\0", the XML length as a
// 32-bit little-endian integer, the domain XML), so either can read what the other wrote.
import { readFileSync, writeFileSync } from 'node:fs';
import * as api from '../api/index.js';
import { testError, virError } from './errors.js';

const MAGIC = Buffer.from('TestGuestMagic\0', 'latin1');

export function writeSaveImage(path: string, xml: string): void {
  const body = Buffer.from(xml, 'utf8');
  const len = Buffer.alloc(4);
  len.writeInt32LE(body.byteLength, 0);
  try {
    writeFileSync(path, Buffer.concat([MAGIC, len, body]), { mode: 0o600 });
  } catch (e) {
    throw virError(api.VIR_ERR_SYSTEM_ERROR, api.VIR_FROM_TEST, `saving domain to '${path}': open failed: ${(e as Error).message}`);
  }
}

export function readSaveImage(path: string): string {
  let data: Buffer;
  try {
    data = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'No such file or directory' : code === 'EACCES' ? 'Permission denied' : (e as Error).message;
    throw virError(api.VIR_ERR_SYSTEM_ERROR, api.VIR_FROM_TEST, `cannot read domain image '${path}': ${reason}`);
  }
  if (data.byteLength < MAGIC.byteLength + 4) throw virError(api.VIR_ERR_SYSTEM_ERROR, api.VIR_FROM_TEST, `incomplete save header in '${path}'`);
  if (!data.subarray(0, MAGIC.byteLength).equals(MAGIC)) throw testError(api.VIR_ERR_INTERNAL_ERROR, 'mismatched header magic');
  const len = data.readInt32LE(MAGIC.byteLength);
  if (len < 1 || len > 8192 * 16) throw testError(api.VIR_ERR_INTERNAL_ERROR, 'length of metadata out of range');
  return data.subarray(MAGIC.byteLength + 4, MAGIC.byteLength + 4 + len).toString('utf8');
}
