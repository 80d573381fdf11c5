import type { XmlElement } from '../core/nodes.js';

/** `<permissions>` of a pool target or volume. */
export interface Permissions {
  readonly mode?: string;
  readonly owner?: string;
  readonly group?: string;
  readonly label?: string;
}

export function readPermissions(el: XmlElement | undefined): Permissions | undefined {
  if (el === undefined) return undefined;
  const out: { mode?: string; owner?: string; group?: string; label?: string } = {};
  for (const k of ['mode', 'owner', 'group', 'label'] as const) {
    const v = el.child(k)?.text.trim();
    if (v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

export function writePermissions(el: XmlElement, perms: Permissions): void {
  for (const k of ['mode', 'owner', 'group', 'label'] as const) {
    const v = perms[k];
    const existing = el.child(k);
    if (v === undefined) {
      if (existing !== undefined) el.removeChild(existing);
    } else {
      el.ensureChild(k, ['mode', 'owner', 'group', 'label']).text = v;
    }
  }
}
