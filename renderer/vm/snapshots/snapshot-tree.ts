import type { SnapshotSummary } from '../../../main/api/contract/index.js';

/** One row of the snapshots tree: the snapshot, its depth, its place among its siblings, and whether it has children. */
export interface SnapshotRow {
  readonly snapshot: SnapshotSummary;
  readonly level: number;
  readonly posinset: number;
  readonly setsize: number;
  readonly hasChildren: boolean;
}

const byTime = (a: SnapshotSummary, b: SnapshotSummary): number =>
  (a.creationTime ?? 0) - (b.creationTime ?? 0) || a.name.localeCompare(b.name);

/**
 * The snapshots in tree order (each parent before its children, siblings oldest first), leaving out the children
 * of collapsed rows. A snapshot whose parent is not listed is a root.
 */
export function snapshotRows(items: readonly SnapshotSummary[], collapsed: ReadonlySet<string> = new Set()): SnapshotRow[] {
  const names = new Set(items.map((s) => s.name));
  const children = new Map<string | null, SnapshotSummary[]>();
  for (const s of items) {
    const parent = s.parent !== null && names.has(s.parent) ? s.parent : null;
    const list = children.get(parent) ?? [];
    list.push(s);
    children.set(parent, list);
  }
  const rows: SnapshotRow[] = [];
  const walk = (parent: string | null, level: number): void => {
    const kids = [...(children.get(parent) ?? [])].sort(byTime);
    kids.forEach((s, i) => {
      const hasChildren = (children.get(s.name)?.length ?? 0) > 0;
      rows.push({ snapshot: s, level, posinset: i + 1, setsize: kids.length, hasChildren });
      if (hasChildren && !collapsed.has(s.name)) walk(s.name, level + 1);
    });
  };
  walk(null, 1);
  return rows;
}

/** The names of a snapshot's descendants (what "delete with children" also deletes). */
export function descendantsOf(items: readonly SnapshotSummary[], name: string): string[] {
  const out: string[] = [];
  const walk = (parent: string): void => {
    for (const s of items) {
      if (s.parent === parent) {
        out.push(s.name);
        walk(s.name);
      }
    }
  };
  walk(name);
  return out;
}

/** virt-manager's default name: `snapshot1`, `snapshot2`… the first not taken. */
export function nextSnapshotName(items: readonly SnapshotSummary[]): string {
  const taken = new Set(items.map((s) => s.name));
  for (let n = 1; ; n++) if (!taken.has(`snapshot${n}`)) return `snapshot${n}`;
}

/** The snapshot's own kind decides how it can be reverted: external ones need libvirt 9.9. */
export const isExternal = (s: SnapshotSummary): boolean => s.kind !== 'internal';
