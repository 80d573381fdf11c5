// Byte channels through the API against real peers (the Demo host and the lab's libvirtd), over both transports:
// the browser-mode WebSocket (binary frames beside the JSON), and MessagePorts as the Electron bridge uses them
// (worker_threads ports standing in for Electron's, the same channel code on either side). Volume upload and
// download are the channels' first users. The figures are printed to be quoted.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiService } from '../../../main/api/api-service.js';
import { PortChannels as ServicePortChannels } from '../../../main/api/channels/port-channels.js';
import type { ByteChannel } from '../../../main/api/contract/byte-channel.js';
import { CHANNEL_CHUNK, CHANNEL_WINDOW, type ChannelCall } from '../../../main/api/contract/channels.js';
import type { CallInput, CallName, CallResults } from '../../../main/api/contract/index.js';
import { startBrowserMode, type BrowserMode } from '../../../main/web/browser-mode.js';
import { ApiClient, type PreloadBridge } from '../../../renderer/state/api-client.js';
import { PortChannels as PagePortChannels } from '../../../renderer/state/channels/port-channels.js';
import { startLab, type Lab } from '../../lab/lab.js';
import { ApiSocket } from '../../support/api-socket.js';
import { workerPortPair } from '../../support/worker-ports.js';

const MiB = 1024 * 1024;
const DEMO_POOL = '4f1a2b3c-2001-4d5e-8f60-7a8b9c0d1e21';
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const sha = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** What a test needs of a client, whichever transport it speaks. */
interface Client {
  call<C extends CallName>(call: C, input: CallInput<C>): Promise<CallResults[C]>;
  openChannel<C extends ChannelCall>(call: C, input: CallInput<C>): Promise<ByteChannel>;
  /** The session goes away (the tab closes, the window is destroyed), with no goodbye from the client. */
  drop(): Promise<void>;
}

async function webSocketClient(web: BrowserMode): Promise<Client> {
  const socket = await ApiSocket.open(web.url);
  return { call: (c, i) => socket.call(c, i), openChannel: (c, i) => socket.openChannel(c, i), drop: () => socket.close() };
}

/**
 * A page's ApiClient on a session opened as IpcBridge opens one: frames through a stand-in for the preload
 * (structured clones, delivered asynchronously as IPC is), a MessagePort pair per channel handed to the page.
 */
function portClient(api: ApiService): Client {
  const page = new PagePortChannels();
  let toPage: (frame: unknown) => void = () => undefined;
  const session = api.open((frame) => {
    const copy = structuredClone(frame);
    setImmediate(() => toPage(copy));
  }, new ServicePortChannels(workerPortPair, (id, remote) => page.accept(id, remote)));
  const bridge: PreloadBridge = {
    version: 'test',
    send: (frame) => {
      const copy = structuredClone(frame);
      setImmediate(() => session.handle(copy));
    },
    onFrame: (listener) => {
      toPage = listener;
      return () => (toPage = () => undefined);
    },
  };
  const client = new ApiClient(bridge, page);
  return {
    call: (c, i) => client.call(c, i),
    openChannel: (c, i) => client.openChannel(c, i),
    drop: async () => session.dispose(),
  };
}

async function upload(client: Client, target: { connection: string; pool: string; volume: string }, data: Uint8Array): Promise<number> {
  const started = performance.now();
  const channel = await client.openChannel('storage.uploadVolume', target);
  for (let off = 0; off < data.byteLength; off += 4 * MiB) await channel.send(data.subarray(off, off + 4 * MiB));
  await channel.end();
  const end = await channel.closed;
  if (end.error) throw new Error(`upload failed: ${end.reason}`);
  expect(channel.stats.maxInFlight).toBeLessThanOrEqual(CHANNEL_WINDOW);
  return (performance.now() - started) / 1000;
}

async function download(client: Pick<Client, 'openChannel'>, target: { connection: string; pool: string; volume: string; length: number }): Promise<{ sha: string; bytes: number; seconds: number; maxBuffered: number }> {
  const started = performance.now();
  const channel = await client.openChannel('storage.downloadVolume', target);
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of channel) {
    hash.update(chunk);
    bytes += chunk.byteLength;
  }
  return { sha: hash.digest('hex'), bytes, seconds: (performance.now() - started) / 1000, maxBuffered: channel.stats.maxBuffered };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(10);
  }
}

