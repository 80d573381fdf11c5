// The Demo host feeds the app's XML models: every XML it returns parses with drivers/xml and names the object
// it describes.
import { describe, expect, it } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import { openConnection } from '../../../drivers/index.js';
import {
  parseCapabilities,
  parseDomain,
  parseDomainCapabilities,
  parseNetwork,
  parseNodeDevice,
  parseSnapshot,
  parseStoragePool,
  parseStorageVolume,
} from '../../../drivers/xml/index.js';

describe('Demo host XML and the drivers/xml models', () => {
  it('every object of the built-in host reads back through the models', async () => {
    const c = await openConnection('test:///default');
    try {
      for (const d of await c.listAllDomains()) {
        for (const flags of [0, api.VIR_DOMAIN_XML_INACTIVE]) {
          const m = parseDomain(await d.getXMLDesc(flags));
          expect([m.name, m.uuid]).toEqual([d.name, d.uuid]);
        }
        for (const s of await d.listAllSnapshots()) expect(parseSnapshot(await s.getXMLDesc()).name).toBe(s.name);
      }
      for (const n of await c.listAllNetworks()) expect(parseNetwork(await n.getXMLDesc()).name).toBe(n.name);
      for (const p of await c.listAllStoragePools()) {
        expect(parseStoragePool(await p.getXMLDesc()).name).toBe(p.name);
        for (const v of await p.listAllVolumes()) expect(parseStorageVolume(await v.getXMLDesc()).name).toBe(v.name);
      }
      for (const dev of await c.listAllNodeDevices()) expect(parseNodeDevice(await dev.getXMLDesc()).name).toBe(dev.name);
      expect(parseCapabilities(await c.getCapabilities()).guests.length).toBeGreaterThan(0);
      expect(parseDomainCapabilities(await c.getDomainCapabilities(null, 'x86_64', null, null)).maxVcpus).toBe(32);
    } finally {
      await c.close();
    }
  });
});
