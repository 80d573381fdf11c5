// Behaviour libvirt's test driver lacks but real hypervisors and the Demo host have: serial consoles, device
// hot-plug, volume resize and data streams, domain capabilities, refusing to undefine a transient domain.
import { expect } from 'vitest';
import * as api from '../../../drivers/api/index.js';
import type { SuiteScope } from '../scope.js';
import { collect, expectVirError } from '../support.js';

const GiB = 1024 ** 3;
const ESC = String.fromCharCode(27);

async function readUntil(stream: api.Stream, pattern: RegExp, ms = 5000): Promise<string> {
  let text = '';
  const decoder = new TextDecoder();
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`console never printed ${pattern}; got ${JSON.stringify(text.slice(-400))}`));
    }, ms);
    const sub = stream.onData((chunk) => {
      text += decoder.decode(chunk, { stream: true });
      if (pattern.test(text)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(text);
      }
    });
  });
}

export function demoExtraCases(s: SuiteScope): void {
  const it = s.it;
  const f = s.features;
  const dom = (name: string): Promise<api.Domain> => s.conn().domainLookupByName(name);

  it.runIf(f.console)('opens the serial console of a running domain: boot log, then a shell that answers', async () => {
    const stream = await (await dom('alpha')).openConsole(null);
    try {
      // A real busybox shell may ask the terminal for the cursor position (ESC [6n) right after its prompt.
      const boot = await readUntil(stream, new RegExp(`# (?:${ESC}\\[6n)?$`), s.guestBootMs);
      expect(boot).toMatch(/Linux version/);
      const answer = readUntil(stream, /hello from hangar/);
      await stream.send(new TextEncoder().encode('echo hello from hangar\r'));
      expect(await answer).toContain('hello from hangar');
    } finally {
      await stream.abort();
    }
  });

  it.runIf(f.console)('refuses a console for a domain that is not running', async () => {
    await expectVirError((await dom('beta')).openConsole(null), api.VIR_ERR_OPERATION_INVALID, /domain is not running/);
  });

  it.runIf(f.console)('allows one console session at a time unless forced', async () => {
    const alpha = await dom('alpha');
    const first = await alpha.openConsole(null);
    await expectVirError(alpha.openConsole(null), api.VIR_ERR_OPERATION_FAILED, /Active console session exists/);
    const ended = new Promise<api.VirError | null>((r) => first.onEnd(r));
    const second = await alpha.openConsole(null, api.VIR_DOMAIN_CONSOLE_FORCE);
    // libvirtd ends the session that lost the console with an error of its stream.
    expect(await ended).toMatchObject({ code: api.VIR_ERR_RPC, domain: api.VIR_FROM_STREAMS, message: 'stream had I/O failure' });
    expect(first.open).toBe(false);
    await second.abort();
  });

  it.runIf(f.console)('ends the console stream when the domain stops', async () => {
    const alpha = await dom('alpha');
    const stream = await alpha.openConsole(null);
    const ended = new Promise<api.VirError | null>((r) => stream.onEnd(r));
    await alpha.destroy();
    expect(await ended).toBeNull();
  });

  it.runIf(f.hotplug)('hot-plugs and unplugs a disk with DEVICE_ADDED and DEVICE_REMOVED events', async () => {
    const c = s.conn();
    const alpha = await dom('alpha');
    const added = await collect<api.DomainDeviceAddedEvent>((l) => c.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_DEVICE_ADDED, l));
    const removed = await collect<api.DomainDeviceRemovedEvent>((l) => c.domainEventRegisterAny(api.VIR_DOMAIN_EVENT_ID_DEVICE_REMOVED, l));
    const disk = "<disk type='file' device='disk'><source file='/contract/extra.img'/><target dev='vdb' bus='virtio'/></disk>";
    await alpha.attachDevice(disk, api.VIR_DOMAIN_AFFECT_LIVE);
    expect(await alpha.getXMLDesc()).toContain("<target dev='vdb' bus='virtio'/>");
    expect((await added.next(() => true)).devAlias).toBe('virtio-disk1');
    await alpha.detachDevice(disk, api.VIR_DOMAIN_AFFECT_LIVE);
    expect(await alpha.getXMLDesc()).not.toContain("dev='vdb'");
    expect((await removed.next(() => true)).devAlias).toBe('virtio-disk1');
    await added.dispose();
    await removed.dispose();
  });

  it.runIf(f.hotplug)('refuses to unplug a device the domain does not have, or to plug a target twice', async () => {
    const alpha = await dom('alpha');
    await expectVirError(
      alpha.detachDevice("<disk type='file' device='disk'><target dev='vdz' bus='virtio'/></disk>"),
      api.VIR_ERR_DEVICE_MISSING,
      /vdz/,
    );
    // An image that exists: libvirtd checks the source before the target (a missing one is a system error).
    const twin = "<disk type='file' device='disk'><source file='/contract/extra.img'/><target dev='vda' bus='virtio'/></disk>";
    await expectVirError(alpha.attachDevice(twin), api.VIR_ERR_XML_ERROR, /target 'vda' duplicated for disk sources '.+' and '\/contract\/extra\.img'/);
    await expectVirError(alpha.attachDevice(twin, api.VIR_DOMAIN_AFFECT_CONFIG), api.VIR_ERR_OPERATION_INVALID, /target vda already exists/);
  });

  it.runIf(f.hotplug)('changes only the persistent definition with AFFECT_CONFIG', async () => {
    const alpha = await dom('alpha');
    await alpha.attachDevice("<disk type='file' device='disk'><source file='/c.img'/><target dev='vdc' bus='virtio'/></disk>", api.VIR_DOMAIN_AFFECT_CONFIG);
    expect(await alpha.getXMLDesc()).not.toContain("dev='vdc'");
    expect(await alpha.getXMLDesc(api.VIR_DOMAIN_XML_INACTIVE)).toContain("dev='vdc'");
    // libvirtd does not count a config-only change as "updated".
    expect(await alpha.isUpdated()).toBe(false);
  });

  it.runIf(f.volumeData)('resizes a volume with the pool accounting the new allocation', async () => {
    const p = await s.conn().storagePoolLookupByName('pool-a');
    const v = await p.storageVolLookupByName('disk1.img');
    await v.resize(2 * GiB, api.VIR_STORAGE_VOL_RESIZE_ALLOCATE);
    expect(await v.getInfo()).toMatchObject({ capacity: 2 * GiB, allocation: 2 * GiB });
    expect((await p.getInfo()).allocation).toBe(3 * GiB);
    // Never below what is allocated, shrink flag or not.
    await expectVirError(v.resize(GiB), api.VIR_ERR_INVALID_ARG, /can't shrink capacity below existing allocation/);
    await expectVirError(v.resize(GiB, api.VIR_STORAGE_VOL_RESIZE_SHRINK), api.VIR_ERR_INVALID_ARG, /can't shrink capacity below existing allocation/);
    // A sparse volume shrinks, with the flag only.
    const sparse = await p.storageVolCreateXML("<volume><name>sparse.img</name><capacity unit='GiB'>2</capacity><allocation>0</allocation></volume>");
    try {
      await expectVirError(sparse.resize(GiB), api.VIR_ERR_INVALID_ARG, /Can't shrink capacity below current capacity unless shrink flag/);
      await sparse.resize(GiB, api.VIR_STORAGE_VOL_RESIZE_SHRINK);
      expect((await sparse.getInfo()).capacity).toBe(GiB);
    } finally {
      await sparse.delete();
    }
  });

  it.runIf(f.volumeData)('uploads into a volume and downloads the same bytes', async () => {
    const v = await (await s.conn().storagePoolLookupByName('pool-b')).storageVolCreateXML(
      "<volume><name>data.img</name><capacity unit='MiB'>4</capacity><allocation>0</allocation></volume>",
    );
    const payload = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    const up = await v.upload(1000, payload.byteLength);
    for (let i = 0; i < payload.byteLength; i += 65536) await up.send(payload.subarray(i, i + 65536));
    await up.finish();
    const down = await v.download(1000, payload.byteLength);
    const parts: Uint8Array[] = [];
    for await (const chunk of down) parts.push(chunk);
    await down.finish();
    const got = Buffer.concat(parts);
    expect(got.byteLength).toBe(payload.byteLength);
    expect(Buffer.compare(got, Buffer.from(payload))).toBe(0);
  });

  it.runIf(f.domainCapabilities)('returns domain capabilities XML', async () => {
    const xml = await s.conn().getDomainCapabilities(null, 'x86_64', null, null);
    expect(xml).toMatch(/^<domainCapabilities>/);
    expect(xml).toContain('<arch>x86_64</arch>');
  });

  it.runIf(f.refusesTransientUndefine)('refuses to undefine a transient domain', async () => {
    await expectVirError((await dom('delta')).undefine(), api.VIR_ERR_OPERATION_INVALID, /cannot undefine transient domain/);
  });
}

