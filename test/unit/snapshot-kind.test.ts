import { describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../drivers/xml/index.js';
import { kindOf } from '../../main/services/snapshot-service.js';

const doc = (inner: string): string => `<domainsnapshot><name>s</name>${inner}</domainsnapshot>`;

describe('a snapshot’s kind', () => {
  it('follows where libvirt keeps its memory state and its disks’ changes', () => {
    expect(kindOf(parseSnapshot(doc("<state>running</state><memory snapshot='internal'/><disks><disk name='vda' snapshot='internal'/></disks>")))).toBe('internal');
    expect(kindOf(parseSnapshot(doc("<state>running</state><memory snapshot='external' file='/m'/><disks><disk name='vda' snapshot='external'/></disks>")))).toBe('external');
    expect(kindOf(parseSnapshot(doc("<state>disk-snapshot</state><memory snapshot='no'/><disks><disk name='vda' snapshot='external'/></disks>")))).toBe('disk-only');
    expect(kindOf(parseSnapshot(doc("<state>shutoff</state><memory snapshot='no'/><disks><disk name='vda' snapshot='external'/></disks>")))).toBe('disk-only');
    expect(kindOf(parseSnapshot(doc("<state>running</state><memory snapshot='external' file='/m'/><disks><disk name='vda' snapshot='no'/></disks>")))).toBe('memory-only');
  });
});
