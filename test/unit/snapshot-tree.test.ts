import { describe, expect, it } from 'vitest';
import type { SnapshotSummary } from '../../main/api/contract/index.js';
import { defaultMemoryPath, defaultOverlayPath } from '../../main/api/contract/index.js';
import { descendantsOf, nextSnapshotName, snapshotRows } from '../../renderer/vm/snapshots/snapshot-tree.js';

const snap = (name: string, parent: string | null, creationTime: number): SnapshotSummary => ({
  key: name, name, parent, current: false, description: '', creationTime, state: 'running', kind: 'internal', memoryFile: null, diskFiles: [], hasScreenshot: false,
});

describe('the snapshots tree', () => {
  const items = [snap('c', 'a', 3), snap('a', null, 1), snap('b', 'a', 2), snap('d', 'b', 4), snap('orphan', 'gone', 5)];

  it('puts each parent before its children, siblings oldest first, with their depth and place', () => {
    expect(snapshotRows(items).map((r) => [r.snapshot.name, r.level, r.posinset, r.setsize, r.hasChildren])).toEqual([
      ['a', 1, 1, 2, true], ['b', 2, 1, 2, true], ['d', 3, 1, 1, false], ['c', 2, 2, 2, false], ['orphan', 1, 2, 2, false],
    ]);
  });

  it('leaves out the children of collapsed rows', () => {
    expect(snapshotRows(items, new Set(['b'])).map((r) => r.snapshot.name)).toEqual(['a', 'b', 'c', 'orphan']);
  });

  it('names every descendant (what delete with children deletes)', () => {
    expect(descendantsOf(items, 'a').sort()).toEqual(['b', 'c', 'd']);
    expect(descendantsOf(items, 'd')).toEqual([]);
  });

  it('names a new snapshot snapshotN, the first not taken', () => {
    expect(nextSnapshotName([])).toBe('snapshot1');
    expect(nextSnapshotName([snap('snapshot1', null, 1), snap('snapshot3', null, 2)])).toBe('snapshot2');
  });

  it('places an external snapshot’s files beside the disk', () => {
    expect(defaultOverlayPath('/var/lib/libvirt/images/vm.qcow2', 'snapshot2')).toBe('/var/lib/libvirt/images/vm.snapshot2');
    expect(defaultOverlayPath('/images/disk', 's')).toBe('/images/disk.s');
    expect(defaultMemoryPath('/images/vm.qcow2', 'vm', 's1')).toBe('/images/vm-mem.s1');
  });
});
