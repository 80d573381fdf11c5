import { describe, expect, it } from 'vitest';
import { parseStoragePool } from '../../../drivers/xml/index.js';
import { buildNewPool, initialPool } from '../../../renderer/wizards/newpool/new-pool-form.js';

describe('New pool form: the pool XML it builds', () => {
  it('gives a logical pool the target /dev/<group>, with the group and its devices as the source', () => {
    const xml = buildNewPool({ ...initialPool([]), type: 'logical', name: 'p-lv', sourceName: ' hangarvg ', device: '/dev/loop3, /dev/loop4' }).toXml();
    const pool = parseStoragePool(xml);
    expect(pool.targetPath).toBe('/dev/hangarvg');
    expect(xml).toMatch(/<target>\s*<path>\/dev\/hangarvg<\/path>\s*<\/target>/);
    expect(xml).toContain("<device path='/dev/loop3'/>");
    expect(xml).toContain("<device path='/dev/loop4'/>");
    expect(xml).toContain('<name>hangarvg</name>');
  });

  it('keeps the target the user typed for a dir pool', () => {
    const pool = parseStoragePool(buildNewPool({ ...initialPool([]), type: 'dir', name: 'p', target: '/srv/pool ' }).toXml());
    expect(pool.targetPath).toBe('/srv/pool');
  });
});
