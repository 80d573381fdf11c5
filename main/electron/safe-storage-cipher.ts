import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/secret-store.js';

/**
 * Electron's safeStorage as the secret store's cipher: the OS keychain (macOS), DPAPI (Windows), or the desktop's
 * secret service (Linux). The asynchronous calls are the ones Electron recommends (the synchronous
 * encryptString/decryptString/isEncryptionAvailable are deprecated and go away in Electron 46).
 */
export const safeStorageCipher: SecretCipher = {
  available: async () => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
    // Without a keyring, Chromium on Linux "encrypts" with a fixed, published key: that is plain text.
    if (process.platform === 'linux') {
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') return false;
    }
    return true;
  },
  encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
  decrypt: async (cipherText) => (await safeStorage.decryptStringAsync(cipherText)).result,
};
