import { describe, expect, it } from 'vitest';
import { clonePath, newMac, uniqueCloneName } from '../../main/services/vm-clone.js';

describe('clone defaults', () => {
  it('makes <vm>-clone unique', () => {
    expect(uniqueCloneName('web', new Set(['web']))).toBe('web-clone');
    expect(uniqueCloneName('web', new Set(['web', 'web-clone', 'web-clone1']))).toBe('web-clone2');
  });

  it('names the copy after the clone, or adds -clone', () => {
    expect(clonePath('/pool/web.qcow2', 'web', 'web-clone')).toBe('/pool/web-clone.qcow2');
    expect(clonePath('/pool/data.raw', 'web', 'web-clone')).toBe('/pool/data-clone.raw');
    expect(clonePath('/pool/disk', 'web', 'web-clone')).toBe('/pool/disk-clone');
  });

  it('gives QEMU-range MACs', () => {
    expect(newMac()).toMatch(/^52:54:00(:[0-9a-f]{2}){3}$/);
  });
});
