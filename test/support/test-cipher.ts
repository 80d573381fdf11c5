import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretCipher } from '../../main/services/secret-store.js';

/** A real cipher (AES-256-GCM, key in memory) standing in for Electron's safeStorage in tests. */
export function testCipher(options: { available?: () => boolean } = {}): SecretCipher & { encrypted: number } {
  const key = randomBytes(32);
  const cipher = {
    encrypted: 0,
    available: async () => options.available?.() ?? true,
    encrypt: async (plainText: string) => {
      cipher.encrypted++;
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plainText, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt: async (data: Buffer) => {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
    },
  };
  return cipher;
}