describe('byte channels through the API', () => {
  let lab: Lab;
  let dataDir: string;
  let web: BrowserMode;
  let labPool: string;
  const transports = ['WebSocket', 'MessagePort'] as const;
  const connect = (transport: (typeof transports)[number]): Promise<Client> =>
    transport === 'WebSocket' ? webSocketClient(web) : Promise.resolve(portClient(web.services.api));
  const target = (host: 'Demo host' | 'lab libvirtd', volume?: string): { connection: string; pool: string; volume: string } =>
    host === 'Demo host' ? { connection: 'demo', pool: DEMO_POOL, volume: volume ?? 'alpine-router.qcow2' } : { connection: 'lab', pool: labPool, volume: volume ?? 'big.raw' };
  /** Files of the channel pool that libvirtd (or an I/O helper of its) holds open: one per open volume stream. */
  const labStreams = async (): Promise<number> => {
    const script = `for p in $(pgrep 'libvirtd|iohelper'); do ls -l /proc/$p/fd 2>/dev/null; done | grep -c '${join(lab.dir, 'chan')}/' || true`;
    return Number((await lab.exec('sh', ['-c', script])).stdout.trim() || '0');
  };

  beforeAll(async () => {
    lab = await startLab();
    await lab.virsh(['pool-define-as', 'chan', 'dir', '--target', join(lab.dir, 'chan')]);
    await lab.virsh(['pool-build', 'chan']);
    await lab.virsh(['pool-start', 'chan']);
    for (const [name, size] of [['big.raw', '64M'], ['small.raw', '16M'], ['stall.raw', '64M']] as const) {
      await lab.virsh(['vol-create-as', 'chan', name, size, '--format', 'raw']);
    }
    dataDir = mkdtempSync(join(tmpdir(), 'hangar-data-'));
    writeFileSync(join(dataDir, 'connections.json'), JSON.stringify({
      version: 1,
      connections: [{ id: 'lab', uri: lab.uri, name: 'lab', autoconnect: true }, { id: 'demo', uri: 'test:///default', name: 'Demo', autoconnect: true }],
    }));
    web = await startBrowserMode({ dataDir });
    const probe = await ApiSocket.open(web.url);
    await until(async () => (await probe.call('storage.list', { connection: 'lab' }).catch(() => ({ items: [] }))).items.some((p) => p.name === 'chan'), 15_000, 'lab pools listed');
    await until(async () => (await probe.call('storage.list', { connection: 'demo' }).catch(() => ({ items: [] }))).items.length > 0, 15_000, 'Demo pools listed');
    labPool = (await probe.call('storage.list', { connection: 'lab' })).items.find((p) => p.name === 'chan')?.uuid ?? '';
    await probe.close();
  });
  afterAll(async () => {
    await web?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await lab?.stop();
  });

  for (const transport of transports) {
    for (const host of ['Demo host', 'lab libvirtd'] as const) {
      it(`${transport}, ${host}: 64 MiB up a volume and back down, checksums equal`, async () => {
        const client = await connect(transport);
        const data = randomBytes(64 * MiB);
        const up = await upload(client, target(host), data);
        const down = await download(client, { ...target(host), length: data.byteLength });
        expect(down.bytes).toBe(data.byteLength);
        expect(down.sha).toBe(sha(data));
        expect(down.maxBuffered).toBeLessThanOrEqual(CHANNEL_WINDOW);
        if (host === 'lab libvirtd') expect((await lab.exec('sha256sum', [join(lab.dir, 'chan', 'big.raw')])).stdout.split(' ')[0]).toBe(sha(data));
        console.log(`${transport}, ${host}: upload 64 MiB ${up.toFixed(2)} s (${(64 / up).toFixed(0)} MiB/s), download ${down.seconds.toFixed(2)} s (${(64 / down.seconds).toFixed(0)} MiB/s), sha256 ${down.sha.slice(0, 12)}…, max buffered in the client ${down.maxBuffered} B`);
        await client.drop();
        await until(() => web.services.api.openChannels === 0, 2000, 'channels released');
      });
    }

    it(`${transport}: a stalled reader holds its writer within the window while other channels of the session flow`, async () => {
      const client = await connect(transport);
      // Stalled on the lab host: libvirt has no per-stream flow control, so a stream nobody drains pauses the RPC
      // connection it runs on; streams have a connection of their own, and the host's main one keeps answering.
      const stalled = await client.openChannel('storage.downloadVolume', { ...target('lab libvirtd', 'stall.raw'), length: 64 * MiB });
      await sleep(300);
      const heldAfter = stalled.stats.bytesIn;
      expect(heldAfter).toBe(CHANNEL_WINDOW);
      const labId = target('lab libvirtd', 'stall.raw').connection;
      const asked = performance.now();
      expect((await client.call('connections.hostInfo', { connection: labId })).driver).toBe('QEMU');
      expect((await client.call('storage.list', { connection: labId })).items.length).toBeGreaterThan(0);
      console.log(`${transport}, while a lab download is stalled the lab host answers calls in ${(performance.now() - asked).toFixed(0)} ms`);
      // Meanwhile: the lab host round trip (its own transfer connections) and a download from the Demo host.
      const data = randomBytes(16 * MiB);
      const started = performance.now();
      await upload(client, target('lab libvirtd', 'small.raw'), data);
      const [lab16, demo16] = await Promise.all([
        download(client, { ...target('lab libvirtd', 'small.raw'), length: data.byteLength }),
        download(client, { ...target('Demo host'), length: 16 * MiB }),
      ]);
      const seconds = (performance.now() - started) / 1000;
      expect(lab16.sha).toBe(sha(data));
      expect(demo16.bytes).toBe(16 * MiB);
      // The stalled channel got one window and no more, and holds it unread.
      expect(stalled.stats.bytesIn).toBe(heldAfter);
      expect(stalled.stats.maxBuffered).toBeLessThanOrEqual(CHANNEL_WINDOW + CHANNEL_CHUNK);
      expect(stalled.buffered).toBe(stalled.stats.bytesIn);
      console.log(`${transport}, stalled reader: ${stalled.stats.bytesIn} B received of 64 MiB (window ${CHANNEL_WINDOW} B), max buffered ${stalled.stats.maxBuffered} B; meanwhile 16 MiB up + 16 MiB down on the lab and 16 MiB down on the Demo host in ${seconds.toFixed(2)} s (${(48 / seconds).toFixed(0)} MiB/s)`);
      // Reading again drains it at full speed.
      let rest = 0;
      const draining = performance.now();
      for await (const chunk of stalled) rest += chunk.byteLength;
      expect(rest).toBe(64 * MiB);
      console.log(`${transport}, the stalled reader resumed: 64 MiB in ${((performance.now() - draining) / 1000).toFixed(2)} s`);
      await client.drop();
    });

    it(`${transport}: closing the session closes every channel on the service side and aborts their libvirt streams`, async () => {
      const before = await ApiSocket.open(web.url);
      const original = await download(before, { ...target('Demo host'), length: MiB });
      await before.close();

      const client = await connect(transport);
      const labDownload = await client.openChannel('storage.downloadVolume', { ...target('lab libvirtd', 'stall.raw'), length: 64 * MiB });
      const labUpload = await client.openChannel('storage.uploadVolume', target('lab libvirtd', 'small.raw'));
      const demoUpload = await client.openChannel('storage.uploadVolume', target('Demo host'));
      await labUpload.send(randomBytes(MiB));
      await demoUpload.send(randomBytes(MiB));
      await sleep(300);
      expect(web.services.api.openChannels).toBe(3);
      const helpers = await labStreams();
      expect(helpers).toBeGreaterThanOrEqual(2);
      await client.drop();
      await until(() => web.services.api.openChannels === 0, 2000, 'channels closed with the session');
      expect(await labDownload.closed).toMatchObject({ error: true, by: 'peer' });
      await until(async () => (await labStreams()) === 0, 5000, "libvirtd's volume files closed");
      // The Demo upload was aborted, not finished: the volume's bytes are still the ones from before.
      const after = await ApiSocket.open(web.url);
      const now = await download(after, { ...target('Demo host'), length: MiB });
      expect(now.sha).toBe(original.sha);
      // The lab host works on.
      const quick = await download(after, { ...target('lab libvirtd', 'small.raw'), length: MiB });
      expect(quick.bytes).toBe(MiB);
      await after.close();
      console.log(`${transport}, session closed: 3 channels open (libvirtd holding ${helpers} of the pool's files open) → 0 channels, 0 files open`);
    });
  }

  for (const host of ['Demo host', 'lab libvirtd'] as const) {
    it(`${host}: upload and download refuse a bad input naming the field, and carry libvirt's refusal; no channel is left`, async () => {
      const client = await ApiSocket.open(web.url);
      for (const call of ['storage.uploadVolume', 'storage.downloadVolume'] as const) {
        await expect(client.openChannel(call, { ...target(host), volume: '../etc' })).rejects.toThrow(expect.objectContaining({ field: 'volume' }));
        await expect(client.openChannel(call, { ...target(host), offset: -1 })).rejects.toThrow(expect.objectContaining({ field: 'offset' }));
        // VIR_ERR_NO_STORAGE_VOL
        await expect(client.openChannel(call, { ...target(host), volume: 'missing.raw' }))
          .rejects.toThrow(expect.objectContaining({ code: 50, message: expect.stringMatching(/missing\.raw/) }));
      }
      expect(web.services.api.openChannels).toBe(0);
      await client.close();
    });
  }

  it('a message over the size limit costs only its own socket, closed with 1009; the service answers others', async () => {
    const good = await ApiSocket.open(web.url);
    const bad = await ApiSocket.open(web.url);
    const refused = bad.send('connections.list', { junk: 'x'.repeat(64 * MiB) });
    await expect(refused).rejects.toThrow(/closed \(1009/);
    expect(await bad.closed).toMatchObject({ code: 1009 });
    expect((await good.call('connections.list', {})).items.length).toBe(2);
    const later = await ApiSocket.open(web.url);
    expect((await later.call('connections.list', {})).items.length).toBe(2);
    // A binary message that is no channel frame: that socket closes, naming why.
    const broken = await ApiSocket.open(web.url);
    broken.sendRaw(new Uint8Array([7, 7]));
    expect(await broken.closed).toEqual({ code: 1002, reason: 'binary messages are channel frames' });
    expect((await good.call('connections.list', {})).items.length).toBe(2);
    await good.close();
    await later.close();
  });
});
