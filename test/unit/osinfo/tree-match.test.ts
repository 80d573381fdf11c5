// An install tree's .treeinfo matched against Debian's osinfo-db <tree><treeinfo> rules.
import { describe, expect, it } from 'vitest';
import { parseTreeInfo } from '../../../main/services/install-tree/treeinfo.js';
import { OsinfoDb } from '../../../main/services/osinfo/osinfo-db.js';
import { identifyTree } from '../../../main/services/osinfo/tree-match.js';

const db = new OsinfoDb();
const treeinfo = (family: string, version: string, arch = 'x86_64'): string =>
  `[release]\nname = ${family}\nversion = ${version}\n[tree]\narch = ${arch}\n[images-${arch}]\nkernel = images/pxeboot/vmlinuz\ninitrd = images/pxeboot/initrd.img\n`;

describe('tree detection', () => {
  it('names Fedora 36 and CentOS Stream 9 from their .treeinfo', () => {
    expect(identifyTree(db, parseTreeInfo(treeinfo('Fedora', '36'), 'x86_64'), 'x86_64')?.shortId).toBe('fedora36');
    expect(identifyTree(db, parseTreeInfo(treeinfo('CentOS Stream', '9'), 'x86_64'), 'x86_64')?.shortId).toBe('centos-stream9');
  });
  it('takes a rule matching the whole version over one found inside it', () => {
    const os = identifyTree(db, parseTreeInfo(treeinfo('Fedora', '33'), 'x86_64'), 'x86_64');
    expect(os?.shortId).toBe('fedora33');
  });
  it('names nothing for a family osinfo-db does not know, or a tree without a family', () => {
    expect(identifyTree(db, parseTreeInfo(treeinfo('Hangar Tiny', '1'), 'x86_64'), 'x86_64')).toBeNull();
    expect(identifyTree(db, parseTreeInfo('[images-x86_64]\nkernel = k\ninitrd = i\n', 'x86_64'), 'x86_64')).toBeNull();
  });
});
