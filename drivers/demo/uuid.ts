// UUIDs as libvirt handles them: 32 hex digits, dashes optional on input, canonical lowercase on output.
import { randomUUID } from 'node:crypto';

export function newUuid(): string {
  return randomUUID();
}

/** The canonical form of `text`, or null if it is not a UUID libvirt would accept. */
export function canonicalUuid(text: string): string | null {
  const hex = text.trim().replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
