import { XmlError } from '../core/xml-error.js';

/** A UUID: 32 hex digits, in the usual 8-4-4-4-12 grouping or without hyphens (both libvirt accepts). */
export function validateUuid(uuid: string, field = 'uuid'): XmlError | undefined {
  if (/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(uuid)) return undefined;
  if (/^[0-9a-fA-F]{32}$/.test(uuid)) return undefined;
  return new XmlError(field, `'${uuid}' is not a UUID (expected 32 hex digits like 4dea22b3-1d52-d8f3-2516-782e98ab3fa0)`);
}

/** The canonical lower-case hyphenated form. */
export function normalizeUuid(uuid: string): string {
  const hex = uuid.replaceAll('-', '').toLowerCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new random (version 4) UUID in canonical form; Web Crypto, so it runs in Node and in the renderer alike. */
export function generateUuid(): string {
  return globalThis.crypto.randomUUID();
}
